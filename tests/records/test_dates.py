"""One owner for dates: how they are written, what today is, how they read."""

from __future__ import annotations

import datetime as dt

import pytest

from local_offer.cli import main
from local_offer.records.dates import day_or_today, long_date, parse_day


def test_a_date_is_written_year_month_day():
    assert parse_day("2026-09-14") == dt.date(2026, 9, 14)


@pytest.mark.parametrize("text", ["14/09/2026", "2026-02-30", "20260914", "2026-9-14", "", "today"])
def test_anything_else_is_refused_in_words(text):
    with pytest.raises(ValueError, match="is not a date like 2026-05-03"):
        parse_day(text)


def test_today_is_the_day_given_or_the_real_one():
    assert day_or_today("2026-11-23") == dt.date(2026, 11, 23)
    assert day_or_today(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    assert day_or_today(None) == dt.date.today()


def test_long_dates_read_as_gov_uk_writes_them():
    assert long_date(dt.date(2026, 5, 3)) == "3 May 2026"


@pytest.mark.parametrize("command", ["validate", "check", "build", "coverage", "diff"])
def test_every_command_takes_today_the_same_way(command, capsys):
    assert main([command, "--today", "23/11/2026"]) == 2
    assert "'23/11/2026' is not a date like 2026-05-03" in capsys.readouterr().err


def test_a_feeds_dates_and_date_times_are_read_as_days():
    import datetime as dt

    from local_offer.records.dates import day_in_feed
    assert day_in_feed("2026-05-03") == dt.date(2026, 5, 3)
    assert day_in_feed("2026-05-03T10:30:45.123Z") == dt.date(2026, 5, 3)
    assert day_in_feed("03/05/2026 10:30:00") == dt.date(2026, 5, 3)  # day first, as in the UK
    assert [day_in_feed(text) for text in ("2026-13-45", "31/02/2026", "soon", None, 20260503)] \
        == [None] * 5
