"""Reading every record of a project: each file read, checked and typed, every problem in one pass.

A file is checked by the schema (records/schema.py) and by the checks the
schema cannot make (records/consistency.py: a record contradicting itself, the
template's text, a review date after `today`), all at once; the warnings
(a phone number in the text that is not the contact's) come back beside the
problems and stop nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from local_offer.records.consistency import RecordChecks
from local_offer.records.model import Record, record_from
from local_offer.records.problems import InvalidRecords, Problem
from local_offer.records.project import Project
from local_offer.records.schema import RecordSchema
from local_offer.records.words import SLUG, slug
from local_offer.records.yaml_source import read_document

# A service's id is its file's name, written as every id is (records/words.py).
SERVICE_ID = SLUG
service_id_for = slug


@dataclass
class LoadResult:
    records: list[Record]
    problems: list[Problem]
    # Worth a look, but not wrong: listed by validate and lint, never stopping a build.
    warnings: list[Problem] = field(default_factory=list)


class RecordLoader:
    """Reads every service file of a project, collecting every problem in one pass.

    today: the day review dates are checked against (None: not checked)."""

    def __init__(self, project: Project, today: dt.date | None = None):
        self.project = project
        self.today = today
        self.schema = RecordSchema(project.schema_path, project.taxonomy)
        self.checks = RecordChecks(self.schema, project.template_path)

    def load_file(self, file: Path, shown: str = "") -> tuple[Record | None, list[Problem]]:
        record, problems, _ = self.check_file(file, shown)
        return record, problems

    def check_file(self, file: Path, shown: str = "") -> tuple[Record | None, list[Problem],
                                                              list[Problem]]:
        """(the record or None, its problems, its warnings)."""
        shown = shown or self.project.shown(file)
        service_id = file.stem
        document, problems = read_document(file, shown)
        if not SERVICE_ID.match(service_id):
            problems.append(Problem(shown, 1, "", f"the file name '{file.name}' is not a valid "
                                    "service id", "rename it with lowercase letters, digits and "
                                    "hyphens only, like tiny-talkers-strood.yaml"))
        if document is None or (document.data is None and problems):  # unreadable or empty
            return None, problems, []
        # Reading problems (a duplicate, an alias, a tag) do not hide the schema's, nor the
        # schema's the record's other checks: every problem in one run.
        problems += self.schema.check(document)
        problems += self.checks.problems(document, self.today)
        problems += self.project.languages.record_problems(document)
        warnings = self.checks.warnings(document)
        if problems:
            return None, problems, warnings
        return record_from(service_id, document), [], warnings

    def load(self, files: list[Path] | None = None) -> LoadResult:
        if self.project.taxonomy_problems:  # records choose from lists that cannot be read
            return LoadResult([], self.project.taxonomy_problems)
        records: list[Record] = []
        problems: list[Problem] = []
        warnings: list[Problem] = []
        first_file: dict[str, str] = {}
        for file in files if files is not None else self.project.service_files():
            shown = self.project.shown(file)
            if file.stem in first_file:
                problems.append(Problem(shown, 1, "", f"another file has the same id "
                                        f"'{file.stem}': {first_file[file.stem]}",
                                        "rename one of the two files; ids must be unique"))
                continue
            first_file[file.stem] = shown
            record, found, noticed = self.check_file(file, shown)
            problems += found
            warnings += noticed
            if record:
                records.append(record)
        records.sort(key=lambda r: r.sort_key)
        return LoadResult(records, sorted(problems), sorted(warnings))


def load_records(project: Project, today: dt.date | None = None) -> list[Record]:
    """Every record of the project; raises InvalidRecords listing all problems (with review
    dates after `today`, when it is given)."""
    result = RecordLoader(project, today).load()
    if result.problems:
        raise InvalidRecords(result.problems)
    return result.records
