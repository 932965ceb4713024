"""The measures of the offer's upkeep, for the council's freshness page.

Counts by state, owner and category, the oldest entries, and how long ago
entries were reviewed (the chart), all from the review states on one day.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections import Counter
from dataclasses import dataclass

from local_offer.freshness.review import Review, State
from local_offer.records.taxonomy import Taxonomy
from local_offer.records.words import mark as N_

# Columns of the tables: every entry falls in exactly one.
# Words in English, each page's language's where they are shown (N_ marks them).
COLUMNS = ((N_("Current"), (State.CURRENT,)), (N_("Due soon"), (State.DUE_SOON,)),
           (N_("Overdue"), (State.OVERDUE,)),
           (N_("Off the site"), (State.EXPIRED, State.ENDED, State.CLOSED)))
STATE_MEANINGS = {
    State.CURRENT: N_("checked within its review period"),
    State.DUE_SOON: N_("due to be checked soon, or its waiting time needs measuring again"),
    State.OVERDUE: N_("past its review date: shown with a warning"),
    State.EXPIRED: N_("overdue for longer than the grace period: taken off the site"),
    State.ENDED: N_("past the date the service was due to end: taken off the site"),
    State.CLOSED: N_("marked closed by its team: taken off the site"),
}
# Each state's name on the page ("Current"; state.value capitalised, as English writes it).
STATE_NAMES = {State.CURRENT: N_("Current"), State.DUE_SOON: N_("Due soon"),
               State.OVERDUE: N_("Overdue"), State.EXPIRED: N_("Expired"),
               State.ENDED: N_("Ended"), State.CLOSED: N_("Closed")}
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
    """The numbers behind the freshness page, in words of the page's language (words: its
    catalogue; English without one)."""

    def __init__(self, reviews: list[Review], taxonomy: Taxonomy, today: dt.date,
                 words: gettext.NullTranslations | None = None):
        self.words = words or gettext.NullTranslations()
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
        self.total = row(self.words.gettext(N_("All entries")), reviews)

    def age(self, review: Review) -> int:
        return min(AGE_BINS - 1, months_between(review.record.last_reviewed, self.today))

    @property
    def headings(self) -> list[str]:
        return [self.words.gettext(label) for label, _ in COLUMNS]

    def state_name(self, state: State) -> str:
        return self.words.gettext(STATE_NAMES[state])

    def age_label(self, months: int) -> str:
        ngettext = self.words.ngettext
        if months == AGE_BINS - 1:
            return ngettext("%(num)d month or more", "%(num)d months or more",
                            months) % {"num": months}
        return ngettext("%(low)d to %(num)d month", "%(low)d to %(num)d months",
                        months + 1) % {"low": months, "num": months + 1}

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
        gettext, ngettext = self.words.gettext, self.words.ngettext
        return " ".join((
            gettext("Of %(total)d entries, %(recent)d were reviewed less than 6 months ago and "
                    "%(rest)d longer ago.") % {"total": total, "recent": recent,
                                               "rest": total - recent},
            ngettext("%(num)d is past their review date.", "%(num)d are past their review date.",
                     late) % {"num": late}))
