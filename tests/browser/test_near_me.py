"""Near me: a postcode on the Find page or in the header lists the services nearest first.

Against the fixture offer's built site, whose data/postcodes.yaml puts ME7 in Gillingham.
The order is checked against where each record's venues are (records/postcodes.py), and
nothing may be asked of any other website.
"""

from __future__ import annotations

import itertools
import math
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from local_offer.records.postcodes import load_postcode_places, parse_postcode
from local_offer.records.taxonomy import AREA_WIDE
from local_offer.site import urls
from local_offer.site.build import build_content
from tests.browser.sites import RequestLog, axe_violations, describe
from tests.helpers import FIXTURE_TODAY

DISTANCE = re.compile(r"^(less than a mile|about 1 mile|about \d+ miles) away$")
MILE = 1609.344


def status(page):
    return page.locator("[data-lo-find-status]")


def shown(page) -> list[tuple[str, str]]:
    """(name, distance line) of every result, after "Show more" until all are shown."""
    more = page.locator("[data-lo-find-more]")
    for _ in range(20):
        if not more.is_visible():
            break
        count = page.locator("[data-lo-find-list] .lo-result").count()
        more.click()
        expect(page.locator("[data-lo-find-list] .lo-result")).not_to_have_count(count)
    items = []
    for result in page.locator("[data-lo-find-list] .lo-result").all():
        distance = result.locator(".lo-result__distance")
        items.append((result.locator(".lo-result__name").inner_text(),
                      distance.inner_text() if distance.count() else ""))
    return items


@pytest.fixture(scope="module")
def offer(offer_project):
    """Each published fixture service by name: (serves Gillingham, metres from ME7 5 or None)."""
    places, problems = load_postcode_places(offer_project)
    assert places is not None and not problems
    centre = places.place_of(parse_postcode("ME7 5"))
    found = {}
    for record in build_content(offer_project, today=FIXTURE_TODAY).records:  # published
        points = [places.venue_point(location) for location in record.locations]
        metres = [math.dist(point, (centre.easting, centre.northing))
                  for point in points if point]
        serves = "gillingham" in record.areas or AREA_WIDE in record.areas
        found[record.name] = (serves, min(metres) if metres else None)
    return found


def test_me7_5_lists_gillingham_and_area_wide_services_first_nearest_first(page, offer_server,
                                                                           offer):
    log = RequestLog(page, offer_server.url)
    page.goto(offer_server.url + "find/")
    expect(status(page)).to_contain_text("from A to Z")
    assert not [url for url in log.urls if urls.POSTCODE_PLACES in url], \
        "the postcode places load only when a family types a postcode"
    page.get_by_label("Search words").fill("ME7 5")
    expect(status(page)).to_contain_text("nearest to ME7 5 first")
    assert parse_qs(urlparse(page.url).query) == {"q": ["ME7 5"]}
    results = shown(page)
    published = {name for name in offer}
    assert len(results) == len(published) and {name for name, _ in results} == published
    serving = sum(1 for serves, _ in offer.values() if serves)
    first = results[:serving]
    assert all(offer[name][0] for name, _ in first), "Gillingham's and area-wide come first"
    with_venue = [name for name, _ in first if offer[name][1] is not None]
    assert len(with_venue) >= 5  # the fixture gives most of them a venue
    # Those with a venue lead, nearest first, each saying how far in miles.
    assert [name for name, _ in first[:len(with_venue)]] == with_venue
    distances = [offer[name][1] for name in with_venue]
    assert all(a <= b + 150 for a, b in zip(distances, distances[1:])), distances  # 100 m grid
    for name, words in first[:len(with_venue)]:
        assert DISTANCE.match(words), (name, words)
        miles = offer[name][1] / MILE  # the page measures to the nearest 100 m
        if miles < 0.9:
            assert words == "less than a mile away", (name, words)
        elif miles > 1.1:
            assert words == f"about {round(miles)} mile{'s' if round(miles) > 1 else ''} away"
    for name, words in first[len(with_venue):]:
        assert words == "No venue listed: serves Gillingham", name
    # Then the rest, nearest first too.
    rest = [offer[name][1] for name, _ in results[serving:] if offer[name][1] is not None]
    assert all(a <= b + 150 for a, b in zip(rest, rest[1:])), rest
    assert "Contains OS data © Crown copyright" in page.locator(".lo-near-note").inner_text()
    assert log.elsewhere() == []


