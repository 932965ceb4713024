"""Privacy: a page loads nothing from anywhere but the site itself (no fonts, CDNs, analytics)."""

from __future__ import annotations

import pytest

from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import RequestLog


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_request_leaves_the_site(scans, name):
    scan = scans[name]
    assert len(scan["requests"]) > 1, "the page and its styles at least should be recorded"
    assert scan["elsewhere"] == [], f"{name} asked another host for: {scan['elsewhere']}"


def test_a_request_elsewhere_would_be_caught(page, offer_server):
    log = RequestLog(page, offer_server.url)
    font = "http://fonts.example.org/font.css"
    page.route(font, lambda route: route.abort())  # never leaves the machine
    page.goto(offer_server.url)
    with page.expect_request(font):
        page.evaluate("href => document.head.append(Object.assign(document.createElement('link'),"
                      " {rel: 'stylesheet', href}))", font)
    assert log.elsewhere() == [font]
