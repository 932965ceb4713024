"""The site in Polish and Romanian, in Chromium: the fixture offer in three languages.

Each page carries its language, the switcher leads to the same page in another,
search on the Polish site searches the Polish pages (and a Polish family word finds
an English-only service), and nothing comes from any other website.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.sites import RequestLog

pytestmark = pytest.mark.browser


def test_the_switcher_keeps_you_on_the_same_page(page, languages_server):
    site = languages_server.url
    page.goto(site + "services/speech-and-language-therapy/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator("nav.lo-languages").get_by_role("link", name="Polski").click()
    assert page.url == site + "pl/services/speech-and-language-therapy/"
    assert page.evaluate("document.documentElement.lang") == "pl"
    expect(page.locator("h1")).to_have_text("Terapia mowy i języka dla dzieci (logopeda)")
    page.locator("nav.lo-languages").get_by_role("link", name="Română").click()
    assert page.url == site + "ro/services/speech-and-language-therapy/"
    assert page.evaluate("document.documentElement.lang") == "ro"
    expect(page.locator(".lo-untranslated")).to_contain_text(
        "Detaliile acestui serviciu sunt doar în engleză.")
    # The English text under the note is marked as English for a screen reader.
    assert page.locator("h1").get_attribute("lang") == "en"
    page.locator("nav.lo-languages").get_by_role("link", name="English").click()
    assert page.url == site + "services/speech-and-language-therapy/"


def test_a_polish_family_word_finds_the_service_on_the_polish_site(page, languages_server):
    site = languages_server.url
    log = RequestLog(page, site)
    page.goto(site + "pl/about/")
    box = page.locator("#lo-search-q")
    box.press_sequentially("logopeda")
    results = page.locator("[data-lo-search-list] .lo-result")
    expect(results.first).to_be_visible()
    names = results.locator(".lo-result__name").all_inner_texts()
    assert "Terapia mowy i języka dla dzieci (logopeda)" in names
    # The word finds English-only services too: the glossary carries it for them.
    assert any(name.startswith("Tiny Talkers") for name in names), names
    links = results.locator(".lo-result__name a").evaluate_all("els => els.map(a => a.href)")
    assert links and all(link.startswith(site + "pl/services/") for link in links), links
    # Only the Polish index was fetched, and nothing from anywhere else.
    index = [url for url in log.urls if "/pagefind/" in url and "/pagefind/pagefind" not in url]
    assert index and not [url for url in index if "/en_" in url or "/ro_" in url], index
    assert log.elsewhere() == []


def test_the_english_site_searches_only_english_pages(page, languages_server):
    site = languages_server.url
    page.goto(site + "about/")
    page.locator("#lo-search-q").press_sequentially("speech")
    results = page.locator("[data-lo-search-list] .lo-result")
    expect(results.first).to_be_visible()
    links = results.locator(".lo-result__name a").evaluate_all("els => els.map(a => a.href)")
    assert links and not [link for link in links if "/pl/" in link or "/ro/" in link], links


def test_the_polish_find_page_finds_by_a_family_word(page, languages_server):
    site = languages_server.url
    page.goto(site + "pl/find/?q=logopeda")
    results = page.locator("[data-lo-find-list] .lo-result")
    expect(results.first).to_be_visible()
    names = results.locator(".lo-result__name").all_inner_texts()
    assert "Terapia mowy i języka dla dzieci (logopeda)" in names
    assert page.get_by_label("Szukane słowa").input_value() == "logopeda"


@pytest.mark.parametrize("prefix", ["", "pl/"])
def test_find_with_no_words_lists_each_service_once_in_the_pages_language(page, languages_server,
                                                                          offer_site, prefix):
    """The filter tables hold every language's pages; a list with no words shows only the
    page's own language, so the count is the number of services, not three times it."""
    published = len([f for f in (offer_site / "services").iterdir()
                     if (f / "index.html").exists()])
    page.goto(languages_server.url + prefix + "find/")
    status = page.locator("[data-lo-find-status]")
    expect(status).to_contain_text(str(published))
    assert status.inner_text().split()[0] == str(published)
    links = page.locator("[data-lo-find-list] .lo-result__name a").evaluate_all(
        "els => els.map(a => a.pathname)")
    assert links and all(link.startswith("/" + prefix + "services/") for link in links), links
