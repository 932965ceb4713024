"""The new-record template's comments list the taxonomy's current choices.

schema/service-template.yaml tells an editor which values each list field
takes ("# One or more of: chatham, gillingham, ..."). When a council changes
data/taxonomy.yaml, `build_offer.py schema` rewrites those comments, as it
rewrites the schema's lists, so the template never offers an area that is gone.
Every other line of the template is kept as it is, and each list takes one
line, so the template's lines stay where they are.
"""

from __future__ import annotations

import re

from local_offer.records.taxonomy import KINDS as LIST_FIELDS, Taxonomy

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
