"""In Chromium: the policy is enforced, and Material still works under it without a violation."""

from __future__ import annotations

import pytest

from tests.browser.page_watch import LISTEN, watched

# One page of each kind: hand-written, service, ways to browse, a list of services, not found.
PAGES = ["", "services/tiny-talkers-strood/", "browse/", "browse/need/autism/", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_material_runs_under_the_policy_without_a_violation(page, offer_server, path):
    seen = watched(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the drawer is in use
    page.goto(offer_server.url + path)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.mouse.wheel(0, 3000)
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__violations") == []
    assert seen["errors"] == [] and seen["dialogs"] == []
    # Material's scripts ran: they swap no-js for js, and the moved head script set its globals.
    assert "no-js" not in page.evaluate("document.documentElement.className")
    assert page.evaluate("typeof __md_get") == "function"
    assert page.evaluate("__md_scope.href") == offer_server.url
    assert all(url.startswith(offer_server.url) for url in seen["requests"]), seen["requests"]


def test_the_policy_blocks_an_inline_script(page, offer_server):
    seen = watched(page)
    page.goto(offer_server.url + "services/tiny-talkers-strood/")
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.__inline = 1")
    assert page.evaluate("window.__inline") is None
    assert any(v.startswith("script-src-elem inline") for v in page.evaluate("window.__violations"))
    assert any("Content Security Policy" in error for error in seen["errors"])


def test_the_policy_blocks_a_request_to_another_site(page, offer_server):
    page.add_init_script(LISTEN)
    page.goto(offer_server.url)
    page.evaluate("() => { const img = document.createElement('img');"
                  "img.src = 'https://example.org/tracker.png'; document.body.append(img); }")
    page.wait_for_timeout(200)
    assert any(v.startswith("img-src https://example.org/tracker.png")
               for v in page.evaluate("window.__violations"))
