"""postcode-places.json: the centres of the council's postcode districts and sectors, a few KB,
and the "near" filter that says where each service's venues are."""

from __future__ import annotations

import json
from dataclasses import replace

from local_offer.records.model import Location
from local_offer.records.postcodes import ATTRIBUTION, POSTCODES_FILE, load_postcode_places
from local_offer.site import urls
from local_offer.site.search_data import EVERY_SERVICE, NO_VENUE, SearchData
from tests.helpers import OFFER_TAXONOMY, ROOT, build_into
from tests.site.test_family_words import record
from tests.site.test_search_data import filter_values


def test_the_built_site_has_the_councils_places_and_is_small(offer_site):
    path = offer_site / urls.POSTCODE_PLACES
    assert path.stat().st_size < 4_000  # the fixture offer's seven districts
    data = json.loads(path.read_text(encoding="utf-8"))
    easting, northing, area = data["places"]["ME7 5"]
    assert area == "gillingham" and 570_000 < easting < 585_000 and 160_000 < northing < 175_000
    assert data["places"]["ME7"][2] == "gillingham" and data["places"]["ME2"][2] == "strood"
    assert not [key for key in data["places"] if not key.startswith("ME")]
    assert (data["area_name"], data["example"], data["example_district"]) == (
        "Medway", "ME7 5HT", "ME7")
    assert data["attribution"] == ATTRIBUTION
    assert data["areas"]["gillingham"] == "Gillingham" and data["area_wide"] == "area-wide"


def test_the_page_script_asks_for_the_file_at_its_address_and_searches_the_every_word():
    script = (ROOT / "docs" / "assets" / "near-me.js").read_text(encoding="utf-8")
    assert f'const PLACES_FILE = "{urls.POSTCODE_PLACES}";' in script
    assert f'export const EVERY_SERVICE = "{EVERY_SERVICE}";' in script


def test_every_service_page_has_the_every_word_once(offer_site):
    pages = list((offer_site / "services").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            assert html.count(EVERY_SERVICE) == 1, page


def test_the_open_data_page_gives_the_postcode_datas_attribution():
    page = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")
    assert " ".join(ATTRIBUTION.split()) in " ".join(page.split())


def test_without_the_councils_postcodes_there_is_no_file_and_no_near_filter(scratch):
    (scratch.data_dir / POSTCODES_FILE).unlink()
    scratch.record("hall-club", locations="[{name: Hall, address: 1 Road, postcode: ME7 5HT}]")
    site = scratch.root / "site"
    build_into(scratch.root, site)
    assert not (site / urls.POSTCODE_PLACES).exists()
    page = (site / "services" / "hall-club" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="near' not in page


def test_each_venue_is_a_value_of_each_served_areas_filter_to_the_nearest_100_metres(scratch):
    places, _ = load_postcode_places(scratch)
    search = SearchData(OFFER_TAXONOMY, None, postcodes=places)
    service = record(scratch)  # for the whole area
    assert [f for f in search.facts(replace(service, locations=())).filters
            if f[0].startswith("near")] == [("near-area-wide", NO_VENUE)]
    hall = Location("Hall", "1 Road", "ME7 5HT")
    easting, northing = places.venue_point(hall)
    cell = f"{round(easting / 100)}-{round(northing / 100)}"
    both = replace(service, areas=("gillingham", "strood"),
                   locations=(hall, replace(hall, name="Same place"),
                              Location("Other", "2 Road", "ME2 4")))
    near = [f for f in search.facts(both).filters if f[0].startswith("near")]
    assert near[0] == ("near-gillingham", cell)
    assert [name for name, _ in near] == ["near-gillingham"] * 2 + ["near-strood"] * 2
    assert len(set(near)) == 4  # the same place once in each
    assert not [f for f in SearchData(OFFER_TAXONOMY, None).facts(both).filters
                if f[0].startswith("near")]