def test_a_postcode_works_with_the_other_filters_and_stays_in_the_url(page, offer_server, offer,
                                                                     offer_site):
    log = RequestLog(page, offer_server.url)
    page.goto(offer_server.url + "find/?q=me75ht&age=17")
    expect(status(page)).to_contain_text("for age 17, nearest to ME7 5HT first")
    counts = page.locator("[data-lo-find-filters] fieldset").first
    expect(counts).not_to_have_attribute("aria-busy", "true")
    # The results and every count load one part of the word index (the word every service
    # has), not all of it, as a search with no words would.
    parts = [url for url in log.urls if "/pagefind/index/" in url]
    assert len(parts) == 1 < len(list((offer_site / "pagefind" / "index").iterdir()))
    results = shown(page)
    assert 0 < len(results) < len(offer)
    assert "Supported Internships" in [name for name, _ in results]  # 16 to 25, in ME7 5
    assert "Tiny Talkers (Gillingham)" not in [name for name, _ in results]  # under-fives
    page.reload()
    expect(status(page)).to_contain_text("for age 17, nearest to ME7 5HT first")
    assert parse_qs(urlparse(page.url).query) == {"q": ["me75ht"], "age": ["17"]}


@pytest.mark.parametrize("typed", ["SW1A 1AA", "ME15", "me99 9zz"])
def test_an_unknown_postcode_says_what_to_type(page, offer_server, typed):
    log = RequestLog(page, offer_server.url)
    page.goto(offer_server.url + "find/")
    page.get_by_label("Search words").fill(typed)
    expect(status(page)).to_contain_text("Type a postcode in Medway, like ME7 5HT, or part of "
                                         "one, like ME7.")
    expect(page.locator("[data-lo-find-list] .lo-result")).to_have_count(0)
    assert log.elsewhere() == []


def test_the_header_search_lists_the_nearest_services_with_their_distance(page, offer_server):
    log = RequestLog(page, offer_server.url)
    page.goto(offer_server.url)
    page.locator("[data-lo-search-form] input[name=q]").fill("me7 5ht")
    expect(page.locator("[data-lo-search-status]")).to_contain_text(
        "nearest to ME7 5HT first")
    first = page.locator("[data-lo-search-list] .lo-result").first
    assert DISTANCE.match(first.locator(".lo-result__distance").inner_text())
    page.locator("[data-lo-search-form] input[name=q]").fill("ME99")
    expect(page.locator("[data-lo-search-status]")).to_contain_text(
        "Type a postcode in Medway, like ME7 5HT")
    assert log.elsewhere() == []


def test_near_me_results_have_no_axe_violations_on_a_phone(browser, offer_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(offer_server.url + "find/?q=ME7+5")
    expect(page.locator("[data-lo-find-list] .lo-result__distance").first).to_be_visible()
    violations = axe_violations(page)
    context.close()
    assert violations == [], describe(violations)


def test_the_status_line_says_nearest_first_after_every_combination_of_choices(page,
                                                                                offer_server):
    words = {"category": "Short breaks", "need": "Autism", "age": "7", "area": "Gillingham",
             "free": True, "routes": ["drop in"]}
    combos = [({**{name: words[name] for name, on in zip(words, chosen) if on},
                "near": "ME7 5"}, count)
              for chosen in itertools.product([False, True], repeat=len(words))
              for count in (0, 1, 35)]
    page.goto(offer_server.url + "find/")
    said = page.evaluate("""async ([module, combos]) => {
      const { statusLine } = await import(module);
      return combos.map(([asked, count]) => statusLine(asked, count));
    }""", [offer_server.url + "assets/find-words.js", combos])
    assert len(said) == 3 * 2 ** len(words)
    for (asked, count), sentence in zip(combos, said):
        assert re.fullmatch(r"(No|\d+) (free )?services?(,? [^ ].*)?[.]", sentence), sentence
        assert "  " not in sentence and " ," not in sentence and ",," not in sentence, sentence
        assert sentence.endswith(", nearest to ME7 5 first.") == (count > 0), sentence
        assert "from A to Z" not in sentence, sentence
