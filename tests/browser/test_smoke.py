"""The browser suite can start and read a built page (its fixtures serve every browser test)."""

from conftest import axe_violations, describe


def test_service_page_opens_in_chromium(page, sample_server):
    page.goto(sample_server.url + "services/tiny-talkers-strood/")
    assert page.locator("h1").inner_text() == "Tiny Talkers (Strood)"
    assert page.title().startswith("Tiny Talkers (Strood)")


def test_axe_runs_on_a_service_page(page, sample_server):
    page.goto(sample_server.url + "services/tiny-talkers-strood/")
    violations = axe_violations(page)
    assert isinstance(violations, list)
    print(describe(violations))
