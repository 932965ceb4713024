"""A record that contradicts itself, the template left as it was, a review date to come:
each reported with file, line, field and fix, with every other problem, in one run."""

from __future__ import annotations

import datetime as dt

import pytest

from local_offer.cli import main
from local_offer.records.consistency import days_named, times_named
from local_offer.records.loader import RecordLoader
from local_offer.records.term_dates import ALL_YEAR, SCHOOL_HOLIDAYS, TERM_TIME
from tests.helpers import MINIMAL, ROOT, record_yaml

TODAY = dt.date(2026, 11, 23)


def session(description: str, **fields) -> str:
    """A record with one session, its fields from line 14 on."""
    lines = [f"  - description: {description}"]
    lines += [f"    {key}: {value}" for key, value in fields.items()]
    return MINIMAL + "sessions:\n" + "\n".join(lines) + "\n"


def problems_in(scratch, text: str, today: dt.date | None = None):
    scratch.write("service.yaml", text)
    return [(p.line, p.field, p.message) for p in RecordLoader(scratch, today).load().problems]


# ---- A session against itself ----

@pytest.mark.parametrize("text, expected", [
    pytest.param(session("Wednesdays 9:30 to 11:00", days="[friday]", start='"09:30"',
                         end='"11:00"'),
                 (15, "sessions[1].days", "the description says Wednesday, but days is "
                  "[friday]: the page would say one and the calendar the other"),
                 id="a day the days do not have"),
    pytest.param(session("Fridays 9:30 to 11:00", days="[friday]", start='"10:00"',
                         end='"11:00"'),
                 (16, "sessions[1].start", "the description says 9:30, but the session runs "
                  "from 10:00 to 11:00"), id="a time the start and end do not have"),
    pytest.param(session("Fridays 11:00 to 9:30", days="[friday]", start='"11:00"',
                         end='"09:30"'),
                 (17, "sessions[1].end", "the session ends at 09:30, before it starts at "
                  "11:00"), id="an end before its start"),
    pytest.param(session("Fridays, term time", days="[friday]"),
                 (14, "sessions[1].runs", "the description says term time, but runs is not "
                  "given, so it runs all year: the calendar would show it all year"),
                 id="term time in words only"),
    pytest.param(session("School holidays, Monday to Friday", days="[monday, tuesday, "
                         "wednesday, thursday, friday]", runs="term-time"),
                 (16, "sessions[1].runs", "the description says the school holidays, but runs "
                  "is term-time: the calendar would show it only in term time"),
                 id="holidays in words, term time in runs"),
    pytest.param(session("Fridays", runs="all-year", term_time_only="true"),
                 (16, "sessions[1].term_time_only", "term_time_only: true and runs: all-year "
                  "say different things"), id="the old field against the new"),
])
def test_a_session_contradicting_itself_is_one_problem_on_its_line(scratch, text, expected):
    assert problems_in(scratch, text) == [expected]


@pytest.mark.parametrize("text", [
    session("Wednesdays 9:30 to 11:00", days="[wednesday]", start='"09:30"', end='"11:00"'),
    session("Monday to Friday 09:30 to 14:30, term time", runs="term-time",
            days="[monday, tuesday, wednesday, thursday, friday]", start='"09:30"',
            end='"14:30"'),
    session("Fridays 6pm to 8.30pm", days="[friday]", start='"18:00"', end='"20:30"'),
    session("Mon-Fri 7:30am to 6pm, all year except bank holidays",
            days="[monday, tuesday, wednesday, thursday, friday]", start='"07:30"',
            end='"18:00"'),
    session("Saturdays in the school holidays, not on Sundays", days="[saturday]",
            runs="school-holidays"),
    session("Parent workshops, one evening each half term, 18:30 to 20:00"),
    session("By appointment, £9.30 a visit"),
])
def test_a_session_that_agrees_with_itself_passes(scratch, text):
    assert problems_in(scratch, text) == []


def test_days_and_times_are_read_as_people_write_them():
    assert days_named("Monday to Friday") == ["monday", "tuesday", "wednesday", "thursday",
                                              "friday"]
    assert days_named("Tues and Thurs, and weekends") == ["tuesday", "thursday", "saturday",
                                                          "sunday"]
    assert days_named("Friday to Monday") == ["monday", "friday", "saturday", "sunday"]
    assert days_named("Children sat in the sun; every day except Wednesdays") == []
    assert [written for written, _ in times_named("9am, 10.30, 14:00, noon, £2.50, 1.5")] == \
        ["9am", "10.30", "14:00", "noon"]
    assert dict(times_named("9:30 or 12pm or 12am")) == {"9:30": {"09:30", "21:30"},
                                                         "12pm": {"12:00"}, "12am": {"00:00"}}


def test_the_old_term_time_only_is_still_read_as_runs_term_time(scratch):
    scratch.write("old.yaml", session("Tuesdays", days="[tuesday]", term_time_only="true"))
    scratch.write("older.yaml", session("Tuesdays", days="[tuesday]", term_time_only="false"))
    scratch.write("new.yaml", session("Tuesdays", days="[tuesday]", runs="school-holidays"))
    result = RecordLoader(scratch).load()
    assert result.problems == []
    runs = {record.id: record.sessions[0].runs for record in result.records}
    assert runs == {"old": TERM_TIME, "older": ALL_YEAR, "new": SCHOOL_HOLIDAYS}


