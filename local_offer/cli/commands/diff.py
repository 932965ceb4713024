"""diff: what a pull request changes for families, in plain words (Markdown).

The records now (the files on disk) are compared with the records where this
work left the base revision (default: the main branch), read straight from git.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from local_offer.cli.commands import iso_date
from local_offer.editing.diff_report import DiffReport, fenced
from local_offer.editing.git_revision import RECORD_FOLDERS, GitError, Repository
from local_offer.editing.record_diff import RecordComparer
from local_offer.freshness.review import ReviewPolicy
from local_offer.records.dates import day_or_today
from local_offer.records.loader import RecordLoader
from local_offer.records.problems import report
from local_offer.records.project import Project

ORDER = 40


def add_parser(commands) -> None:
    command = commands.add_parser(
        "diff", help="describe what changed for families since the main branch",
        description="Describe, in plain words, what the records now change compared with a "
                    "git revision: services added, removed or taken off the site, each "
                    "changed field from what to what, and review dates confirmed. Prints "
                    "Markdown for a pull-request comment. Exit 2 when a record or "
                    "data/settings.yaml is invalid, or the revision is unknown.")
    command.add_argument("base", nargs="?", default=None, metavar="BASE",
                         help="the git revision to compare with (default: main, or "
                              "origin/main)")
    command.add_argument("--today", type=iso_date,
                         help="judge review dates as if today were this date (YYYY-MM-DD)")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    if project.settings_problems:  # review states would be judged by the wrong settings
        print(report(project.settings_problems), file=sys.stderr)
        return 2
    repository = Repository(project.root)
    try:
        base_name = args.base or repository.default_base()
        base_commit = repository.fork_point(base_name)
    except GitError as error:
        print(f"Could not compare: {error}.", file=sys.stderr)
        return 2
    now = RecordLoader(project).load()
    with tempfile.TemporaryDirectory(prefix="local-offer-base-") as folder:
        repository.copy_folders(base_commit, RECORD_FOLDERS, Path(folder))
        base = Project(Path(folder))
        if not base.schema_path.exists():
            print(f"Could not compare: {base_name} has no {project.shown(project.schema_path)}.",
                  file=sys.stderr)
            return 2
        before = RecordLoader(base).load()
    today = day_or_today(args.today)
    policy = ReviewPolicy(project.settings)
    diff = RecordComparer(project.taxonomy, policy, today).compare(
        before.records, now.records,
        invalid_after={Path(p.path).stem for p in now.problems},
        invalid_before={Path(p.path).stem for p in before.problems})
    print(DiffReport(diff, policy, f"{base_name} ({base_commit[:7]})").markdown(), end="")
    if now.problems:
        print("\n### Files with problems\n\nThese files are not described above until they "
              "are fixed:\n\n" + fenced(report(now.problems), "text"))
        print(report(now.problems), file=sys.stderr)
        return 2
    return 0
