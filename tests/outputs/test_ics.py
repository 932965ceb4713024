"""sessions.ics: a calendar for each service with regular sessions, linked from its page."""

from __future__ import annotations

import datetime as dt

import icalendar

from local_offer.site.build import build_content
from local_offer.outputs.common import DAY_CODES, WEEKDAYS, Identifiers
from local_offer.outputs import ics
from local_offer.records.model import Session

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
    term_time = 0
    for record in (r for r in content.records if r.regular_sessions):
        calendar = icalendar.Calendar.from_ical(
            (offer_site / "services" / record.id / "sessions.ics").read_bytes())
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
        events = calendar.walk("VEVENT")
        sessions = [(i, s) for i, s in enumerate(record.sessions) if s.is_regular]
        assert len(events) == len(sessions), record.id
        for event, (index, session) in zip(events, sessions):
            assert str(event["UID"]) == ids.schedule(record, index)
            assert str(event["SUMMARY"]) == record.name
            rule = event["RRULE"]
            assert rule["FREQ"] == ["WEEKLY"]
            assert rule["BYDAY"] == [DAY_CODES[day] for day in session.days]
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert str(start.tzinfo) == "Europe/London"
            assert start.strftime("%H:%M") == session.start
            assert end.strftime("%H:%M") == session.end
            assert WEEKDAYS[start.weekday()] in session.days
            assert record.last_reviewed <= start.date() < record.last_reviewed + dt.timedelta(7)
            description = str(event["DESCRIPTION"])
            assert description.startswith(session.description)
            if session.term_time_only:
                term_time += 1
                assert "Term time only" in description
    assert term_time > 0


def test_a_session_is_regular_only_with_days_and_a_sensible_time():
    assert Session("Tuesdays", ("tuesday",), "10:00", "11:30").is_regular
    assert not Session("Tuesdays", ("tuesday",)).is_regular
    assert not Session("By appointment", (), "10:00", "11:30").is_regular
    assert not Session("Back to front", ("tuesday",), "11:30", "10:00").is_regular


def test_an_end_date_ends_the_series(scratch, service_fixtures):
    scratch.write("every-field.yaml", service_fixtures["full"])
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/")
    [(path, data)] = list(ics.files(content))
    assert path == "services/every-field/sessions.ics"
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert event["RRULE"]["UNTIL"][0].date() == dt.date(2030, 3, 31)
    assert str(event["URL"]) == "https://offer.example.org/services/every-field/"
    # Two places: the description names both rather than guessing one.
    assert "LOCATION" not in event
    assert "Strood Example Hub" in str(event["DESCRIPTION"])
    assert "Chatham Example Centre" in str(event["DESCRIPTION"])


def test_the_uk_time_rules_agree_with_the_time_zone_database():
    from zoneinfo import ZoneInfo
    rules = icalendar.Timezone.from_ical(ics.UK_TIME_RULES).to_tz()
    london = ZoneInfo("Europe/London")
    for year in (2026, 2031, 2037):
        for month, day, hour in ((1, 15, 12), (3, 27, 12), (3, 31, 12), (7, 1, 9),
                                 (10, 24, 12), (10, 31, 12), (12, 25, 18)):
            moment = dt.datetime(year, month, day, hour)
            assert rules.utcoffset(moment) == moment.replace(tzinfo=london).utcoffset(), moment
