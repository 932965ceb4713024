"""What a change to the records means for families, field by field, in plain words.

Compares two sets of validated records (before and after) and says which
services were added, removed, taken off the site or put back, which fields
changed from what to what, and which review dates were confirmed. Knows
nothing of git or of the output format: see commands/diff.py and diff_report.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from local_offer.freshness.review import Review, ReviewPolicy, State
from local_offer.records.dates import long_date
from local_offer.records.model import Record
from local_offer.records.taxonomy import Taxonomy
from local_offer.site.render import age_range

# Fields that say where a record is or when it was checked, not what families read.
NOT_COMPARED = {"id", "path", "lines", "last_reviewed"}

# The words families and reviewers use for each field, by its dotted path.
LABELS = {
    "provider.name": "Provider", "provider.website": "Provider's website",
    "cost.free": "Free", "cost.description": "Cost",
    "how_to_get_it.routes": "How to get it", "how_to_get_it.steps": "Steps to get it",
    "how_to_get_it.referral_form": "Referral form",
    "contact.phone": "Phone", "contact.email": "Email", "contact.website": "Website",
    "locations": "Places", "sessions": "Sessions", "valid_until": "Runs until",
    "waiting_time.weeks": "Typical wait in weeks", "waiting_time.measured": "Wait measured on",
    "supports_waiting_families": "Supports families while they wait",
    "owner.team": "Owning team", "owner.email": "Owning team's email",
    "start": "start time", "end": "end time", "term_time_only": "term time only", "runs": "when in the year it runs",
}
# Lists whose items are ids from the taxonomy, shown by their labels.
TAXONOMY_LISTS = {"categories": "categories", "needs": "needs", "areas": "areas",
                  "routes": "routes"}
# The field that names an item of a list of places or sessions.
ITEM_NAME = {"locations": "name", "sessions": "description"}
# Text longer than this, or on several lines, is shown as a line-by-line diff.
LONG_TEXT = 120


@dataclass(frozen=True)
class FieldChange:
    """One field of one service, before and after, in words."""

    label: str
    before: str = ""
    after: str = ""
    added: tuple[str, ...] = ()  # items added to a list
    removed: tuple[str, ...] = ()  # items removed from a list
    long: bool = False  # a long text: before and after are whole texts to diff


@dataclass
class ServiceChange:
    before: Record
    after: Record
    fields: list[FieldChange]

    @property
    def reviewed(self) -> tuple[dt.date, dt.date] | None:
        """(old, new) last_reviewed when the review date moved on."""
        old, new = self.before.last_reviewed, self.after.last_reviewed
        return (old, new) if old != new else None


@dataclass
class OfferDiff:
    added: list[Review] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    unpublished: list[Review] = field(default_factory=list)  # on the site before, not now
    republished: list[Review] = field(default_factory=list)  # back on the site
    changed: list[ServiceChange] = field(default_factory=list)
    confirmed: list[ServiceChange] = field(default_factory=list)  # only the review date moved
    fixed: list[Record] = field(default_factory=list)  # invalid before, valid now

    @property
    def empty(self) -> bool:
        return not any(dataclasses.astuple(self))


def unpublished_reason(review: Review, policy: ReviewPolicy) -> str:
    """Why a record is not on the site, in words."""
    record = review.record
    if review.state is State.CLOSED:
        return "its status is closed"
    if review.state is State.ENDED:
        return f"it ended on {long_date(record.valid_until)}"
    return (f"its review was due on {long_date(review.due)} and is more than "
            f"{policy.grace} overdue")


class RecordComparer:
    """Compares the records before a change with the records after it."""

    def __init__(self, taxonomy: Taxonomy, policy: ReviewPolicy, today: dt.date):
        self.taxonomy = taxonomy
        self.policy = policy
        self.today = today

    def compare(self, before: list[Record], after: list[Record],
                invalid_after: set[str] = frozenset(),
                invalid_before: set[str] = frozenset()) -> OfferDiff:
        """invalid_*: ids of files that could not be read on that side (not gone, just broken)."""
        old = {record.id: record for record in before}
        new = {record.id: record for record in after}
        diff = OfferDiff()
        for record in after:
            review = self.policy.review(record, self.today)
            if record.id not in old:
                if record.id in invalid_before:
                    diff.fixed.append(record)
                else:
                    diff.added.append(review)
                continue
            was = self.policy.review(old[record.id], self.today)
            if was.published and not review.published:
                diff.unpublished.append(review)
            elif review.published and not was.published:
                diff.republished.append(review)
            change = ServiceChange(old[record.id], record,
                                   self.fields(old[record.id], record))
            if change.fields:
                diff.changed.append(change)
            elif change.reviewed:
                diff.confirmed.append(change)
        diff.removed = [record for record in before
                        if record.id not in new and record.id not in invalid_after]
        return diff

    def fields(self, before: Record, after: Record) -> list[FieldChange]:
        changes: list[FieldChange] = []
        for name in (f.name for f in dataclasses.fields(Record) if f.name not in NOT_COMPARED):
            changes += self.value(name, getattr(before, name), getattr(after, name))
        return changes

    def value(self, path: str, old: Any, new: Any, label: str = "") -> list[FieldChange]:
        if old == new:
            return []
        key = path.rsplit(".", 1)[-1]
        label = label or LABELS.get(path) or LABELS.get(key) or key.replace("_", " ").capitalize()
        if path in ITEM_NAME:
            return self.items(path, old, new)
        if dataclasses.is_dataclass(old) or dataclasses.is_dataclass(new):
            return [change for f in dataclasses.fields(old or new)
                    for change in self.value(f"{path}.{f.name}", getattr(old, f.name, None),
                                             getattr(new, f.name, None))]
        if key == "ages":
            return [FieldChange(label, age_range(old), age_range(new))]
        if isinstance(old, tuple) or isinstance(new, tuple):
            kind = TAXONOMY_LISTS.get(key, key)
            words = lambda items: tuple(self.word(item, kind) for item in items)  # noqa: E731
            old_items, new_items = words(old or ()), words(new or ())
            return [FieldChange(label, ", ".join(old_items), ", ".join(new_items),
                                added=tuple(i for i in new_items if i not in old_items),
                                removed=tuple(i for i in old_items if i not in new_items))]
        old_text, new_text = self.word(old, key), self.word(new, key)
        is_long = any(len(text) > LONG_TEXT or "\n" in text for text in (old_text, new_text))
        return [FieldChange(label, old_text, new_text, long=is_long)]

    def items(self, path: str, old: tuple, new: tuple) -> list[FieldChange]:
        """Places or sessions: matched by name first, then in order; the rest added or removed."""
        key = ITEM_NAME[path]
        name_of = lambda item: getattr(item, key)  # noqa: E731
        label = LABELS[path]
        old_left, new_left = list(old), list(new)
        pairs = []
        for item in new:
            match = next((o for o in old_left if name_of(o) == name_of(item)), None)
            if match is not None:
                pairs.append((match, item))
                old_left.remove(match)
                new_left.remove(item)
        while old_left and new_left:
            pairs.append((old_left.pop(0), new_left.pop(0)))
        several = max(len(old), len(new)) > 1
        changes = []
        for before, after in pairs:
            changes += self.value(f"{path}.{key}", name_of(before), name_of(after), label)
            # With several places or sessions, say which one a detail belongs to.
            where = f"{label} ({name_of(after)})" if several else label
            for f in dataclasses.fields(after):
                if f.name != key:
                    detail = LABELS.get(f.name, f.name.replace("_", " "))
                    changes += self.value(f"{path}.{f.name}", getattr(before, f.name),
                                          getattr(after, f.name), f"{where}, {detail}")
        changes += [FieldChange(label, added=(name_of(item),)) for item in new_left]
        changes += [FieldChange(label, removed=(name_of(item),)) for item in old_left]
        return changes

    def word(self, value: Any, kind: str | None = None) -> str:
        """A value as a reader would say it."""
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dt.date):
            return long_date(value)
        if kind in TAXONOMY_LISTS.values():
            return self.taxonomy.label(kind, value)
        if kind == "days":
            return value.capitalize()
        if kind in ("status", "free"):  # temporarily-closed, not-known
            return value.replace("-", " ")
        return str(value)
