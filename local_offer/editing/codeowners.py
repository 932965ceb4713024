"""Who reviews a change to each service entry: .github/CODEOWNERS from the records' owners.

data/owners.yaml maps each owner email (a record's owner.email) to GitHub
teams or users, and names the reviewers of every change. From it and the
records, the CODEOWNERS file is written, so GitHub asks the team that owns an
entry to review a pull request that changes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from local_offer.records.model import Record
from local_offer.records.problems import Problem
from local_offer.records.yaml_source import read_document

OWNERS_FILE = Path("data") / "owners.yaml"
CODEOWNERS_FILE = Path(".github") / "CODEOWNERS"
# @user or @organisation/team, as GitHub writes them; CODEOWNERS also takes an email.
HANDLE = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$")
EMAIL = re.compile(r"^[^@\s:]+@[^@\s:]+\.[^@\s:]+$")
# Characters with a meaning in a CODEOWNERS pattern, escaped in a file's path.
_PATTERN_SPECIAL = re.compile(r"([\\ *?\[\]#!])")

HEADER = """\
# Who is asked to review a change, file by file. The last matching line wins.
# Written by `python build_offer.py codeowners` from data/owners.yaml and the
# owner of each record in services/. Do not edit it by hand: change
# data/owners.yaml (or a record's owner), then run the command again.
"""


@dataclass(frozen=True)
class Owners:
    """data/owners.yaml: who reviews what."""

    reviewers: tuple[str, ...]  # asked to review every change
    by_email: dict[str, tuple[str, ...]]  # owner email (lower case) -> teams or users

    def for_email(self, email: str) -> tuple[str, ...]:
        return self.by_email.get(email.lower(), ())


def load_owners(path: Path, shown: str) -> tuple[Owners | None, list[Problem]]:
    """Read and check the owners file; every problem says where and how to fix it."""
    if not path.exists():
        return None, [Problem(shown, 0, "", "the file is missing",
                              "create it with 'reviewers:' and 'owners:' (see the README)")]
    document, problems = read_document(path, shown)
    if document is None or problems:
        return None, problems
    data = document.data if isinstance(document.data, dict) else {}
    where = lambda *path: document.line_of(path)  # noqa: E731

    def handles(value, at: tuple) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            problems.append(Problem(shown, where(*at), ".".join(at),
                                    "give one or more GitHub teams or users",
                                    "write them like [\"@example-council/local-offer-team\"]"))
            return ()
        for index, item in enumerate(items):
            if not isinstance(item, str) or not (HANDLE.match(item) or EMAIL.match(item)):
                problems.append(Problem(
                    shown, where(*at, index) if not isinstance(value, str) else where(*at),
                    ".".join(at), f"'{item}' is not a GitHub team or user",
                    "write a team as \"@organisation/team-name\" or a user as \"@username\", "
                    "in quotes"))
        return tuple(str(item) for item in items)

    for key in data:
        if key not in ("reviewers", "owners"):
            problems.append(Problem(shown, where(key), key, f"'{key}' is not a setting here",
                                    "use 'reviewers:' and 'owners:' only"))
    reviewers = handles(data.get("reviewers"), ("reviewers",))
    by_email: dict[str, tuple[str, ...]] = {}
    owners = data.get("owners") or {}
    if not isinstance(owners, dict):
        problems.append(Problem(shown, where("owners"), "owners",
                                "this should list owner emails, each with its teams",
                                "write one line per owner, like "
                                "slt.team@example.org: [\"@example-council/slt\"]"))
        owners = {}
    for email, value in owners.items():
        if not EMAIL.match(str(email)):
            problems.append(Problem(shown, where("owners", email), f"owners.{email}",
                                    f"'{email}' is not an email address",
                                    "use the owner.email written in the service records"))
        by_email[str(email).lower()] = handles(value, ("owners", str(email)))
    if problems:
        return None, problems
    return Owners(reviewers, by_email), []


def pattern(path: str) -> str:
    """A file's path as a CODEOWNERS pattern, anchored at the repository's root."""
    return "/" + _PATTERN_SPECIAL.sub(r"\\\1", path)


def codeowners_text(records: list[Record], owners: Owners) -> str:
    """The whole CODEOWNERS file: one line per record, grouped by owner."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[record.owner.email.lower()].append(record)
    lines = [HEADER, "# Every other file: the Local Offer's reviewers.",
             f"* {' '.join(owners.reviewers)}"]
    first = lambda email: min(groups[email], key=lambda r: r.path)  # noqa: E731
    for email in sorted(groups, key=lambda email: (first(email).owner.team.casefold(), email)):
        team = first(email).owner.team
        reviewers = tuple(dict.fromkeys(owners.for_email(email) + owners.reviewers))
        note = "" if owners.for_email(email) else " (not in data/owners.yaml)"
        lines += ["", f"# {' '.join(team.split())}, {email}{note}"]
        lines += [f"{pattern(r.path)} {' '.join(reviewers)}"
                  for r in sorted(groups[email], key=lambda r: r.path)]
    return "\n".join(lines) + "\n"


def unlisted_owners(records: list[Record], owners: Owners) -> list[str]:
    """Owner emails with no team in data/owners.yaml: only the reviewers see their changes."""
    return sorted({r.owner.email.lower() for r in records if not owners.for_email(r.owner.email)})
