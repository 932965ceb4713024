"""In Chromium: records carrying script payloads in every text field build into inert pages.

The payloads (tests/hostile_records.py) would set window.__pwned and open a
dialog if they ran. Each page is loaded, hovered, clicked and tabbed through;
nothing may run, nothing may even try (no policy violation), and no request
may leave the site. The text must still read as the record wrote it.
"""

from __future__ import annotations

import pytest
import yaml

from tests.browser.page_watch import watched
from tests.browser.sites import SITE_NAME
from tests.hostile_records import HOSTILE_RECORDS

PAGES = [f"services/{name}/" for name in HOSTILE_RECORDS] + [
    "", "browse/a-z/0-9/", "browse/a-z/M/", "browse/need/autism/"]
# Anything in the live page that could run or load: none may be there. (Forms are
# counted apart: the site's own search box is one.)
ACTIVE = ("[onload], [onerror], [onclick], [onmouseover], [onfocus], iframe, object, embed, "
          "base, svg script, a[href^='javascript' i], script:not([src])"
          ":not([type='application/json']):not([type='application/ld+json']), link[href*='example.org'], style")


def stir(page):
    """Give event-handler payloads every chance: events on every element, a real mouse and
    keyboard across the page."""
    page.evaluate("""() => { for (const element of document.querySelectorAll('*'))
        for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error',
                            'animationstart', 'toggle'])
            element.dispatchEvent(new Event(type)); }""")
    size = page.viewport_size
    for y in range(0, size["height"], size["height"] // 4):
        for x in range(0, size["width"], size["width"] // 4):
            page.mouse.move(x, y)
    for _ in range(5):
        page.keyboard.press("Tab")
    page.wait_for_timeout(200)  # for img onerror, iframes and timers


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs(page, hostile_server, path):
    seen = watched(page)
    page.goto(hostile_server.url + path)
    stir(page)
    assert page.evaluate("window.__pwned") is None
    assert seen["dialogs"] == []
    assert seen["errors"] == []
    assert page.evaluate("window.__violations") == []
    assert page.locator(ACTIVE).count() == 0
    # The only forms are the site's own search boxes (the header's, and the home page's),
    # sending to the site's Find page.
    forms = page.locator("form").evaluate_all("forms => forms.map(form => form.action)")
    assert forms and set(forms) == {hostile_server.url + "find/"}
    assert all(url.startswith(hostile_server.url) for url in seen["requests"]), seen["requests"]


@pytest.mark.parametrize("name", HOSTILE_RECORDS)
def test_hostile_text_reads_as_written(page, hostile_server, name):
    record = yaml.safe_load(HOSTILE_RECORDS[name])
    page.goto(hostile_server.url + f"services/{name}/")
    assert page.locator("article h1").inner_text() == record["name"]
    assert page.title() == record["name"] + " - " + SITE_NAME
    assert record["summary"] in page.locator(".lo-summary").inner_text()
