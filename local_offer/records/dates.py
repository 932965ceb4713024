"""Dates, one way everywhere: how a date is written in records and on the command line,
what "today" is, and how dates read on pages and in reports."""

from __future__ import annotations

import datetime as dt

EXAMPLE = "2026-05-03"


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
