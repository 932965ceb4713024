"""The council's mapping file, checked like every data file; what each field maps to."""

from __future__ import annotations

import datetime as dt

from local_offer.editing.importing.mapping import Options, convert, load_mapping, term_key
from local_offer.editing.importing.source import SourceLocation, SourceSchedule, SourceService
from tests.helpers import OFFER_TAXONOMY, ROOT

TODAY = dt.date(2026, 11, 23)


def mapping_from(tmp_path, text: str):
    path = tmp_path / "import-mapping.yaml"
    path.write_text(text, encoding="utf-8")
    return load_mapping(path, "data/import-mapping.yaml", OFFER_TAXONOMY)


def test_the_sample_mapping_file_is_valid():
    mapping, problems = load_mapping(ROOT / "tests" / "fixtures" / "offer" / "data" /
                                     "import-mapping.yaml", "data/import-mapping.yaml",
                                     OFFER_TAXONOMY)
    assert problems == [] and mapping.defaults["needs"] == ("all-needs",)
    assert mapping.look_up("needs", ["AUTISM", "autistic-spectrum-condition"]) == ("autism",)


def test_mistakes_in_the_mapping_file_name_their_line_and_fix(tmp_path):
    _, problems = mapping_from(tmp_path, "categories:\n  Health: [helth]\n  Play: 3\n"
                                         "needz:\n  Autism: autism\ndefaults:\n  area: [x]\n")
    found = [(p.line, p.field, p.message) for p in problems]
    assert (2, "categories.Health", "'helth' is not one of the categories in "
                                    "data/taxonomy.yaml") in found
    assert (3, "categories.Play", "'Play' must name one or more of the categories") in found
    assert (4, "needz", "'needz' is not a field this file uses") in found
    assert (7, "defaults.area", "'area' is not a field this file uses") in found
    assert all(p.fix for p in problems)


def test_a_missing_mapping_file_is_one_clear_problem(tmp_path):
    mapping, problems = load_mapping(tmp_path / "none.yaml", "data/import-mapping.yaml",
                                     OFFER_TAXONOMY)
    assert mapping is None and [p.message for p in problems] == ["the mapping file is missing"]


def test_terms_compare_without_case_or_punctuation():
    assert term_key("Autism-Spectrum  Condition") == term_key("autism spectrum condition")


def test_ages_minus_one_or_missing_mean_no_limit_and_over_25_is_cut(tmp_path):
    mapping, _ = mapping_from(tmp_path, "defaults:\n  categories: [education]\n")
    service = SourceService("outpost", "f.json", "1", name="Group", min_age=-1, max_age=-1,
                            email="a@example.org")
    made = convert(service, mapping, Options(TODAY))
    assert made.data["ages"] == {"min": 0, "max": 25} and "no ages" in made.look_at
    older = convert(SourceService("outpost", "f.json", "2", name="Group", min_age=16,
                                  max_age=100), mapping, Options(TODAY))
    assert older.data["ages"] == {"min": 16, "max": 25}


def test_places_sessions_and_contact_are_mapped(tmp_path):
    mapping, _ = mapping_from(tmp_path, "areas:\n  Strood: [strood]\n")
    service = SourceService(
        "oruk3", "f.json", "1", name="Group", phones=("not a number", "(01632) 960-123"),
        url="www.example.org/group",
        locations=(SourceLocation("Hub", "1 Example Road", "Strood", "me2 4aa", 51.39, 0.49),
                   SourceLocation("Masked", "", "Strood", "ME2")),
        schedules=(SourceSchedule(("monday",), "09:30:00", "11:00:00", notes="Term time only"),
                   SourceSchedule(("wednesday",), "09:30:00", "11:00:00",
                                  notes="term-time only"),
                   SourceSchedule(("friday",), "25:00", "17:00", "Fridays, ask for times")),
        assured="2027-05-01")
    made = convert(service, mapping, Options(TODAY))
    assert made.data["contact"] == {"phone": "01632 960 123",
                                    "website": "https://www.example.org/group"}
    assert made.data["locations"] == [{"name": "Hub", "address": "1 Example Road, Strood",
                                       "postcode": "ME2 4AA", "latitude": 51.39,
                                       "longitude": 0.49}]
    assert made.outcomes["locations"] == ("mapped", "1 without a full UK postcode")
    assert made.data["areas"] == ["strood"]
    assert made.data["sessions"] == [
        {"description": "Mondays and Wednesdays, 09:30 to 11:00, term time",
         "days": ["monday", "wednesday"], "start": "09:30", "end": "11:00",
         "term_time_only": True},
        {"description": "Fridays, ask for times", "days": ["friday"]}]
    assert made.data["last_reviewed"] == "2026-11-23"  # never after today


def test_a_service_the_feed_says_has_ended_is_not_imported(tmp_path):
    mapping, _ = mapping_from(tmp_path, "")
    made = convert(SourceService("outpost", "f.json", "1", name="Old", status="archived"),
                   mapping, Options(TODAY))
    assert made.skipped and made.data == {}


def test_the_whole_area_or_all_needs_are_not_repeated_by_the_others(tmp_path):
    mapping, _ = mapping_from(tmp_path, "areas:\n  Medway: [area-wide]\n  Chatham: [chatham]\n"
                                        "needs:\n  All SEND: [all-needs]\n  Autism: [autism]\n")
    made = convert(SourceService("oruk3", "f.json", "1", name="Group",
                                 terms=("Chatham", "Medway", "Autism", "All SEND")),
                   mapping, Options(TODAY))
    assert (made.data["areas"], made.data["needs"]) == (["area-wide"], ["all-needs"])


def test_how_families_take_part_is_read_from_attending_type(tmp_path):
    from local_offer.editing.importing import oruk3
    mapping, problems = load_mapping(ROOT / "tests" / "fixtures" / "offer" / "data" /
                                     "import-mapping.yaml", "data/import-mapping.yaml",
                                     OFFER_TAXONOMY)
    feed = {"id": "1", "name": "Chatter", "schedules": [
        {"attending_type": "You can attend in person or remotely via video conferencing"},
        {"attending_type": "Telephone advice line"}]}
    made = convert(oruk3.read(feed, "f.json"), mapping, Options(TODAY))
    assert made.data["attending"] == ["in-person", "online", "phone"]
    assert made.outcomes["attending"][0] == "mapped"
    silent = convert(oruk3.read({"id": "2", "name": "Quiet"}, "f.json"), mapping, Options(TODAY))
    assert "attending" not in silent.data  # not said: left out, not guessed


def test_an_attending_term_must_be_a_way_of_taking_part(tmp_path):
    _, problems = mapping_from(tmp_path, "attending:\n  By pigeon: [pigeon]\n")
    (problem,) = problems
    assert (problem.line, problem.field) == (2, "attending.By pigeon")
    assert "in-person" in problem.fix
