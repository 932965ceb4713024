"""Reflow (WCAG 1.4.10) and text resize (1.4.4): a service page at 320 CSS px and with text at
200 % needs no sideways scrolling and loses nothing a wide screen shows."""

from __future__ import annotations

import pytest

from tests.browser.page_types import PAGE_TYPES, SERVICE_PAGE_TYPES
from tests.browser.sites import url_of

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}

CONTENT_TEXT = ("() => document.getElementById('main-content').innerText"
                ".replace(/\\s+/g, ' ').trim()")
# Browsers' text size setting scales every rem and em; doubling the root font size does the same.
DOUBLE_TEXT = """() => {
  const root = document.documentElement;
  const size = parseFloat(getComputedStyle(root).fontSize);
  root.style.setProperty('font-size', (size * 2) + 'px', 'important');
  return size * 2;
}"""
# Anything in the content that sticks out past the edges, or is cut off inside its box.
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('#main-content *')].filter(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    const style = getComputedStyle(el);
    const clips = ['hidden', 'clip'].includes(style.overflowX) && !el.matches('.lo-visually-hidden');
    return box.left < -0.5 || box.right > width + 0.5 || (clips && el.scrollWidth > el.clientWidth + 1);
  }).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ': '
                + (el.innerText || '').trim().slice(0, 40));
}"""


def read(browser, url, viewport, bigger_text, extra_style=""):
    # A fault injected by a test is an inline style, which the site's CSP would refuse.
    context = browser.new_context(viewport=viewport, bypass_csp=bool(extra_style))
    page = context.new_page()
    page.goto(url)
    if extra_style:
        page.add_style_tag(content=extra_style)
    if bigger_text:
        assert page.evaluate(DOUBLE_TEXT) >= 32
    result = {
        "text": page.evaluate(CONTENT_TEXT),
        "scroll": page.evaluate("[document.documentElement.scrollWidth,"
                                " document.documentElement.clientWidth]"),
        "cut_off": page.evaluate(CUT_OFF),
    }
    context.close()
    return result


@pytest.fixture(scope="module")
def wide_text(browser, servers):
    """What each service page type shows on a wide screen at normal text size."""
    return {name: read(browser, url_of(servers, kind), WIDE, False)["text"]
            for name, kind in SERVICE_PAGE_TYPES.items()}


@pytest.mark.parametrize("name", SERVICE_PAGE_TYPES)
@pytest.mark.parametrize("viewport, bigger_text", [(NARROW, False), (NARROW, True), (WIDE, True)],
                         ids=["320px", "320px-text-200%", "1280px-text-200%"])
def test_no_sideways_scrolling_and_nothing_lost(browser, servers, wide_text, name, viewport,
                                                bigger_text):
    squeezed = read(browser, url_of(servers, SERVICE_PAGE_TYPES[name]), viewport, bigger_text)
    scroll_width, view_width = squeezed["scroll"]
    assert scroll_width <= view_width, f"the page scrolls sideways by {scroll_width - view_width}px"
    assert squeezed["cut_off"] == []
    assert squeezed["text"] == wide_text[name], "some content shows on a wide screen only"


def test_the_checks_catch_a_page_that_does_not_reflow(browser, offer_server):
    url = offer_server.url + "services/tiny-talkers-strood/"
    stuck = read(browser, url, NARROW, False, ".lo-summary { width: 600px; }")
    assert stuck["scroll"][0] > stuck["scroll"][1] and stuck["cut_off"]
    hidden = read(browser, url, NARROW, False, "@media (max-width: 400px) { .lo-contact "
                                               "{ display: none !important; } }")
    # The phone number shows in the key facts too; the email only under Contact.
    assert "tiny.talkers@example.org" not in hidden["text"]


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_page_type_scrolls_sideways_on_a_320_px_screen(browser, servers, name):
    kind = PAGE_TYPES[name]
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(url_of(servers, kind))
    if kind.ready:
        page.locator(kind.ready).first.wait_for()
    width, client = page.evaluate("[document.documentElement.scrollWidth,"
                                  " document.documentElement.clientWidth]")
    context.close()
    assert width <= client, f"{name} is {width} px wide on a {client} px screen"


def test_the_freshness_charts_labels_are_readable_on_a_phone(browser, servers):
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(url_of(servers, PAGE_TYPES["freshness report"]))
    heights = page.locator(".lo-chart__svg text").evaluate_all(
        "texts => texts.map(t => t.getBoundingClientRect().height)")
    context.close()
    # A label's box is about 1.2 times its type size: 13 px or more is type of 11 px or more.
    assert heights and min(heights) >= 13, heights
