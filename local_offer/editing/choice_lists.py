"""The files that list the taxonomy's choices, rewritten when data/taxonomy.yaml changes.

The published schema (schema/service.schema.json) lists them for editors'
suggestions; the new-record template (schema/service-template.yaml) lists them
in comments ("# One or more of: chatham, gillingham, ..."). `build_offer.py
schema` and `init` rewrite both, so neither offers an area that is gone. Every
other line of the template is kept as it is, and each list takes one line, so
the template's lines stay where they are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from local_offer.records.project import Project
from local_offer.records.schema import with_taxonomy
from local_offer.records.taxonomy import RECORD_LISTS as LIST_FIELDS
from local_offer.records.taxonomy import Taxonomy

TEMPLATE = "schema/service-template.yaml"

LEAD = "One or more of: "
_KEY = re.compile(rf"^(?P<indent>\s*)(?P<key>{'|'.join(LIST_FIELDS)}):")


def template_with_taxonomy(text: str, taxonomy: Taxonomy) -> str:
    """The template with the comment above each list field listing the taxonomy's ids.

    The list goes from "One or more of: " to the end of the comment, on one line however
    long it is: a record made from the template keeps its line numbers (the guide quotes
    them). A list field with no such comment gets one."""
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        found = _KEY.match(line)
        if found:
            indent = found.group("indent")
            start, lead = len(out), f"{indent}# "
            # The comment lines just above the key, back to the one where the list starts.
            while start > 0 and out[start - 1].startswith(indent + "#"):
                start -= 1
                if LEAD in out[start]:
                    lead = out[start][:out[start].index(LEAD)]
                    break
            else:
                start = len(out)
            ids = taxonomy.choices()[found.group("key")]
            out[start:] = [f"{lead}{LEAD}{', '.join(ids)}.\n"]
        out.append(line)
    return "".join(out)


def schema_text(project: Project) -> str:
    schema = json.loads(project.schema_path.read_text(encoding="utf-8"))
    return json.dumps(with_taxonomy(schema, project.taxonomy), indent=2, ensure_ascii=False) + "\n"


def refreshed_lists(project: Project) -> dict[Path, str]:
    """{file: the text it should hold} for the schema and the template."""
    files = {project.schema_path: schema_text(project)}
    template = project.root / TEMPLATE
    if template.exists():
        files[template] = template_with_taxonomy(template.read_text(encoding="utf-8"),
                                                 project.taxonomy)
    return files
