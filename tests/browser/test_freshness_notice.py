"""The out-of-date warning in a real browser: decided again on the reader's own date.

The fixture offer's site is built for 23 November 2026, when the Hoo Peninsula Family
Hub is current, due for review on 22 December 2026.
"""

from __future__ import annotations

import datetime as dt

from tests.browser.sites import AXE_SCRIPT, WCAG_TAGS, describe

PAGE = "services/hoo-peninsula-family-hub/"
NOTICE = ".lo-freshness"


def axe_within(page, selector: str) -> list[dict]:
    """axe-core's WCAG violations inside one part of the page (ours, not the theme's)."""
    # Evaluated rather than added as a <script>: the site's CSP refuses inline scripts.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate("([selector, tags]) => axe.run({include: [[selector]]}, "
                           "{runOnly: {type: 'tag', values: tags}})", [selector, WCAG_TAGS])
    return result["violations"]


def open_on(context, server, day: dt.datetime, path: str = PAGE):
    page = context.new_page()
    page.clock.install(time=day)
    page.goto(server.url + path)
    return page


def test_no_warning_before_the_review_date(context, offer_server):
    page = open_on(context, offer_server, dt.datetime(2026, 12, 22, 23, 0))
    assert page.locator(NOTICE).count() == 1
    assert not page.locator(NOTICE).is_visible()


def test_warning_shows_once_the_readers_date_is_past_the_review_date(context, offer_server):
    page = open_on(context, offer_server, dt.datetime(2026, 12, 23, 9, 0))
    notice = page.locator(NOTICE)
    assert notice.is_visible()
    assert "This information may be out of date" in notice.inner_text()
    box, summary = notice.bounding_box(), page.locator(".lo-summary").bounding_box()
    assert box["y"] < summary["y"]  # at the top, before anything else about the service


def test_without_javascript_the_state_at_build_time_shows(browser, offer_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = open_on(context, offer_server, dt.datetime(2027, 3, 1, 9, 0))
        assert not page.locator(NOTICE).is_visible()
    finally:
        context.close()


def test_the_shown_warning_passes_axe(context, offer_server):
    page = open_on(context, offer_server, dt.datetime(2027, 1, 5, 9, 0))
    assert page.locator(NOTICE).is_visible()
    violations = axe_within(page, NOTICE)
    assert violations == [], describe(violations)


def test_the_freshness_page_chart_and_tables_pass_axe(page, offer_server):
    page.goto(offer_server.url + "about/freshness/")
    chart = page.locator("svg[role=img]")
    assert chart.is_visible()
    assert chart.get_attribute("aria-labelledby") == "lo-age-chart-title lo-age-chart-desc"
    violations = axe_within(page, "article.md-content__inner")
    assert violations == [], describe(violations)
