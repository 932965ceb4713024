"""The council's part of the accessibility statement: data/accessibility.yaml.

What the statement says about testing is made from the browser suite itself
(site/accessibility.py); what only the council can say (how compliant it judges
the site, what is not accessible yet, how to reach it, when it prepared the
statement) is written here, checked like every data file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from local_offer.records.data_files import FieldChecker, optional_data_file
from local_offer.records.problems import Problem

STATEMENT_FILE = "accessibility.yaml"
COMPLIANCE = ("full", "partial", "not")
FIELDS = ("organisation", "compliance", "known_problems", "contact_email", "contact_phone",
          "reply_within", "prepared", "reviewed")


@dataclass(frozen=True)
class Statement:
    organisation: str
    compliance: str
    known_problems: tuple[str, ...]
    contact_email: str
    contact_phone: str
    reply_within: str
    prepared: dt.date | None
    reviewed: dt.date | None


def load_statement(project, today: dt.date) -> tuple[Statement | None, list[Problem]]:
    """The statement's data, or None without the file (the page then says it is missing)."""
    document, problems = optional_data_file(project, STATEMENT_FILE)
    if document is None:
        return None, problems
    if document.data is None:
        return None, [Problem(document.path, 1, "", "the file is empty",
                              "fill in every field; see the comments in the sample file")]
    fields = FieldChecker(document, (), problems)
    fields.only(FIELDS)
    statement = Statement(
        organisation=fields.text("organisation", "write who runs the site, like Medway Council"),
        compliance=fields.choice("compliance", COMPLIANCE),
        known_problems=fields.text_list("known_problems"),
        contact_email=fields.email("contact_email", required=True),
        contact_phone=fields.text("contact_phone", "", required=False),
        reply_within=fields.text("reply_within", "say how soon you reply, like 10 working days"),
        prepared=fields.date("prepared", today),
        reviewed=fields.date("reviewed", today))
    if statement.compliance == "partial" and not statement.known_problems:
        fields.problem("known_problems", "a partly compliant site must say what is not "
                       "accessible", "list each problem under known_problems, or set "
                       "compliance: full")
    return statement, problems
