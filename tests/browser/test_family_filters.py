"""The filters families use (how you take part, when, language, interpreter) and their own
words for ages and languages, in Chromium against the fixture offer's built site."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from local_offer.records.when import when_of
from local_offer.site.build import build_content
from tests.browser.sites import axe_violations, describe
from tests.browser.test_find import all_names, query, status
from tests.helpers import FIXTURE_TODAY


@pytest.fixture(scope="module")
def content(offer_project):
    return build_content(offer_project, today=FIXTURE_TODAY)


def serving(content, low: int, high: int) -> set[str]:
    """The services for any age from low to high."""
    return {r.name for r in content.records if r.ages[0] <= high and r.ages[1] >= low}


def count_of(page, box: str) -> int:
    """The count a tick box shows, by its id."""
    count = page.locator(f"label[for={box}] [data-lo-count]")
    expect(count).to_have_text(re.compile(r"\(\d+\)"))
    return int(count.inner_text().strip("()"))


def open_find(page, url: str, path: str = "find/"):
    page.set_viewport_size({"width": 1280, "height": 900})  # the filters open
    page.goto(url + path)
    expect(page.locator(".lo-filters")).to_be_visible()
    expect(page.locator(".lo-filters")).not_to_have_attribute("aria-busy", "true")


def test_how_you_take_part_narrows_counts_and_survives_a_reload(page, offer_server, content):
    online = {r.name for r in content.records if "online" in r.attending}
    at_home = {r.name for r in content.records if "home-visit" in r.attending}
    open_find(page, offer_server.url)
    assert count_of(page, "find-attending-online") == len(online)
    page.get_by_label("Online").check()
    expect(status(page)).to_contain_text(f"{len(online)} services offered online")
    assert set(all_names(page)) == online
    page.get_by_label("At home").check()  # either will do
    expect(status(page)).to_contain_text("offered online or at home")
    assert set(all_names(page)) == online | at_home
    assert query(page) == {"attending": ["online", "home-visit"]}
    page.reload()
    expect(status(page)).to_contain_text("offered online or at home")
    expect(page.get_by_label("At home")).to_be_checked()
    assert set(all_names(page)) == online | at_home
    # A service that has not said how you take part is there until a way is chosen.
    unsaid = next(r.name for r in content.records if not r.attending)
    assert unsaid not in online | at_home
    page.goto(offer_server.url + "find/?q=" + unsaid.split()[0])
    expect(status(page)).to_contain_text("matching")
    assert unsaid in all_names(page)


def test_when_comes_from_the_sessions(page, offer_server, content):
    weekends = {r.name for r in content.records if "weekends" in when_of(r)}
    holidays = {r.name for r in content.records if "school-holidays" in when_of(r)}
    assert "Chatham Family Hub" in weekends  # its Saturday session
    open_find(page, offer_server.url, "find/?when=weekends")
    expect(status(page)).to_contain_text(f"{len(weekends)} services open weekends")
    assert set(all_names(page)) == weekends
    assert count_of(page, "find-when-school-holidays") == len(holidays)
    page.get_by_label("School holidays").check()
    expect(status(page)).to_contain_text("open weekends or school holidays")
    assert set(all_names(page)) == weekends | holidays


def test_language_and_interpreter_filters(page, offer_server, content):
    polish = {r.name for r in content.records if "Polish" in r.languages}
    interpreters = {r.name for r in content.records if r.interpreter_on_request}
    open_find(page, offer_server.url)
    option = page.locator("#find-language option[value=pl]")
    expect(option).to_have_text(f"Polish (polski) ({len(polish)})")
    page.get_by_label("Language", exact=True).select_option("pl")
    expect(status(page)).to_contain_text(f"{len(polish)} services in Polish (polski)")
    assert set(all_names(page)) == polish
    page.get_by_label("Interpreter on request").check()
    expect(status(page)).to_contain_text("with an interpreter on request")
    assert set(all_names(page)) == polish & interpreters
    assert query(page) == {"language": ["pl"], "interpreter": ["yes"]}


@pytest.mark.parametrize("words, low, high", [("teenager", 13, 19), ("7 year old", 7, 7),
                                              ("under 5s", 0, 4), ("16+", 16, 25)])
def test_age_words_on_find_set_the_age(page, offer_server, content, words, low, high):
    open_find(page, offer_server.url)
    page.get_by_label("Search words").fill(words)
    page.locator("[data-lo-find-form]").get_by_role("button", name="Search").click()
    ages = f"age {low}" if low == high else f"ages {low} to {high}"
    expect(status(page)).to_contain_text(f"services for {ages}")
    expect(page.get_by_label("Your child's age")).to_have_value(words)  # moved to the age box
    expect(page.get_by_label("Search words")).to_have_value("")
    assert set(all_names(page)) == serving(content, low, high)
    assert query(page) == {"age": [words]}
    page.reload()
    expect(status(page)).to_contain_text(f"services for {ages}")


def test_seven_year_old_autism_gives_the_autism_services_for_age_7(page, offer_server):
    open_find(page, offer_server.url, "find/?q=autism&age=7")
    expect(status(page)).to_contain_text("matching “autism” for age 7")
    expected = all_names(page)
    assert len(expected) > 1 and "Autism and Communication Outreach Team" in expected
    open_find(page, offer_server.url, "find/?q=7+year+old+autism")  # as the header hands over
    expect(status(page)).to_contain_text("matching “autism” for age 7")
    assert all_names(page) == expected


def header_search(page, words: str):
    box = page.locator("#lo-search-q")
    box.fill("")
    box.press_sequentially(words)
    expect(page.locator("[data-lo-search-status]")).to_contain_text(f"for “{words}”")
    return page.locator("[data-lo-search-list] .lo-result__name").all_inner_texts()


def test_the_header_narrows_by_age_words_and_hands_them_to_find(page, offer_server, content):
    page.goto(offer_server.url + "about/")
    found = header_search(page, "teenager")
    teenage = serving(content, 13, 19)
    assert found and set(found) <= teenage
    count = int(page.locator("[data-lo-search-status]").inner_text().split()[0])
    assert count == len(teenage)
    header_search(page, "7 year old autism")
    link = page.locator("[data-lo-search-all]").get_attribute("href")
    assert parse_qs(urlparse(link).query) == {"q": ["autism"], "age": ["7 year old"]}
    page.locator("[data-lo-search-all]").click()
    expect(status(page)).to_contain_text("matching “autism” for age 7")


@pytest.mark.parametrize("words, language", [("polski", "Polish"), ("lietuvių", "Lithuanian"),
                                             ("ਪੰਜਾਬੀ", "Punjabi")])
def test_a_language_in_its_own_name_finds_its_services(page, offer_server, content, words,
                                                       language):
    offering = {r.name for r in content.records if language in r.languages}
    page.goto(offer_server.url + "about/")
    found = header_search(page, words)
    assert len(found) == min(5, len(offering)) and set(found) <= offering, found
    open_find(page, offer_server.url, "find/?q=" + words)
    expect(status(page)).to_contain_text(f"matching “{words}”")
    assert set(all_names(page)) == offering


def test_bsl_finds_the_services_that_sign_first(page, offer_server, content):
    signing = {r.name for r in content.records if "British Sign Language" in r.languages}
    open_find(page, offer_server.url, "find/?q=BSL")
    expect(status(page)).to_contain_text("matching “BSL”")
    found = all_names(page)
    # The glossary's BSL reaches hearing services too; those that sign come first.
    assert set(found[:len(signing)]) == signing, found


def test_a_browse_page_lists_a_language_without_javascript(page_without_javascript,
                                                           offer_server, content):
    page = page_without_javascript
    page.goto(offer_server.url + "browse/language/")
    page.get_by_role("link", name="Polish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Services in Polish")
    polish = {r.name for r in content.records if "Polish" in r.languages}
    listed = set(page.locator("main li a").all_inner_texts())
    assert polish <= listed


def test_the_new_filters_pass_axe_on_a_phone(browser, offer_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(offer_server.url + "find/?attending=online&when=weekdays&language=pl&age=teenager")
    expect(status(page)).to_contain_text("ages 13 to 19")
    page.locator("[data-lo-find-filters] summary").click()
    expect(page.locator(".lo-filters")).not_to_have_attribute("aria-busy", "true")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    violations = axe_violations(page)
    context.close()
    assert not violations, describe(violations)


PHRASES = """async ([module, phrases]) => {
  const { findAge, readAge, ageWordsOf } = await import(module);
  const known = ageWordsOf(document.querySelector("[data-lo-find]"));
  return phrases.map((text) => [findAge(text, known), readAge(text, known)]);
}"""
# What each phrase gives: (youngest, oldest, the other words) in the search words, and
# whether it is an age by itself in the age box.
AGE_PHRASES = {
    "teenager": (13, 19, ""), "Teenagers": (13, 19, ""), "toddler": (1, 3, ""),
    "7 year old autism": (7, 7, "autism"), "autism 7-year-old": (7, 7, "autism"),
    "7 years old": (7, 7, ""), "7yo": (7, 7, ""), "aged 7": (7, 7, ""), "age 7": (7, 7, ""),
    "under 5s": (0, 4, ""), "under 5": (0, 4, ""), "under fives": (2, 4, ""),
    "16+": (16, 25, ""), "16 and over": (16, 25, ""), "over 18s": (18, 25, ""),
    "5 to 11": (5, 11, ""), "between 5 and 11 year olds": (5, 11, ""),
    "speech for my toddler": (1, 3, "speech for my"),
    "speech": None, "year 7": None, "01632 960000": None, "30+": None, "20 to 5": None,
}


def test_the_one_parser_of_age_phrases(page, offer_server):
    page.goto(offer_server.url + "find/")
    said = page.evaluate(PHRASES, [offer_server.url + "assets/family-words.js",
                                   list(AGE_PHRASES)])
    for (phrase, expected), (found, read) in zip(AGE_PHRASES.items(), said):
        if expected is None:
            assert found is None and read is None, phrase
            continue
        low, high, rest = expected
        assert (found["from"], found["to"], found["rest"]) == (low, high, rest), phrase
        assert (read is not None) == (rest == ""), phrase  # the age box takes a phrase alone
    assert page.evaluate(f"""async () => (await import("{offer_server.url}assets/family-words.js"))
        .readAge("7", {{youngest: 0, oldest: 25, words: []}})""") == {"from": 7, "to": 7}
