"""Glossary terms on service pages: the first use of each is linked to its explanation."""

from __future__ import annotations

import re

import pytest

from local_offer.site.build import build_content
from local_offer.site.languages import language
from local_offer.site.render import Renderer
from local_offer.site.term_explanations import TermExplainer
from tests.helpers import MINIMAL, OFFER_GLOSSARY, OFFER_TAXONOMY, component_fixtures

FIXTURES = component_fixtures("words-explained")
LINKED = re.compile(r'<a class="lo-term" href="#term-([\w-]+)" '
                    r'aria-describedby="term-\1-meaning">([^<]+)'
                    r'<span class="lo-visually-hidden" data-pagefind-ignore> \(what it means\)</span></a>')


@pytest.fixture(scope="module")
def explainer():
    return TermExplainer(OFFER_GLOSSARY,
                         Renderer(OFFER_TAXONOMY))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_first_use_of_each_term_is_linked_in_page_order(explainer, name):
    fixture = FIXTURES[name]
    marked, explained = explainer.mark_first_uses(fixture["html"])
    assert [use.written for use in explained] == fixture["explained"]
    assert [written for _, written in LINKED.findall(marked)] == fixture["explained"]


def test_the_hidden_words_after_a_term_are_in_the_page_language():
    polish = TermExplainer(OFFER_GLOSSARY, Renderer(OFFER_TAXONOMY, language=language("pl")))
    marked, explained = polish.mark_first_uses(FIXTURES["acronyms_and_terms"]["html"])
    assert explained
    assert marked.count('<span class="lo-visually-hidden" data-pagefind-ignore> '
                        '(co to znaczy)</span></a>') == len(explained)
    assert "what it means" not in marked


def test_headings_links_and_later_uses_are_left_alone(explainer):
    marked, _ = explainer.mark_first_uses(FIXTURES["acronyms_and_terms"]["html"])
    assert "<h1>CAMHS Crisis Team</h1>" in marked
    assert '<a href="https://example.org/camhs">CAMHS website</a>' in marked
    assert marked.count('href="#term-camhs"') == 1 and "with CAMHS staff" not in marked
    assert "The NHS team" in marked and marked.count('href="#term-nhs"') == 1
    assert "Ask your school's " in marked  # text is unescaped once, escaped once


def test_explanations_follow_the_page_with_their_meanings(explainer):
    page = explainer.explain(FIXTURES["acronyms_and_terms"]["html"], "services/crisis/")
    words = page[page.index('<section class="lo-words"'):]
    assert page.rstrip().endswith("</article>") and words.index("</section>") < \
        words.index("</article>")
    assert '<dt id="term-camhs"><dfn>CAMHS</dfn></dt>' in words
    assert '<dd><span id="term-camhs-meaning">Child and adolescent mental health services.' in words
    # Each word leads to its own heading in the glossary.
    assert '<a class="lo-words__more" href="../../glossary/#camhs">CAMHS in the glossary</a>' in words
    assert '<dt id="term-autism"><dfn>ASD</dfn> (Autism)</dt>' in words
    assert '<dt id="term-mhst"><dfn>MHSTs</dfn> (MHST)</dt>' in words
    assert '<a href="../../glossary/">More words explained in the glossary</a>' in words


def test_a_page_without_terms_is_unchanged(explainer):
    html = FIXTURES["no_terms"]["html"]
    assert explainer.explain(html, "services/sunny/") == html


def test_service_pages_of_the_site_explain_their_terms(scratch):
    scratch.write("hub.yaml", MINIMAL.replace(
        "A service with only the fields that are required.",
        "Advice from a SENCO about the EHC plan process."))
    content = build_content(scratch)
    [page] = [p for p in content.pages() if p.kind == "service"]
    html = page.render(page.url)
    assert [written for _, written in LINKED.findall(html)] == ["SENCO", "EHC plan"]
    assert '<dt id="term-ehc-plan"><dfn>EHC plan</dfn></dt>' in html
