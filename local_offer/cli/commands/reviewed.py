"""reviewed: mark entries as checked, changing only the last_reviewed line of each file.

Comments, order, quoting and line endings stay as they were, so the pull
request shows a one-line diff that reviewers can trust at a glance.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from pathlib import Path

from local_offer.cli.commands import iso_date
from local_offer.editing.safe_write import ChangedMeanwhile, replace_if_unchanged
from local_offer.freshness.review import ReviewPolicy
from local_offer.records.dates import day_or_today, long_date
from local_offer.records.loader import RecordLoader
from local_offer.records.model import Record
from local_offer.records.problems import Problem, report
from local_offer.records.project import Project

ORDER = 35

# The value of a top-level last_reviewed line, quoted or not, with any comment after it.
REVIEW_LINE = re.compile(r"^\ufeff?last_reviewed[ \t]*:[ \t]*([\"']?)(?P<date>\d{4}-\d{2}-\d{2})"
                         r"\1[ \t]*(#[^\r]*)?\r?$")


def add_parser(commands) -> None:
    command = commands.add_parser(
        "reviewed", help="mark entries as checked today",
        description="After checking an entry with the service, set its last_reviewed to "
                    "today. Only that line of each file changes.")
    command.add_argument("files", nargs="+", metavar="FILE",
                         help="a service file (anywhere under services/) or a service id")
    command.add_argument("--today", type=iso_date,
                         help="the date to write (YYYY-MM-DD); default: today")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    today = day_or_today(args.today)
    loader = RecordLoader(project)
    changes: list[tuple[Path, bytes, str, Record]] = []
    # The next review date it tells is counted with the settings, so they must be right.
    problems: list[Problem] = project.settings_problems
    seen: set[Path] = set()
    for given in args.files:
        path = service_file(project, given)
        if path is None:
            problems.append(Problem(given, 0, "", "this is not a service file in services/",
                                    "give the path of a .yaml file under services/, or the "
                                    "service's id (its file name without .yaml)"))
            continue
        if path in seen:  # the same file named twice, say by path and by id
            continue
        seen.add(path)
        raw = path.read_bytes()
        record, found = loader.load_file(path)
        if found:
            problems += found
            continue
        try:
            text = with_review_date(raw.decode("utf-8"), record.line_of("last_reviewed"), today)
        except ValueError as error:
            problems.append(Problem(record.path, record.line_of("last_reviewed"),
                                    "last_reviewed", str(error),
                                    "write it on its own line, like: last_reviewed: 2026-11-23"))
            continue
        changes.append((path, raw, text, record))
    if problems:
        print(report(problems), file=sys.stderr)
        print("Nothing was changed. Fix the problems above, then run this again.",
              file=sys.stderr)
        return 2
    policy = ReviewPolicy(project.settings)
    failed = False
    for path, raw, text, record in changes:
        if record.last_reviewed == today:
            print(f"{record.path}: already reviewed on {long_date(today)}; not changed.")
            continue
        try:
            replace_if_unchanged(path, text, raw)
        except ChangedMeanwhile:
            print(f"{record.path} changed while this ran, so it was not touched. "
                  "Run this again.", file=sys.stderr)
            failed = True
            continue
        print(f"{record.path}: last_reviewed {record.last_reviewed.isoformat()} -> "
              f"{today.isoformat()}. {after_review(policy, record, today)}")
    return 1 if failed else 0


def service_file(project: Project, given: str) -> Path | None:
    """The file a person meant: a path (from here or the project) or a service id."""
    candidates = [Path(given), project.root / given]
    if "/" not in given and not given.endswith(".yaml"):
        candidates += [p for p in project.service_files() if p.stem == given]
    services = project.services_dir.resolve()
    for candidate in candidates:
        path = candidate.resolve()
        if path.is_file() and path.suffix == ".yaml" and services in path.parents:
            return path
    return None


def with_review_date(text: str, line: int, today: dt.date) -> str:
    """The text with only the date on the last_reviewed line changed."""
    lines = text.split("\n")
    match = REVIEW_LINE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if not match:
        raise ValueError("last_reviewed is not written as 'last_reviewed: YYYY-MM-DD' on "
                         "a line of its own, so it was not changed")
    start, end = match.span("date")
    lines[line - 1] = lines[line - 1][:start] + today.isoformat() + lines[line - 1][end:]
    return "\n".join(lines)


def after_review(policy: ReviewPolicy, record: Record, today: dt.date) -> str:
    review = policy.review(dataclasses.replace(record, last_reviewed=today), today)
    advice = f"Next review due by {long_date(review.due)}."
    if review.stale_waiting_time:
        advice += (f" The waiting time was last measured on "
                   f"{long_date(record.waiting_time.measured)}: update waiting_time too.")
    return advice
