"""A service's sessions.ics (site.urls.service_calendar): a service's regular sessions, for a family's own calendar.

Only records with a regular session (days, start and end) get a file; the
service page links to it as "Add to calendar" under the same condition
(Record.regular_sessions). Events are in UK time. The series start on the
first session day on or after last_reviewed: the date the owner confirmed the
times, and the same on every build.

A session that runs all year is one weekly repeating event. One that runs in
term time, or in the school holidays, is one weekly event for each term (or
holiday) in data/term-dates.yaml, from its first day to its last (UNTIL): so
no event falls in a week it does not run, and after the last term dates known
there are none. A series per term rather than one series with an EXDATE for
every week off: every calendar app reads a bounded RRULE the same way, a long
EXDATE list is where they differ (and an app that drops one shows a session in
the holidays).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from local_offer.outputs.common import DAY_CODES, Identifiers, session_periods
from local_offer.records.dates import long_date
from local_offer.records.term_dates import RUNS_WORDS, SCHOOL_HOLIDAYS, TERM_TIME
from local_offer.site import urls

UK_TIME = ZoneInfo("Europe/London")
# UK time as calendars define it: summer time from the last Sunday in March to the last
# Sunday in October (the rules since 1996). Rules repeat, where a definition worked out
# from the time zone database lists every change and makes each file ten times bigger.
UK_TIME_RULES = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZNAME:BST
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
DTSTART:19960331T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:GMT
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
DTSTART:19961027T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""
UK_TIMEZONE = Timezone.from_ical(UK_TIME_RULES)  # parsed once: parsing is slow


def files(content) -> Iterable[tuple[str, bytes]]:
    ids = Identifiers.for_content(content)
    for record in content.records:
        if record.regular_sessions:
            yield calendar_path(record), calendar(content, ids, record).to_ical()


def calendar_path(record) -> str:
    return urls.service_calendar(record.id)


def at(day: dt.date, time: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time), tzinfo=UK_TIME)


def calendar(content, ids: Identifiers, record) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//SEND Local Offer generator//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", record.name)
    cal.add_component(UK_TIMEZONE)
    # A calendar has no address of its own, so only a full address is of use in it.
    page = urls.absolute(content.site_url, urls.service(record.id)) if content.site_url else ""
    stamp = dt.datetime.combine(record.last_reviewed, dt.time(), tzinfo=dt.timezone.utc)
    for index, session in enumerate(record.sessions):
        if not session.is_regular:
            continue
        for period in session_periods(content.term_dates, record, session):
            start = period.first(session.days)
            if start is None:  # a holiday of a week's end only, for a weekday session
                continue
            event = Event()
            # The same id as the ORUK schedule for this session (and term).
            event.add("uid", ids.schedule(record, index, period))
            event.add("dtstamp", stamp)
            event.add("summary", record.name)
            event.add("dtstart", at(start, session.start))
            event.add("dtend", at(start, session.end))
            rule = {"freq": "weekly", "byday": [DAY_CODES[day] for day in session.days]}
            if period.end:
                rule["until"] = at(period.end, session.end).astimezone(dt.timezone.utc)
            event.add("rrule", rule)
            event.add("description", description(record, session, page, period))
            if len(record.locations) == 1:
                event.add("location", place(record.locations[0]))
            if page:
                event.add("url", page)
            cal.add_component(event)
    return cal


def place(location) -> str:
    return f"{location.name}, {location.address}, {location.postcode}"


def description(record, session, page: str, period=None) -> str:
    lines = [session.description]
    if session.runs in (TERM_TIME, SCHOOL_HOLIDAYS) and period is not None:
        not_in = "the school holidays" if session.runs == TERM_TIME else "term time"
        lines.append(f"{RUNS_WORDS[session.runs]}: no sessions in {not_in}. {period.name}: "
                     f"{long_date(period.start)} to {long_date(period.end)}.")
    if record.alert:
        lines.append(record.alert)
    if len(record.locations) > 1:
        lines.append("At one of: " + "; ".join(place(loc) for loc in record.locations) + ".")
    if record.contact.phone:
        lines.append(f"Check before you go: {record.contact.phone}.")
    if page:
        lines.append(f"More about {record.name}: {page}")
    return "\n".join(lines)
