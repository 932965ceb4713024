"""validate: check every record, listing every problem in one run."""

from __future__ import annotations

import sys

from ..problems import report
from ..project import Project
from ..records import RecordLoader


ORDER = 10

def add_parser(commands) -> None:
    command = commands.add_parser("validate", help="check every record in services/",
                                  description="Check every record. Exit 0 when all are valid, "
                                              "2 when any is not.")
    command.set_defaults(run=run)


def run(args) -> int:
    result = RecordLoader(Project(args.project)).load()
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 2
    print(f"All {len(result.records)} records are valid.")
    return 0
