"""sessions.ics: a calendar for each service with regular sessions, linked from its page."""

from __future__ import annotations

import datetime as dt
import json
import re

import icalendar
import pytest
import recurring_ical_events

from local_offer.outputs import ics, made
from local_offer.outputs.common import DAY_CODES, WEEKDAYS, Identifiers, session_periods
from local_offer.records.model import Session
from local_offer.records.term_dates import ALL_YEAR, RUNS_WORDS, SCHOOL_HOLIDAYS, TERM_TIME
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY


def test_each_service_with_regular_sessions_has_a_calendar_its_page_links_to(offer_project,
                                                                            offer_site):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    with_calendar = [r for r in content.records if r.regular_sessions]
    assert 0 < len(with_calendar) < len(content.records)
    for record in content.records:
        path = offer_site / "services" / record.id / "sessions.ics"
        page = (offer_site / "services" / record.id / "index.html").read_text(encoding="utf-8")
        link = '<a href="sessions.ics" type="text/calendar">Add to calendar</a>'
        assert path.is_file() == bool(record.regular_sessions) == (link in page), record.id


def test_each_event_repeats_weekly_on_the_session_days_in_uk_time(offer_project, offer_site):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    ids = Identifiers("Medway")
    kinds = set()
    for record in (r for r in content.records if r.regular_sessions):
        calendar = icalendar.Calendar.from_ical(
            (offer_site / "services" / record.id / "sessions.ics").read_bytes())
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
        events = iter(calendar.walk("VEVENT"))
        for index, session in enumerate(record.sessions):
            if not session.is_regular:
                continue
            kinds.add(session.runs)
            periods = [period for period in session_periods(content.term_dates, record, session)
                       if period.first(session.days)]
            assert periods, (record.id, index)
            for period in periods:
                event = next(events)
                assert str(event["UID"]) == ids.schedule(record, index, period)
                assert str(event["SUMMARY"]) == record.name
                rule = event["RRULE"]
                assert rule["FREQ"] == ["WEEKLY"]
                assert rule["BYDAY"] == [DAY_CODES[day] for day in session.days]
                start, end = event.decoded("DTSTART"), event.decoded("DTEND")
                assert str(start.tzinfo) == "Europe/London"
                assert start.strftime("%H:%M") == session.start
                assert end.strftime("%H:%M") == session.end
                assert WEEKDAYS[start.weekday()] in session.days
                assert start.date() == period.first(session.days) >= record.last_reviewed
                description = str(event["DESCRIPTION"])
                assert description.startswith(session.description)
                if session.runs == ALL_YEAR:
                    assert "UNTIL" not in rule and len(periods) == 1
                else:
                    assert rule["UNTIL"][0].astimezone(ics.UK_TIME).date() == period.end
                    assert RUNS_WORDS[session.runs] in description and period.name in description
        assert next(events, None) is None, record.id
    assert kinds == {ALL_YEAR, TERM_TIME, SCHOOL_HOLIDAYS}


def occurrences(data: bytes, first: dt.date, last: dt.date) -> dict[str, list[dt.date]]:
    """Each session's days, by the position in its UID's series, as a calendar app shows
    them: recurring-ical-events expands the RRULEs (and EXDATEs, were there any)."""
    calendar = icalendar.Calendar.from_ical(data)
    days: dict[str, list[dt.date]] = {}
    for event in recurring_ical_events.of(calendar).between(first, last + dt.timedelta(1)):
        days.setdefault(str(event["DESCRIPTION"]).split("\n")[0], []).append(
            event.decoded("DTSTART").date())
    return days


@pytest.mark.parametrize("year", ["2025-26", "2026-27"])
def test_over_a_school_year_term_time_sessions_miss_every_holiday_and_holiday_ones_every_term(
        offer_project, offer_site, year):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    dates = content.term_dates
    school_year = next(y for y in dates.years if y.year == year)
    first = school_year.terms[0].start
    last = max(span.end for span in (*school_year.terms, *school_year.holidays))
    in_term = {day for term in dates.terms for day in days_of(term)}
    in_holiday = {day for holiday in dates.holidays for day in days_of(holiday)}
    wrong, counted = [], {}
    for record in (r for r in content.records if r.regular_sessions):
        data = (offer_site / "services" / record.id / "sessions.ics").read_bytes()
        shown = occurrences(data, first, last)
        for session in (s for s in record.sessions if s.is_regular):
            days = shown.pop(session.description, [])
            wrong += [(record.id, day) for day in days
                      if (session.runs == TERM_TIME and day not in in_term)
                      or (session.runs == SCHOOL_HOLIDAYS and day not in in_holiday)]
            # And nothing is missing: every day it runs, from the day its times were
            # confirmed, is in the calendar once.
            allowed = {TERM_TIME: in_term, SCHOOL_HOLIDAYS: in_holiday}.get(session.runs)
            expected = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
            expected = [day for day in expected if WEEKDAYS[day.weekday()] in session.days
                        and day >= record.last_reviewed and (allowed is None or day in allowed)]
            assert sorted(days) == expected, (record.id, session.description)
            counted[(record.id, session.description)] = (session.runs, len(days))
    assert wrong == []
    # The offer's sessions of every kind have days in 2026-27; in 2025-26 only the few
    # whose times were confirmed before its summer.
    kinds = {runs for runs, count in counted.values() if count}
    assert kinds == ({TERM_TIME, SCHOOL_HOLIDAYS, ALL_YEAR} if year == "2026-27" else {ALL_YEAR})


