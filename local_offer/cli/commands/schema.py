"""schema: write the published JSON Schema and the new-record template with the taxonomy's lists."""

from __future__ import annotations

import json
import sys

from local_offer.editing.template_lists import template_with_taxonomy
from local_offer.records.project import Project
from local_offer.records.schema import with_taxonomy

ORDER = 80
TEMPLATE = "schema/service-template.yaml"


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


def schema_text(project: Project) -> str:
    schema = json.loads(project.schema_path.read_text(encoding="utf-8"))
    return json.dumps(with_taxonomy(schema, project.taxonomy), indent=2, ensure_ascii=False) + "\n"


def template_text(project: Project) -> str:
    return template_with_taxonomy((project.root / TEMPLATE).read_text(encoding="utf-8"),
                                  project.taxonomy)


def refreshed(project: Project) -> dict:
    """{path: the text it should hold} for the files that list the taxonomy's choices."""
    files = {project.schema_path: schema_text(project)}
    if (project.root / TEMPLATE).exists():
        files[project.root / TEMPLATE] = template_text(project)
    return files


def run(args) -> int:
    project = Project(args.project)
    wanted = refreshed(project)
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
