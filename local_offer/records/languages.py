"""The languages services offer (data/languages.yaml): one list for records, search and filters.

A record writes the English name of each language it offers (`languages:
[Polish, British Sign Language]`), as this file lists it. Each language has an
id (its ISO 639 code, which the open data carries), the English name, its name
in itself ("polski", "lietuvių", "ਪੰਜਾਬੀ") and other names families type
("BSL", "sign language"). The Find page filters by the id; search finds a
service by any of the names.

Why a record must use the listed English name, not any name: every page then
says "Polish" the same way, and a typo is caught instead of quietly making a
language nobody can filter by. A record that writes another name of a listed
language ("BSL", "polski") or something close to one ("Polsh") is told which
name to write. Without the file, languages stay free text, as before.
Records layer: no mkdocs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from local_offer.records.data_files import FieldChecker, read_data_file, section
from local_offer.records.problems import Problem
from local_offer.records.raw_html import tags_in
from local_offer.records.yaml_source import Document, _dotted

LANGUAGES_FILE = "languages.yaml"
FIELDS = ("id", "name", "own_name", "other_names")
EXAMPLE = """languages:
  - id: pl
    name: Polish
    own_name: polski
    other_names: [Polish language]"""


@dataclass(frozen=True)
class Language:
    id: str
    name: str  # in English, as records write it
    own_name: str = ""  # in the language itself
    other_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a family may type for it, the English name first."""
        return tuple(dict.fromkeys(n for n in (self.name, self.own_name, *self.other_names) if n))


@dataclass(frozen=True)
class Languages:
    entries: tuple[Language, ...] = ()

    @property
    def known(self) -> bool:
        """True when the project lists its languages (without the file, any name goes)."""
        return bool(self.entries)

    def by_name(self, name: str) -> Language | None:
        """The language a record names by its English name (as the file writes it, any case)."""
        folded = name.strip().casefold()
        return next((lang for lang in self.entries if lang.name.casefold() == folded), None)

    def called(self, name: str) -> Language | None:
        """The language any of whose names this is (BSL, polski, Polish)."""
        folded = name.strip().casefold()
        return next((lang for lang in self.entries
                     if any(n.casefold() == folded for n in lang.names)), None)

    def ids_of(self, names) -> tuple[str, ...]:
        """The ids of the languages a record names, in its order (unknown names left out)."""
        found = (self.by_name(name) for name in names)
        return tuple(dict.fromkeys(lang.id for lang in found if lang))

    def record_problems(self, document: Document) -> list[Problem]:
        """A problem for each language a record names that the file does not list by that
        English name: with the name to write when it is another name, or close to one."""
        data = document.data if isinstance(document.data, dict) else {}
        written = data.get("languages")
        if not self.known or not isinstance(written, list):
            return []
        problems = []
        english = [lang.name for lang in self.entries]
        for index, name in enumerate(written):
            # A tag is told by the raw HTML check; one problem for one mistake.
            where = ("languages", index)
            if not isinstance(name, str) or self.by_name(name) or tags_in(name) \
                    or where in document.converted:
                continue
            other = self.called(name)
            if other:
                message = f"'{name}' is another name for {other.name}"
                fix = f"write '{other.name}' (families find it by '{name}' too)"
            else:
                close = difflib.get_close_matches(name, english, n=1, cutoff=0.6)
                message = f"'{name}' is not a language in data/{LANGUAGES_FILE}"
                fix = (f"did you mean '{close[0]}'? " if close else "") + \
                    f"Write the English name as data/{LANGUAGES_FILE} lists it, or add the " \
                    "language there (with its own name and other names families type)"
            problems.append(Problem(document.path, document.line_of(where), _dotted(where),
                                    message, fix))
        return problems


def load_languages(path: Path, shown: str = "") -> tuple[Languages, list[Problem]]:
    """The languages file, with a problem (file, line, field, fix) for each mistake; no file
    is no list (records name languages freely)."""
    shown = shown or path.as_posix()
    if not path.exists():
        return Languages(), []
    document, problems = read_data_file(path, shown)
    if document is None:
        return Languages(), problems
    entries: list[Language] = []
    seen: dict[str, int] = {}  # every name, folded -> the line it is first written on
    for index, _ in enumerate(section(document, "languages", problems, EXAMPLE)):
        fields = FieldChecker(document, ("languages", index), problems)
        fields.only(FIELDS)
        language = Language(
            id=fields.text("id", "write the language's ISO 639 code, like pl for Polish or "
                           "bfi for British Sign Language"),
            name=fields.text("name", "write the language's name in English, like Polish"),
            own_name=fields.text("own_name", "", required=False),
            other_names=fields.text_list("other_names"))
        if language.id and not language.id.replace("-", "").isalnum():
            fields.problem("id", f"'{language.id}' is not a language code",
                           "write the ISO 639 code in letters, like pl")
            continue
        clash = False
        for key, name in (("id", language.id), *(("name", n) for n in language.names)):
            folded = f"{key}:{name.casefold()}" if key == "id" else name.casefold()
            if folded in seen:
                fields.problem(key if key == "id" else "name", f"'{name}' is used twice (first "
                               f"on line {seen[folded]})",
                               "give each language its own id and names, so a name a family "
                               "types means one language")
                clash = True
            else:
                seen[folded] = document.line_of(("languages", index, key))
        if language.id and language.name and not clash:
            entries.append(language)
    return Languages(tuple(entries)), problems
