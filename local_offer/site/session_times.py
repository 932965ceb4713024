"""When a service's sessions run, in the words its page uses: "Term time only. Next session
Tuesday 6 January."

The page is built each day (--today), so the next session is the next one on
the day it is built, from the school terms and holidays in data/term-dates.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from local_offer.records.dates import ENGLISH, weekday_date
from local_offer.records.model import Record, Session
from local_offer.records.term_dates import ALL_YEAR, RUNS_WORDS, TermDates
from local_offer.site.languages import N_, Language

# The catalogues' copies of records/term_dates.py's RUNS_WORDS a page shows, so pybabel
# finds them (tests/site/test_session_times.py checks they are the same words).
RUNS_MESSAGES = (N_("Term time only"), N_("School holidays only"))


@dataclass(frozen=True)
class SessionTimes:
    """One service's sessions on one day."""

    term_dates: TermDates
    record: Record
    today: dt.date
    # The page's language: its words from its catalogue, its weekdays and months.
    language: Language = Language(ENGLISH, "English", main=True)

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
        words = [f"{self.language.gettext(RUNS_WORDS[session.runs])}.",
                 self.next_words(session)]
        return " ".join(word for word in words if word)

    def next_words(self, session: Session) -> str:
        """"Next session Tuesday 6 January." (or "today, …") for a term-time or holiday
        session whose next day is known; nothing otherwise. The key facts show it alone."""
        if session.runs == ALL_YEAR:
            return ""
        day = self.next_session(session)
        if day is None:
            return ""
        _ = self.language.gettext
        words = (_("Next session today, %(day)s.") if day == self.today
                 else _("Next session %(day)s."))
        return words % {"day": weekday_date(day, self.language.code)}

    @property
    def soonest(self) -> Session | None:
        """The session the key facts show: the one that runs next, or the first listed when
        no next day is known; None for a service without sessions."""
        if not self.record.sessions:
            return None
        known = [(day, index) for index, session in enumerate(self.record.sessions)
                 if (day := self.next_session(session)) is not None
                 and session.runs != ALL_YEAR]
        return self.record.sessions[min(known)[1] if known else 0]

    @property
    def calendar_until(self) -> dt.date | None:
        """The last day the calendar file can show, when one of its sessions follows the
        term dates; None when every session in it runs all year."""
        if any(session.is_regular and session.runs != ALL_YEAR
               for session in self.record.sessions):
            return self.term_dates.known_until
        return None
