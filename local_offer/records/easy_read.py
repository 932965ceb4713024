"""Easy Read versions: short sentences, one idea a line, optional pictures with alt text.

A service's Easy Read version is a file beside its record,
services/…/<id>.easy-read.yaml; a hand-written page's is a page under
docs/easy-read/ at the same path (docs/easy-read/how-to-get-help.md). Each is
linked from the original and links back. `lint --easy-read` checks the words
(editing/plain_english.py); this module reads and checks the service files,
with file, line and field for each mistake, like a record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from local_offer.records.data_files import FieldChecker, section
from local_offer.records.problems import Problem
from local_offer.records.project import EASY_READ
from local_offer.records.yaml_source import read_document

SUFFIX = EASY_READ
FIELDS = ("checked", "title", "lines")
LINE_FIELDS = ("text", "picture", "alt")
PICTURE_TYPES = (".svg", ".png", ".webp", ".jpg", ".jpeg")
EXAMPLE = ("lines:\n  - text: We help children who find talking hard.\n"
           "    picture: data/easy-read/talking.svg\n    alt: A child and a grown-up talking.")


PICTURES = "easy-read"  # the folder in data/ that holds them


def easy_read_pictures(project) -> list[Path]:
    """Every picture in data/easy-read/, published for the Easy Read pages."""
    folder = project.data_dir / PICTURES
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir()
                  if path.is_file() and path.suffix.lower() in PICTURE_TYPES)


def is_easy_read_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def record_file_of(path: Path) -> Path:
    """The record an Easy Read file is the Easy Read version of: x.easy-read.yaml -> x.yaml."""
    return path.with_name(path.name.removesuffix(SUFFIX) + ".yaml")


@dataclass(frozen=True)
class EasyReadLine:
    text: str
    picture: str = ""  # a path from the project folder, like data/easy-read/talking.svg
    alt: str = ""


@dataclass(frozen=True)
class EasyRead:
    service_id: str
    path: str
    title: str
    checked: dt.date | None
    lines: tuple[EasyReadLine, ...]
    source_lines: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def pictures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.picture for line in self.lines if line.picture))


def load_easy_read(project, file: Path, record_ids) -> tuple[EasyRead | None, list[Problem]]:
    shown = project.shown(file)
    document, problems = read_document(file, shown)
    service_id = record_file_of(file).stem
    if service_id not in record_ids:
        problems.append(Problem(shown, 1, "", f"there is no record '{service_id}.yaml' beside "
                                "it for this Easy Read version", f"name it after the record, "
                                f"like {service_id}{SUFFIX} beside {service_id}.yaml"))
    if document is None or document.data is None:
        return None, problems or [Problem(shown, 1, "", "the Easy Read version is empty",
                                          "write its title and its lines:\n" + EXAMPLE)]
    entry = FieldChecker(document, (), problems)
    entry.only(FIELDS)
    title = entry.text("title", "write a short title, like: Help with talking")
    checked = entry.date("checked")
    lines = []
    for index, _ in enumerate(section(document, "lines", problems, EXAMPLE)):
        fields = FieldChecker(document, ("lines", index), problems)
        fields.only(LINE_FIELDS)
        text = fields.text("text", "write one short sentence")
        picture = fields.text("picture", "", required=False)
        alt = fields.text("alt", "", required=False)
        if picture:
            path = (project.root / picture).resolve()
            if path not in {found.resolve() for found in easy_read_pictures(project)}:
                fields.problem("picture", f"there is no picture '{picture}' in data/easy-read/",
                               "put the picture (svg, png, webp or jpg) in data/easy-read/ and "
                               "write its "
                               "path, like picture: data/easy-read/talking.svg")
            elif not alt:
                fields.problem("picture", "the picture has no alt text",
                               "say what the picture shows, like alt: A child and a grown-up "
                               "talking; people who cannot see it hear this instead")
        if text:
            lines.append(EasyReadLine(text, picture, alt))
    if not lines and not any(p.field.startswith("lines") for p in problems):
        problems.append(Problem(shown, 1, "lines", "an Easy Read version needs its lines",
                                "write them under lines:\n" + EXAMPLE))
    if problems:
        return None, problems
    return EasyRead(service_id, shown, title, checked, tuple(lines), document.lines), []
