"""new: start a record for a new service from the template."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from local_offer.cli.commands import iso_date
from local_offer.editing.safe_write import create_new
from local_offer.records.data_files import slug_of
from local_offer.records.dates import day_or_today
from local_offer.records.project import Project

TEMPLATE = Path("schema") / "service-template.yaml"


ORDER = 30

def add_parser(commands) -> None:
    command = commands.add_parser("new", help="start a record for a new service",
                                  description="Write a new record from the template into "
                                              "services/, ready to fill in.")
    command.add_argument("name", help="the service's name, in quotes")
    command.add_argument("--folder", default="", help="a sub-folder of services/ to put it in")
    command.add_argument("--today", type=iso_date,
                         help="the date to write as last_reviewed (YYYY-MM-DD)")
    command.set_defaults(run=run)


def service_id(name: str) -> str:
    return slug_of(name)


def run(args) -> int:
    project = Project(args.project)
    name = " ".join(args.name.split())
    new_id = service_id(name)
    if len(name) < 3 or not new_id:
        print("Give the service's name, like: python build_offer.py new \"Tiny Talkers\"",
              file=sys.stderr)
        return 2
    folder = (project.services_dir / args.folder).resolve()
    if not folder.is_relative_to(project.services_dir):
        print(f"The folder must be inside services/, not {args.folder}.", file=sys.stderr)
        return 2
    target = folder / f"{new_id}.yaml"
    taken = [p for p in project.service_files() if p.stem == new_id]
    if taken:
        print(f"A service with the id '{new_id}' already exists: {project.shown(taken[0])}. "
              "Choose another name, or edit that file.", file=sys.stderr)
        return 2
    today = day_or_today(args.today).isoformat()
    text = record_text(project, name, today, folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        create_new(target, text)
    except FileExistsError:
        print(f"{project.shown(target)} already exists; it was not changed.", file=sys.stderr)
        return 2
    print(f"Wrote {project.shown(target)}. Fill in each field, then run: "
          "python build_offer.py validate")
    return 0


def record_text(project: Project, name: str, today: str, folder: Path) -> str:
    text = (project.root / TEMPLATE).read_text(encoding="utf-8")
    schema = os.path.relpath(project.schema_path, folder).replace(os.sep, "/")
    text = re.sub(r"^(# yaml-language-server: \$schema=).*$", rf"\g<1>{schema}", text, count=1,
                  flags=re.MULTILINE)
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = re.sub(r"^name: .*$", lambda _: f"name: {quoted}", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^last_reviewed: .*$", f"last_reviewed: {today}", text, count=1,
                  flags=re.MULTILINE)

