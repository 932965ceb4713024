"""Turning the sample Local Offer into a council's own, empty one (`build_offer.py init`).

It writes the council's names into data/settings.yaml and its areas into
data/taxonomy.yaml (and empties the sample's areas in each data/taxonomy.<code>.yaml,
the translated names of its places), removes the sample's records, the sample comments in
data/you-said-we-did.yaml, the sample services that data/coverage.yaml and
data/owners.yaml name, the sample's postcodes in data/postcodes.yaml, and refreshes every file that lists the taxonomy's
choices (the schema, the new-record template) and .github/CODEOWNERS. Each data
file is edited line by line, so its comments, which explain it to the council,
stay. Nothing starts while services/ or data/ has changes git does not have.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from local_offer.editing.choice_lists import refreshed_lists
from local_offer.editing.codeowners import (
    CODEOWNERS_FILE,
    OWNERS_FILE,
    codeowners_text,
    load_owners,
)
from local_offer.editing.git_revision import GitError, Repository
from local_offer.records.postcodes import POSTCODES_FILE
from local_offer.records.project import Project
from local_offer.records.settings import SETTINGS_FILE, SHORT_NAME_MAX
from local_offer.records.taxonomy import AREA_WIDE
from local_offer.records.words import slug as slug_of

# The folders init changes: it stops when git has not got what is in them.
FOLDERS = ("services", "data", "schema")
SAMPLE_NOTE = "# These entries are illustrative sample data.\n"


class CannotStart(Exception):
    """Why init did nothing; the message says what to do."""


@dataclass
class Started:
    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def area_list(text: str, area: str) -> list[tuple[str, str]]:
    """(id, label) of each area in "North Town, South Town", then the whole area's."""
    labels = [" ".join(part.split()) for part in text.split(",")]
    labels = [label for label in labels if label]
    if not labels:
        raise CannotStart('give the areas families choose from, with commas between them, '
                          'like: --areas "North Town, South Town, The Villages"')
    areas, seen = [], {}
    for label in labels:
        area_id = slug_of(label)
        if not area_id:
            raise CannotStart(f"'{label}' has no letters or digits to make an id from; "
                              "write the area's name")
        if area_id == AREA_WIDE:
            raise CannotStart(f"'{label}' is the name kept for the whole area; leave it out, "
                              f"init adds '{AREA_WIDE}' itself")
        if area_id in seen:
            raise CannotStart(f"'{label}' and '{seen[area_id]}' make the same id, '{area_id}'; "
                              "give each area its own name")
        seen[area_id] = label
        areas.append((area_id, label))
    return areas + [(AREA_WIDE, f"All of {area}")]


def start_offer(project: Project, area: str, areas_text: str, site_url: str = "",
                today: dt.date | None = None) -> Started:
    area = " ".join(area.split())
    if not area:
        raise CannotStart('give the name of the area, like: --area "Exampleshire"')
    areas = area_list(areas_text, area)
    _check_nothing_is_lost(project)
    started = Started()
    edit = _Editor(project, started)
    # The header's name: the longest of these that fits a phone's screen.
    short_name = next(name for name in (f"{area} Local Offer", f"{area} Offer", "Local Offer")
                      if len(name) <= SHORT_NAME_MAX)
    settings = {"site_name": f"{area} SEND Local Offer", "short_name": short_name,
                "area_name": area}
    if site_url:
        settings["site_url"] = site_url
    edit(f"data/{SETTINGS_FILE}", lambda text: _with_settings(text, settings))
    edit("data/taxonomy.yaml", lambda text: _with_block(text, "areas", _areas_block(areas)))
    # The sample's places in other languages: the council translates its own areas' names.
    for path in project.taxonomy_translation_files().values():
        edit(project.shown(path), lambda text: _with_block(text, "areas", ["areas: []\n"]))
    edit("data/you-said-we-did.yaml",
         lambda text: _with_block(text.replace(f"#\n{SAMPLE_NOTE}", "").replace(SAMPLE_NOTE, ""),
                                  "comments", ["comments: []\n"]))
    edit("data/coverage.yaml", _without_services)
    # The sample's services lead groups of While you wait; the council names its own.
    edit("data/while-you-wait.yaml", lambda text: re.sub(r"(?m)^\s+first: .*\n", "", text))
    edit("data/accessibility.yaml", lambda text: _with_settings(text, {
        "organisation": f"{area} Council", "prepared": (today or dt.date.today()).isoformat(),
        "reviewed": (today or dt.date.today()).isoformat()}))
    edit("data/import-mapping.yaml", lambda text: _with_block(text, "areas", ["areas:\n"] + [
        f"  {scalar(label if area_id != AREA_WIDE else area)}: [{area_id}]\n"
        for area_id, label in areas]))
    # The sample's postcodes are in the sample's areas: the council lists its own.
    edit(f"data/{POSTCODES_FILE}", lambda text: _with_block(
        re.sub(r"(?m)^example: .*\n", "", text), "areas", ["areas: []\n"]))
    edit(OWNERS_FILE.as_posix(), lambda text: _with_block(text, "owners", ["owners: {}\n"]))
    # The records, with their translations and Easy Read versions beside them.
    for record in project.service_and_translation_files():
        record.unlink()
        started.removed.append(record)
    for folder in sorted(project.services_dir.glob("**/"), reverse=True):
        if folder != project.services_dir and not any(folder.iterdir()):
            folder.rmdir()
    project.services_dir.mkdir(exist_ok=True)
    keep = project.services_dir / ".gitkeep"
    if not keep.exists():  # git keeps no empty folder; the new records go here
        keep.write_text("", encoding="utf-8")
        started.changed.append(keep)
    fresh = Project(project.root)  # the new taxonomy
    for path, text in refreshed_lists(fresh).items():
        edit(fresh.shown(path), lambda _, text=text: text)
    if (project.root / CODEOWNERS_FILE).exists():
        owners, problems = load_owners(project.root / OWNERS_FILE, OWNERS_FILE.as_posix())
        if owners is not None and not problems:
            edit(CODEOWNERS_FILE.as_posix(), lambda _: codeowners_text([], owners))
    return started


