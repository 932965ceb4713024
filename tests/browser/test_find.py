"""The Find support page, in Chromium against the fixture offer's built site."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY

# axe on the Find page with results drawn: the "search results" page type in page_types.py.


def names(page) -> list[str]:
    return page.locator("[data-lo-find-list] .lo-result__name").all_inner_texts()


def all_names(page) -> list[str]:
    more = page.locator("[data-lo-find-more]")
    for _ in range(20):
        if not more.is_visible():
            break
        shown = len(names(page))
        more.click()
        expect(page.locator("[data-lo-find-list] .lo-result")).not_to_have_count(shown)
    return names(page)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def status(page):
    return page.locator("[data-lo-find-status]")


def test_age_3_in_strood_keeps_the_strood_hub_and_drops_young_adult_services(page,
                                                                            offer_server):
    page.goto(offer_server.url + "find/")
    expect(status(page)).to_contain_text("51 services, from A to Z")
    page.get_by_label("Your child's age").fill("3")
    expect(status(page)).to_contain_text("for age 3")
    page.get_by_label("Where you live").select_option("strood")
    expect(status(page)).to_contain_text("for age 3 in Strood")
    assert query(page) == {"age": ["3"], "area": ["strood"]}
    found = all_names(page)
    assert "Strood Family Hub" in found
    assert "Tiny Talkers (Strood)" in found
    for older in ("Supported Internships", "Post-16 SEND Transport"):  # 16 to 25
        assert older not in found
    assert "Tiny Talkers (Chatham)" not in found  # another area
    assert "Children's Speech and Language Therapy" in found  # the whole area
    count = int(status(page).inner_text().split()[0])
    assert count == len(found)


def test_filter_state_survives_a_reload_from_the_url(page, offer_server):
    page.goto(offer_server.url + "find/?q=speech&age=3&area=strood&free=yes&route=drop-in")
    expect(status(page)).to_contain_text("free services matching “speech” for age 3 in Strood "
                                         "that you can get by drop in")
    before = names(page)
    assert before and "Tiny Talkers (Strood)" in before
    page.reload()
    expect(page.locator("#find-q")).to_have_value("speech")
    expect(page.get_by_label("Your child's age")).to_have_value("3")
    expect(page.locator("#find-area")).to_have_value("strood")
    expect(page.locator("#find-free")).to_be_checked()
    expect(page.locator("#find-route-drop-in")).to_be_checked()
    expect(page.locator("#find-route-self-referral")).not_to_be_checked()
    expect(status(page)).to_contain_text("free services matching")
    assert names(page) == before


def test_choices_show_how_many_services_each_gives(page, offer_server):
    page.goto(offer_server.url + "find/?age=3")
    expect(status(page)).to_contain_text("for age 3")
    strood = page.locator("#find-area option[value=strood]")
    expect(strood).to_have_text(re.compile(r"^Strood \(\d+\)$"))
    listed = int(re.search(r"\((\d+)\)", strood.inner_text()).group(1))
    page.locator("#find-area").select_option("strood")
    expect(status(page)).to_contain_text(f"{listed} services for age 3 in Strood")
    # Another area's count stays what choosing it would give, not 0.
    chatham = page.locator("#find-area option[value=chatham]")
    expect(chatham).not_to_have_text("Chatham (0)")
    expect(page.locator("label[for=find-free] [data-lo-count]")).to_have_text(re.compile(r"\(\d+\)"))
    expect(page.locator("fieldset.lo-filters")).not_to_have_attribute("aria-busy", "true")


def test_filters_combine_and_the_back_button_steps_back(page, offer_server):
    page.goto(offer_server.url + "find/")
    expect(status(page)).to_contain_text("51 services")
    page.locator("#find-category").select_option("short-breaks")
    expect(status(page)).to_contain_text("Short breaks, leisure and activities")
    with_category = int(status(page).inner_text().split()[0])
    page.get_by_label("Free services only").check()
    expect(status(page)).to_contain_text("free services of the kind")
    both = int(status(page).inner_text().split()[0])
    assert 0 < both < with_category
    assert query(page) == {"category": ["short-breaks"], "free": ["yes"]}
    page.go_back()
    expect(page.get_by_label("Free services only")).not_to_be_checked()
    expect(status(page)).to_have_text(re.compile(rf"^{with_category} services of the kind “Short breaks"))
    page.go_back()
    expect(page.locator("#find-category")).to_have_value("")
    expect(status(page)).to_contain_text("51 services, from A to Z")
    page.go_forward()
    expect(page.locator("#find-category")).to_have_value("short-breaks")


def test_with_no_words_every_service_is_listed_from_a_to_z(page, offer_server, offer_project):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    records = sorted(content.records,
                     key=lambda r: (content.search.sort_name(r), f"/services/{r.id}/"))
    page.goto(offer_server.url + "find/")
    expect(status(page)).to_contain_text("51 services, from A to Z")
    assert all_names(page) == [record.name for record in records]

def test_either_way_to_get_it(page, offer_server):
    page.goto(offer_server.url + "find/?route=drop-in")
    expect(status(page)).to_contain_text("drop in")
    drop_in = int(status(page).inner_text().split()[0])
    page.get_by_label(re.compile("^Refer yourself")).check()
    expect(status(page)).to_contain_text("drop in or refer yourself")
    either = int(status(page).inner_text().split()[0])
    assert either > drop_in
    assert query(page)["route"] == ["drop-in", "self-referral"]


def test_nothing_found_suggests_what_to_relax(page, offer_server):
    page.goto(offer_server.url + "find/?q=swimming&free=yes")
    expect(status(page)).to_contain_text("No free services matching “swimming”.")
    suggestion = page.get_by_role("link", name=re.compile(r"^Remove free only \(1 service\)"))
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(status(page)).to_contain_text("1 service matching “swimming”")
    assert names(page) == ["Splash Accessible Swimming Sessions"]
    assert query(page) == {"q": ["swimming"]}
    page.go_back()
    expect(page.get_by_label("Free services only")).to_be_checked()


def test_words_that_match_nothing_together_are_offered_one_by_one(page, offer_server):
    page.goto(offer_server.url + "find/?q=swimming+portage")
    expect(status(page)).to_contain_text("No services matching “swimming portage”")
    expect(page.get_by_role("link", name=re.compile("^Search for “swimming” only"))).to_be_visible()
    page.get_by_role("link", name=re.compile("^Search for “portage” only")).click()
    expect(page.locator("#find-q")).to_have_value("portage")
    expect(status(page)).to_contain_text("matching “portage”")  # the new results are drawn
    assert "Portage Home Visiting" in names(page)


def test_an_age_that_is_not_a_number_is_explained_and_ignored(page, offer_server):
    page.goto(offer_server.url + "find/")
    age = page.get_by_label("Your child's age")
    age.fill("30")
    expect(page.locator("#find-age-error")).to_have_text("Enter an age in whole years, "
                                                         "from 0 to 25, or words like "
                                                         "“teenager”.")
    expect(age).to_have_attribute("aria-invalid", "")
    expect(status(page)).to_contain_text("51 services")
    age.fill("7")
    expect(page.locator("#find-age-error")).to_be_hidden()


def test_without_javascript_the_find_page_offers_the_browse_lists(page_without_javascript,
                                                                    offer_server):
    page = page_without_javascript
    page.goto(offer_server.url + "find/?age=3")
    expect(page.get_by_text("need JavaScript")).to_be_visible()
    expect(page.locator("#find-q")).to_be_hidden()
    page.get_by_role("link", name="Services by area").click()
    expect(page).to_have_url(re.compile(r"/browse/area/$"))


def test_a_result_can_be_saved_to_my_list(page, offer_server):
    page.goto(offer_server.url + "find/?q=tiny+talkers&area=strood")
    save = page.get_by_role("button", name="Save to my list: Tiny Talkers (Strood)")
    expect(save).to_have_attribute("aria-pressed", "false")
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    page.goto(offer_server.url + "my-list/")
    expect(page.locator(".lo-my-list__items")).to_contain_text("Tiny Talkers (Strood)")



def test_on_a_phone_the_filters_fold_into_filter_results(browser, offer_server):
    # Folded, the first result of a search moves up from below the whole form: the issue
    # measured 1,404 px down at 320 x 640. (It is not yet within the first 640 px.)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(offer_server.url + "find/?q=speech&area=strood")
    expect(status(page)).to_contain_text("matching “speech”")
    filters = page.locator("[data-lo-find-filters]")
    assert filters.get_attribute("open") is None
    expect(page.locator("#find-need")).to_be_hidden()
    first = page.locator("[data-lo-find-list] .lo-result__name").first
    bottom = page.evaluate("(el) => el.getBoundingClientRect().bottom + window.scrollY",
                           first.element_handle())
    assert bottom <= 1.5 * 640, f"the first result ends {bottom:.0f} px down"
    page.get_by_text("Filter results").click()
    expect(page.locator("#find-need")).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_filters_are_open(page, offer_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(offer_server.url + "find/")
    expect(page.locator("[data-lo-find-filters]")).to_have_attribute("open", "")
    expect(page.locator("#find-need")).to_be_visible()


def test_on_a_phone_the_first_result_comes_within_the_first_screen(browser, offer_server):
    """After a search at 320 x 640, the first result's name shows without scrolling: the
    filters fold away above the results."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(offer_server.url + "find/")
        page.get_by_label("Search words").fill("speech")
        page.get_by_label("Search words").press("Enter")
        expect(page.locator("[data-lo-find-status]")).to_contain_text("matching “speech”")
        first = page.locator("[data-lo-find-list] .lo-result").first
        expect(first).to_be_visible()
        page.evaluate("window.scrollTo(0, 0)")
        # Where the name ends, read in the page in one go: the list may be drawn again
        # (the typing pause and the Enter each ask for it) between two reads from here.
        box = page.evaluate("""() => {
          const first = document.querySelector('[data-lo-find-list] .lo-result');
          const name = first.querySelector('.lo-result__name').getBoundingClientRect();
          return { top: first.getBoundingClientRect().top, bottom: name.bottom };
        }""")
        assert box["top"] < 640
        assert box["bottom"] <= 640, box
        # Nothing wider than the phone either.
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_without_javascript_the_find_page_offers_the_lists_not_a_dead_form(
        page_without_javascript, offer_server):
    page = page_without_javascript
    page.goto(offer_server.url + "find/")
    expect(page.get_by_label("Search words")).to_be_hidden()
    expect(page.locator("[data-lo-find-results]")).to_be_hidden()
    expect(page.get_by_text("Searching and filtering need JavaScript")).to_be_visible()
    expect(page.get_by_role("link", name="the lists below")).to_be_visible()


