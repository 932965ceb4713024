"""Translations of a record's family-facing text, each in a file beside the record.

services/health/speech-and-language-therapy.pl.yaml translates
services/health/speech-and-language-therapy.yaml into Polish. A sibling file,
not a part of the record, because:
- its owner is often not the service team: CODEOWNERS (and data/owners.yaml) can give
  `*.pl.yaml` to the council's Polish translators while the team keeps the record;
- it has its own date: `checked` says when a translator last checked it against the
  English, so `check` can tell a translation the English has moved on from (the record
  was reviewed after it) to the person who owns the translation;
- a pull request that changes the English, or one that changes a translation, shows only
  that; the record a service team edits stays as short as it was.

A translation is checked like a record, by the same schema (each field's rules come from
schema/service.schema.json) with the same file, line and field problems; and it must
translate each family-facing field the English has, session by session and place by place,
so a page is either in the reader's language or marked as English, never half of each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema_rs
from jsonschema import Draft202012Validator

from local_offer.records.dates import parse_day
from local_offer.records.model import Record
from local_offer.records.problems import Problem
from local_offer.records.project import language_of_file
from local_offer.records.schema import RecordSchema
from local_offer.records.yaml_source import Document, read_document

# The family-facing text a translation carries, as the record names it.
TEXT_FIELDS = ("name", "summary", "description", "alert")
CHECKED_FIX = ("write the day you checked this translation against the English record, "
               "like checked: 2026-11-20")


def original_of(path: Path) -> Path:
    """The English record a translation file translates: x.pl.yaml -> x.yaml."""
    return path.with_name(path.stem.rpartition(".")[0] + path.suffix)


@dataclass(frozen=True)
class Translation:
    service_id: str
    language: str
    path: str  # as shown in the repository
    checked: dt.date
    name: str
    summary: str
    description: str = ""
    alert: str = ""
    steps: str = ""
    sessions: tuple[str, ...] = ()
    accessibility: tuple[str, ...] = ()
    lines: dict = field(default_factory=dict, compare=False, repr=False)

    def applied_to(self, record: Record) -> Record:
        """The record with its family-facing text in this translation's language."""
        return dataclasses.replace(
            record, name=self.name, summary=self.summary,
            description=self.description or record.description,
            alert=self.alert or record.alert,
            how_to_get_it=dataclasses.replace(record.how_to_get_it,
                                              steps=self.steps or record.how_to_get_it.steps),
            sessions=tuple(dataclasses.replace(session, description=text)
                           for session, text in zip(record.sessions, self.sessions))
            or record.sessions,
            locations=tuple(dataclasses.replace(location, accessibility=text or
                                                location.accessibility)
                            for location, text in zip(record.locations, self.accessibility))
            or record.locations)

    def is_older_than(self, record: Record) -> bool:
        """The English was reviewed (and may have changed) after this was last checked."""
        return self.checked < record.last_reviewed


class TranslationSchema(RecordSchema):
    """The record schema's rules for the fields a translation carries, and `checked`."""

    def __init__(self, records: RecordSchema):
        english = records.schema
        properties = english["properties"]
        access = properties["how_to_get_it"]["properties"]
        session = properties["sessions"]["items"]["properties"]
        place = properties["locations"]["items"]["properties"]
        self.schema = {
            "$schema": english.get("$schema"), "$defs": english.get("$defs", {}),
            "type": "object", "additionalProperties": False,
            "required": ["checked", "name", "summary"],
            "properties": {
                "checked": {**properties["last_reviewed"],
                            "description": "The day a translator last checked this "
                                           "translation against the English (YYYY-MM-DD)."},
                **{name: properties[name] for name in TEXT_FIELDS},
                "how_to_get_it": {"type": "object", "additionalProperties": False,
                                  "properties": {"steps": access["steps"]}},
                "sessions": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["description"],
                    "properties": {"description": session["description"]}}},
                "locations": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "properties": {"accessibility": place["accessibility"]}}},
            }}
        Draft202012Validator.check_schema(self.schema)
        self.validator = Draft202012Validator(
            self.schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        self.quick = jsonschema_rs.Draft202012Validator(self.schema, validate_formats=True)


def check_translation(schema: TranslationSchema, file: Path, shown: str, record: Record | None,
                      languages: tuple[str, ...], today: dt.date | None = None,
                      ) -> tuple[Translation | None, list[Problem]]:
    """A translation file read and checked against its schema and its English record."""
    code = language_of_file(file)
    document, problems = read_document(file, shown)
    original = original_of(file).name
    if record is None:
        problems.append(Problem(shown, 1, "", f"there is no record '{original}' beside it for "
                                "this translation to translate",
                                f"name the file after the record it translates, like "
                                f"{Path(original).stem}.{code}.yaml beside {original}"))
    if code not in languages[1:]:
        problems.append(Problem(shown, 1, "", f"'{code}' is not one of the site's other "
                                "languages in data/settings.yaml",
                                f"add {code} to languages in data/settings.yaml, like "
                                f"languages: [{', '.join((*languages, code))}]"))
    if document is None or document.data is None:
        if document is not None:
            problems.append(Problem(shown, 1, "", "the translation is empty",
                                    "write its checked date and the translated fields"))
        return None, problems
    problems += schema.check(document)
    if problems or record is None:
        return None, problems
    problems += _matches(document, record, today)
    if problems:
        return None, problems
    data = document.data
    return Translation(
        service_id=record.id, language=code, path=shown, checked=parse_day(str(data["checked"])),
        name=data["name"], summary=data["summary"], description=data.get("description", ""),
        alert=data.get("alert", ""), steps=data.get("how_to_get_it", {}).get("steps", ""),
        sessions=tuple(item["description"] for item in data.get("sessions", [])),
        accessibility=tuple(item.get("accessibility", "") for item in data.get("locations", [])),
        lines=document.lines), []


def _matches(document: Document, record: Record, today: dt.date | None) -> list[Problem]:
    """It translates what the English has: each field, each session, each place."""
    data, problems = document.data, []

    def problem(where: tuple, message: str, fix: str):
        problems.append(Problem(document.path, document.line_of(where),
                                ".".join(str(part) for part in where), message, fix))

    checked = parse_day(str(data["checked"]))
    if today is not None and checked > today:
        problem(("checked",), f"{checked.isoformat()} is after today", CHECKED_FIX)
    english = {"description": record.description, "alert": record.alert}
    for name, text in english.items():
        if text and not data.get(name):
            problem((), f"the English record has {_a(name)}; its translation is missing",
                    f"translate the record's {name} too, as {name}: ...")
        elif data.get(name) and not text:
            problem((name,), f"the English record has no {name} to translate",
                    f"take out {name}, or add it to the English record first")
    steps = (data.get("how_to_get_it") or {}).get("steps", "")
    if record.how_to_get_it.steps and not steps:
        problem((), "the English record has how_to_get_it.steps; their translation is "
                    "missing", "translate them too, under how_to_get_it: steps: ...")
    for name, english_items in (("sessions", record.sessions), ("locations", record.locations)):
        written = data.get(name, [])
        if name == "locations":
            wanted = any(item.accessibility for item in english_items)
            if wanted and len(written) != len(english_items):
                problem((name,) if written else (), f"the English record has "
                        f"{len(english_items)} locations; the translation has {len(written)}",
                        "write one entry under locations for each of the record's, in the "
                        "same order, each with its accessibility translated")
            continue
        if len(written) != len(english_items):
            problem((name,) if written else (), f"the English record has "
                    f"{len(english_items)} sessions; the translation has {len(written)}",
                    "translate each session's description, in the same order as the record")
    return problems


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"
