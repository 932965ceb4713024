"""build: validate every record, then build the site (mkdocs_plugin.build does the building)."""

from __future__ import annotations

import sys
from pathlib import Path

from local_offer.cli.commands import iso_date, load_checked, web_address
from local_offer.freshness.review import ReviewPolicy, State
from local_offer.records.dates import day_or_today
from local_offer.records.problems import report
from local_offer.records.project import Project
from local_offer.records.step_times import StepClock
from local_offer.records.words import plural

ORDER = 20
NO_SITE_URL = ("Note: the site's address is not set, so no sitemap.xml is published for "
               "search engines and the feeds' links are relative. Before publishing, set "
               "site_url in data/settings.yaml, like site_url: https://localoffer.example.org/, "
               "or build with --site-url.")

def add_parser(commands) -> None:
    command = commands.add_parser("build", help="validate the records and build the site",
                                  description="Validate every record, then build the site. "
                                              "Exit 2 when a record, a data file or a "
                                              "page is invalid, 1 when the build fails.")
    command.add_argument("--today", type=iso_date,
                         help="build as if today were this date (YYYY-MM-DD)")
    command.add_argument("--site-dir", type=Path, default=None,
                         help="where to write the site (default: site/)")
    command.add_argument("--site-url", type=web_address, default=None,
                         help="where the site is published, like https://example.org/offer/ "
                              "(default: site_url in data/settings.yaml)")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    clock = StepClock()
    with clock.step("reading and checking the records"):
        result = load_checked(project, args.today)
    clock.write()
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 2
    site_dir = (args.site_dir or project.root / "site").resolve()
    # Imported here: mkdocs takes a while to load, and the other commands never need it.
    from local_offer.mkdocs_plugin.build import BuildFailed, build_site
    try:
        site_url = build_site(project, site_dir, today=args.today, records=result.records,
                              site_url=args.site_url or "")
    except BuildFailed as failure:
        print(f"The build failed: {failure}", file=sys.stderr)
        return 2 if failure.bad_input else 1
    if not site_url:
        print(NO_SITE_URL, file=sys.stderr)
    print(f"Built {counts(project, result.records, args.today)}.")
    print(f"The site is in {site_dir}. To look at it: make preview, then open "
          "http://127.0.0.1:8000/ in a browser.")
    return 0


def counts(project: Project, records, today) -> str:
    """How many services the site shows and how many it leaves off, and why: the count a
    build reports must not say 51 when one of them is off the site."""
    day = day_or_today(today)
    policy = ReviewPolicy(project.settings)
    states = [policy.review(record, day).state for record in records]
    published = sum(state.published for state in states)
    checked, ended = states.count(State.EXPIRED), states.count(State.ENDED)
    closed = states.count(State.CLOSED) + ended
    return (f"{plural(len(records), 'service')}: {published} published, {checked} being "
            f"checked (off the site until reviewed), {closed} closed"
            + (f" ({ended} of them past their valid_until date)" if ended else ""))
