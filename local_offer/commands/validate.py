"""validate: check every record, listing every problem in one run."""

from __future__ import annotations

import sys

from ..problems import report
from ..project import Project
from ..records import RecordLoader
from ..site_data import load_site_data


ORDER = 10

def add_parser(commands) -> None:
    command = commands.add_parser("validate", help="check every record in services/",
                                  description="Check every record, and the data files the "
                                              "site publishes (data/settings.yaml, "
                                              "data/you-said-we-did.yaml, data/coverage.yaml). "
                                              "Exit 0 when all are valid, 2 when any is not.")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    result = RecordLoader(project).load()
    problems = result.problems + load_site_data(project)[1]
    if problems:
        print(report(problems), file=sys.stderr)
        return 2
    print(f"All {len(result.records)} records are valid.")
    return 0
