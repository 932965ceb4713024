"""What JSON Schema cannot say about a record: that it contradicts itself, that it is still
the template, or that it was checked on a day that has not come yet.

Every check reads the record as written (a Document), so its problems are
listed with the schema's, every mistake in one run, each with its line:

- a session whose description names a day or a time that its days, start and
  end do not (the page would say Wednesdays and the calendar Fridays), or says
  "term time" or "school holidays" when its `runs` says otherwise;
- a session that ends before it starts;
- text still as schema/service-template.yaml wrote it (the template is the one
  list of placeholders, so an edited template's are caught too);
- a last_reviewed date after today.

A phone number or an email address in the text that is not the record's
contact is a warning (`warnings`): it may be another service's, on purpose.
`validate` and `lint` list warnings without failing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterator

from local_offer.records.dates import WEEKDAYS, parse_day
from local_offer.records.problems import Problem
from local_offer.records.schema import RecordSchema
from local_offer.records.term_dates import ALL_YEAR, RUNS, SCHOOL_HOLIDAYS, TERM_TIME
from local_offer.records.text_fields import fields
from local_offer.records.yaml_source import Document, _dotted, read_document

# ---- Days and times as people write them in a session's description ----

_ABBREVIATIONS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
                  "weds": "wednesday", "thu": "thursday", "thur": "thursday",
                  "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday"}
# A day's full name in any case (Tuesdays too); a short name only with its capital, so
# "sat" and "sun" in a sentence are not days.
_DAY = (r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
        r"|Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?")
DAY = re.compile(rf"\b({_DAY})")
DAY_RANGE = re.compile(rf"\b({_DAY})\s*(?:to|until|till|through|-|–|—)\s*({_DAY})")
WEEK_PARTS = {"weekday": WEEKDAYS[:5], "weekend": WEEKDAYS[5:]}
WEEK_PART = re.compile(r"\b(?i:(weekday|weekend))s?\b")
# 9:30, 09.30, 9.30am, 2pm, 2 p.m., noon: a time needs its minutes or its am/pm. Not a
# price (£9.30), not part of a longer number (1.5, 14.09.2026).
TIME = re.compile(r"(?<![\d£$.,:])(?:(\d{1,2})[:.](\d{2})\s*((?i:[ap]\.?m\.?))?"
                  r"|(\d{1,2})\s*((?i:[ap]\.?m\.?)))(?![\d.:]\d)(?!\w)")
NOON = re.compile(r"\b(?i:noon|midday)\b")
# "not on Fridays", "except Wednesdays", "closed on bank holidays": what it does not do.
NEGATION = re.compile(r"\b(?i:not|no|except|excluding|closed|apart from)\b[^.,;]*$")
SAYS_TERM = re.compile(r"\b(?i:term[- ]?times?|during (?:school )?terms?|school terms?)\b")
# Holidays, but not bank or public holidays (schools have those in term time too).
SAYS_HOLIDAYS = re.compile(r"\b(?<![Bb]ank )(?<![Pp]ublic )(?i:holidays?)\b")
SAYS_ALL_YEAR = re.compile(r"\b(?i:all (?:the )?year|all-year|year[- ]round)\b")
TIME_VALUE = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")


def _day(word: str) -> str:
    word = word.rstrip(".").casefold()
    if word in WEEKDAYS or word.rstrip("s") in WEEKDAYS:
        return word if word in WEEKDAYS else word.rstrip("s")
    return _ABBREVIATIONS[word]


def _negated(text: str, at: int) -> bool:
    return bool(NEGATION.search(text[max(0, at - 30):at]))


def days_named(text: str) -> list[str]:
    """The days a description says, in the order of the week: 'Monday to Friday' is five."""
    named: set[str] = set()
    rest = text
    for match in DAY_RANGE.finditer(text):
        if _negated(text, match.start()):
            continue
        first, last = WEEKDAYS.index(_day(match.group(1))), WEEKDAYS.index(_day(match.group(2)))
        named.update(WEEKDAYS[(first + step) % 7] for step in range((last - first) % 7 + 1))
        rest = rest[:match.start()] + " " * (match.end() - match.start()) + rest[match.end():]
    for match in DAY.finditer(rest):
        if not _negated(rest, match.start()):
            named.add(_day(match.group(1)))
    for match in WEEK_PART.finditer(rest):
        if not _negated(rest, match.start()):
            named.update(WEEK_PARTS[match.group(1).casefold()])
    return [day for day in WEEKDAYS if day in named]


def times_named(text: str) -> list[tuple[str, set[str]]]:
    """Each time a description says, as written, with the 24-hour times it can mean
    (9:30 with no am or pm may be 09:30 or 21:30)."""
    found = []
    for match in TIME.finditer(text):
        hours, minutes, half = ((match.group(1), match.group(2), match.group(3))
                                if match.group(1) else (match.group(4), "00", match.group(5)))
        hour, minute = int(hours), int(minutes)
        if minute > 59 or hour > 23 or (half and not 1 <= hour <= 12):
            continue
        if half:
            hour = hour % 12 + (12 if half.casefold().startswith("p") else 0)
            meanings = {hour}
        else:
            meanings = {hour, hour + 12} if hour < 12 else {hour}
        found.append((match.group(0).strip(), {f"{h:02d}:{minute:02d}" for h in meanings}))
    found += [(match.group(0), {"12:00"}) for match in NOON.finditer(text)]
    return found


# ---- Phone numbers and email addresses in text ----

PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
# The text fields families read, where a number or an address may be written.
TEXT_FIELDS = (("description",), ("how_to_get_it", "steps"), ("alert",), ("cost", "description"),
               ("sessions", "*", "description"), ("locations", "*", "accessibility"))


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("44") else digits


# ---- The template's placeholders ----

# Fields whose template value may well be a service's own: a choice from a list, a date,
# a time, a postcode, a period. Every other text in the template is a placeholder.
NOT_PLACEHOLDERS = ("start", "end", "postcode", "review_every")
# A placeholder this long is found inside longer text too (a sentence left in a description).
SENTENCE_WORDS = 5


def _leaves(value: Any, where: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, where + (index,))
    else:
        yield where, value


def _any_item(where: tuple) -> tuple:
    return tuple("*" if isinstance(part, int) else part for part in where)


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _short(text: str, length: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def template_placeholders(template: Path, schema: RecordSchema) -> dict[tuple, str]:
    """Each text of the template that a service must replace, by where it is written
    (list items as '*'). No template, or one that cannot be read: none."""
    if not template.is_file():
        return {}
    document, _ = read_document(template, template.name)
    if document is None or not isinstance(document.data, dict):
        return {}
    found = {}
    for where, value in _leaves(document.data):
        node = schema.schema_at(where)
        if (not isinstance(value, str) or not value.strip() or node is None or "enum" in node
                or node.get("format") == "date" or where[-1] in NOT_PLACEHOLDERS):
            continue
        found[_any_item(where)] = " ".join(value.split())
    return found


class _PlaceholderTree:
    """The template's placeholders as a tree of where they are written, so a record is
    walked only where the template has text (its other values cannot be placeholders)."""

    def __init__(self):
        self.text = ""  # the placeholder written here ("" for none)
        self.plain = ""  # as compared: spaces collapsed, case folded
        self.sentence = False  # long enough to be found inside longer text too
        self.inner: dict[str | int, _PlaceholderTree] = {}  # by field name, "*" for items

    @classmethod
    def of(cls, placeholders: dict[tuple, str]) -> "_PlaceholderTree":
        root = cls()
        for where, text in placeholders.items():
            node = root
            for part in where:
                node = node.inner.setdefault(part, cls())
            node.text, node.plain = text, _plain(text)
            node.sentence = len(node.plain.split()) >= SENTENCE_WORDS
        return root

    def uses(self, value: Any,
             where: tuple = ()) -> Iterator[tuple[tuple, Any, "_PlaceholderTree"]]:
        """(where, value, placeholder) for each value of a record, in the record's order,
        written where the template has a placeholder (list items as '*')."""
        if isinstance(value, dict):
            items = ((key, key, item) for key, item in value.items())
        elif isinstance(value, list):
            items = ((index, "*", item) for index, item in enumerate(value))
        else:
            if self.text:
                yield where, value, self
            return
        for part, written_as, item in items:
            inner = self.inner.get(written_as)
            if inner is not None:
                yield from inner.uses(item, where + (part,))


class RecordChecks:
    """The checks beyond the schema, for one project's records."""

    def __init__(self, schema: RecordSchema, template: Path):
        self.placeholders = template_placeholders(template, schema)
        self._placeholder_tree = _PlaceholderTree.of(self.placeholders)

    def problems(self, document: Document, today: dt.date | None = None) -> list[Problem]:
        data = document.data
        if not isinstance(data, dict):
            return []
        found = self.template_text(document)
        sessions = data.get("sessions")
        for index, item in enumerate(sessions if isinstance(sessions, list) else []):
            if isinstance(item, dict):
                found += session_problems(document, ("sessions", index), item)
        if today is not None:
            found += future_review(document, today)
        return found

    def template_text(self, document: Document) -> list[Problem]:
        found = []
        for where, value, placeholder in self._placeholder_tree.uses(document.data):
            if not isinstance(value, str):
                continue
            written, wanted = _plain(value), placeholder.plain
            if written == wanted or (placeholder.sentence and wanted in written):
                found.append(Problem(
                    document.path, document.line_of(where), _dotted(where),
                    f"this is still the template's text ('{_short(placeholder.text)}')",
                    "replace it with this service's own details, or delete the line if the "
                    "template marks it optional: a placeholder must not go on the website"))
        return found

    @staticmethod
    def warnings(document: Document) -> list[Problem]:
        return contact_warnings(document)


