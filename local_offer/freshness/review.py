"""Whether a record is still trustworthy: its review date and the state that follows.

One concern in one small class, after GOV.UK's tech-docs page_review: the
policy says when a record is due; a Review says what that means today.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from local_offer.records.model import Record
from local_offer.records.period import Period
from local_offer.records.settings import Settings
from local_offer.records.term_dates import ALL_YEAR, TermDates


class State(enum.Enum):
    CURRENT = "current"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"
    EXPIRED = "expired"
    ENDED = "ended"
    CLOSED = "closed"

    @property
    def published(self) -> bool:
        return self in (State.CURRENT, State.DUE_SOON, State.OVERDUE)

    @property
    def past_due(self) -> bool:
        """Something the owner must act on now: the entry is late or has ended."""
        return self in (State.OVERDUE, State.EXPIRED, State.ENDED)


@dataclass(frozen=True)
class Review:
    """A record's review state on one day."""

    record: Record
    state: State
    due: dt.date
    today: dt.date
    # The waiting time was measured longer ago than the review period.
    stale_waiting_time: bool = False

    @property
    def days_overdue(self) -> int:
        return max(0, (self.today - self.due).days)

    @property
    def days_left(self) -> int:
        return (self.due - self.today).days

    @property
    def published(self) -> bool:
        return self.state.published


class ReviewPolicy:
    """When records are due for review, from the site's settings."""

    def __init__(self, settings: Settings):
        # Settings hold periods already read and checked (records/settings.py).
        self.default = settings.review_every
        self.by_category = dict(settings.review_every_by_category)
        self.due_soon = dt.timedelta(days=settings.due_soon_days)
        self.grace = settings.grace

    def period_for(self, record: Record) -> Period:
        """The record's own period, else the shortest of its categories', else the default."""
        if record.review_every:
            return Period.parse(record.review_every)
        periods = [self.by_category[c] for c in record.categories if c in self.by_category]
        return min(periods, key=lambda p: p.after(record.last_reviewed), default=self.default)

    def due_date(self, record: Record) -> dt.date:
        return self.period_for(record).after(record.last_reviewed)

    def review(self, record: Record, today: dt.date) -> Review:
        period = self.period_for(record)
        due = period.after(record.last_reviewed)
        if record.status == "closed":
            state = State.CLOSED
        elif record.valid_until and record.valid_until < today:
            state = State.ENDED
        elif today > self.grace.after(due):
            state = State.EXPIRED
        elif today > due:
            state = State.OVERDUE
        elif today >= due - self.due_soon:
            state = State.DUE_SOON
        else:
            state = State.CURRENT
        # A wait measured longer ago than the review period misleads families planning.
        wait = record.waiting_time
        stale_wait = bool(wait) and period.after(wait.measured) < today
        if stale_wait and state is State.CURRENT:
            state = State.DUE_SOON
        return Review(record, state, due, today, stale_waiting_time=stale_wait)


@dataclass(frozen=True)
class TermDatesReview:
    """Whether the school term dates reach far enough ahead for the sessions that follow
    them: like an entry's review, for the Local Offer team that keeps data/term-dates.yaml.

    CURRENT while they reach beyond `term_dates_notice` from today, DUE_SOON within it,
    OVERDUE once they have run out (or there are none): term-time and holiday sessions
    then have no dates in calendars, and pages cannot say when the next session is.
    """

    term_dates: TermDates
    state: State
    today: dt.date
    sessions: int  # how many sessions follow the term dates
    team: str
    email: str

    @property
    def known_until(self) -> dt.date | None:
        return self.term_dates.known_until

    @property
    def days_left(self) -> int:
        return (self.known_until - self.today).days if self.known_until else 0

    @property
    def path(self) -> str:
        return self.term_dates.path

    @property
    def line(self) -> int:
        return self.term_dates.line


def review_term_dates(term_dates: TermDates, records: list[Record], settings: Settings,
                      today: dt.date) -> TermDatesReview | None:
    """The term dates' state on `today`; None when no session follows them."""
    sessions = sum(1 for record in records for session in record.sessions
                   if session.runs != ALL_YEAR)
    if not sessions:
        return None
    until = term_dates.known_until
    if until is None or until < today:
        state = State.OVERDUE
    elif until < settings.term_dates_notice.after(today):
        state = State.DUE_SOON
    else:
        state = State.CURRENT
    # Who keeps them: the file's owner, else whoever reads comments about the Local Offer.
    email = term_dates.owner_email or str(settings.comments.get("email") or "")
    return TermDatesReview(term_dates, state, today, sessions,
                           term_dates.owner_team or "Local Offer team", email)
