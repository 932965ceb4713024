"""When a service's sessions run, in the words its page uses: "Term time only. Next session
Tuesday 6 January."

The page is built each day (--today), so the next session is the next one on
the day it is built, from the school terms and holidays in data/term-dates.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from local_offer.records.dates import weekday_date
from local_offer.records.model import Record, Session
from local_offer.records.term_dates import ALL_YEAR, RUNS_WORDS, TermDates


@dataclass(frozen=True)
class SessionTimes:
    """One service's sessions on one day."""

    term_dates: TermDates
    record: Record
    today: dt.date

    def next_session(self, session: Session) -> dt.date | None:
        """The next day the session runs; None when it is not known (no set days, the term
        dates have run out, or the service is closed for now or has ended)."""
        if self.record.status != "active":
            return None
        return self.term_dates.next_session(session.runs, session.days, self.today,
                                            self.record.valid_until)

    def note(self, session: Session) -> str:
        """What a term-time or holiday session's line adds; nothing for one all year."""
        if session.runs == ALL_YEAR:
            return ""
        words = [f"{RUNS_WORDS[session.runs]}."]
        day = self.next_session(session)
        if day is not None:
            when = "today, " if day == self.today else ""
            words.append(f"Next session {when}{weekday_date(day)}.")
        return " ".join(words)

    @property
    def calendar_until(self) -> dt.date | None:
        """The last day the calendar file can show, when one of its sessions follows the
        term dates; None when every session in it runs all year."""
        if any(session.is_regular and session.runs != ALL_YEAR
               for session in self.record.sessions):
            return self.term_dates.known_until
        return None
