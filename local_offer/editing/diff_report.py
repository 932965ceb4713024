"""An OfferDiff as Markdown for a pull-request comment, safe to post.

Every value from a record is shown as inline code or in a fenced block, so
text in a record cannot turn into links, images, HTML or @-mentions.
"""

from __future__ import annotations

import difflib

from local_offer.editing.record_diff import (
    FieldChange,
    OfferDiff,
    ServiceChange,
    unpublished_reason,
)
from local_offer.freshness.review import ReviewPolicy
from local_offer.records.dates import long_date
from local_offer.records.markdown_safe import code, fenced, text
from local_offer.records.model import Record
from local_offer.records.words import plural


class DiffReport:
    """Writes an OfferDiff for people who review it without opening the YAML."""

    def __init__(self, diff: OfferDiff, policy: ReviewPolicy, base_name: str = ""):
        self.diff = diff
        self.policy = policy
        self.base_name = base_name

    def markdown(self) -> str:
        diff = self.diff
        lines = ["## What this change means for families", ""]
        lines += [self.summary(), ""]
        sections = [
            ("New services", [self.added(r) for r in diff.added]),
            ("Services removed", [f"- {self.service(r)}: families will no longer find it."
                                  for r in diff.removed]),
            ("Taken off the site", [f"- {self.service(r.record)}: not shown, because "
                                    f"{unpublished_reason(r, self.policy)}."
                                    for r in diff.unpublished]),
            ("Back on the site", [f"- {self.service(r.record)}: shown again."
                                  for r in diff.republished]),
            ("Fixed", [f"- {self.service(r)}: could not be read before; it is valid now."
                       for r in diff.fixed]),
        ]
        for title, items in sections:
            if items:
                lines += [f"### {title} ({len(items)})", "", *items, ""]
        if diff.changed:
            lines += [f"### Changed ({len(diff.changed)})", ""]
            for change in diff.changed:
                lines += [f"#### {self.service(change.after)}", "",
                          *self.changed(change), ""]
        if diff.confirmed:
            lines += [f"### Checked and still right ({len(diff.confirmed)})", ""]
            lines += [f"- {self.service(c.after)}: review date confirmed, "
                      f"{self.review_dates(c)}." for c in diff.confirmed]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def summary(self) -> str:
        diff = self.diff
        against = f" with {code(self.base_name)}" if self.base_name else ""
        if diff.empty:
            return f"Compared{against}: no service has changed."
        counts = [(len(diff.added), "service", "added"), (len(diff.removed), "service", "removed"),
                  (len(diff.unpublished), "service", "taken off the site"),
                  (len(diff.republished), "service", "back on the site"),
                  (len(diff.changed), "service", "changed"),
                  (len(diff.confirmed), "review date", "confirmed with no other change"),
                  (len(diff.fixed), "file", "fixed")]
        words = [f"{plural(count, noun)} {verb}" for count, noun, verb in counts if count]
        return f"Compared{against}: " + "; ".join(words) + "."

    @staticmethod
    def service(record: Record) -> str:
        return f"**{text(record.name)}** ({code(record.path)})"

    def added(self, review) -> str:
        line = f"- {self.service(review.record)}: {text(review.record.summary)}"
        if not review.published:
            line += f" It is not shown on the site yet, because " \
                    f"{unpublished_reason(review, self.policy)}."
        return line

    def changed(self, change: ServiceChange) -> list[str]:
        lines = [self.field(field) for field in change.fields]
        if change.reviewed:
            lines.append(f"- Review date confirmed: {self.review_dates(change)}")
        return lines

    @staticmethod
    def review_dates(change: ServiceChange) -> str:
        old, new = change.reviewed
        return f"last reviewed {long_date(old)} → {long_date(new)}"

    @staticmethod
    def field(change: FieldChange) -> str:
        label = text(change.label)
        if change.long:
            lines = difflib.unified_diff(change.before.splitlines(), change.after.splitlines(),
                                         lineterm="", n=0)
            body = "\n".join(line for line in lines
                             if not line.startswith(("---", "+++", "@@")))
            return f"- {label} changed:\n\n{fenced(body, 'diff', '  ')}\n"
        if change.added or change.removed:
            parts = []
            if change.added:
                parts.append("added " + ", ".join(code(item) for item in change.added))
            if change.removed:
                parts.append("removed " + ", ".join(code(item) for item in change.removed))
            return f"- {label}: " + "; ".join(parts)
        return f"- {label}: {code(change.before)} → {code(change.after)}"
