"""Every page type: language, title, one h1, headings in order, landmarks, and link text
that makes sense out of context."""

from __future__ import annotations

from collections import defaultdict

import pytest
import yaml

from conftest import ROOT
from page_types import PAGE_TYPES
from sites import fixture_site, servers, url_of  # noqa: F401 (fixtures)

SITE_NAME = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
# Link text that says nothing once read out of its sentence, as a screen reader's link list does.
VAGUE_LINK_TEXT = {"click here", "here", "more", "read more", "learn more", "find out more",
                   "this page", "this", "link", "website", "click", "go", "details"}

OUTLINE = """() => {
  const shown = el => el.getClientRects().length > 0;
  const nameOf = el => (el.getAttribute('aria-label') || el.innerText || el.title || '')
      .replace(/\\s+/g, ' ').trim();
  return {
    lang: document.documentElement.lang,
    title: document.title,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .map(h => [Number(h.tagName[1]), h.innerText.trim()]),
    main: document.querySelectorAll('main, [role=main]').length,
    banner: document.querySelectorAll('body > header, [role=banner]').length,
    contentinfo: document.querySelectorAll('body footer:not(main footer):not(article footer), '
                                           + '[role=contentinfo]').length,
    navs: [...document.querySelectorAll('nav, [role=navigation]')].filter(shown)
        .map(nav => nav.getAttribute('aria-label') || ''),
    links: [...document.querySelectorAll('a[href]')].filter(shown)
        .map(a => [nameOf(a), a.href.replace(/index\\.html$/, '')]),
  };
}"""


@pytest.fixture(scope="module")
def outlines(browser, servers):
    """Each page type's outline, read once for all the checks below."""
    context = browser.new_context()
    page = context.new_page()
    read = {}
    for name, kind in PAGE_TYPES.items():
        page.goto(url_of(servers, kind))
        read[name] = page.evaluate(OUTLINE)
    context.close()
    return read


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_language_is_set(outlines, name):
    assert outlines[name]["lang"] == "en"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_title_names_the_page_and_the_site(outlines, name):
    outline = outlines[name]
    title, h1 = outline["title"], outline["headings"][0][1]
    if name == "home":
        assert title == SITE_NAME
    elif PAGE_TYPES[name].is_service:
        assert title == f"{h1} - {SITE_NAME}", "a service page's title names the service"
    else:
        page_part = title.removesuffix(f" - {SITE_NAME}")
        assert page_part != title and page_part.strip(), f"{title!r} should be 'Page - Site'"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_one_h1_first_and_no_heading_level_skipped(outlines, name):
    levels = [level for level, _ in outlines[name]["headings"]]
    assert levels.count(1) == 1 and levels[0] == 1, outlines[name]["headings"]
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"h{before} is followed by h{after}: " \
                                    f"{outlines[name]['headings']}"
    assert all(text for _, text in outlines[name]["headings"]), "an empty heading"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_landmarks(outlines, name):
    outline = outlines[name]
    assert outline["main"] == 1 and outline["banner"] == 1 and outline["contentinfo"] == 1
    assert outline["navs"] and all(outline["navs"]), "every navigation landmark is named"
    assert len(set(outline["navs"])) == len(outline["navs"]), "navigation names repeat"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_link_text_makes_sense_out_of_context(outlines, name):
    targets = defaultdict(set)
    for text, href in outlines[name]["links"]:
        assert text, f"a link to {href} has no text"
        assert text.casefold().strip(" .:") not in VAGUE_LINK_TEXT, \
            f"the link text {text!r} ({href}) does not say where it goes"
        targets[text.casefold()].add(href)
    clashes = {text: hrefs for text, hrefs in targets.items() if len(hrefs) > 1}
    assert clashes == {}, "the same link text goes to different places"
