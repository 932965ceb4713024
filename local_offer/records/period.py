"""What a period is: a length of time as people write it, like 6 months or 1 year.

The one place that says so. Settings (review_every, grace, each category's
period) and the review policy that counts from a record's last review both
read periods through Period.parse; a record's own review_every is held to
the same shape by the schema's pattern.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from local_offer.records.words import plural

PERIOD = re.compile(r"^([1-9][0-9]*) (day|week|month|year)s?$")
# How to write one, for every message about a period that is not one.
PERIOD_FIX = "write a number and a unit, like 6 months or 1 year"


@dataclass(frozen=True)
class Period:
    """A length of time as people write it: 6 months, 1 year, 12 weeks."""

    count: int
    unit: str

    @classmethod
    def parse(cls, text: str) -> "Period":
        match = PERIOD.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"'{text}' is not a period like 6 months")
        return cls(int(match.group(1)), match.group(2))

    def after(self, day: dt.date) -> dt.date:
        if self.unit == "day":
            return day + dt.timedelta(days=self.count)
        if self.unit == "week":
            return day + dt.timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "year" else 1)
        year, month = divmod(day.month - 1 + months, 12)
        year += day.year
        # 31 August + 6 months is the last day of February, not an error.
        return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))

    def __str__(self) -> str:
        return plural(self.count, self.unit)

    def in_words(self, words=None) -> str:
        """6 months; in another language through its catalogue (words: its gettext
        translations), which knows its plural forms (6 miesięcy, 3 miesiące)."""
        if words is None:
            return str(self)
        ngettext, count = words.ngettext, self.count
        return {"day": ngettext("%(num)d day", "%(num)d days", count),
                "week": ngettext("%(num)d week", "%(num)d weeks", count),
                "month": ngettext("%(num)d month", "%(num)d months", count),
                "year": ngettext("%(num)d year", "%(num)d years", count)}[self.unit] % {
                    "num": count}
