"""The header search box, in Chromium against the fixture offer's built site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from local_offer.site.build import build_content
from tests.browser.sites import axe_violations, describe
from tests.helpers import FIXTURE_TODAY


@pytest.fixture(scope="module")
def speech_services(offer_project) -> set[str]:
    content = build_content(offer_project, today=FIXTURE_TODAY)
    return {r.name for r in content.records if "speech-language-communication" in r.needs}


def header_search(page, words: str):
    box = page.locator("#lo-search-q")
    box.fill("")
    box.press_sequentially(words)
    expect(page.locator("[data-lo-search-status]")).to_contain_text(f"for “{words}”")
    return page.locator("[data-lo-search-list] .lo-result")


def test_typing_speech_lists_tiny_talkers(page, offer_server):
    page.goto(offer_server.url + "about/")
    results = header_search(page, "speech")
    names = results.locator(".lo-result__name").all_inner_texts()
    assert any(name.startswith("Tiny Talkers") for name in names), names
    talkers = results.filter(has_text="Tiny Talkers (Strood)")
    # A result shows the name, summary, ages, area, cost and last reviewed date.
    expect(talkers.get_by_role("link", name="Tiny Talkers (Strood)")).to_have_attribute(
        "href", re.compile(r"/services/tiny-talkers-strood/$"))
    expect(talkers).to_contain_text("Friendly play sessions")
    expect(talkers).to_contain_text("Ages 0 to 4 years. Strood. Free. "
                                    "Last reviewed 14 September 2026.")


def test_salt_finds_speech_and_language_therapy_though_its_page_never_says_salt(page,
                                                                                offer_server):
    page.goto(offer_server.url)
    results = header_search(page, "SALT")
    expect(results.first).to_contain_text("Children's Speech and Language Therapy")
    results.first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Children's Speech and Language Therapy")
    assert "SALT" not in page.locator("article.lo-service").inner_text()


def test_my_child_wont_talk_lands_on_speech_and_language_services(page, offer_server,
                                                                  speech_services):
    page.goto(offer_server.url)
    results = header_search(page, "my child won't talk")
    names = results.locator(".lo-result__name").all_inner_texts()
    assert len(names) >= 3 and set(names) <= speech_services, names


def test_family_words_reach_their_services(page, offer_server):
    page.goto(offer_server.url)
    for words, expected in (("ASD", "Autism and Communication Outreach Team"),
                            ("respite", "Overnight Short Breaks at Willow House"),
                            ("OT", "Children's Occupational Therapy"),
                            ("EHCP", "SEND Information, Advice and Support Service (SENDIASS)")):
        names = header_search(page, words).locator(".lo-result__name").all_inner_texts()
        status = page.locator("[data-lo-search-status]").inner_text()
        count = int(status.split()[0])
        if expected not in names:  # beyond the first five: it is on the Find page's full list
            page.goto(offer_server.url + "find/?q=" + words)
            expect(page.locator("[data-lo-find-status]")).to_contain_text(f"{count} services")
            for _ in range((count - 1) // 10):  # ten at a time
                page.locator("[data-lo-find-more]").click()
            expect(page.locator("[data-lo-find-more]")).to_be_hidden()
            names = page.locator("[data-lo-find-list] .lo-result__name").all_inner_texts()
            page.goto(offer_server.url)
        assert expected in names, (words, names)


def test_keyboard_reaches_the_box_and_its_results(page, offer_server):
    page.goto(offer_server.url + "how-to-get-help/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "lo-search-q":
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("speech")
    expect(page.locator("[data-lo-search-panel]")).to_be_visible()
    page.keyboard.press("ArrowDown")
    first = page.locator("[data-lo-search-list] a").first
    expect(first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("[data-lo-search-panel]")).to_be_hidden()
    expect(page.locator("#lo-search-q")).to_be_focused()
    page.keyboard.press("Enter")  # the full list, with filters, on the Find page
    expect(page).to_have_url(re.compile(r"/find/\?q=speech$"))
    expect(page.locator("#find-q")).to_have_value("speech")
    expect(page.locator("[data-lo-find-status]")).to_contain_text("matching “speech”")


def test_no_match_says_so(page, offer_server):
    page.goto(offer_server.url)
    header_search(page, "xylophonequartz")
    expect(page.locator("[data-lo-search-status]")).to_contain_text("No services found")
    expect(page.locator("[data-lo-search-all]")).to_be_visible()


def test_header_with_results_open_passes_axe(page, offer_server):
    page.goto(offer_server.url + "services/tiny-talkers-strood/")
    header_search(page, "speech")
    # The search box and its results; the rest of the page is other tests' concern.
    violations = axe_violations(page, within=".lo-search")
    assert violations == [], describe(violations)


def test_without_javascript_the_header_offers_the_browse_lists(page_without_javascript,
                                                                  offer_server):
    page = page_without_javascript
    page.goto(offer_server.url + "about/")
    expect(page.locator("#lo-search-q")).to_be_hidden()
    link = page.get_by_role("link", name="Browse all services")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/browse/$"))


def test_when_the_index_cannot_load_the_header_offers_the_browse_lists_again(page,
                                                                             offer_server):
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(offer_server.url + "about/")
    page.locator("#lo-search-q").fill("speech")
    expect(page.locator("[data-lo-search-status]")).to_have_text(
        "Search is not working at the moment.")
    expect(page.get_by_role("link", name="Browse all services")).to_be_visible()


def test_one_letter_does_not_search(page, offer_server):
    # "s" would fetch the index for every word in s; two letters (OT, EP) do search.
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(offer_server.url)
    page.locator("#lo-search-q").press_sequentially("s")
    page.wait_for_timeout(600)
    expect(page.locator("[data-lo-search-panel]")).to_be_hidden()
    assert not [url for url in requested if "/pagefind/index/" in url]
    page.locator("#lo-search-q").press_sequentially("p")
    expect(page.locator("[data-lo-search-status]")).to_contain_text("for “sp”")


def test_open_results_dim_the_page_so_its_text_never_reads_as_a_result(browser, offer_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(offer_server.url + "about/")
        header_search(page, "speech")
        panel = page.locator("[data-lo-search-panel]").bounding_box()
        below = page.evaluate("([x, y]) => document.elementFromPoint(x, y).className",
                              [160, min(panel["y"] + panel["height"] + 10, 635)])
        assert below == "lo-search__scrim"
        page.mouse.click(160, 635)  # a tap on the dimmed page closes the results
        expect(page.locator("[data-lo-search-panel]")).to_be_hidden()
        expect(page.locator(".lo-search__scrim")).to_be_hidden()
    finally:
        context.close()
