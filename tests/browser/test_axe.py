"""axe-core finds no WCAG 2.2 A or AA failure on any page type."""

from __future__ import annotations

import pytest

from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import axe_violations, describe


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_axe_violations(scans, name):
    violations = scans[name]["violations"]
    assert violations == [], f"{name}:\n{describe(violations)}"


def test_axe_finds_a_failure_when_there_is_one(page, offer_server):
    # The scan itself can fail: faint grey text, like Material's own footer, is caught.
    page.goto(offer_server.url)
    page.evaluate("""() => {
        const faint = document.createElement('p');
        faint.textContent = 'Faint words nobody can read';
        faint.style.color = '#aaa';  // set through the DOM: the CSP refuses style attributes
        document.getElementById('main-content').append(faint);
    }""")
    assert "color-contrast" in {v["id"] for v in axe_violations(page)}
