"""Nothing jumps: the Cumulative Layout Shift of every page type stays under 0.1, on a phone
(320 x 640) and on a desktop (1280 x 900), measured by Chromium's own layout-shift entries
through a PerformanceObserver from before the page's first script runs."""

from __future__ import annotations

import pytest

from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import url_of

LIMIT = 0.1  # "good" in Chrome's Web Vitals
SCREENS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 900}}

# Started before any page script, with buffered entries, so the first paint's shifts count.
# Shifts just after the reader's own input are not the page jumping (hadRecentInput).
OBSERVE = """
window.__shift = { total: 0, moved: [] };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shift.total += entry.value;
    for (const source of entry.sources || []) {
      const node = source.node;
      window.__shift.moved.push(`${entry.value.toFixed(3)} ${node ? node.nodeName.toLowerCase()
        + (node.className ? '.' + String(node.className).split(' ')[0] : '') : '?'}: `
        + `${Math.round(source.previousRect.top)} -> ${Math.round(source.currentRect.top)}`);
    }
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def layout_shift(browser, url: str, viewport: dict, ready: str = "") -> dict:
    """The page's layout shift once it has loaded, drawn what it draws and gone quiet."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.add_init_script(OBSERVE)
        page.goto(url, wait_until="networkidle")
        if ready:
            page.wait_for_selector(ready)
        page.wait_for_timeout(300)  # a last frame for anything the scripts just drew
        return page.evaluate("window.__shift")
    finally:
        context.close()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_page_type_jumps_as_it_loads(browser, servers, name, screen):
    kind = PAGE_TYPES[name]
    shift = layout_shift(browser, url_of(servers, kind), SCREENS[screen], kind.ready)
    assert shift["total"] < LIMIT, (
        f"{name} on a {screen}: layout shift {shift['total']:.3f}; what moved:\n"
        + "\n".join(shift["moved"]))


def test_the_measure_sees_a_page_that_jumps(browser, offer_server):
    """A banner pushed in above the content after load is caught, so a pass means something."""
    context = browser.new_context(viewport=SCREENS["phone"], bypass_csp=True)
    try:
        page = context.new_page()
        page.add_init_script(OBSERVE)
        page.goto(offer_server.url + "about/", wait_until="networkidle")
        page.evaluate("""() => new Promise((done) => setTimeout(() => {
          const banner = document.createElement('div');
          banner.style.height = '200px';
          document.querySelector('.md-content').prepend(banner);
          requestAnimationFrame(() => requestAnimationFrame(done));
        }, 50))""")
        page.wait_for_timeout(200)
        shift = page.evaluate("window.__shift")
    finally:
        context.close()
    assert shift["total"] > LIMIT
    assert shift["moved"]
