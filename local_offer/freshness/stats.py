"""The measures of the offer's upkeep, for the council's freshness page.

Counts by state, owner and category, the oldest entries, and how long ago
entries were reviewed (the chart), all from the review states on one day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from local_offer.freshness.review import Review, State
from local_offer.records.taxonomy import Taxonomy
from local_offer.records.words import plural

# Columns of the tables: every entry falls in exactly one.
COLUMNS = (("Current", (State.CURRENT,)), ("Due soon", (State.DUE_SOON,)),
           ("Overdue", (State.OVERDUE,)),
           ("Off the site", (State.EXPIRED, State.ENDED, State.CLOSED)))
STATE_MEANINGS = {
    State.CURRENT: "checked within its review period",
    State.DUE_SOON: "due to be checked soon, or its waiting time needs measuring again",
    State.OVERDUE: "past its review date: shown with a warning",
    State.EXPIRED: "overdue for longer than the grace period: taken off the site",
    State.ENDED: "past the date the service was due to end: taken off the site",
    State.CLOSED: "marked closed by its team: taken off the site",
}
OLDEST = 10
AGE_BINS = 13  # 0 to 11 whole months, then 12 months or more


@dataclass(frozen=True)
class Row:
    label: str
    counts: tuple[int, ...]  # one per column of COLUMNS

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Bar:
    """One month's bar: entries still in time at the bottom, those past due stacked on top."""

    label: str
    count: int
    late: int  # of which past their review date
    x: float
    y: float  # top of the whole bar
    width: float
    height: float
    late_height: float


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from one day to another: 3 May to 2 June is 0, to 3 June is 1."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def row(label: str, reviews: list[Review]) -> Row:
    states = Counter(review.state for review in reviews)
    return Row(label, tuple(sum(states[s] for s in column) for _, column in COLUMNS))


class FreshnessStats:
    """The numbers behind the freshness page."""

    def __init__(self, reviews: list[Review], taxonomy: Taxonomy, today: dt.date):
        self.reviews = reviews
        self.today = today
        self.by_state = Counter(review.state for review in reviews)
        owners: dict[str, list[Review]] = {}
        for review in reviews:
            owners.setdefault(review.record.owner.team, []).append(review)
        self.by_owner = [row(team, owners[team]) for team in sorted(owners, key=str.casefold)]
        self.by_category = [
            row(term.label, [r for r in reviews if term.id in r.record.categories])
            for term in taxonomy.categories]
        self.oldest = sorted(reviews, key=lambda r: (r.record.last_reviewed,
                                                     r.record.sort_key))[:OLDEST]
        self.ages = Counter(self.age(r) for r in reviews)
        self.late_ages = Counter(self.age(r) for r in reviews if r.today > r.due)
        self.total = row("All entries", reviews)

    def age(self, review: Review) -> int:
        return min(AGE_BINS - 1, months_between(review.record.last_reviewed, self.today))

    @property
    def headings(self) -> list[str]:
        return [label for label, _ in COLUMNS]

    def age_label(self, months: int) -> str:
        if months == AGE_BINS - 1:
            return f"{months} months or more"
        return f"{months} to {plural(months + 1, 'month')}"

    def bars(self, width: float = 640, height: float = 260, left: float = 20,
             bottom: float = 50, top: float = 24) -> list[Bar]:
        """Bars for an SVG chart of review ages, one per month, scaled to the tallest."""
        tallest = max(self.ages.values(), default=0) or 1
        scale = (height - bottom - top) / tallest
        slot = (width - left) / AGE_BINS
        bars = []
        for months in range(AGE_BINS):
            count, late = self.ages[months], self.late_ages[months]
            bars.append(Bar(self.age_label(months), count, late,
                            x=round(left + months * slot + slot * 0.15, 1),
                            y=round(height - bottom - count * scale, 1),
                            width=round(slot * 0.7, 1), height=round(count * scale, 1),
                            late_height=round(late * scale, 1)))
        return bars

    @property
    def chart_summary(self) -> str:
        """The chart's point in a sentence or two, for its text alternative."""
        total = len(self.reviews)
        recent = sum(self.ages[m] for m in range(6))
        late = sum(self.late_ages.values())
        return (f"Of {total} entries, {recent} were reviewed less than 6 months ago and "
                f"{total - recent} longer ago. {late} {'is' if late == 1 else 'are'} past "
                "their review date.")
