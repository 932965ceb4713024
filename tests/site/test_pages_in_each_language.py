"""Every page of the Polish and Romanian sites, as built: in the page's own words, and every
link to a place on a page (#anchor) leads to it.

Words the council writes in its data files (records, comments, known problems) are
shown as they are written, in English, marked lang="en": those parts are left out of the
search for English. linkchecker (editing/link_check.py) checks that each page a link
names is there, not the place on it: it has no anchor check switched on, and one would
need every page parsed twice. The anchors are checked here instead, on the built files.
"""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

# Words of the templates, the 404 page, session times and the taxonomy's labels (from the
# fixture's data/taxonomy.yaml) that the Polish and Romanian pages write in their own words.
ENGLISH = (
    "Compliance status", "What we do to test this website", "Feedback and contact information",
    "Enforcement procedure", "make the text up to twice as big", "The kinds of page tested",
    "Entries by state", "Entries by review state", "Oldest entries", "Last reviewed",
    "Months since the entry was last reviewed", "How long ago entries were reviewed",
    "An entry in more than one category", "were reviewed less than 6 months ago",
    "Send us a comment", "What you told us", "We read every comment", "You said", "We did",
    "The law says what every Local Offer must include", "have services or information published",
    "Next session", "Term time only", "School holidays only", "How you take part:",
    "Page not found", "If you typed the web address", "All the details of",
    "Social care", "Early help and family support",
    "Cognition and learning", "Referral by a professional",
    "0 to 4 years", "16 to 25 years", "Medway-wide", "After school or evenings",
)


def pages(site: Path, code: str) -> list[Path]:
    found = sorted((site / code).rglob("*.html"))
    assert len(found) > 100, f"the {code} site was not built"
    return found


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def own_words(path: Path) -> str:
    """The page's visible text, without the parts marked as another language (English
    data shown as it is, the language switcher's names), scripts, or what only search
    reads (hidden, Pagefind's meta: site/search_data.py's, in each language its own way)."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for part in page.select("[lang]:not(html), script, style, template, [hidden], "
                            "[data-pagefind-meta]:not([data-pagefind-body])"):
        part.decompose()
    return " ".join(page.get_text(" ").split())


@pytest.mark.parametrize("code", ["pl", "ro"])
def test_no_page_writes_the_templates_english(languages_site, code):
    found = {}
    for path in pages(languages_site, code):
        text = own_words(path)
        if hits := [words for words in ENGLISH if words in text]:
            found[path.relative_to(languages_site).as_posix()] = hits
    assert found == {}


def test_the_words_are_there_in_english(offer_site):
    """The list is of words the English site writes: a changed template changes the list."""
    text = " ".join(own_words(path) for path in (
        offer_site / "accessibility" / "index.html", offer_site / "about" / "freshness" /
        "index.html", offer_site / "you-said-we-did" / "index.html", offer_site /
        "what-the-offer-covers" / "index.html", offer_site / "404.html",
        offer_site / "services" / "tiny-talkers-strood" / "index.html",
        offer_site / "services" / "holiday-play-scheme" / "index.html",
        offer_site / "services" / "autism-parenting-programme" / "index.html",
        offer_site / "browse" / "when" / "index.html",
        offer_site / "services" / "speech-and-language-therapy" / "easy-read" / "index.html",
        offer_site / "browse" / "category" / "index.html", offer_site / "browse" / "need" /
        "index.html", offer_site / "browse" / "age" / "index.html", offer_site / "browse" /
        "area" / "index.html", offer_site / "find" / "index.html"))
    missing = [words for words in ENGLISH if words not in text]
    assert missing == []


def anchors(path: Path) -> set[str]:
    return {tag["id"] for tag in soup(path).select("[id]")} | {
        tag["name"] for tag in soup(path).select("a[name]")}


def target_file(site: Path, page: Path, href: str) -> Path | None:
    """The built file a link leads to, or None for one that leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    base = page.parent.relative_to(site).as_posix()
    path = posixpath.normpath(posixpath.join("" if base == "." else base, unquote(parts.path)))
    if parts.path.startswith("/"):
        path = unquote(parts.path).lstrip("/")
    target = site / path
    return target / "index.html" if target.is_dir() or parts.path.endswith("/") else target


@pytest.mark.parametrize("code", ["pl", "ro"])
def test_every_link_to_a_place_on_a_page_finds_it(languages_site, code):
    broken = []
    for page in pages(languages_site, code):
        for link in soup(page).select("a[href*='#']"):
            href = link["href"]
            fragment = unquote(urlsplit(href).fragment)
            target = target_file(languages_site, page, href)
            if not fragment or target is None:
                continue
            if not target.is_file() or fragment not in anchors(target):
                broken.append(f"{page.relative_to(languages_site)}: {href}")
    assert broken == []


def test_the_anchor_check_finds_a_broken_one(tmp_path):
    (tmp_path / "pl" / "a").mkdir(parents=True)
    (tmp_path / "pl" / "a" / "index.html").write_text('<h2 id="wyslij">x</h2>')
    page = tmp_path / "pl" / "index.html"
    page.write_text('<a href="a/#send-a-comment">x</a><a href="a/#wyslij">y</a>')
    assert target_file(tmp_path, page, "a/#wyslij") == tmp_path / "pl" / "a" / "index.html"
    assert "wyslij" in anchors(target_file(tmp_path, page, "a/#wyslij"))
    assert "send-a-comment" not in anchors(target_file(tmp_path, page, "a/#send-a-comment"))
