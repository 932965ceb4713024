"""School term dates: read from data/term-dates.yaml, checked like a record, and what they mean."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from local_offer.cli import main
from local_offer.records.term_dates import ALL_YEAR, SCHOOL_HOLIDAYS, TERM_TIME, load_term_dates
from tests.helpers import OFFER

SHOWN = "data/term-dates.yaml"

GOOD = """\
owner:
  team: Local Offer Team
  email: localoffer@example.org
school_years:
  - year: 2026-27
    terms:
      - name: Autumn term (first half)
        start: 2026-09-02
        end: 2026-10-23
      - name: Autumn term (second half)
        start: 2026-11-02
        end: 2026-12-18
    holidays:
      - name: October half term
        start: 2026-10-26
        end: 2026-10-30
      - name: Christmas holidays
        start: 2026-12-21
        end: 2027-01-01
"""


def read(tmp_path, text: str):
    path = tmp_path / "term-dates.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_term_dates(path, SHOWN)


def problems_of(tmp_path, text: str) -> list[tuple[int, str, str, str]]:
    return [(p.line, p.field, p.message, p.fix) for p in read(tmp_path, text)[1]]


def test_the_fixture_offers_dates_are_whole_and_read(tmp_path):
    dates, problems = load_term_dates(OFFER / "data" / "term-dates.yaml", SHOWN)
    assert problems == []
    assert [year.year for year in dates.years] == ["2025-26", "2026-27"]
    assert len(dates.terms) == len(dates.holidays) == 12
    assert dates.known_until == dt.date(2027, 8, 31)
    assert (dates.owner_team, dates.owner_email) == ("Local Offer Team", "localoffer@example.org")
    assert dates.line == 68  # the last school year: where the next one goes


def test_a_holiday_takes_in_the_weekends_either_side_and_never_a_term_day(tmp_path):
    dates, problems = read(tmp_path, GOOD)
    assert problems == []
    half_term = dates.holidays[0]
    # Term ends Friday 23 October; the half term is Monday 26 to Friday 30 October.
    assert (half_term.start, half_term.end) == (dt.date(2026, 10, 24), dt.date(2026, 11, 1))
    for term in dates.terms:
        assert not any(day in term for holiday in dates.holidays
                       for day in (holiday.start, holiday.end))


def test_next_session_follows_the_terms_the_holidays_or_every_week(tmp_path):
    dates, _ = read(tmp_path, GOOD)
    in_half_term = dt.date(2026, 10, 27)
    assert dates.next_session(TERM_TIME, ("tuesday",), in_half_term) == dt.date(2026, 11, 3)
    assert dates.next_session(SCHOOL_HOLIDAYS, ("tuesday",), in_half_term) == in_half_term
    assert dates.next_session(SCHOOL_HOLIDAYS, ("saturday",), dt.date(2026, 11, 2)) == \
        dt.date(2026, 12, 19)  # the Saturday after the autumn term ends
    assert dates.next_session(ALL_YEAR, ("tuesday",), in_half_term) == in_half_term
    # After the last date known nothing is known: no next session, but all year goes on.
    assert dates.next_session(TERM_TIME, ("tuesday",), dt.date(2027, 1, 2)) is None
    assert dates.next_session(ALL_YEAR, ("tuesday",), dt.date(2027, 3, 1)) == dt.date(2027, 3, 2)
    # A service that ends first has no next session after its end.
    assert dates.next_session(TERM_TIME, ("tuesday",), in_half_term,
                              until=dt.date(2026, 11, 2)) is None


def test_no_file_is_no_dates_and_no_problem(tmp_path):
    dates, problems = load_term_dates(tmp_path / "term-dates.yaml", SHOWN)
    assert problems == [] and dates.years == () and dates.known_until is None
    assert dates.periods(TERM_TIME, dt.date(2026, 1, 1)) == ()


@pytest.mark.parametrize("change, expected", [
    pytest.param(("start: 2026-11-02", "start: 2026-10-20"),
                 (10, "school_years[1].terms[2]",
                  "the term 'Autumn term (second half)' (20 October 2026 to 18 December 2026) "
                  "overlaps 'Autumn term (first half)' (2 September 2026 to 23 October 2026, "
                  "line 7)"), id="overlapping terms"),
    pytest.param(("start: 2026-12-21", "start: 2026-12-14"),
                 (17, "school_years[1].holidays[2]",
                  "the holiday 'Christmas holidays' (14 December 2026 to 1 January 2027) falls "
                  "in the term 'Autumn term (second half)' (2 November 2026 to 18 December "
                  "2026, line 10)"), id="a holiday inside a term"),
    pytest.param(("start: 2026-10-26", "start: 26/10/2026"),
                 (15, "school_years[1].holidays[1].start",
                  "'start' is '26/10/2026', not a date"), id="a date not YYYY-MM-DD"),
    pytest.param(("end: 2026-10-30", "end: 2026-10-23"),
                 (16, "school_years[1].holidays[1].end",
                  "it ends (23 October 2026) before it starts (26 October 2026)"),
                 id="an end before its start"),
    pytest.param(("      - name: October half term\n        start: 2026-10-26\n"
                  "        end: 2026-10-30\n", ""),
                 (10, "school_years[1].terms[2]",
                  "no term or holiday covers the weekdays from 26 October 2026 to 30 October "
                  "2026, before 'Autumn term (second half)'"), id="a school year with a gap"),
    pytest.param(("    holidays:", "    holidayz:"),
                 (13, "school_years[1].holidayz", "'holidayz' is not a field this file uses"),
                 id="a misspelt field"),
    pytest.param(("owner:\n  team: Local Offer Team\n  email: localoffer@example.org\n", ""),
                 (1, "owner", "'owner' is missing: nobody would be told when the dates run "
                  "out"), id="no owner"),
])
def test_each_mistake_is_one_problem_with_its_line_field_and_fix(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    found = problems_of(tmp_path, GOOD.replace(old, new))
    assert [problem[:3] for problem in found] == [expected], found
    assert found[0][3]


def test_a_misspelt_field_is_one_problem_and_a_year_listed_twice_is_named(tmp_path):
    found = problems_of(tmp_path, GOOD + "  - year: 2026-27\n    terms: []\n")
    assert [(line, message) for line, _, message, _ in found] == [
        (20, "the school year 2026-27 is listed twice (first on line 5)"),
        (21, "the school year 2026-27 has no terms")]


def test_validate_and_build_report_the_file_like_a_record(scratch, tmp_path, capsys):
    path = scratch.data_dir / "term-dates.yaml"
    path.write_text(path.read_text().replace("end: 2025-10-31", "end: 2025-11-05"))
    for command in (["validate"], ["build", "--site-dir", str(tmp_path / "site")]):
        assert main(["--project", str(scratch.root), *command, "--today", "2026-11-23"]) == 2
        err = capsys.readouterr().err
        assert ("data/term-dates.yaml:49: school_years[1].holidays[1]: the holiday 'October "
                "half term' (27 October 2025 to 5 November 2025) falls in the term 'Autumn term "
                "(second half)'") in err
    assert not (tmp_path / "site").exists()
