"""init: turn the sample into a council's own, empty Local Offer (editing/start_offer.py)."""

from __future__ import annotations

import sys

from local_offer.cli.commands import iso_date, web_address
from local_offer.editing.start_offer import CannotStart, start_offer
from local_offer.records.dates import day_or_today
from local_offer.records.project import Project

ORDER = 5


def add_parser(commands) -> None:
    command = commands.add_parser(
        "init", help="turn the sample into your council's own, empty offer",
        description="Write your area's name into data/settings.yaml and its areas into "
                    "data/taxonomy.yaml, remove the sample services and sample comments, and "
                    "refresh the schema and the new-record template. Lists every file it "
                    "changed. Exit 2 on wrong arguments or when services/ or data/ has "
                    "changes git does not have.")
    command.add_argument("--area", required=True,
                         help='the area the offer covers, as families say it, like "Exampleshire"')
    command.add_argument("--areas", required=True,
                         help='the parts of it families choose from, with commas between them, '
                              'like "North Town, South Town, The Villages"')
    command.add_argument("--site-url", type=web_address, default=None,
                         help="where the site will be published, like "
                              "https://localoffer.example.org/")
    command.add_argument("--today", type=iso_date,
                         help="the date to write as the accessibility statement's "
                              "(YYYY-MM-DD; default: today)")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    try:
        started = start_offer(project, args.area, args.areas, args.site_url or "",
                              day_or_today(args.today))
    except CannotStart as reason:
        print(f"Nothing was changed: {reason}.", file=sys.stderr)
        return 2
    print(f"Changed {len(started.changed)} files:")
    for path in started.changed:
        print(f"  {project.shown(path)}")
    print(f"Removed {len(started.removed)} sample records:")
    for path in started.removed:
        print(f"  {project.shown(path)}")
    print("Next: set contact_email, comments and report_problem in data/settings.yaml and the "
          "reviewers in data/owners.yaml to your own; then build the site with: make site")
    return 0
