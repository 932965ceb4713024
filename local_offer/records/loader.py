"""Reading every record of a project: each file read, checked and typed, every problem in one pass."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from local_offer.records.model import Record, record_from
from local_offer.records.problems import InvalidRecords, Problem
from local_offer.records.project import Project
from local_offer.records.schema import RecordSchema
from local_offer.records.yaml_source import read_document

SERVICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def service_id_for(name: str) -> str:
    """The id (file name) a service of this name gets: Café Club (Strood) is cafe-club-strood."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass
class LoadResult:
    records: list[Record]
    problems: list[Problem]


class RecordLoader:
    """Reads every service file of a project, collecting every problem in one pass."""

    def __init__(self, project: Project):
        self.project = project
        self.schema = RecordSchema(project.schema_path, project.taxonomy)

    def load_file(self, file: Path, shown: str = "") -> tuple[Record | None, list[Problem]]:
        shown = shown or self.project.shown(file)
        service_id = file.stem
        document, problems = read_document(file, shown)
        if not SERVICE_ID.match(service_id):
            problems.append(Problem(shown, 1, "", f"the file name '{file.name}' is not a valid "
                                    "service id", "rename it with lowercase letters, digits and "
                                    "hyphens only, like tiny-talkers-strood.yaml"))
        if document is None or (document.data is None and problems):  # unreadable or empty
            return None, problems
        # Reading problems (a duplicate, an alias, a tag) do not hide the schema's:
        # every problem in one run.
        problems += self.schema.check(document)
        if problems:
            return None, problems
        return record_from(service_id, document), []

    def load(self, files: list[Path] | None = None) -> LoadResult:
        if self.project.taxonomy_problems:  # records choose from lists that cannot be read
            return LoadResult([], self.project.taxonomy_problems)
        records: list[Record] = []
        problems: list[Problem] = []
        first_file: dict[str, str] = {}
        for file in files if files is not None else self.project.service_files():
            shown = self.project.shown(file)
            if file.stem in first_file:
                problems.append(Problem(shown, 1, "", f"another file has the same id "
                                        f"'{file.stem}': {first_file[file.stem]}",
                                        "rename one of the two files; ids must be unique"))
                continue
            first_file[file.stem] = shown
            record, found = self.load_file(file, shown)
            problems += found
            if record:
                records.append(record)
        records.sort(key=lambda r: r.sort_key)
        return LoadResult(records, sorted(problems))


def load_records(project: Project) -> list[Record]:
    """Every record of the project; raises InvalidRecords listing all problems."""
    result = RecordLoader(project).load()
    if result.problems:
        raise InvalidRecords(result.problems)
    return result.records
