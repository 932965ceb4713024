"""The counts beside each Find choice, from the filter tables, against a brute-force count."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from local_offer.site.build import build_content
from tests.browser.test_find import all_names, status
from tests.helpers import FIXTURE_TODAY

COUNTED = ("category", "need", "area", "free", "route")


def shown_counts(page) -> dict[str, dict[str, int]]:
    expect(page.locator("#find-area option[value=strood]")).to_have_text(re.compile(r"\(\d+\)$"))
    expect(page.locator("fieldset.lo-filters")).not_to_have_attribute("aria-busy", "true")
    counts: dict[str, dict[str, int]] = {name: {} for name in COUNTED}
    for name in ("category", "need", "area"):
        for option in page.locator(f"#find-{name} option").all():
            value = option.get_attribute("value")
            if value:
                counts[name][value] = int(re.search(r"\((\d+)\)$", option.inner_text()).group(1))
    for box in page.locator("input[name=free], input[name=route]").all():
        label = page.locator(f"label[for={box.get_attribute('id')}] [data-lo-count]")
        counts[box.get_attribute("name")][box.get_attribute("value")] = int(
            label.inner_text().strip("()"))
    return counts


def brute_force(content, names: set[str], state: dict) -> dict[str, dict[str, int]]:
    """For each choice: the services found by the words that pass every other filter and
    have that choice."""
    def passes(filters, name):
        values = {}
        for filter_name, value in filters:
            values.setdefault(filter_name, set()).add(value)
        if name != "age" and "age" in state:
            age = state["age"]
            if not (any(int(v) <= age for v in values.get("age-from", ()))
                    and any(int(v) >= age for v in values.get("age-to", ()))):
                return False
        for other in ("category", "need", "area", "free", "route"):
            if other != name and other in state and not values.get(other, set()) & state[other]:
                return False
        return True

    counts: dict[str, dict[str, int]] = {name: {} for name in COUNTED}
    for record in content.records:
        if record.name not in names:
            continue
        filters = list(content.search.filters(record))
        for name in COUNTED:
            if passes(filters, name):
                for filter_name, value in filters:
                    if filter_name == name:
                        counts[name][value] = counts[name].get(value, 0) + 1
    return counts


@pytest.mark.parametrize("query, state", [
    ("age=3", {"age": 3}),
    ("q=speech&area=strood&free=yes", {"q": "speech", "area": {"strood"}, "free": {"yes"}}),
    ("need=autism&route=drop-in&route=self-referral&age=12",
     {"need": {"autism"}, "route": {"drop-in", "self-referral"}, "age": 12}),
    ("category=education&area=chatham", {"category": {"education"}, "area": {"chatham"}}),
])
def test_every_count_is_what_choosing_it_would_give(page, offer_server, offer_project, query,
                                                    state):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    # The services the words find, whatever the filters: the Find page with the words alone.
    page.goto(offer_server.url + "find/" + (f"?q={state['q']}" if "q" in state else ""))
    expect(status(page)).to_contain_text("services")
    found = set(all_names(page))
    page.goto(offer_server.url + f"find/?{query}")
    shown = shown_counts(page)
    expected = brute_force(content, found, state)
    for name in COUNTED:
        for value, count in shown[name].items():
            assert count == expected[name].get(value, 0), (name, value)
    # And the results themselves are the services passing every filter.
    listed = set(all_names(page))
    assert listed == {r.name for r in content.records
                      if r.name in found and _passes_all(content, r, state)}


def _passes_all(content, record, state) -> bool:
    values: dict[str, set] = {}
    for name, value in content.search.filters(record):
        values.setdefault(name, set()).add(value)
    if "age" in state and not (any(int(v) <= state["age"] for v in values.get("age-from", ()))
                               and any(int(v) >= state["age"] for v in values.get("age-to", ()))):
        return False
    return all(values.get(name, set()) & state[name]
               for name in ("category", "need", "area", "free", "route") if name in state)
