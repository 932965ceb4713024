"""School terms and holidays (data/term-dates.yaml): when a term-time or a holiday session runs.

Councils publish their school term dates a year or two ahead; the Local Offer
team copies them into data/term-dates.yaml, one school year at a time. A
session says whether it runs in term time, in the school holidays or all year
(sessions[].runs), and these dates turn that into real days: the page's "next
session", the calendar files, the open data's schedules and the pages'
opening hours all ask this module, so they cannot disagree.

The file is checked like a record (file, line, field and fix): dates written
YYYY-MM-DD, no overlapping terms, no holiday inside a term, and no weekday
between the first term and the last holiday that is in neither. After the last
date in the file nothing is known; `check` tells the file's owner before then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from local_offer.records.data_files import FieldChecker, read_data_file, section
from local_offer.records.dates import first_weekday, long_date
from local_offer.records.problems import Problem
from local_offer.records.yaml_source import Document, _dotted

TERM_DATES_FILE = "term-dates.yaml"

# When a session runs: a record's sessions[].runs.
TERM_TIME = "term-time"
SCHOOL_HOLIDAYS = "school-holidays"
ALL_YEAR = "all-year"
RUNS = (TERM_TIME, SCHOOL_HOLIDAYS, ALL_YEAR)
# What each says on a service page, in the family's words.
RUNS_WORDS = {TERM_TIME: "Term time only", SCHOOL_HOLIDAYS: "School holidays only",
              ALL_YEAR: "All year"}

YEAR_FIELDS = ("year", "terms", "holidays")
SPAN_FIELDS = ("name", "start", "end")
EXAMPLE = """school_years:
  - year: 2026-27
    terms:
      - name: Autumn term (first half)
        start: 2026-09-02
        end: 2026-10-23
    holidays:
      - name: October half term
        start: 2026-10-26
        end: 2026-10-30"""
SATURDAY = 5
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """A term or a holiday: a name and its first and last day (end None: no end known)."""

    name: str
    start: dt.date
    end: dt.date | None
    # Which sessions it holds: term-time (a term), school-holidays (a holiday) or all-year.
    kind: str = TERM_TIME
    line: int = field(default=0, compare=False)
    # Where it is written in the file, as a problem names it: school_years[2].terms[1].
    place: str = field(default="", compare=False)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def clipped(self, since: dt.date, until: dt.date | None) -> "Span | None":
        """The part of the span from `since` to `until` (None: the whole of its end)."""
        start = max(self.start, since)
        ends = [day for day in (self.end, until) if day is not None]
        end = min(ends) if ends else None
        if end is not None and end < start:
            return None
        return replace(self, start=start, end=end)

    def first(self, days: tuple[str, ...]) -> dt.date | None:
        """The first day in the span that is one of the weekdays given."""
        return first_weekday(self.start, days, self.end)


@dataclass(frozen=True)
class SchoolYear:
    year: str
    terms: tuple[Span, ...]
    holidays: tuple[Span, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class TermDates:
    """The area's terms and holidays, and who keeps them up to date."""

    years: tuple[SchoolYear, ...] = ()
    owner_team: str = ""
    owner_email: str = ""
    path: str = f"data/{TERM_DATES_FILE}"
    # The line of the last school year: where the next one goes.
    line: int = 1
    # next_session's answers by everything they depend on: every page of a build asks
    # for the same few (the same days, runs and today), each a walk over the terms.
    _next_sessions: dict = field(default_factory=dict, compare=False, repr=False)
    # periods' answers likewise: each page's opening hours and each calendar ask them for
    # a session's runs from its record's review date (a few hundred days at most).
    _periods: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def terms(self) -> tuple[Span, ...]:
        return tuple(sorted((t for year in self.years for t in year.terms),
                            key=lambda span: span.start))

    @cached_property
    def holidays(self) -> tuple[Span, ...]:
        """The holidays with the weekends either side: a family's holiday starts on the
        Saturday after school ends, not on the Monday the council's list gives."""
        return tuple(self._with_weekends(holiday) for holiday in
                     sorted((h for year in self.years for h in year.holidays),
                            key=lambda span: span.start))

    def _with_weekends(self, holiday: Span) -> Span:
        start, end = holiday.start, holiday.end
        while (start - ONE_DAY).weekday() >= SATURDAY and not self._in_term(start - ONE_DAY):
            start -= ONE_DAY
        while (end + ONE_DAY).weekday() >= SATURDAY and not self._in_term(end + ONE_DAY):
            end += ONE_DAY
        return replace(holiday, start=start, end=end)

    def _in_term(self, day: dt.date) -> bool:
        return any(day in term for term in self.terms)

    @property
    def known_until(self) -> dt.date | None:
        """The last day the file says anything about; None when it has no dates."""
        ends = [span.end for span in (*self.terms, *self.holidays) if span.end]
        return max(ends, default=None)

    def spans(self, runs: str) -> tuple[Span, ...]:
        """The terms, or the holidays, a session that runs so is held in."""
        return self.terms if runs == TERM_TIME else self.holidays

    def periods(self, runs: str, since: dt.date, until: dt.date | None = None) -> tuple[Span, ...]:
        """The stretches of days from `since` (to `until`) in which a session runs: the
        terms, the holidays, or for a session all year one stretch with no end but `until`."""
        if runs not in (TERM_TIME, SCHOOL_HOLIDAYS):
            return (Span(RUNS_WORDS[ALL_YEAR], since, until, ALL_YEAR),)
        asked = (runs, since, until)
        if asked not in self._periods:
            clipped = (span.clipped(since, until) for span in self.spans(runs))
            self._periods[asked] = tuple(span for span in clipped if span is not None)
        return self._periods[asked]

    def next_session(self, runs: str, days: tuple[str, ...], today: dt.date,
                     until: dt.date | None = None) -> dt.date | None:
        """The first day, today or later, a session on these weekdays runs; None if the
        dates known do not say (the term dates have run out, or it has ended)."""
        if not days:
            return None
        asked = (runs, days, today, until)
        if asked not in self._next_sessions:
            self._next_sessions[asked] = next(
                (day for span in self.periods(runs, today, until)
                 if (day := span.first(days)) is not None), None)
        return self._next_sessions[asked]

    def holiday_on(self, day: dt.date) -> Span | None:
        return next((holiday for holiday in self.holidays if day in holiday), None)