# ---- The template's placeholders ----

def test_an_unedited_template_is_refused_by_validate(scratch, capsys):
    scratch.write("copied.yaml", (ROOT / "schema" / "service-template.yaml").read_text())
    assert main(["--project", str(scratch.root), "validate", "--today", "2026-11-23"]) == 2
    err = capsys.readouterr().err
    assert ("services/copied.yaml:12: summary: this is still the template's text ('Say in one "
            "sentence what the service does and…')") in err
    assert "services/copied.yaml:10: name: this is still the template's text" in err
    assert err.splitlines()[-1] == "15 problems in 1 file"


def test_a_placeholder_left_inside_longer_text_is_found_and_only_text_fields_count(scratch):
    text = record_yaml(description='"Messy play. Say what happens at the service, and what '
                                   'a family can expect."',
                       contact='{email: minimal@example.org, phone: "01632 960001"}',
                       review_every="6 months", areas="[area-wide]")
    assert problems_in(scratch, text) == [
        (13, "description", "this is still the template's text ('Say what happens at the "
         "service, and what a…')")]


def test_the_template_is_the_one_list_of_placeholders(scratch):
    template = scratch.root / "schema" / "service-template.yaml"
    template.write_text(template.read_text().replace(
        "Name of the organisation", "Your organisation's name"))
    text = MINIMAL.replace("{name: Example Provider}", "{name: Your organisation's name}")
    assert problems_in(scratch, text) == [
        (3, "provider.name", "this is still the template's text ('Your organisation's name')")]
    assert problems_in(scratch, MINIMAL.replace("Example Provider",
                                                "Name of the organisation")) == []


# ---- One message per mistake, every mistake in one run ----

def test_a_misspelt_field_is_exactly_one_problem(scratch):
    text = MINIMAL.replace("summary:", "sumary:")
    assert problems_in(scratch, text) == [
        (2, "sumary", "'sumary' is not a field a service can have")]
    text = MINIMAL.replace("cost: {free: true}", "cost: {free: false, descripton: £3}")
    assert problems_in(scratch, text) == [
        (8, "cost.descripton", "'descripton' is not a field a service can have")]


@pytest.mark.parametrize("written, message, fix", [
    ("14/09/2026", "'14/09/2026' is not a date written YYYY-MM-DD",
     "write it year first, as 2026-09-14"),
    ("'2026-9-14'", "'2026-9-14' is not a date written YYYY-MM-DD", "like 2026-09-14"),
    ("2026-02-30", "'2026-02-30' is not a real date", "check the day and the month"),
    ("2026-09-14T10:00:00", "'2026-09-14T10:00:00' is not a date written YYYY-MM-DD",
     "like 2026-09-14"),
])
def test_a_wrong_date_is_one_message_saying_the_form_to_use(scratch, written, message, fix):
    scratch.write("dated.yaml", MINIMAL.replace("last_reviewed: 2026-05-03",
                                                f"last_reviewed: {written}"))
    [problem] = RecordLoader(scratch).load().problems
    assert (problem.line, problem.field, problem.message) == (11, "last_reviewed", message)
    assert fix in problem.fix


def test_a_future_review_date_is_listed_with_the_other_problems(scratch, capsys):
    text = session("Wednesdays", days="[friday]").replace("2026-05-03", "2026-12-01")
    scratch.write("soon.yaml", text.replace("[education]", "[educaton]"))
    assert main(["--project", str(scratch.root), "validate", "--today", "2026-11-23"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in lines[:-1]] == [
        "categories[1]", "last_reviewed", "sessions[1].days"]
    assert "2026-12-01 is in the future (today is 2026-11-23)" in lines[1]
    assert lines[-1] == "3 problems in 1 file"


# ---- Warnings: a phone number or an email address that is not the contact's ----

def test_a_different_phone_or_email_in_the_text_is_a_warning_that_stops_nothing(scratch,
                                                                               capsys):
    text = record_yaml(contact='{phone: "01632 960101", email: minimal@example.org}',
                       description="|\n  Call us on 01632 960111 or [email us]"
                                   "(mailto:other@example.org).\n  Or on 01632 960101.")
    scratch.write("calls.yaml", text)
    result = RecordLoader(scratch).load()
    assert result.problems == []
    assert [(w.line, w.field, w.message) for w in result.warnings] == [
        (14, "description", "the text gives the email address other@example.org, but "
         "contact.email is minimal@example.org"),
        (14, "description", "the text gives the phone number 01632 960111, but contact.phone "
         "is 01632 960101")]
    assert main(["--project", str(scratch.root), "validate", "--today", "2026-11-23"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("warning: services/calls.yaml:14: description: the text "
                                   "gives the email address other@example.org")
    assert captured.out == ("All 1 records are valid. 2 warnings above: worth a look, but they "
                            "stop nothing.\n")
    assert main(["--project", str(scratch.root), "lint"]) == 0
    assert "warning: services/calls.yaml:14: description: the text gives the phone number " \
        "01632 960111" in capsys.readouterr().err
