"""Review dates and states: when an entry is due, and what that means on a given day."""

from __future__ import annotations

import datetime as dt

import pytest

from local_offer.cli import main
from local_offer.freshness.review import Period, ReviewPolicy, State
from local_offer.records.loader import RecordLoader
from local_offer.records.project import Settings
from tests.helpers import record_yaml

TODAY = dt.date(2026, 11, 23)


def record_reviewed(scratch, reviewed: str, extra: str = "", name: str = "entry"):
    scratch.write(f"{name}.yaml", record_yaml(last_reviewed=reviewed) + extra)
    result = RecordLoader(scratch).load()
    assert result.problems == []
    return next(r for r in result.records if r.id == name)


def state_of(scratch, reviewed: str, extra: str = "", settings: Settings = Settings()):
    return ReviewPolicy(settings).review(record_reviewed(scratch, reviewed, extra), TODAY)


def test_period_after_keeps_the_day_or_takes_the_month_end():
    assert Period.parse("6 months").after(dt.date(2026, 8, 31)) == dt.date(2027, 2, 28)
    assert Period.parse("1 year").after(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert Period.parse("2 weeks").after(dt.date(2026, 12, 25)) == dt.date(2027, 1, 8)
    assert str(Period.parse("1 months")) == "1 month"
    with pytest.raises(ValueError):
        Period.parse("half a year")


@pytest.mark.parametrize("reviewed, state", [
    ("2026-11-01", State.CURRENT),        # due 1 May 2027
    ("2026-06-03", State.DUE_SOON),       # due 3 December 2026: in 10 days
    ("2026-05-23", State.DUE_SOON),       # due today
    ("2026-04-23", State.OVERDUE),        # 7 months old: due 23 October 2026
    ("2026-02-22", State.EXPIRED),        # over 3 months past due
    ("2024-11-23", State.EXPIRED),        # reviewed two years ago
])
def test_states_by_age(scratch, reviewed, state):
    assert state_of(scratch, reviewed).state is state


def test_days_overdue_and_days_left(scratch):
    overdue = state_of(scratch, "2026-04-23")
    assert overdue.due == dt.date(2026, 10, 23) and overdue.days_overdue == 31
    soon = state_of(scratch, "2026-06-03")
    assert soon.days_left == 10 and soon.days_overdue == 0


def test_ended_and_closed_are_not_published(scratch):
    ended = state_of(scratch, "2026-11-01", "valid_until: 2026-11-22\n")
    assert ended.state is State.ENDED and not ended.published
    running = state_of(scratch, "2026-11-01", "valid_until: 2026-11-23\n")
    assert running.state is State.CURRENT and running.published
    closed = state_of(scratch, "2026-11-01", "status: closed\n")
    assert closed.state is State.CLOSED and not closed.published
    assert [s for s in State if s.past_due] == [State.OVERDUE, State.EXPIRED, State.ENDED]


def test_own_period_then_category_period_then_default(scratch):
    by_category = Settings(review_every_by_category={"education": "3 months"})
    assert state_of(scratch, "2026-07-01", settings=by_category).state is State.OVERDUE
    assert state_of(scratch, "2026-07-01").state is State.CURRENT
    own = state_of(scratch, "2026-07-01", "review_every: 1 year\n", settings=by_category)
    assert own.state is State.CURRENT and own.due == dt.date(2027, 7, 1)


def test_settings_change_due_soon_and_grace(scratch):
    wide = Settings(due_soon_days=60, grace="1 year")
    assert state_of(scratch, "2026-07-01", settings=wide).state is State.DUE_SOON
    assert state_of(scratch, "2025-12-01", settings=wide).state is State.OVERDUE


def test_a_waiting_time_older_than_the_review_period_makes_the_entry_due_soon(scratch):
    stale = state_of(scratch, "2026-11-01", "waiting_time: {weeks: 8, measured: 2026-05-01}\n")
    assert stale.state is State.DUE_SOON and stale.stale_waiting_time
    fresh = state_of(scratch, "2026-11-01", "waiting_time: {weeks: 8, measured: 2026-06-01}\n")
    assert fresh.state is State.CURRENT and not fresh.stale_waiting_time
    # An entry already late stays late: the rule only ever raises the state.
    late = state_of(scratch, "2026-04-23", "waiting_time: {weeks: 8, measured: 2026-01-01}\n")
    assert late.state is State.OVERDUE and late.stale_waiting_time


def test_a_review_date_in_the_future_is_a_problem_on_its_line(scratch):
    record_reviewed(scratch, "2026-11-24")
    [problem] = RecordLoader(scratch, TODAY).load().problems
    assert (problem.path, problem.line, problem.field) == ("services/entry.yaml", 11,
                                                           "last_reviewed")
    assert "in the future" in problem.message and "reviewed services/entry.yaml" in problem.fix
    assert RecordLoader(scratch, dt.date(2026, 11, 24)).load().problems == []


@pytest.mark.parametrize("command", ["validate", "build"])
def test_validate_and_build_exit_2_on_a_future_review_date(scratch, tmp_path, capsys, command):
    record_reviewed(scratch, "2026-12-01")
    extra = ["--site-dir", str(tmp_path / "out")] if command == "build" else []
    assert main(["--project", str(scratch.root), command, "--today", "2026-11-23", *extra]) == 2
    assert "services/entry.yaml:11: last_reviewed: 2026-12-01 is in the future" in \
        capsys.readouterr().err
    assert main(["--project", str(scratch.root), "validate", "--today", "2026-12-01"]) == 0
    assert not (tmp_path / "out").exists()
