"""schema: write the published JSON Schema and the new-record template with the taxonomy's lists."""

from __future__ import annotations

import sys

from local_offer.editing.choice_lists import TEMPLATE, refreshed_lists, schema_text
from local_offer.records.project import Project

ORDER = 80
# schema_text is also what tests use to refresh a scratch project's schema.
__all__ = ["add_parser", "run", "schema_text"]


def add_parser(commands) -> None:
    command = commands.add_parser("schema", help="refresh the lists in the schema and template",
                                  description="Copy the categories, needs, areas and routes "
                                              "from data/taxonomy.yaml into "
                                              "schema/service.schema.json, so editors suggest "
                                              "them, and into the comments of "
                                              f"{TEMPLATE}, so new records list them.")
    command.add_argument("--check", action="store_true",
                         help="only check; exit 1 if the schema or template is out of date")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    wanted = refreshed_lists(project)
    stale = [path for path, text in wanted.items()
             if path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{project.shown(path)} is out of date with data/taxonomy.yaml. "
                  "Run: python build_offer.py schema", file=sys.stderr)
        if stale:
            return 1
        print("The schema's and the template's lists match data/taxonomy.yaml.")
        return 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        print(f"Wrote {project.shown(path)}")
    if not stale:
        print("The schema and the template were already up to date.")
    return 0
