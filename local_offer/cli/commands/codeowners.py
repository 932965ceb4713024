"""codeowners: write .github/CODEOWNERS so the team that owns an entry reviews changes to it."""

from __future__ import annotations

import sys

from local_offer.editing.codeowners import (
    CODEOWNERS_FILE,
    OWNERS_FILE,
    codeowners_text,
    load_owners,
    unlisted_owners,
)
from local_offer.records.loader import RecordLoader
from local_offer.records.problems import report
from local_offer.records.project import Project

ORDER = 70


def add_parser(commands) -> None:
    command = commands.add_parser(
        "codeowners", help="write .github/CODEOWNERS from the records' owners",
        description="Write .github/CODEOWNERS from each record's owner and data/owners.yaml, "
                    "so GitHub asks the owning team to review changes to its entries. "
                    "Exit 2 when a record or data/owners.yaml is invalid.")
    command.add_argument("--check", action="store_true",
                         help="only check; exit 1 if .github/CODEOWNERS is out of date")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    result = RecordLoader(project).load()
    owners, problems = load_owners(project.root / OWNERS_FILE, OWNERS_FILE.as_posix())
    if result.problems or problems:
        print(report(result.problems + problems), file=sys.stderr)
        return 2
    for email in unlisted_owners(result.records, owners):
        print(f"Note: {email} is not in {OWNERS_FILE.as_posix()}, so only the reviewers "
              f"({', '.join(owners.reviewers)}) are asked to review its entries. To ask the "
              "team too, add a line under 'owners:' like: "
              f"{email}: [\"@organisation/team-name\"]", file=sys.stderr)
    wanted = codeowners_text(result.records, owners)
    target = project.root / CODEOWNERS_FILE
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if args.check:
        if current != wanted:
            print(f"{CODEOWNERS_FILE.as_posix()} is out of date with the records' owners. "
                  "Run: python build_offer.py codeowners", file=sys.stderr)
            return 1
        print(f"{CODEOWNERS_FILE.as_posix()} is up to date.")
        return 0
    if current == wanted:
        print(f"{CODEOWNERS_FILE.as_posix()} was already up to date.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(wanted, encoding="utf-8")
    print(f"Wrote {CODEOWNERS_FILE.as_posix()} for {len(result.records)} records.")
    return 0