# ---- The counts beside each choice (from the filter tables) against a brute-force count ----

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


READ_IDS = """async ([module, cases]) => {
  const { pageRows, aToZ } = await import(module);
  return cases.map(([rows, ids, order]) => {
    const { rows: count, row } = pageRows(rows);
    return [count, ids.map(row), aToZ(order)];
  });
}"""


def test_the_page_reads_the_ids_files_as_the_build_writes_them(page, offer_server, offer_site):
    """docs/assets/page-ids.js in Chromium, on the writer's files: the site's own and sets
    of ids of every shape (tests/outputs/test_search_index.py); each id finds its row."""
    import gzip
    import json
    import random

    from local_offer.outputs import search_index
    from tests.outputs.test_search_index import id_sets

    def read(path):
        return json.loads(gzip.decompress(path.read_bytes()))

    folder = offer_site / "pagefind" / search_index.TABLES / "en"
    site_ids = sorted(path.stem for path in (offer_site / "pagefind" / "fragment").iterdir())
    cases = [(read(folder / search_index.ROW_IDS), site_ids, read(folder / search_index.A_TO_Z))]
    orders = [site_ids]
    for _, ids in id_sets():
        order = [i for i in ids if i.startswith(ids[0].rpartition("_")[0] + "_")] if ids else []
        random.Random(2).shuffle(order)
        cases.append((search_index.row_ids(ids), ids, search_index.a_to_z(order)))
        orders.append(order)
    page.goto(offer_server.url + "find/")
    said = page.evaluate(READ_IDS, [offer_server.url + "assets/page-ids.js", cases])
    assert len(site_ids) == 51 and len(said) == len(cases) > 10
    for (_, ids, _), order, (count, rows, a_to_z) in zip(cases, orders, said):
        assert count == len(ids) and rows == list(range(len(ids)))
        if order is site_ids:  # A to Z by name: the same ids, another order
            assert sorted(a_to_z) == site_ids and a_to_z != site_ids
        else:
            assert a_to_z == order
