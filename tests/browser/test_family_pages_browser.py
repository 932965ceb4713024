"""Closures, while you wait, report a problem and the council's pages, in Chromium."""

from __future__ import annotations

from playwright.sync_api import expect

from local_offer.site.build import build_content
from local_offer.site.family_pages import waiting_family_services
from tests.browser.sites import axe_violations, describe
from tests.helpers import FIXTURE_TODAY


def test_temporarily_closed_service_shows_its_alert_first_on_its_page(page, offer_server):
    page.goto(offer_server.url + "services/accessible-swimming/")
    alert = page.locator(".lo-alert")
    expect(alert).to_contain_text("Temporarily closed")
    expect(alert).to_contain_text("Sessions restart on Sunday 7 March 2027.")
    summary = page.locator(".lo-summary")
    assert alert.bounding_box()["y"] < summary.bounding_box()["y"]


def test_temporarily_closed_service_shows_its_alert_in_lists(page, offer_server):
    page.goto(offer_server.url + "browse/category/short-breaks/")
    item = page.locator('[data-service-id="accessible-swimming"]')
    expect(item.locator(".lo-item-alert")).to_contain_text(
        "Temporarily closed. Closed while the pool is refurbished.")


def test_while_you_wait_lists_exactly_the_records_marked_for_it(page, offer_project,
                                                                offer_server):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    expected = [record.id for record in waiting_family_services(content)]
    page.goto(offer_server.url + "while-you-wait/")
    listed = page.locator(".lo-service-list > li").evaluate_all(
        "items => items.map(item => item.dataset.serviceId)")
    assert sorted(set(listed)) == sorted(expected)  # grouped by need: some in two groups
    # Each can be saved from here, as from any list.
    assert page.locator(".lo-service-list .lo-save").count() == len(listed)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_report_a_problem_opens_links_that_carry_the_id_and_owner(page, offer_server):
    page.goto(offer_server.url + "services/sendiass/")
    page.get_by_text("Report a problem with this page").click()
    closed = page.get_by_role("link", name="The service has closed")
    expect(closed).to_be_visible()
    href = closed.get_attribute("href")
    assert href.startswith("mailto:sendiass@example.org?")
    assert "Service%20id%3A%20sendiass" in href
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_council_pages_pass_axe(page, offer_server):
    for path in ("you-said-we-did/", "what-the-offer-covers/"):
        page.goto(offer_server.url + path)
        violations = axe_violations(page)
        assert violations == [], f"{path}: {describe(violations)}"


def test_the_home_page_is_short_on_a_phone_with_search_and_the_wait_on_the_first_screen(
        browser, offer_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(offer_server.url)
    search = page.locator(".lo-home-search__input").bounding_box()
    waiting = page.get_by_role("heading", name="Waiting for an assessment or a diagnosis?")
    wait_top = waiting.bounding_box()["y"]
    height = page.evaluate("document.documentElement.scrollHeight")
    # The ways in are large tap targets: at least 44 px high (WCAG 2.5.5 advice, 2.5.8 AA).
    tiles = page.locator(".lo-tile").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().height)")
    context.close()
    assert search["y"] + search["height"] <= 640, "the search is on the first screen"
    assert wait_top <= 640 * 1.5
    assert height <= 640 * 4.5, f"the home page is {height} px long on a phone"
    assert len(tiles) == 7 and min(tiles) >= 44
