"""Reading the council's own data files (not service records) with the same care.

A data file is read with yaml_source, so every value keeps its line, and each
entry is checked by a FieldChecker, so a mistake is reported as file, line,
field and how to fix it, the same way a record's are.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any, Iterable

from local_offer.records.dates import parse_day
from local_offer.records.period import PERIOD_FIX, Period
from local_offer.records.problems import Problem
from local_offer.records.words import SLUG
from local_offer.records.yaml_source import Document, _dotted, read_document


def optional_data_file(project, name: str) -> tuple[Document | None, list[Problem]]:
    """data/<name> if the project has it: (None, []) without it, (None, problems) when it
    cannot be read."""
    path = project.data_dir / name
    if not path.exists():
        return None, []
    return read_data_file(path, project.shown(path))


def read_data_file(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """A data file's document; a file with no entries yet is an empty document, not a problem."""
    document, problems = read_document(path, shown)
    if document is not None and document.data is None:  # empty, or only comments
        return Document(shown, data=None), []
    return (None, problems) if problems else (document, [])


def section(document: Document, key: str, problems: list[Problem], example: str) -> list:
    """The list under a top-level key (missing or empty: no entries)."""
    data = document.data
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key, []), list):
        problems.append(Problem(document.path, document.line_of((key,)), key,
                                f"the file must hold a list under '{key}:'",
                                f"start the file with '{key}:' and write each entry "
                                f"below it, starting '- ', like:\n{example}"))
        return []
    return data.get(key) or []


class FieldChecker:
    """Checks one entry's fields, adding a Problem with its line for each mistake."""

    def __init__(self, document: Document, where: tuple, problems: list[Problem]):
        self.document = document
        self.where = where
        self.problems = problems
        self.entry = document.data
        for part in where:
            self.entry = self.entry[part]
        if not isinstance(self.entry, dict):
            self.problem((), "each entry must be a group of fields",
                         "write the fields of the entry under its '- ', indented")
            self.entry = {}
        # Fields written with a typo: "did you mean" says so, "missing" would say it twice.
        self.misspelt: set[str] = set()

    def problem(self, key: tuple | str, message: str, fix: str) -> None:
        path = self.where + ((key,) if isinstance(key, str) else key)
        self.problems.append(Problem(self.document.path, self.document.line_of(path),
                                     _dotted(path), message, fix))

    def only(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.entry:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                self.misspelt.update(close)
                self.problem(str(key), f"'{key}' is not a field this file uses",
                             f"did you mean '{close[0]}'?" if close else
                             "use only: " + ", ".join(allowed))

    def text(self, key: str, fix: str, required: bool = True) -> str:
        value = self.entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required and key not in self.misspelt:
                self.problem(key, f"'{key}' is missing or empty", fix)
            return ""
        if not isinstance(value, str):
            self.problem(key, f"'{key}' must be text", "put the text in quotes")
            return ""
        return value.strip()

    def email(self, key: str, required: bool = False) -> str:
        value = self.text(key, "write a whole email address, like team@example.org", required)
        if value and ("@" not in value or " " in value):
            self.problem(key, f"'{value}' is not an email address",
                         "write a whole email address, like team@example.org")
            return ""
        return value

    def web_address(self, key: str, fix: str = "", required: bool = False) -> str:
        value = self.text(key, fix or "write the full address starting https://", required)
        if value and not value.startswith("https://"):
            self.problem(key, f"'{value}' is not a web address",
                         "write the full address starting https://")
            return ""
        return value

    def date(self, key: str, today: dt.date | None = None) -> dt.date | None:
        value = self.entry.get(key)
        try:
            day = parse_day(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            shown = "missing" if value is None else f"'{value}', not a date"
            self.problem(key, f"'{key}' is {shown}", "write the date as YYYY-MM-DD, "
                         "like 2026-09-14")
            return None
        if today and day > today:
            self.problem(key, f"'{key}' is {day.isoformat()}, after today",
                         "write the date it happened; check the year")
        return day

    def period(self, key: str) -> Period | None:
        """A length of time as people write it, like 6 months (records/period.py)."""
        value = self.entry.get(key)
        try:
            return Period.parse(value)
        except ValueError:
            if value is None or (isinstance(value, str) and not value.strip()):
                shown = "missing or empty"
            elif isinstance(value, str):
                shown = f"'{value.strip()}', not a period"
            else:
                shown = "not a period"
            self.problem(key, f"'{key}' is {shown}", PERIOD_FIX)
            return None

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of words or phrases (missing: none)."""
        value = self.entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and
                                                  not isinstance(v, bool) for v in value):
            self.problem(key, f"'{key}' must be a list of words",
                         f"write it like {key}: [first word, second word]")
            return ()
        return tuple(str(v) for v in value)

    def optional_choice(self, key: str, choices: Iterable[str]) -> str | None:
        """One of the choices, or nothing (missing or null)."""
        if self.entry.get(key) is None:
            return None
        return self.choice(key, choices) or None

    def slug(self, key: str) -> str:
        """An id as records write it: lowercase letters, digits and hyphens."""
        value = self.text(key, "write an id of lowercase letters, digits and hyphens, "
                               "like speech-language")
        if value and not SLUG.match(value):
            self.problem(key, f"'{value}' is not an id", "use lowercase letters, digits and "
                         "hyphens only, like speech-language")
            return ""
        return value

    def whole_number(self, key: str, fix: str, minimum: int = 0) -> int | None:
        value = self.entry.get(key)
        # YAML reads true and false as numbers' kin; they are not a count of anything.
        if isinstance(value, bool) or not isinstance(value, int):
            shown = "missing" if value is None else f"'{value}', not a whole number"
            self.problem(key, f"'{key}' is {shown}", fix)
            return None
        if value < minimum:
            self.problem(key, f"'{key}' is {value}, less than {minimum}", fix)
            return None
        return value

    def choice(self, key: str, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        value = self.entry.get(key)
        if value in choices:
            return value
        shown = "missing" if value is None else f"'{value}'"
        self.problem(key, f"'{key}' is {shown}", "write one of: " + ", ".join(choices))
        return ""

    def id_list(self, key: str, known: Iterable[str] | None = None) -> tuple[str, ...]:
        """A list of ids; with known, each must be one of them."""
        value = self.entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"'{key}' must be a list of names",
                         f"write it like {key}: [first-one, second-one]")
            return ()
        if known is not None:
            known = tuple(known)
            for index, item in enumerate(value):
                if item not in known:
                    close = difflib.get_close_matches(item, known, n=1)
                    self.problem((key, index), f"'{item}' is not one of the {key}",
                                 f"did you mean '{close[0]}'?" if close
                                 else "use one of: " + ", ".join(known))
        return tuple(value)


def value_at(document: Document, *where: Any) -> Any:
    data = document.data
    for part in where:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data
