"""Writing imported records: the template's field order and style, never over a file silently.

Each record is checked by the real RecordLoader before it is written; one
that does not pass is reported, not written. A file written before by an
import is found again by the line that names its source, so importing the
same feed twice gives the same files, byte for byte; a file that differs from
what the feed now gives (edited since, or the feed changed) is left alone
unless replace is asked for.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from local_offer.editing.importing import text as words
from local_offer.editing.importing.mapping import Conversion
from local_offer.editing.safe_write import ChangedMeanwhile, create_new, replace_if_unchanged
from local_offer.records.loader import RecordLoader, service_id_for
from local_offer.records.model import Record
from local_offer.records.problems import Problem
from local_offer.records.project import Project

# The second line of an imported record: where it came from, so a re-import finds it.
SOURCE_LINE = re.compile(r"^# Imported from (?P<label>.+?), service id (?P<id>.*) \((?P<file>.*)\)\.$")
DATE_FIELDS = {"last_reviewed", "valid_until"}  # written plainly: YAML reads them as dates
ALWAYS_QUOTED = {"phone", "start", "end"}  # the template writes times and phone numbers in quotes
FLOW_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`:]")
WRITTEN, UNCHANGED, REPLACED, LEFT_ALONE, INVALID, SKIPPED = (
    "written", "unchanged", "replaced", "left alone", "not written", "not imported")


@dataclass
class Outcome:
    conversion: Conversion
    state: str
    path: str = ""  # as shown in the repository
    record: Record | None = None
    problems: list[Problem] = field(default_factory=list)


class RecordWriter:
    """Writes the records of one import into a folder of services/."""

    def __init__(self, project: Project, folder: Path, replace: bool = False):
        self.project = project
        self.folder = folder
        self.replace = replace
        self.loader = RecordLoader(project)
        self.schema = self.loader.schema.schema
        files = project.service_files()
        self.taken = {path.stem for path in files}
        self.imported = _imported_files(files)

    def write(self, conversion: Conversion, label: str) -> Outcome:
        if conversion.skipped:
            return Outcome(conversion, SKIPPED)
        source = conversion.source
        key = (label, _one_line(source.source_id))
        path = self.imported.get(key) or self._new_path(conversion.data.get("name", ""))
        shown = self.project.shown(path)
        text = self.record_text(conversion, label, path.parent)
        record, problems = self._checked(path.stem, shown, text)
        if problems:
            return Outcome(conversion, INVALID, shown, problems=problems)
        self.imported[key] = path
        self.taken.add(path.stem)
        new = text.encode("utf-8")
        if path.exists():
            old = path.read_bytes()
            if old == new:
                return Outcome(conversion, UNCHANGED, shown, record)
            if not self.replace:
                return Outcome(conversion, LEFT_ALONE, shown, record)
            try:
                replace_if_unchanged(path, text, old)
            except ChangedMeanwhile:
                return Outcome(conversion, LEFT_ALONE, shown, record)
            return Outcome(conversion, REPLACED, shown, record)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            create_new(path, text)
        except FileExistsError:  # appeared meanwhile: never overwritten
            return Outcome(conversion, LEFT_ALONE, shown, record)
        return Outcome(conversion, WRITTEN, shown, record)

    def _new_path(self, name: str) -> Path:
        base = service_id_for(name) or "service"
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        return self.folder / f"{candidate}.yaml"

    def _checked(self, stem: str, shown: str, text: str) -> tuple[Record | None, list[Problem]]:
        """The record as the real loader reads it from this text, or its problems."""
        with tempfile.TemporaryDirectory(prefix="import-") as folder:
            path = Path(folder) / f"{stem}.yaml"
            path.write_text(text, encoding="utf-8")
            record, problems = self.loader.load_file(path, shown)
        return record, problems

    # ---- The record's text ----

    def record_text(self, conversion: Conversion, label: str, folder: Path) -> str:
        source = conversion.source
        schema_ref = os.path.relpath(self.project.schema_path, folder).replace(os.sep, "/")
        lines = [f"# yaml-language-server: $schema={schema_ref}",
                 f"# Imported from {label}, service id {_one_line(source.source_id)} "
                 f"({_one_line(source.file)}).",
                 "# Check every detail with the service; the import report lists what to "
                 "look at."]
        lines += _mapping_lines(conversion.data, self.schema, "")
        return "\n".join(lines) + "\n"


def _imported_files(files: list[Path]) -> dict[tuple[str, str], Path]:
    found = {}
    for path in files:
        try:
            with path.open(encoding="utf-8") as stream:
                head = [stream.readline().rstrip("\n") for _ in range(3)]
        except (OSError, UnicodeDecodeError):
            continue
        for line in head:
            if match := SOURCE_LINE.match(line):
                found.setdefault((match["label"], match["id"]), path)
    return found


def _one_line(value: Any) -> str:
    return words.plain(str(value)).replace("(", "[").replace(")", "]")[:100]


def _order(data: dict, schema: dict) -> list[str]:
    known = list(schema.get("properties", {}))
    return [key for key in known if key in data] + [key for key in data if key not in known]


def _mapping_lines(data: dict, schema: dict, indent: str) -> list[str]:
    lines = []
    for key in _order(data, schema):
        value, sub = data[key], schema.get("properties", {}).get(key, {})
        lines += _field_lines(key, value, sub, schema, indent)
    return lines


def _field_lines(key: str, value: Any, sub: dict, schema: dict, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{key}:", *_mapping_lines(value, sub, indent + "  ")]
    if isinstance(value, list):
        items = sub.get("items", {})
        if all(not isinstance(item, (dict, list)) for item in value):
            return [f"{indent}{key}: [{', '.join(_flow(item) for item in value)}]"]
        lines = [f"{indent}{key}:"]
        for item in value:
            first, *rest = _mapping_lines(item, items, indent + "    ")
            lines += [f"{indent}  - {first.lstrip()}", *rest]
        return lines
    if key == "description" and isinstance(value, str) and indent == "":
        return [f"{indent}{key}: |", *(f"{indent}  {line}" if line else ""
                                      for line in value.split("\n"))]
    return [f"{indent}{key}: {_scalar(key, value)}"]


def _scalar(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if key in DATE_FIELDS:
        return value
    if key in ALWAYS_QUOTED or not _plain_reads_back(value):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flow(value: Any) -> str:
    if isinstance(value, str) and (FLOW_UNSAFE.search(value) or not _plain_reads_back(value)):
        return json.dumps(value, ensure_ascii=False)
    return _scalar("", value)


def _plain_reads_back(value: str) -> bool:
    """YAML reads the text back as this same string, written plainly after a key."""
    if not value or value != value.strip() or "\n" in value or " #" in value or ": " in value:
        return False
    if value[0] in "-?:,[]{}#&*!|>'\"%@`":
        return False
    try:
        return yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        return False