def days_of(span) -> list[dt.date]:
    return [span.start + dt.timedelta(n) for n in range((span.end - span.start).days + 1)]


def test_a_session_is_regular_only_with_days_and_a_sensible_time():
    assert Session("Tuesdays", ("tuesday",), "10:00", "11:30").is_regular
    assert not Session("Tuesdays", ("tuesday",)).is_regular
    assert not Session("By appointment", (), "10:00", "11:30").is_regular
    assert not Session("Back to front", ("tuesday",), "11:30", "10:00").is_regular


def test_an_end_date_ends_the_series(scratch, service_fixtures):
    # All year: one series, to the last day it runs.
    scratch.write("every-field.yaml", service_fixtures["full"].replace(
        "Tuesdays 10:00 to 11:30, term time", "Tuesdays 10:00 to 11:30").replace(
        "    runs: term-time\n", ""))
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/")
    [(path, data)] = [(path, made(data)) for path, data in ics.files(content)]
    assert path == "services/every-field/sessions.ics"
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert event["RRULE"]["UNTIL"][0].date() == dt.date(2030, 3, 31)
    assert str(event["URL"]) == "https://offer.example.org/services/every-field/"
    # Two places: the description names both rather than guessing one.
    assert "LOCATION" not in event
    assert "Strood Example Hub" in str(event["DESCRIPTION"])
    assert "Chatham Example Centre" in str(event["DESCRIPTION"])


def test_a_term_time_series_ends_with_the_service_or_the_term_dates_known(scratch,
                                                                         service_fixtures):
    text = service_fixtures["full"].replace("valid_until: 2030-03-31", "valid_until: 2026-12-08")
    scratch.write("every-field.yaml", text)
    content = build_content(scratch, today="2026-11-23")
    [data] = [made(data) for _, data in ics.files(content)]
    # Reviewed 3 May 2026: the summer terms and the autumn terms up to the end.
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [event.decoded("DTSTART").date() for event in events] == [
        dt.date(2026, 5, 5), dt.date(2026, 6, 2), dt.date(2026, 9, 8), dt.date(2026, 11, 3)]
    assert events[-1]["RRULE"]["UNTIL"][0].astimezone(ics.UK_TIME).date() == dt.date(2026, 12, 8)
    # Without an end, the last series ends with the last term known: nothing after it.
    scratch.write("every-field.yaml", service_fixtures["full"])
    content = build_content(scratch, today="2026-11-23")
    [data] = [made(data) for _, data in ics.files(content)]
    days = [day for days in occurrences(data, dt.date(2026, 1, 1), dt.date(2031, 1, 1)).values()
            for day in days]
    assert max(days) == dt.date(2027, 7, 20) < content.term_dates.known_until
    assert min(days) == dt.date(2026, 5, 5)  # the first Tuesday in term after 3 May 2026


def test_the_uk_time_rules_agree_with_the_time_zone_database():
    from zoneinfo import ZoneInfo
    rules = icalendar.Timezone.from_ical(ics.UK_TIME_RULES).to_tz()
    london = ZoneInfo("Europe/London")
    for year in (2026, 2031, 2037):
        for month, day, hour in ((1, 15, 12), (3, 27, 12), (3, 31, 12), (7, 1, 9),
                                 (10, 24, 12), (10, 31, 12), (12, 25, 18)):
            moment = dt.datetime(year, month, day, hour)
            assert rules.utcoffset(moment) == moment.replace(tzinfo=london).utcoffset(), moment


def test_text_written_directly_reads_back_the_same_through_a_parser(scratch, service_fixtures):
    # The lines are written by hand (not by the icalendar library): commas, semicolons,
    # backslashes, new lines and long lines of non-ASCII letters must come back as written.
    name = "Café; “Rhyme, Time” \\ Ŵelsh ÿ " + "é" * 60
    scratch.write("every-field.yaml", re.sub(r"(?m)^name: .*$",
                                             lambda _: f"name: {json.dumps(name)}",
                                             service_fixtures["full"], count=1))
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/")
    [data] = [made(data) for _, data in ics.files(content)]
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no line break falls inside a character
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == name
    [record] = content.records
    events = calendar.walk("VEVENT")
    assert events and all(str(event["SUMMARY"]) == name for event in events)
    session = record.sessions[0]
    assert str(events[0]["DESCRIPTION"]).splitlines()[0] == session.description
    assert "\n" in str(events[0]["DESCRIPTION"])


def test_each_line_is_as_the_icalendar_library_folds_it():
    for line in ("DESCRIPTION:" + "a" * 200, "SUMMARY:" + "é" * 80, "X:" + "ab\\," * 40, "X:ok"):
        assert ics.fold(line) == icalendar.parser.string._foldline(line)
