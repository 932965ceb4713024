"""The glossary page: an A to Z of headings with stable anchors, and only real other names."""

from __future__ import annotations

import html as entities
import re

from bs4 import BeautifulSoup

from tests.helpers import OFFER_GLOSSARY, build_into, copy_project

HEADING = re.compile(r'<h3 id="([\w-]+)">([^<]+)</h3>')


def visible_text(html: str) -> str:
    """What a family sees: the page's text without hidden elements (the search words)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("[hidden], script, style, template"):
        hidden.decompose()
    return soup.get_text(" ")


def test_every_term_is_a_heading_under_its_letter_with_a_jump_link(offer_site):
    html = (offer_site / "glossary" / "index.html").read_text(encoding="utf-8")
    headings = HEADING.findall(html)
    assert [entities.unescape(title) for _, title in headings] == \
        [t.term for t in OFFER_GLOSSARY.sorted_terms()]
    assert [anchor for anchor, _ in headings] == [t.anchor for t in OFFER_GLOSSARY.sorted_terms()]
    for letter in {t.letter for t in OFFER_GLOSSARY.terms}:
        assert f'<a href="#letter-{letter.lower()}">{letter}</a>' in html
        assert f'<h2 id="letter-{letter.lower()}">{letter}</h2>' in html
    # The A to Z lists only letters that have terms.
    assert html.count('<a href="#letter-') == len({t.letter for t in OFFER_GLOSSARY.terms})


def test_also_called_shows_only_real_other_names(offer_site):
    html = (offer_site / "glossary" / "index.html").read_text(encoding="utf-8")
    also = re.findall(r'<p class="lo-also">Also called: ([^<]+)</p>', html)
    shown = {word for line in also for word in line.split(", ")}
    assert "ASD" in shown and "British Sign Language" in shown
    for term in OFFER_GLOSSARY.terms:
        assert not shown & set(term.search), term.term
    assert "autisim" not in html and "speach therapy" not in html


def test_a_search_only_word_is_found_by_search_and_never_shown(tmp_path):
    project = copy_project(tmp_path / "offer", offer=True)
    glossary = project.data_dir / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert "search: [autistic," in text
    glossary.write_text(text.replace("search: [autistic,", "search: [otisum, autistic,"),
                        encoding="utf-8")
    site = tmp_path / "site"
    build_into(project.root, site)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        assert "otisum" not in visible_text(page.read_text(encoding="utf-8")), page
    # Search still knows it: the autism services carry it in their hidden search words.
    outreach = (site / "services" / "autism-outreach-team" / "index.html").read_text(encoding="utf-8")
    assert "otisum" in outreach
