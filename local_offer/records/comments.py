"""You said, we did: families' comments on the Local Offer and what the council did.

The SEND Regulations 2014 (regulation 56) ask a council to publish the
comments it gets about its Local Offer and its response. They live in
data/you-said-we-did.yaml; the site lists them newest first, with how to send one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from local_offer.records.data_files import FieldChecker, read_data_file, section
from local_offer.records.problems import Problem
from local_offer.records.project import Project
from local_offer.records.words import mark as N_

COMMENTS_FILE = "you-said-we-did.yaml"
FIELDS = ("date", "you_said", "we_did", "status")
# Status ids as written in the file, with the words families read.
STATUSES = {
    "done": N_("Done"),
    "in-progress": N_("In progress"),
    "planned": N_("Planned"),
    "not-possible": N_("We could not do this"),
}
EXAMPLE = """comments:
  - date: 2026-10-14
    you_said: It is hard to find out what happens while we wait for an assessment.
    we_did: We added a page listing support for families who are waiting.
    status: done"""


@dataclass(frozen=True)
class Comment:
    date: dt.date
    you_said: str
    we_did: str
    status: str

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]


@dataclass(frozen=True)
class Comments:
    """The published comments, newest first, and how to send a new one."""

    entries: tuple[Comment, ...] = ()
    email: str = ""
    form: str = ""


def load_comments(project: Project, today: dt.date | None = None) -> tuple[Comments,
                                                                          list[Problem]]:
    problems: list[Problem] = []
    email, form = _how_to_comment(project, problems)
    path = project.data_dir / COMMENTS_FILE
    if not path.exists():
        return Comments(email=email, form=form), problems
    document, found = read_data_file(path, project.shown(path))
    problems += found
    if document is None:
        return Comments(email=email, form=form), problems
    entries = []
    for index, _ in enumerate(section(document, "comments", problems, EXAMPLE)):
        fields = FieldChecker(document, ("comments", index), problems)
        fields.only(FIELDS)
        day = fields.date("date", today)
        you_said = fields.text("you_said", "write what families told us, without names")
        we_did = fields.text("we_did", "write what we did or are doing about it")
        status = fields.choice("status", STATUSES)
        if day and you_said and we_did and status:
            entries.append(Comment(day, you_said, we_did, status))
    # Newest first; comments from the same day keep the file's order.
    entries.sort(key=lambda comment: comment.date, reverse=True)
    return Comments(tuple(entries), email, form), problems


def _how_to_comment(project: Project, problems: list[Problem]) -> tuple[str, str]:
    fields = project.settings.group("comments", problems)
    if fields is None:
        return "", ""
    fields.only(("email", "form"))
    return fields.email("email"), fields.web_address("form")
