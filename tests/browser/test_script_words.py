"""What our scripts write, in the page's language: the fixture offer in three languages.

On the Polish and Romanian sites the header search, the Find page, near me, My list and
the menu write in the page's language, from the same catalogues as the templates
(site/script_words.py, assets/words.js), with each language's plural forms; the
result lines Pagefind shows are in it too. The English site writes what it always did.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.page_watch import watched

pytestmark = pytest.mark.browser

RESULT_FACTS = "[data-lo-find-list] .lo-result .lo-result__facts"


def find_status(page):
    return page.locator("[data-lo-find-status]")


def test_the_polish_find_page_writes_its_status_and_results_in_polish(page, languages_server):
    seen = watched(page)
    page.goto(languages_server.url + "pl/find/?q=speech")
    expect(page.locator(RESULT_FACTS).first).to_be_visible()
    expect(find_status(page)).to_have_text(re.compile(r"^\d+ usług[ai]? dla „speech”\.$"))
    facts = page.locator(RESULT_FACTS).all_inner_texts()
    assert facts and all(line.startswith("Wiek: ") and "Ostatnio sprawdzono" in line
                         for line in facts), facts
    assert not [line for line in facts if "Last reviewed" in line or "Ages " in line], facts
    # A relaxation, when nothing matches, is in Polish too.
    page.goto(languages_server.url + "pl/find/?q=speech&age=7&free=yes&area=strood&category=short-breaks")
    expect(find_status(page)).to_contain_text("Brak bezpłatnych usług")
    expect(page.locator("[data-lo-find-suggestions] a").first).to_contain_text("Usuń: ")
    page.goto(languages_server.url + "pl/find/?age=99")
    expect(page.locator("[data-lo-age-error]")).to_have_text(re.compile(
        r"^Wpisz wiek w pełnych latach, od \d+ do \d+, albo słowa jak „teenager”\.$"))
    assert seen["errors"] == []


def test_the_english_find_page_is_unchanged(page, languages_server):
    page.goto(languages_server.url + "find/?q=speech")
    expect(page.locator(RESULT_FACTS).first).to_be_visible()
    expect(find_status(page)).to_have_text(re.compile(r"^\d+ services? matching “speech”\.$"))
    facts = page.locator(RESULT_FACTS).all_inner_texts()
    assert all(line.startswith("Ages ") and "Last reviewed" in line for line in facts), facts
    # An English page carries no words for its scripts: they write their own.
    assert page.locator("#lo-words").count() == 0


def test_the_polish_header_search_writes_in_polish(page, languages_server):
    seen = watched(page)
    page.goto(languages_server.url + "pl/about/")
    page.locator("#lo-search-q").press_sequentially("speech")
    status = page.locator("[data-lo-search-status]")
    expect(status).to_have_text(re.compile(r"^\d+ usług[ai]? pasuj[ąe] do „speech”\.$"))
    expect(page.locator("[data-lo-search-all]")).to_have_text(
        re.compile(r"^Zobacz (wszystkie )?\d+ usług[ai]? i zawęź wyniki$"))
    facts = page.locator("[data-lo-search-list] .lo-result__facts").all_inner_texts()
    assert facts and all(line.startswith("Wiek: ") for line in facts), facts
    page.locator("#lo-search-q").fill("qqqnothing")
    expect(status).to_have_text("Brak usług dla „qqqnothing”. Sprawdź pisownię albo wpisz inne słowa.")
    assert seen["errors"] == []


@pytest.mark.parametrize(("prefix", "expected"), [
    ("pl/", ["1 usługa", "2 usługi", "5 usług", "22 usługi", "12 usług"]),
    ("ro/", ["1 serviciu", "2 servicii", "5 servicii", "20 de servicii", "101 servicii"]),
    ("", ["1 service", "2 services", "5 services", "22 services", "12 services"]),
])
def test_a_count_takes_the_plural_form_of_the_pages_language(page, languages_server, prefix,
                                                            expected):
    """Polish and Romanian have three forms each; the catalogue's, picked in the browser."""
    page.goto(languages_server.url + prefix + "about/")
    # The words say which language's plural rules are theirs.
    blocks = page.locator("#lo-words")
    assert ([blocks.get_attribute("data-lang")] if prefix else blocks.count()) == (
        [prefix.strip("/")] if prefix else 0)
    counts = [int(text.split()[0]) for text in expected]
    # The page's own search.js (one module instance), as the header search and Find use it.
    written = page.evaluate("""async ([script, counts]) => {
        const { services } = await import(script);
        return counts.map(services);
    }""", [languages_server.url + "assets/search.js", counts])
    assert written == expected


def test_near_me_writes_in_polish(page, languages_server):
    page.goto(languages_server.url + "pl/find/?q=ME7+5")
    expect(page.locator(".lo-near-note")).to_contain_text("Odległości są w linii prostej od środka ME7 5")
    expect(page.locator(".lo-near-note")).to_contain_text("Na licencji Open Government Licence v3.0.")
    distances = page.locator("[data-lo-find-list] .lo-result__distance").all_inner_texts()
    assert distances and all(re.fullmatch(r"około \d+ mil[i]? stąd|mniej niż milę stąd|"
                                          r"Brak podanego miejsca(: obsługuje .+)?", d)
                             for d in distances), distances
    expect(find_status(page)).to_contain_text("od najbliższej do ME7 5")
    page.get_by_label("Szukane słowa lub kod pocztowy").fill("ME99")
    expect(find_status(page)).to_contain_text("Nie znaleźliśmy „ME99” w Medway.")


def test_my_list_and_the_menu_write_in_the_pages_language(page, languages_server):
    site = languages_server.url
    page.goto(site + "pl/services/speech-and-language-therapy/")
    save = page.locator(".lo-save")
    expect(save).to_have_text("✓ Zapisz na mojej liście")
    assert save.get_attribute("aria-label") == ("Zapisz na mojej liście: "
                                                "Terapia mowy i języka dla dzieci (logopeda)")
    save.click()
    expect(page.locator("[role=status][aria-live=polite]")).to_have_text(
        "Zapisano na liście: Terapia mowy i języka dla dzieci (logopeda). "
        "Na twojej liście jest 1 usługa.")
    # The way to the list stays on the Polish site, and the list is in Polish.
    page.get_by_role("link", name="Zobacz moją listę").click()
    assert page.url == site + "pl/my-list/"
    expect(page.locator(".lo-my-list__count")).to_have_text("Na twojej liście jest 1 usługa.")
    expect(page.get_by_role("button", name="Drukuj moją listę")).to_be_visible()
    expect(page.get_by_role("heading", name="Udostępnij listę")).to_be_visible()
    link = page.locator(".lo-my-list__items .lo-service-item__name a").get_attribute("href")
    assert link == site + "pl/services/speech-and-language-therapy/"
    assert page.locator("#lo-share-link").input_value().startswith(site + "pl/my-list/#ids=")
    page.goto(site + "ro/about/")
    menu = page.locator('label.md-header__button[for="__drawer"]')
    expect(menu).to_have_attribute("aria-label", "Meniu")


def test_search_that_fails_says_so_in_polish(page, languages_server):
    """No index (a failed download): the header and Find say so in the page's language."""
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(languages_server.url + "pl/find/?q=speech")
    expect(find_status(page)).to_have_text(
        "Wyszukiwanie teraz nie działa. Skorzystaj z list poniżej.")
    page.goto(languages_server.url + "pl/about/")
    page.locator("#lo-search-q").press_sequentially("speech")
    expect(page.locator("[data-lo-search-status]")).to_have_text("Wyszukiwanie teraz nie działa.")
