"""Dates, one way everywhere: how a date is written in records and on the command line,
what "today" is, and how dates read on pages and in reports."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

EXAMPLE = "2026-05-03"
# The days of the week as records write them (sessions[].days), Monday first as
# datetime's weekday() counts them.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Dates as other directories' feeds write them: 2026-05-03, 2026-05-03T10:30:45.123Z,
# 03/05/2026 or 03/05/2026 10:30:45 (day first, as UK systems write it).
_ISO_START = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s.*)?$")


def parse_day(text: str) -> dt.date:
    """A real date written YYYY-MM-DD; ValueError, in words a person can act on, otherwise."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"'{text}' is not a date like {EXAMPLE}") from None


def day_in_feed(text) -> dt.date | None:
    """The day a feed's date or date-time falls on, or None if it is not one."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    try:
        if found := _ISO_START.match(text):
            return dt.date.fromisoformat(found.group(1))
        if found := _DAY_FIRST.match(text):
            day, month, year = map(int, found.groups())
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def day_or_today(day: str | dt.date | None) -> dt.date:
    """The day a build or a check is run as: the one given (--today), else today."""
    if day is None or day == "":
        return dt.date.today()
    return day if isinstance(day, dt.date) else parse_day(day)


# English is written here, the GOV.UK way; another language as Babel's data writes it.
ENGLISH = "en"


def long_date(day: dt.date, language: str = ENGLISH) -> str:
    """3 May 2026: the form GOV.UK recommends, easy for every reader; in another language
    its own long form (5 marca 2026)."""
    if language != ENGLISH:
        return format_date(day, "long", locale=language)
    return f"{day.day} {day:%B %Y}"


def month_year(day: dt.date, language: str = ENGLISH) -> str:
    if language != ENGLISH:
        return format_date(day, "LLLL y", locale=language)
    return f"{day:%B %Y}"


def weekday_date(day: dt.date, language: str = ENGLISH) -> str:
    """Tuesday 6 January: a day that is coming soon, as a family reads it."""
    if language != ENGLISH:
        return format_date(day, "EEEE d MMMM", locale=language)
    return f"{day:%A} {day.day} {day:%B}"


def first_weekday(since: dt.date, days: tuple[str, ...],
                  until: dt.date | None = None) -> dt.date | None:
    """The first of the given weekdays on or after `since` (and on or before `until`)."""
    wanted = {WEEKDAYS.index(day) for day in days}
    for offset in range(7):
        day = since + dt.timedelta(days=offset)
        if until is not None and day > until:
            return None
        if day.weekday() in wanted:
            return day
    return None
