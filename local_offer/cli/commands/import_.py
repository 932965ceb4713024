"""import: records from an existing directory's feed (Open Referral UK 3.0, the older list
shape, or Outpost), with a report of what mapped and what a person must check."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from local_offer.cli.commands import iso_date
from local_offer.records.dates import day_or_today
from local_offer.records.problems import report
from local_offer.records.project import Project
from local_offer.records.words import plural

ORDER = 35
EMAIL = re.compile(r"^[^@\s:]+@[^@\s:]+\.[^@\s:]+$")


def add_parser(commands) -> None:
    command = commands.add_parser(
        "import", help="make records from an existing directory's feed",
        description="Read JSON files (or folders of them) saved from an existing directory: "
                    "Open Referral UK 3.0, the older Open Referral list shape (as PlaceCube "
                    "serves it) or Outpost's API. Writes one record per service, never over "
                    "a file silently, and a report of what mapped. Exit 0 done, 1 some "
                    "services not written or left alone, 2 a file or the mapping file "
                    "cannot be used.")
    command.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                         help="a JSON file saved from the feed, or a folder of them")
    command.add_argument("--out", type=Path, default=Path("services") / "imported",
                         help="the folder in services/ to write into (default: "
                              "services/imported)")
    command.add_argument("--owner", default="", metavar="TEAM",
                         help="the team that will keep these entries up to date (default: "
                              "each service's organisation)")
    command.add_argument("--owner-email", default="", metavar="ADDRESS",
                         help="that team's shared email address")
    command.add_argument("--today", type=iso_date,
                         help="the day to import as (YYYY-MM-DD): review dates after it are "
                              "taken as it, and it is the date of a service with none")
    command.add_argument("--replace", action="store_true",
                         help="overwrite a record that differs from what the feed now gives")
    command.add_argument("--report", type=Path, default=Path("import-report"),
                         help="where to write the report, without extension: PATH.md and "
                              "PATH.json (default: import-report in the project)")
    command.set_defaults(run=run)


def run(args) -> int:
    # Imported here: reading feeds' HTML (bs4) takes a while to load, and the other
    # commands, the build among them, never need it.
    from local_offer.editing.importing.mapping import Options
    from local_offer.editing.importing.run import import_feeds, read_feeds
    from local_offer.editing.importing.writing import INVALID, LEFT_ALONE

    project = Project(args.project)
    if bool(args.owner) != bool(args.owner_email):
        print("Give both --owner TEAM and --owner-email ADDRESS, or neither.", file=sys.stderr)
        return 2
    if args.owner_email and not EMAIL.match(args.owner_email):
        print(f"'{args.owner_email}' is not an email address: give the team's shared address, "
              "like team@example.org.", file=sys.stderr)
        return 2
    folder = (project.root / args.out).resolve()
    if not folder.is_relative_to(project.services_dir):
        print(f"--out must be a folder inside services/, not {args.out}.", file=sys.stderr)
        return 2
    feeds, problems = read_feeds(project, [where_given(project, source) for source in args.sources])
    if problems:
        print(report(problems), file=sys.stderr)
        return 2
    for feed in feeds:
        print(f"{feed.shown}: {feed.label}, {plural(len(feed.services), 'service')}")
    options = Options(day_or_today(args.today), " ".join(args.owner.split()),
                      args.owner_email.strip())
    result, problems = import_feeds(project, feeds, folder, options, args.replace)
    if result is None:
        print(report(problems), file=sys.stderr)
        return 2
    data = result.data()
    target = project.root / args.report
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(".md").write_text(result.markdown(), encoding="utf-8")
    target.with_suffix(".json").write_text(result.json(), encoding="utf-8")
    states = ", ".join(f"{count} {state}" for state, count in data["states"].items() if count)
    print(f"{plural(data['services'], 'service')}: {states}. {data['valid']} valid records, "
          f"{data['published']} published today; {len(data['look_at'])} to look at "
          f"({result.seconds:.1f} s).")
    print(f"Report: {project.shown(target.with_suffix('.md'))} (and .json). "
          f"Next: python build_offer.py validate")
    if data["states"][INVALID] or data["states"][LEFT_ALONE]:
        return 1
    return 0


def where_given(project: Project, source: Path) -> Path:
    """A file named on the command line: from the folder the command runs in, as a shell
    user means it, else from the project (its own saved feeds, when run with --project)."""
    if source.is_absolute() or source.exists():
        return source.resolve()
    return project.root / source
