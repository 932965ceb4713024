"""What needs an owner's attention: entries that are not current, broken links, and the
school term dates when they are about to run out (for the team that keeps them).

The one model behind `check`, `links` and the weekly reports to owners, so
each tells the same story in its own format (report_formats.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from local_offer.freshness.review import Review, State, TermDatesReview
from local_offer.records.link_uses import BrokenLink
from local_offer.records.model import Record
from local_offer.records.translations import Translation

# --fail-on: which states make the check exit 1.
FAIL_ON = {
    "overdue": frozenset(s for s in State if s.past_due),
    "due": frozenset(s for s in State if s.past_due) | {State.DUE_SOON},
    "never": frozenset(),
}
# Most urgent first: what families can no longer see, then what they see with a warning.
URGENCY = [State.EXPIRED, State.ENDED, State.OVERDUE, State.DUE_SOON, State.CLOSED,
           State.CURRENT]


@dataclass(frozen=True)
class OldTranslation:
    """A translation last checked before its English record was reviewed: the English may
    have changed since, so its page carries a warning until a translator checks it again."""

    translation: Translation
    record: Record
    team: str
    email: str


def old_translations(translations: Iterable[Translation], records: Iterable[Record],
                     translators=None) -> list[OldTranslation]:
    """Every translation older than the English it translates, with who keeps it: the
    language's translators (settings' translators), or else the record's owner."""
    by_id = {record.id: record for record in records}
    found = []
    for translation in translations:
        record = by_id.get(translation.service_id)
        if record is None or not translation.is_older_than(record):
            continue
        team, email = (translators or {}).get(translation.language,
                                               (record.owner.team, record.owner.email))
        found.append(OldTranslation(translation, record, team, email))
    return sorted(found, key=lambda old: (old.translation.path, old.translation.language))


@dataclass
class Owner:
    """A team that keeps entries up to date, known by its email address."""

    team: str
    email: str
    reviews: list[Review] = field(default_factory=list)
    broken_links: list[BrokenLink] = field(default_factory=list)
    # The school term dates, when this team keeps them and they are not current.
    term_dates: TermDatesReview | None = None
    # Translations of records, checked before the English was last reviewed.
    translations: list[OldTranslation] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.email.lower()).strip("-")

    @property
    def has_work(self) -> bool:
        return bool(self.reviews or self.broken_links or self.term_dates or self.translations)

    def matches(self, wanted: str) -> bool:
        return wanted.casefold() in (self.team.casefold(), self.email.casefold())


class Attention:
    """The entries not current (and broken links), grouped by owner, on one day."""

    def __init__(self, reviews: Iterable[Review], today: dt.date | None, fail_on: str = "overdue",
                 broken_links: Iterable[BrokenLink] = (), owner: str | None = None,
                 term_dates: TermDatesReview | None = None,
                 translations: Iterable[OldTranslation] = ()):
        self.today = today
        self.fail_on = fail_on
        self._owners: dict[str, Owner] = {}
        reviews = list(reviews)
        for review in reviews:
            self._owner(review.record.owner.team, review.record.owner.email)
        for link in sorted(broken_links, key=lambda link: (link.use.path, link.use.line)):
            self._owner(link.use.owner_team, link.use.owner_email).broken_links.append(link)
        # Kept whatever its state, so the weekly report can pass it on, owner by owner.
        self.term_dates_review = term_dates
        if term_dates is not None and term_dates.state is not State.CURRENT:
            self._owner(term_dates.team, term_dates.email).term_dates = term_dates
        # Listed for their owner; never failing the check: their pages carry the warning.
        for old in translations:
            self._owner(old.team, old.email).translations.append(old)
        if owner:
            self._owners = {key: o for key, o in self._owners.items() if o.matches(owner)}
        self.reviews = [r for r in reviews if r.record.owner.email.casefold() in self._owners]
        for review in sorted(self.reviews, key=urgency):
            if review.state is not State.CURRENT:
                self._owners[review.record.owner.email.casefold()].reviews.append(review)

    def _owner(self, team: str, email: str) -> Owner:
        return self._owners.setdefault(email.casefold(), Owner(team, email))

    @property
    def owners(self) -> list[Owner]:
        """Every owner, those with the most urgent work first, then by team name."""
        return sorted(self._owners.values(), key=lambda o: (
            min([URGENCY.index(r.state) for r in o.reviews]
                + ([URGENCY.index(o.term_dates.state)] if o.term_dates else []),
                default=len(URGENCY)),
            not o.broken_links, o.team.casefold()))

    @property
    def term_dates(self) -> TermDatesReview | None:
        """The term dates when they need their owner's attention (and the owner is shown)."""
        return next((o.term_dates for o in self.owners if o.term_dates), None)

    @property
    def listed(self) -> list[Review]:
        """Every entry that is not current, owner by owner."""
        return [review for owner in self.owners for review in owner.reviews]

    @property
    def broken_links(self) -> list[BrokenLink]:
        return [link for owner in self.owners for link in owner.broken_links]

    @property
    def translations(self) -> list[OldTranslation]:
        return [old for owner in self.owners for old in owner.translations]

    @property
    def counts(self) -> Counter:
        return Counter(review.state for review in self.reviews)

    @property
    def failing(self) -> list[Review]:
        return [review for review in self.listed if review.state in FAIL_ON[self.fail_on]]

    @property
    def term_dates_failing(self) -> bool:
        return self.term_dates is not None and self.term_dates.state in FAIL_ON[self.fail_on]

    @property
    def exit_code(self) -> int:
        # A broken link is for its owner to fix; it never fails the check.
        return 1 if self.failing or self.term_dates_failing else 0


def urgency(review: Review) -> tuple:
    return (URGENCY.index(review.state), review.due, review.record.sort_key)
