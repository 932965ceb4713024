"""Printing a service page: the details a family takes with them, without the site's furniture."""

from __future__ import annotations

import pytest

from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import url_of

# The site's furniture: header, navigation, search, skip link, menu button and footer.
FURNITURE = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
             "[role=search]", "input[type=search]", ".lo-skip-link", ".md-footer"]


@pytest.fixture
def printed(page, servers):
    page.goto(url_of(servers, PAGE_TYPES["service with every field"]))
    page.emulate_media(media="print")
    return page


def shown(page, selector) -> list[bool]:
    return [page.locator(selector).nth(i).is_visible() for i in range(page.locator(selector).count())]


def test_contact_details_address_and_times_print(printed):
    content = printed.locator("#main-content")
    for text in ("Every Field Service", "01632 960999", "every.field@example.org",
                 "Every Field Service website", "Strood Example Hub", "1 Example Road, Strood",
                 "ME2 4AA", "Chatham Example Centre", "Tuesdays 10:00 to 11:30, term time",
                 "£3 a session"):
        assert content.get_by_text(text).first.is_visible(), f"{text!r} does not print"


def test_navigation_and_search_do_not_print(printed):
    for selector in FURNITURE:
        assert not any(shown(printed, selector)), f"{selector} prints"
    assert printed.locator("nav").first.is_visible() is False


def test_the_same_page_on_screen_shows_the_furniture(page, servers):
    # The print check above can fail: on screen the header and navigation are there.
    page.goto(url_of(servers, PAGE_TYPES["service with every field"]))
    assert page.locator(".md-header").is_visible() and page.locator("nav").first.is_visible()
