"""check: list every entry that is not current, by owner, for people, programs and CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from local_offer.cli.commands import iso_date, load_checked
from local_offer.records.dates import day_or_today
from local_offer.records.problems import report
from local_offer.records.project import Project

ORDER = 15


def add_parser(commands) -> None:
    command = commands.add_parser(
        "check", help="list entries that are due soon, overdue, expired or ended",
        description="List every entry that is not current, with its state, review date, "
                    "file and owner, grouped by owner, and the school term dates "
                    "(data/term-dates.yaml) when they run out within term_dates_notice or "
                    "have run out. Exit 0 when nothing is overdue, expired or ended; 1 when "
                    "something is (term dates that have run out too); 2 when a record is "
                    "invalid.")
    add_day_and_links(command)
    command.add_argument("--format", choices=("text", "json", "github", "markdown"),
                         default="text",
                         help="text for people (default), json for programs, github for "
                              "workflow annotations, markdown for reports")
    command.add_argument("--fail-on", choices=("overdue", "due", "never"), default="overdue",
                         help="exit 1 when an entry is overdue, expired or ended (default); "
                              "also when due soon (due); or never")
    command.add_argument("--owner", help="only the entries of this team (its name or email)")
    command.set_defaults(run=run)


def add_day_and_links(command) -> None:
    """The arguments load_attention reads, shared with report."""
    command.add_argument("--today", type=iso_date,
                         help="as if today were this date (YYYY-MM-DD)")
    command.add_argument("--links", type=Path, metavar="FILE",
                         help="add the broken links saved by: links --format json --out FILE")


def run(args) -> int:
    from local_offer.freshness.report_formats import FORMATS, as_markdown

    attention = load_attention(args)
    if isinstance(attention, int):
        return attention
    print(FORMATS[args.format](attention))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        with open(summary_file, "a", encoding="utf-8") as stream:
            stream.write(as_markdown(attention) + "\n")
    return attention.exit_code


def load_attention(args):
    """The Attention for the arguments given, or an exit code (2) after saying what is wrong."""
    from local_offer.freshness.attention import Attention, old_translations
    from local_offer.freshness.report_formats import broken_links_from_json
    from local_offer.freshness.review import ReviewPolicy, review_term_dates

    project = Project(args.project)
    result = load_checked(project, args.today)
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 2
    try:
        links = broken_links_from_json(args.links.read_text(encoding="utf-8")) \
            if args.links else []
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"Could not read the broken links in {args.links}: {error}. Make the file with: "
              "python build_offer.py links --format json --out FILE", file=sys.stderr)
        return 2
    today = day_or_today(args.today)
    policy = ReviewPolicy(project.settings)
    owner = getattr(args, "owner", None)
    reviews = [policy.review(record, today) for record in result.records]
    published = [review.record for review in reviews if review.published]
    term_dates = review_term_dates(project.term_dates, published, project.settings, today)
    attention = Attention(reviews, today, getattr(args, "fail_on", "overdue"), links, owner,
                          term_dates, old_translations(result.translations, result.records,
                                                       project.settings.translators))
    if owner and not attention.owners:
        print(f"No entries have the owner '{owner}'. Give the team's name or email as "
              "written under owner: in its records.", file=sys.stderr)
        return 2
    return attention
