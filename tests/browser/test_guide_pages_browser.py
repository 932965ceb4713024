"""The pages for service teams add no accessibility problem of their own (axe, in Chromium).

Compared with the hand-written About page, so a problem of the theme shared by
every page is left to the suite that checks every page; anything these pages
bring themselves fails here.
"""

from tests.browser.sites import axe_violations, describe


def violations_by_element(page, url) -> dict[tuple[str, str], dict]:
    """(rule, element) -> violation: each element that breaks a rule counts on its own."""
    page.goto(url)
    return {(v["id"], " ".join(node["target"])): {**v, "nodes": [node]}
            for v in axe_violations(page) for node in v["nodes"]}


def test_guide_and_field_reference_add_no_axe_violations(page, offer_server):
    baseline = violations_by_element(page, offer_server.url + "about/")
    for url in ("about/contributing/", "about/fields/"):
        found = violations_by_element(page, offer_server.url + url)
        new = [v for key, v in found.items() if key not in baseline]
        assert not new, f"{url}: {describe(new)}"


def test_field_reference_links_each_field_to_its_section(page, offer_server):
    page.goto(offer_server.url + "about/fields/")
    page.get_by_role("link", name="contact.phone").click()
    assert page.url.endswith("#contact-phone")
    heading = page.locator("h3#contact-phone")
    assert heading.is_visible()
    assert page.get_by_role("table").get_by_role("rowheader").count() >= 45
