"""My list in Chromium: save, reload, see, remove, share to a fresh browser, and without JS."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.sites import axe_violations, describe

STROOD = "Tiny Talkers (Strood)"
SENDIASS = "SEND Information, Advice and Support Service (SENDIASS)"


def save_two(page, url):
    page.goto(url + "services/tiny-talkers-strood/")
    save = page.get_by_role("button", name=f"Save to my list: {STROOD}")
    expect(save).to_have_attribute("aria-pressed", "false")
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("status")).to_have_text(
        f"{STROOD} saved to your list. 1 service in your list.")
    # The second from a list of services, as a family browsing would.
    page.goto(url + "browse/category/information-advice/")
    page.get_by_role("button", name=f"Save to my list: {SENDIASS}").click()
    expect(page.get_by_role("status")).to_have_text(
        f"{SENDIASS} saved to your list. 2 services in your list.")


def listed_names(page):
    return page.locator(".lo-my-list__items .lo-service-item__name")


def test_two_saved_services_survive_a_reload_and_show_in_my_list(page, offer_server):
    save_two(page, offer_server.url)
    page.reload()
    expect(page.get_by_role("button", name=f"Save to my list: {SENDIASS}")).to_have_attribute(
        "aria-pressed", "true")
    page.goto(offer_server.url + "my-list/")
    expect(listed_names(page)).to_have_text([STROOD, SENDIASS])
    expect(page.get_by_text("2 services in your list.")).to_be_visible()
    expect(page.get_by_role("link", name="01632 960101")).to_have_attribute(
        "href", "tel:01632960101")
    expect(page.get_by_role("link", name="sendiass@example.org")).to_be_visible()
    expect(page.get_by_role("button", name="Print my list")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    # On paper: the services and their contacts, not the buttons.
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print my list")).to_be_hidden()
    expect(page.get_by_role("button", name=f"Remove from my list: {STROOD}")).to_be_hidden()
    expect(page.get_by_role("link", name="01632 960101")).to_be_visible()


def test_removing_a_service_keeps_focus_and_says_so(page, offer_server):
    save_two(page, offer_server.url)
    page.goto(offer_server.url + "my-list/")
    remove = page.get_by_role("button", name=f"Remove from my list: {STROOD}")
    remove.focus()
    page.keyboard.press("Enter")
    expect(listed_names(page)).to_have_text([SENDIASS])
    expect(page.get_by_role("status")).to_have_text(
        f"{STROOD} removed from your list. 1 service in your list.")
    assert page.evaluate("document.activeElement.textContent") == "1 service in your list."


def test_the_share_link_shows_the_same_list_in_a_fresh_browser(browser, page, offer_server):
    save_two(page, offer_server.url)
    page.goto(offer_server.url + "my-list/")
    link = page.get_by_label("Link to your list").input_value()
    assert link == (offer_server.url + "my-list/#ids=tiny-talkers-strood,sendiass")
    elsewhere = browser.new_context()  # another device: nothing saved there
    try:
        other = elsewhere.new_page()
        other.goto(link)
        expect(listed_names(other)).to_have_text([STROOD, SENDIASS])
        expect(other.get_by_text("Someone shared 2 services with you.")).to_be_visible()
        violations = axe_violations(other)
        assert violations == [], describe(violations)
        other.get_by_role("button", name="Save all to my list").click()
        expect(other.get_by_role("status")).to_have_text("2 services saved to your list.")
        other.goto(offer_server.url + "my-list/")
        expect(listed_names(other)).to_have_text([STROOD, SENDIASS])
    finally:
        elsewhere.close()


def test_without_javascript_no_control_shows_and_my_list_explains(browser, offer_server):
    no_script = browser.new_context(java_script_enabled=False)
    try:
        page = no_script.new_page()
        page.goto(offer_server.url + "services/tiny-talkers-strood/")
        expect(page.locator("h1")).to_have_text(STROOD)
        assert page.get_by_role("button", name="Save to my list").count() == 0
        page.goto(offer_server.url + "my-list/")
        expect(page.get_by_text("JavaScript needs to be turned on")).to_be_visible()
        assert page.locator("[data-my-list] button, [data-my-list] input").count() == 0
    finally:
        no_script.close()


def test_a_shared_link_with_a_service_no_longer_listed_says_so(page, offer_server):
    page.goto(offer_server.url + "my-list/#ids=sendiass,no-such-service")
    expect(listed_names(page)).to_have_text([SENDIASS])
    expect(page.get_by_text("1 service in the link is no longer listed")).to_be_visible()


def test_an_entry_off_the_site_offers_no_save(page, servers):
    from tests.browser.page_types import PAGE_TYPES
    from tests.browser.sites import url_of
    page.goto(url_of(servers, PAGE_TYPES["being checked (unpublished)"]))
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")  # my-list.js has run and added what it adds
    expect(page.locator(".lo-save")).to_have_count(0)
    expect(page.get_by_role("button", name="Save to my list")).to_have_count(0)


def test_while_you_wait_and_my_list_are_in_the_navigation(page, offer_server):
    page.goto(offer_server.url)
    nav = page.locator("nav.md-nav--primary")
    for name, href in (("While you wait", "while-you-wait/"), ("My list", "my-list/")):
        expect(nav.get_by_role("link", name=name, exact=True)).to_have_attribute("href", href)
