"""With only a keyboard: skip the header, reach a service and get back, always seeing focus,
never trapped."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.keyboard import Keyboard, walk_every_tab_stop
from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import url_of

NARROW = {"width": 320, "height": 640}


def h1(page) -> str:
    return page.locator("h1").inner_text().strip()


def test_skip_link_comes_first_and_moves_focus_to_the_content(page, offer_server):
    page.goto(offer_server.url + "services/tiny-talkers-strood/")
    keys = Keyboard(page)
    assert keys.tab()["name"] == "Skip to main content"
    keys.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    after = keys.tab()
    assert after["inMain"], f"after skipping, Tab went to {after['name']!r} outside the content"


# Ways a family finds a service from the home page, each with the keyboard only.
# Each returns with the service page open.
def find_by_browsing(keys: Keyboard) -> None:
    keys.follow("Services from A to Z")
    assert h1(keys.page) == "Services from A to Z"
    keys.follow("T")
    keys.follow("Tiny Talkers (Strood)")


def find_by_searching(keys: Keyboard) -> None:
    keys.tab_to_field("lo-search-q")  # the search box in the header
    keys.page.keyboard.type("tiny talkers")
    expect(keys.page.locator("[data-lo-search-status]")).to_contain_text("found for")
    keys.follow("Tiny Talkers (Strood)")  # Tab on from the box into its results


def find_on_the_find_page(keys: Keyboard) -> None:
    keys.tab_to_field("lo-search-q")
    keys.page.keyboard.type("talkers")
    with keys.page.expect_navigation():
        keys.press("Enter")  # sends the words to the Find support page
    assert h1(keys.page) == "Find support"
    expect(keys.page.locator("[data-lo-find-status]")).to_contain_text("“talkers”")
    keys.follow("Tiny Talkers (Strood)")


WAYS_TO_FIND = [find_by_browsing, find_by_searching, find_on_the_find_page]


@pytest.mark.parametrize("find", WAYS_TO_FIND, ids=lambda way: way.__name__)
def test_reach_a_service_and_get_back(page, offer_server, find):
    page.goto(offer_server.url)
    keys = Keyboard(page)
    find(keys)
    assert h1(page) == "Tiny Talkers (Strood)"
    # Back to browsing, through the site's own navigation.
    keys.follow("Browse services")
    assert h1(page) == "Browse services"
    assert page.url == offer_server.url + "browse/"


@pytest.mark.parametrize("name", ["home", "service with every field"])
@pytest.mark.parametrize("viewport", [None, NARROW], ids=["desktop", "320px"])
def test_every_tab_stop_shows_focus_and_nothing_traps_it(browser, servers, name, viewport):
    context = browser.new_context(viewport=viewport) if viewport else browser.new_context()
    page = context.new_page()
    page.goto(url_of(servers, PAGE_TYPES[name]))
    met, count = walk_every_tab_stop(page)
    context.close()
    assert count >= 3
    assert met == list(range(count)), "Tab should meet every stop once, in order, then leave"


def test_menu_opens_and_closes_with_the_keyboard_on_a_narrow_screen(browser, offer_server):
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(offer_server.url + "services/tiny-talkers-strood/")
    keys = Keyboard(page)
    menu = keys.tab_to("Menu")
    assert menu["tag"] == "label" and page.get_attribute("label[role=button]", "aria-expanded") \
        == "false"
    keys.press("Enter")
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary')"
                           ".getBoundingClientRect().left >= 0")
    assert page.get_attribute("label[role=button]", "aria-expanded") == "true"
    keys.follow("Glossary")
    assert h1(page) == "Glossary"
    keys.tab_to("Menu")
    keys.press("Enter")
    keys.press("Escape")
    assert page.evaluate("document.getElementById('__drawer').checked") is False
    assert keys.focused()["name"] == "Menu"
    context.close()