def load_term_dates(path: Path, shown: str = "") -> tuple[TermDates, list[Problem]]:
    """The term dates (none without the file), with a problem for each mistake in them."""
    shown = shown or path.as_posix()
    if not path.exists():
        return TermDates(path=shown), []
    document, problems = read_data_file(path, shown)
    if document is None or document.data is None:
        return TermDates(path=shown), problems
    if not isinstance(document.data, dict):
        problems.append(Problem(shown, 1, "", "the file must hold the owner and the school "
                                "years, each under its own name",
                                f"write it like the sample:\n{EXAMPLE}"))
        return TermDates(path=shown), problems
    top = FieldChecker(document, (), problems)
    top.only(("owner", "school_years"))
    team, email = _owner(document, problems)
    before = len(problems)
    years = tuple(_years(document, problems))
    whole = len(problems) == before  # with a term or a holiday left out, a "gap" is no news
    if not years and "school_years" not in top.misspelt:
        problems.append(Problem(shown, document.line_of(("school_years",)), "school_years",
                                "there are no school years: no term-time or holiday session "
                                "can say when it runs", f"add the council's term dates, like:\n"
                                f"{EXAMPLE}"))
    _check_together(document, years, problems, gaps=whole)
    last_line = years[-1].line if years else document.line_of(("school_years",))
    return TermDates(years, team, email, shown, last_line), problems


def _owner(document: Document, problems: list[Problem]) -> tuple[str, str]:
    if "owner" not in document.data:
        problems.append(Problem(document.path, 1, "owner", "'owner' is missing: nobody would "
                                "be told when the dates run out",
                                "add the team that keeps the dates, like:\nowner:\n"
                                "  team: Local Offer Team\n  email: localoffer@example.org"))
        return "", ""
    owner = FieldChecker(document, ("owner",), problems)
    owner.only(("team", "email"))
    return (owner.text("team", "write the team's name, like Local Offer Team"),
            owner.email("email", required=True))