def contact_warnings(document: Document) -> list[Problem]:
    """A phone number or email address in the text that is not the record's contact."""
    data = document.data
    if not isinstance(data, dict):
        return []
    contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
    phone, email = contact.get("phone"), contact.get("email")
    found = []
    for where, text in fields(data, TEXT_FIELDS):
        for match in PHONE.finditer(text):
            number = match.group()
            if not (isinstance(phone, str) and _digits(number) == _digits(phone)):
                given = f"contact.phone is {phone}" if isinstance(phone, str) else \
                    "contact has no phone"
                found.append(_warning(document, where, number,
                                      f"the text gives the phone number {number}, but {given}"))
        for match in EMAIL.finditer(text):
            address = match.group()
            if not (isinstance(email, str) and address.casefold() == email.casefold()):
                given = f"contact.email is {email}" if isinstance(email, str) else \
                    "contact has no email"
                found.append(_warning(document, where, address,
                                      f"the text gives the email address {address}, but {given}"))
    return found


def _warning(document: Document, where: tuple, written: str, message: str) -> Problem:
    return Problem(document.path, document.line_of_text(where, written), _dotted(where),
                   message, "if the contact has changed, change it in both places; if this is "
                   "another service's, say whose it is so families know which to use")


def session_problems(document: Document, where: tuple, session: dict) -> list[Problem]:
    """A session that contradicts itself: its words against its days, times and runs."""
    def problem(field: str, message: str, fix: str) -> Problem:
        return Problem(document.path, document.line_of(where + (field,)),
                       _dotted(where + (field,)), message, fix)

    found = []
    text = session.get("description") if isinstance(session.get("description"), str) else ""
    start, end = (value if isinstance(value, str) and TIME_VALUE.match(value) else None
                  for value in (session.get("start"), session.get("end")))
    if start and end and end <= start:
        found.append(problem("end", f"the session ends at {end}, " + (
            f"before it starts at {start}" if end < start else "the time it starts"),
            "swap start and end, or correct them: 24-hour times, like \"14:30\" for half "
            "past two in the afternoon"))
    days = session.get("days")
    if text and isinstance(days, list) and days and all(day in WEEKDAYS for day in days):
        extra = [day for day in days_named(text) if day not in days]
        if extra:
            found.append(problem("days", f"the description says {_and(extra, title=True)}, "
                                 f"but days is [{', '.join(days)}]: the page would say one "
                                 "and the calendar the other",
                                 "make them agree: correct the description, or list every "
                                 "day it runs under days"))
    if text and start and end:
        extra = [written for written, meanings in times_named(text)
                 if not meanings & {start, end}]
        if extra:
            found.append(problem("start", f"the description says {_and(extra)}, but the "
                                 f"session runs from {start} to {end}",
                                 "make them agree: correct the description, or start and end "
                                 "(24-hour times in quotes, like \"09:30\")"))
    found += _runs_problems(session, text, problem)
    return found


