"""Key facts first on a phone: on every service page of the fixture offer with a venue and a
session, cost, when, where and how to get it (label and first line) lie within 1.5 screens (960 px) of the top at
320 x 640; and "Save to my list" keeps 8 px or more from "See my list" (WCAG 2.5.8)."""

from __future__ import annotations

import pytest

PHONE = {"width": 320, "height": 640}
WITHIN = 1.5 * PHONE["height"]
FACTS = {"cost": ".lo-key-cost", "when": ".lo-key-when", "where": ".lo-key-where",
         "how to get it": ".lo-key-how"}
# Where each fact's label and the first line of its answer end, from the top of the page
# (None when the page lacks it). A fact with many venues runs on; its first is what must show.
BOTTOMS = """(selectors) => Object.fromEntries(Object.entries(selectors).map(([name, selector]) => {
  const answer = document.querySelector(selector + ' dd');
  if (!answer) return [name, null];
  const line = parseFloat(getComputedStyle(answer).lineHeight);
  return [name, answer.getBoundingClientRect().top + line + window.scrollY];
}))"""
GAP = """() => {
  const save = document.querySelector('.lo-save');
  const list = [...document.querySelectorAll('.lo-save-row a')].find(a => a.textContent.trim() === 'See my list');
  if (!save || !list) return null;
  const a = save.getBoundingClientRect(), b = list.getBoundingClientRect();
  const across = Math.max(b.left - a.right, a.left - b.right);
  const down = Math.max(b.top - a.bottom, a.top - b.bottom);
  return Math.max(across, down);
}"""


def service_paths(site) -> list[str]:
    """Every service page of the built offer, with a venue and a session."""
    paths = []
    for index in sorted((site / "services").glob("*/index.html")):
        html = index.read_text(encoding="utf-8")
        if 'class="lo-summary-list__row lo-key-when"' in html and "lo-key-where" in html:
            paths.append(f"services/{index.parent.name}/")
    return paths


@pytest.fixture(scope="module")
def phone(browser):
    made = browser.new_context(viewport=PHONE)
    yield made.new_page()
    made.close()


def test_key_facts_lie_within_a_screen_and_a_half_on_a_phone(phone, offer_server, offer_site):
    paths = service_paths(offer_site)
    assert len(paths) >= 3, "the fixture offer has services with a venue and a session"
    late = {}
    for path in paths:
        phone.goto(offer_server.url + path)
        phone.wait_for_selector(".lo-save-row")
        bottoms = phone.evaluate(BOTTOMS, FACTS)
        assert None not in bottoms.values(), (path, bottoms)
        late.update({f"{path} {name}": round(bottom) for name, bottom in bottoms.items()
                     if bottom > WITHIN})
    assert not late, f"key facts below {WITHIN:.0f} px at 320 x 640: {late}"


def test_directions_link_is_a_plain_link_to_openstreetmap(page, offer_server, offer_site):
    path = service_paths(offer_site)[0]
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(offer_server.url + path)
    page.wait_for_load_state("load")
    href = page.get_attribute(".lo-key-where a", "href")
    assert href.startswith("https://www.openstreetmap.org/search?query=")
    assert not [url for url in requests if "openstreetmap" in url], "nothing fetched before a tap"


def test_save_and_see_my_list_keep_apart(phone, offer_server, offer_site):
    for path in service_paths(offer_site)[:3]:
        phone.goto(offer_server.url + path)
        phone.wait_for_selector(".lo-save-row")
        gap = phone.evaluate(GAP)
        assert gap is not None and gap >= 8, (path, gap)
