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

The lines are written here, not through the icalendar library: a calendar is a
few fixed lines per event, and the library took most of the open data files'
time (about 5 ms a service). Tests read the files back with icalendar and
recurring-ical-events, and compare them with what the library writes.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Callable, Iterable
from zoneinfo import ZoneInfo

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
DTSTART:19960331T010000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZNAME:BST
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19961027T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZNAME:GMT
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
END:STANDARD
END:VTIMEZONE
"""


def files(content) -> Iterable[tuple[str, Callable[[], bytes]]]:
    ids = Identifiers.for_content(content)
    for record in content.records:
        if record.regular_sessions:  # made when written: one file a service
            yield calendar_path(record), partial(calendar, content, ids, record)


def calendar_path(record) -> str:
    return urls.service_calendar(record.id)


def at(day: dt.date, time: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time), tzinfo=UK_TIME)


def calendar(content, ids: Identifiers, record) -> bytes:
    """The calendar file of one service (RFC 5545), its lines ended with CRLF."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SEND Local Offer generator//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             # An extension's value as it is (calendar apps and parsers read it unescaped).
             "X-WR-CALNAME:" + " ".join(record.name.split()),
             *UK_TIME_RULES.splitlines()]
    # A calendar has no address of its own, so only a full address is of use in it.
    page = urls.absolute(content.site_url, urls.service(record.id)) if content.site_url else ""
    stamp = dt.datetime.combine(record.last_reviewed, dt.time()).strftime("%Y%m%dT%H%M%SZ")
    for index, session in enumerate(record.sessions):
        if not session.is_regular:
            continue
        byday = ",".join(DAY_CODES[day] for day in session.days)
        for period in session_periods(content.term_dates, record, session):
            start = period.first(session.days)
            if start is None:  # a holiday of a week's end only, for a weekday session
                continue
            rule = "FREQ=WEEKLY"
            if period.end:
                until = at(period.end, session.end).astimezone(dt.timezone.utc)
                rule += f";UNTIL={until:%Y%m%dT%H%M%SZ}"
            # The same id as the ORUK schedule for this session (and term).
            lines += ["BEGIN:VEVENT", "SUMMARY:" + text(record.name),
                      f"DTSTART;TZID=Europe/London:{local(start, session.start)}",
                      f"DTEND;TZID=Europe/London:{local(start, session.end)}",
                      "DTSTAMP:" + stamp, "UID:" + text(ids.schedule(record, index, period)),
                      f"RRULE:{rule};BYDAY={byday}",
                      "DESCRIPTION:" + text(description(record, session, page, period))]
            if len(record.locations) == 1:
                lines.append("LOCATION:" + text(place(record.locations[0])))
            if page:
                lines.append("URL:" + page)
            lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def local(day: dt.date, time: str) -> str:
    """A day and a time of day as a local date-time value, like 20260914T090000."""
    return dt.datetime.combine(day, dt.time.fromisoformat(time)).strftime("%Y%m%dT%H%M%S")


def text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, new lines."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """A content line folded so no line is longer than 75 octets (RFC 5545 3.1): a break
    never falls inside a UTF-8 character, nor straight after a backslash that escapes."""
    if len(line) < limit and line.isascii():
        return line
    folded, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and size + width >= limit:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                folded.append("".join(current))
                current, size = [carried], len(carried.encode("utf-8"))
            else:
                folded.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    folded.append("".join(current))
    return "\r\n ".join(folded)


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