def _runs_problems(session: dict, text: str, problem) -> list[Problem]:
    runs, old = session.get("runs"), session.get("term_time_only")
    if runs is not None and runs not in RUNS:
        return []  # the schema says what runs may be
    if isinstance(old, bool) and runs is not None and old != (runs == TERM_TIME):
        return [problem("term_time_only", f"term_time_only: {str(old).lower()} and runs: "
                        f"{runs} say different things", "delete term_time_only: runs "
                        "replaces it")]
    runs = runs or (TERM_TIME if old is True else ALL_YEAR)
    named = [kind for kind, words in ((ALL_YEAR, SAYS_ALL_YEAR), (TERM_TIME, SAYS_TERM),
                                      (SCHOOL_HOLIDAYS, SAYS_HOLIDAYS))
             if any(not _negated(text, match.start()) for match in words.finditer(text))]
    if ALL_YEAR in named:  # "all year, including the school holidays"
        named = [ALL_YEAR]
    if len(named) != 1 or runs == named[0]:
        return []
    given = f"runs is {runs}" if "runs" in session else "runs is not given, so it runs all year"
    return [problem("runs", f"the description says {RUN_WORDS[named[0]]}, but {given}: the "
                    f"calendar would show it {RUN_WORDS[runs] if runs == ALL_YEAR else 'only in ' + RUN_WORDS[runs]}",
                    f"write runs: {named[0]} under the session (or correct the description)")]


# How a description says when a session runs, and what the calendar would then show.
RUN_WORDS = {TERM_TIME: "term time", SCHOOL_HOLIDAYS: "the school holidays", ALL_YEAR: "all year"}


def _and(words: list[str], title: bool = False) -> str:
    words = [word.title() if title else word for word in words]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def future_review(document: Document, today: dt.date) -> list[Problem]:
    """A review date after today is a mistake: it would keep an entry 'current' unchecked."""
    data = document.data
    value = data.get("last_reviewed") if isinstance(data, dict) else None
    try:
        day = parse_day(value) if isinstance(value, str) else None
    except ValueError:
        return []  # the schema says it is not a date
    if day is None or day <= today:
        return []
    return [Problem(document.path, document.line_of(("last_reviewed",)), "last_reviewed",
                    f"{day.isoformat()} is in the future (today is {today.isoformat()})",
                    "write the date the entry was last checked, today or earlier, or run: "
                    f"python build_offer.py reviewed {document.path}")]