def _years(document: Document, problems: list[Problem]):
    seen: dict[str, int] = {}
    for index, _ in enumerate(section(document, "school_years", problems, EXAMPLE)):
        fields = FieldChecker(document, ("school_years", index), problems)
        fields.only(YEAR_FIELDS)
        year = fields.text("year", "write the school year, like 2026-27")
        line = document.line_of(("school_years", index))
        if year in seen:
            fields.problem("year", f"the school year {year} is listed twice (first on line "
                           f"{seen[year]})", "keep one of them, with every term and holiday")
        elif year:
            seen[year] = line
        terms = tuple(_spans(document, fields, "terms", TERM_TIME, problems))
        if not terms and "terms" not in fields.misspelt:
            fields.problem("terms", f"the school year {year or index + 1} has no terms",
                           "list its terms under 'terms:', each with name, start and end")
        holidays = tuple(_spans(document, fields, "holidays", SCHOOL_HOLIDAYS, problems))
        yield SchoolYear(year, terms, holidays, line)


def _spans(document: Document, year: FieldChecker, key: str, kind: str,
           problems: list[Problem]):
    items = year.entry.get(key)
    if items is None:
        return
    if not isinstance(items, list):
        year.problem(key, f"'{key}' must be a list", "write each one below it, starting '- ', "
                     f"like:\n{EXAMPLE}")
        return
    for index, _ in enumerate(items):
        fields = FieldChecker(document, year.where + (key, index), problems)
        fields.only(SPAN_FIELDS)
        name = fields.text("name", "say which term or holiday it is, like Autumn term "
                                   "(first half) or Christmas holidays")
        start, end = fields.date("start"), fields.date("end")
        if start and end and end < start:
            fields.problem("end", f"it ends ({long_date(end)}) before it starts "
                           f"({long_date(start)})", "check both dates against the council's "
                           "published term dates")
        elif start and end:
            where = year.where + (key, index)
            yield Span(name, start, end, kind, document.line_of(where), _dotted(where))


def _check_together(document: Document, years: tuple[SchoolYear, ...],
                    problems: list[Problem], gaps: bool) -> None:
    """Overlaps and gaps, which only show with every term and holiday side by side. A span
    is named in one problem at most: one wrong date is one message."""
    terms = sorted((t for y in years for t in y.terms), key=lambda s: s.start)
    holidays = sorted((h for y in years for h in y.holidays), key=lambda s: s.start)
    named: set[int] = set()  # the lines of the spans a problem names

    def problem(span: Span, other: Span, message: str, fix: str) -> None:
        if {span.line, other.line} & named:
            return
        named.update((span.line, other.line))
        problems.append(Problem(document.path, span.line, span.place, message, fix))

    fix = "check the dates against the council's published term dates"
    for kind, spans in (("term", terms), ("holiday", holidays)):
        for before, after in zip(spans, spans[1:]):
            if after.start <= before.end:
                problem(after, before, f"the {kind} '{after.name}' ({_span_words(after)}) "
                        f"overlaps '{before.name}' ({_span_words(before)}, line {before.line})",
                        fix)
    for holiday in holidays:
        for term in terms:
            if holiday.start <= term.end and term.start <= holiday.end:
                problem(holiday, term, f"the holiday '{holiday.name}' ({_span_words(holiday)}) "
                        f"falls in the term '{term.name}' ({_span_words(term)}, line "
                        f"{term.line})", fix + "; a term ends before each holiday and the next "
                        "starts after it")
    if named or not gaps:
        return
    every = sorted(terms + holidays, key=lambda s: s.start)
    covered = None
    for span in every:
        if covered is not None and span.start > covered + ONE_DAY:
            gap = [covered + ONE_DAY * n for n in range(1, (span.start - covered).days)]
            weekdays = [day for day in gap if day.weekday() < SATURDAY]
            if weekdays:
                problem(span, span, f"no term or holiday covers the weekdays from "
                        f"{long_date(weekdays[0])} to {long_date(weekdays[-1])}, before "
                        f"'{span.name}'", "add the missing term or holiday, or correct the "
                        "dates either side: the school year has a gap")
        covered = span.end if covered is None else max(covered, span.end)


def _span_words(span: Span) -> str:
    return f"{long_date(span.start)} to {long_date(span.end)}"
