"""Every page type, and every page of the fixture offer's site: language, title, one h1,
headings in order, landmarks, and link text that makes sense out of context."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import SITE_NAME

# Link text that says nothing once read out of its sentence, as a screen reader's link list does.
# The footer link to the accessibility statement, in each language of the sites checked.
STATEMENT_NAMES = {"en": "Accessibility statement", "pl": "Deklaracja dostępności",
                   "ro": "Declarație de accesibilitate"}
VAGUE_LINK_TEXT = {"click here", "here", "more", "read more", "learn more", "find out more",
                   "this page", "this", "link", "website", "click", "go", "details"}


@pytest.fixture(scope="module")
def outlines(scans):
    """Each page type's outline (read once, with the axe scan)."""
    return {name: scans[name]["outline"] for name in PAGE_TYPES}


# ---- The checks, each on one page's outline; an AssertionError says what is wrong ----

def check_title(outline: dict, is_home: bool, is_service: bool) -> None:
    title, h1 = outline["title"], outline["headings"][0][1]
    if is_home:
        assert title == SITE_NAME
    elif is_service:
        assert title == f"{h1} - {SITE_NAME}", "a service page's title names the service"
    else:
        page_part = title.removesuffix(f" - {SITE_NAME}")
        assert page_part != title and page_part.strip(), f"{title!r} should be 'Page - Site'"


def check_headings(outline: dict) -> None:
    headings = outline["headings"]
    levels = [level for level, _ in headings]
    assert levels.count(1) == 1 and levels[0] == 1, f"one h1, first: {headings}"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"h{before} is followed by h{after}: {headings}"
    assert all(text for _, text in headings), f"an empty heading: {headings}"


def check_landmarks(outline: dict) -> None:
    assert outline["skipLink"], "no skip link to #main-content holding the h1"
    assert outline["main"] == 1 and outline["banner"] == 1 and outline["contentinfo"] == 1
    assert outline["navs"] and all(outline["navs"]), "every navigation landmark is named"
    assert len(set(outline["navs"])) == len(outline["navs"]), "navigation names repeat"


def check_link_text(outline: dict) -> None:
    targets = defaultdict(set)
    for text, href in outline["links"]:
        assert text, f"a link to {href} has no text"
        assert text.casefold().strip(" .:") not in VAGUE_LINK_TEXT, \
            f"the link text {text!r} ({href}) does not say where it goes"
        targets[text.casefold()].add(href)
    clashes = {text: hrefs for text, hrefs in targets.items() if len(hrefs) > 1}
    assert clashes == {}, "the same link text goes to different places"


# ---- Every page type ----

@pytest.mark.parametrize("name", PAGE_TYPES)
def test_language_is_set(outlines, name):
    assert outlines[name]["lang"] == PAGE_TYPES[name].language


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_title_names_the_page_and_the_site(outlines, name):
    check_title(outlines[name], name == "home", PAGE_TYPES[name].is_service)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_one_h1_first_and_no_heading_level_skipped(outlines, name):
    check_headings(outlines[name])


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_landmarks(outlines, name):
    check_landmarks(outlines[name])


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_link_text_makes_sense_out_of_context(outlines, name):
    check_link_text(outlines[name])


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_the_accessibility_statement_is_linked_from_the_footer(outlines, servers, name):
    kind = PAGE_TYPES[name]
    prefix = "" if kind.language == "en" else f"{kind.language}/"
    statement = servers[kind.site].url + prefix + "accessibility/"
    named = STATEMENT_NAMES[kind.language]
    assert [named, statement] in outlines[name]["footerLinks"]


# ---- Every page of the fixture offer's site, as the crawl without JavaScript found them ----

def test_every_page_of_the_offer_passes_the_same_checks(crawl, offer_server):
    failures = {}
    for url, outline in crawl.items():
        path = url.removeprefix(offer_server.url)
        try:
            assert outline["lang"] == "en"
            check_title(outline, path == "", path.startswith("services/"))
            check_headings(outline)
            check_landmarks(outline)
            check_link_text(outline)
        except AssertionError as failure:
            failures[path] = str(failure).splitlines()[0]
    assert len(crawl) > 90
    assert failures == {}


# ---- The checks can fail ----

@pytest.mark.parametrize("check, outline", [
    (check_headings, {"headings": [[1, "A"], [3, "B"]]}),
    (check_headings, {"headings": [[2, "A"], [1, "B"]]}),
    (check_headings, {"headings": [[1, "A"], [2, "B"], [1, "C"]]}),
    (check_landmarks, {"skipLink": True, "main": 1, "banner": 1, "contentinfo": 1,
                       "navs": ["Menu", "Menu"]}),
    (check_landmarks, {"skipLink": True, "main": 0, "banner": 1, "contentinfo": 1,
                       "navs": ["Menu"]}),
    (check_landmarks, {"skipLink": False, "main": 1, "banner": 1, "contentinfo": 1,
                       "navs": ["Menu"]}),
    (check_link_text, {"links": [["Click here", "http://x/a"]]}),
    (check_link_text, {"links": [["Read more.", "http://x/a"]]}),
    (check_link_text, {"links": [["Autism", "http://x/a"], ["autism", "http://x/b"]]}),
    (check_link_text, {"links": [["", "http://x/a"]]}),
])
def test_each_check_catches_what_it_is_for(check, outline):
    with pytest.raises(AssertionError):
        check(outline)
