"""Loading records: a valid one becomes a typed Record; every mistake is named with file and line."""

from __future__ import annotations

import datetime as dt
import os
import time

from local_offer.records.loader import RecordLoader
from local_offer.records.project import Project
from tests.helpers import MINIMAL


def load(scratch):
    return RecordLoader(scratch).load()


def only_problem(scratch):
    result = load(scratch)
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


def test_full_record_loads_with_typed_fields(scratch, service_fixtures):
    scratch.write("health/every-field.yaml", service_fixtures["full"])
    result = load(scratch)
    assert result.problems == []
    [record] = result.records
    assert record.id == "every-field"
    assert record.path == "services/health/every-field.yaml"
    assert record.ages == (3, 12)
    assert record.last_reviewed == dt.date(2026, 5, 3)
    assert record.valid_until == dt.date(2030, 3, 31)
    assert record.waiting_time.weeks == 18
    assert record.contact.phone == "01632 960999"
    assert record.sessions[0].days == ("tuesday",)
    assert record.sessions[0].start == "10:00"
    assert record.locations[1].name == "Chatham Example Centre"
    lines = service_fixtures["full"].splitlines()
    assert lines[record.line_of("last_reviewed") - 1].startswith("last_reviewed:")


def test_the_fixture_offer_is_valid_and_large_enough(offer_project):
    result = RecordLoader(offer_project).load()
    assert result.problems == []
    assert len(result.records) >= 40


def test_syntax_error_names_file_and_line(scratch):
    scratch.write("broken.yaml", MINIMAL.replace("summary: A service", 'summary: "A service'))
    problem = only_problem(scratch)
    assert problem.path == "services/broken.yaml"
    assert problem.line in (2, 3)
    assert "not valid YAML" in problem.message
    assert problem.fix


def test_duplicate_key_is_an_error_not_silently_dropped(scratch):
    scratch.write("twice.yaml", MINIMAL + "name: Another Name\n")
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.field) == ("services/twice.yaml", 13, "name")
    assert "appears twice (first on line 1)" in problem.message


def test_unknown_field_suggests_the_near_miss(scratch):
    scratch.write("typo.yaml", MINIMAL + "descripton: Hello there.\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (13, "descripton")
    assert "not a field a service can have" in problem.message
    assert "did you mean 'description'?" in problem.fix


def test_wrong_type_names_line_and_expected_type(scratch):
    scratch.write("types.yaml", MINIMAL.replace("categories: [education]", "categories: education"))
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (4, "categories")
    assert "should be a list" in problem.message


def test_value_outside_its_list_says_what_is_allowed(scratch):
    scratch.write("enum.yaml", MINIMAL.replace("[education]", "[educaton]"))
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (4, "categories[1]")
    assert "'educaton' is not one of the allowed values" in problem.message
    assert "did you mean 'education'?" in problem.fix


def test_missing_required_field(scratch):
    scratch.write("missing.yaml", MINIMAL.replace("summary: A service with only the fields "
                                                  "that are required.\n", ""))
    problem = only_problem(scratch)
    assert problem.field == "summary"
    assert "the required field 'summary' is missing" in problem.message


def test_nested_problem_points_at_the_nested_line(scratch):
    text = MINIMAL.replace("contact: {email: minimal@example.org}",
                           "contact:\n  email: minimal@example.org\n  website: www.example.org")
    scratch.write("nested.yaml", text)
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (12, "contact.website")
    assert "https://" in problem.fix


def test_same_id_in_two_folders(scratch):
    scratch.write("a/same.yaml", MINIMAL)
    scratch.write("b/same.yaml", MINIMAL)
    problem = only_problem(scratch)
    assert problem.path == "services/b/same.yaml"
    assert "services/a/same.yaml" in problem.message


def test_file_name_must_be_a_valid_id(scratch):
    scratch.write("Tiny_Talkers.yaml", MINIMAL)
    problem = only_problem(scratch)
    assert "not a valid service id" in problem.message


def test_every_problem_in_every_file_in_one_run(scratch):
    scratch.write("one.yaml", MINIMAL + "descripton: x\n" + "colour: blue\n")
    scratch.write("two.yaml", MINIMAL.replace("[education]", "[nope]"))
    scratch.write("three.yaml", MINIMAL)
    result = load(scratch)
    assert [(p.path, p.line) for p in result.problems] == [
        ("services/one.yaml", 13), ("services/one.yaml", 14), ("services/two.yaml", 4)]
    assert [r.id for r in result.records] == ["three"]


def test_youngest_age_above_oldest(scratch):
    scratch.write("ages.yaml", MINIMAL.replace("{min: 16, max: 25}", "{min: 20, max: 5}"))
    problem = only_problem(scratch)
    assert problem.field == "ages" and "above the oldest" in problem.message


def test_paid_service_must_say_what_it_costs(scratch):
    scratch.write("cost.yaml", MINIMAL.replace("{free: true}", "{free: false}"))
    problem = only_problem(scratch)
    assert problem.field == "cost.description"


def test_a_large_offer_read_on_both_cores_loads_as_one_process_does(scratch, monkeypatch):
    from local_offer.records import loader

    for number in range(30):
        scratch.record(f"service-{number:02d}", name=f"Service {number}")
    scratch.write("wrong.yaml", MINIMAL + "descripton: x\n")
    scratch.write("broken.yaml", "name: [unclosed\n")
    alone = RecordLoader(Project(scratch.root), cache=False).load()
    monkeypatch.setattr(loader, "SHARED_FROM", 1)
    monkeypatch.setattr(loader, "BATCH", 2)
    build, read_here = os.getpid(), []
    original = RecordLoader.check_file

    def slower_here(self, file, shown=""):
        if os.getpid() == build:  # so that the other process surely takes some
            read_here.append(file.stem)
            time.sleep(0.01)
        return original(self, file, shown)

    monkeypatch.setattr(RecordLoader, "check_file", slower_here)
    shared = RecordLoader(Project(scratch.root), cache=False).load()
    assert 0 < len(read_here) < 32, "the other process read none"
    assert shared.records == alone.records and len(shared.records) == 30
    assert shared.problems == alone.problems and len(shared.problems) == 2
    assert shared.warnings == alone.warnings
    read_here.clear()
    RecordLoader(Project(scratch.root), cache=False, in_background=False).load()
    assert len(read_here) == 32  # a process with threads of its own (mkdocs serve)
