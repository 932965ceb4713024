"""schema: write the published JSON Schema with the taxonomy's current lists."""

from __future__ import annotations

import json
import sys

from local_offer.records.project import Project
from local_offer.records.schema import with_taxonomy

ORDER = 80

def add_parser(commands) -> None:
    command = commands.add_parser("schema", help="refresh the lists in the published schema",
                                  description="Copy the categories, needs, areas and routes "
                                              "from data/taxonomy.yaml into "
                                              "schema/service.schema.json, so editors suggest "
                                              "them.")
    command.add_argument("--check", action="store_true",
                         help="only check; exit 1 if the schema file is out of date")
    command.set_defaults(run=run)


def schema_text(project: Project) -> str:
    schema = json.loads(project.schema_path.read_text(encoding="utf-8"))
    return json.dumps(with_taxonomy(schema, project.taxonomy), indent=2, ensure_ascii=False) + "\n"


def run(args) -> int:
    project = Project(args.project)
    wanted = schema_text(project)
    current = project.schema_path.read_text(encoding="utf-8")
    if args.check:
        if wanted != current:
            print(f"{project.shown(project.schema_path)} is out of date with "
                  "data/taxonomy.yaml. Run: python build_offer.py schema", file=sys.stderr)
            return 1
        print("The schema's lists match data/taxonomy.yaml.")
        return 0
    project.schema_path.write_text(wanted, encoding="utf-8")
    print(f"Wrote {project.shown(project.schema_path)}")
    return 0
