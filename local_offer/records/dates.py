"""Dates, one way everywhere: how a date is written in records and on the command line,
what "today" is, and how dates read on pages and in reports."""

from __future__ import annotations

import datetime as dt

EXAMPLE = "2026-05-03"
# The days of the week as records write them (sessions[].days), Monday first as
# datetime's weekday() counts them.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_day(text: str) -> dt.date:
    """A real date written YYYY-MM-DD; ValueError, in words a person can act on, otherwise."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"'{text}' is not a date like {EXAMPLE}") from None


def day_or_today(day: str | dt.date | None) -> dt.date:
    """The day a build or a check is run as: the one given (--today), else today."""
    if day is None or day == "":
        return dt.date.today()
    return day if isinstance(day, dt.date) else parse_day(day)


def long_date(day: dt.date) -> str:
    """3 May 2026: the form GOV.UK recommends, easy for every reader."""
    return f"{day.day} {day:%B %Y}"


def month_year(day: dt.date) -> str:
    return f"{day:%B %Y}"


def weekday_date(day: dt.date) -> str:
    """Tuesday 6 January: a day that is coming soon, as a family reads it."""
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
