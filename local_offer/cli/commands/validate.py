"""validate: check every record, listing every problem in one run."""

from __future__ import annotations

import sys

from local_offer.cli.commands import iso_date, load_checked
from local_offer.records.problems import report
from local_offer.records.project import Project
from local_offer.records.words import plural

ORDER = 10

def add_parser(commands) -> None:
    command = commands.add_parser("validate", help="check every record in services/",
                                  description="Check every record, and the data files the "
                                              "site publishes (data/settings.yaml, "
                                              "data/you-said-we-did.yaml, data/coverage.yaml, "
                                              "data/term-dates.yaml). Warnings (worth a look, "
                                              "like a phone number in the text that is not the "
                                              "contact's) are listed too but stop nothing. "
                                              "Exit 0 when all are valid, 2 when any is not.")
    command.add_argument("--today", type=iso_date,
                         help="check review dates as if today were this date (YYYY-MM-DD)")
    command.set_defaults(run=run)


def run(args) -> int:
    result = load_checked(Project(args.project), args.today)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 2
    noted = (f" {plural(len(result.warnings), 'warning')} above: worth a look, but "
             f"{'it stops' if len(result.warnings) == 1 else 'they stop'} nothing."
             if result.warnings else "")
    print(f"All {len(result.records)} records are valid.{noted}")
    return 0
