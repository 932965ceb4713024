"""When a service runs, as the Find page's "When" filter and the browse pages group it.

The one rule, from a record's sessions (service teams read it on the field
reference, under sessions). Only a session with set days counts: "by
arrangement" says nothing about when.

- weekdays: a session on Monday to Friday;
- weekends: a session on Saturday or Sunday;
- after-school: a session on a weekday that is still on after 16:00 (it ends
  later than 16:00, or, with no end time, starts at 15:00 or later), so a child
  can get there after school; evening sessions count too;
- school-holidays: a session that runs in the school holidays: `runs:
  school-holidays`, or `runs: all-year` (which is what a session that says
  nothing runs). A term-time session does not.

A service without such sessions has none of these: it is not in any When
browse list, and is left out when a family chooses a When. Records layer.
"""

from __future__ import annotations

from local_offer.records.model import Record
from local_offer.records.taxonomy import WHEN
from local_offer.records.term_dates import ALL_YEAR, SCHOOL_HOLIDAYS

WEEKEND = ("saturday", "sunday")
AFTER_SCHOOL = "16:00"  # still on after this: a child can get there after school
AFTER_SCHOOL_START = "15:00"  # or starts at this or later, when no end is given


def when_of(record: Record) -> tuple[str, ...]:
    """The When ids a record's sessions give, in the order of WHEN."""
    found: set[str] = set()
    for session in record.sessions:
        if not session.days:
            continue
        weekdays = [day for day in session.days if day not in WEEKEND]
        if weekdays:
            found.add("weekdays")
        if len(weekdays) < len(session.days):
            found.add("weekends")
        late = (session.end > AFTER_SCHOOL if session.end
                else bool(session.start) and session.start >= AFTER_SCHOOL_START)
        if weekdays and late:
            found.add("after-school")
        if session.runs in (SCHOOL_HOLIDAYS, ALL_YEAR):
            found.add("school-holidays")
    return tuple(when for when in WHEN if when in found)