def _check_nothing_is_lost(project: Project) -> None:
    repository = Repository(project.root)
    try:
        repository.check_is_repository()
    except GitError:
        return  # a downloaded copy of the sample: nothing of the council's is here yet
    try:
        changes = repository.git("status", "--porcelain", "--untracked-files=all", "--",
                                 *FOLDERS).decode("utf-8", "replace").splitlines()
    except GitError as error:
        raise CannotStart(f"git could not say what has changed ({error})") from None
    if changes:
        shown = ", ".join(line[3:] for line in changes[:5]) + (" ..." if len(changes) > 5
                                                               else "")
        raise CannotStart("init replaces what is in services/ and data/, and these have "
                          f"changes git does not have: {shown}. Commit them (git commit -am "
                          "\"...\") or put them aside (git stash -u) first, so nothing is lost")


class _Editor:
    """Rewrites one file of the project at a time, noting each one that changed."""

    def __init__(self, project: Project, started: Started):
        self.project, self.started = project, started

    def __call__(self, relative: str, change) -> None:
        path = self.project.root / relative
        if not path.exists():
            return
        before = path.read_text(encoding="utf-8")
        after = change(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            self.started.changed.append(path)


def scalar(value: str) -> str:
    """A YAML value as plainly as it can be written: quoted only when it must be."""
    try:
        plain = yaml.safe_load(value) == value and "#" not in value and ": " not in value
    except yaml.YAMLError:
        plain = False
    return value if plain and value.strip() == value else json.dumps(value, ensure_ascii=False)


def _with_settings(text: str, values: dict[str, str]) -> str:
    """Each setting's line replaced (or a commented-out one put back, or one added)."""
    for key, value in values.items():
        line = f"{key}: {scalar(value)}"
        written = re.compile(rf"^{key}:.*$", re.MULTILINE)
        commented = re.compile(rf"^# {key}:.*$", re.MULTILINE)
        if written.search(text):
            text = written.sub(lambda _: line, text, count=1)
        elif commented.search(text):
            text = commented.sub(lambda _: line, text, count=1)
        else:
            text = text.rstrip("\n") + f"\n{line}\n"
    return text


_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*:")


def _with_block(text: str, key: str, block: list[str]) -> str:
    """The top-level `key:` and everything under it replaced by block; added if missing.

    The comments and blank lines just before the next top-level key are that key's, and
    stay."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(rf"^{key}:(\s|$)", line)),
                 None)
    if start is None:
        return text.rstrip("\n") + "\n\n" + "".join(block)
    end = next((i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])),
               len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return "".join(lines[:start] + block + lines[end:])


def _areas_block(areas: list[tuple[str, str]]) -> list[str]:
    block = ["areas:\n"]
    for area_id, label in areas:
        block += [f"  - id: {area_id}\n", f"    label: {scalar(label)}\n"]
    return block


def _without_services(text: str) -> str:
    """data/coverage.yaml without the sample's services: categories and pages stay."""
    out, skipping = [], None
    for line in text.splitlines(keepends=True):
        if skipping is not None:
            indent = len(line) - len(line.lstrip())
            if line.strip() and (indent > skipping or line.lstrip().startswith("- ")
                                 and indent == skipping):
                continue
            skipping = None
        found = re.match(r"^(\s+)services:\s*(.*)$", line)
        if found:
            skipping = len(found.group(1)) if not found.group(2).strip() else None
            continue
        out.append(line)
    return "".join(out)
