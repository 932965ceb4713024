"""coverage: the parts of the offer the law asks for that have nothing published.

Compares data/coverage.yaml (the headings of Schedule 2 to the SEND
Regulations 2014, each mapped to categories, services and pages) with what is
published on the day, so a gap is found when a record expires or is removed.
"""

from __future__ import annotations

import sys

from local_offer.cli.commands import iso_date
from local_offer.records.coverage import COVERAGE_FILE, HeadingCoverage
from local_offer.records.problems import InvalidRecords, report
from local_offer.records.project import Project
from local_offer.records.words import plural
from local_offer.site.build import build_content
from local_offer.site.family_pages import offer_coverage

ORDER = 40


def add_parser(commands) -> None:
    command = commands.add_parser(
        "coverage", help="list the parts of the offer the law asks for with nothing published",
        description="Compare data/coverage.yaml with the services and pages published today. "
                    "Exit 0 when done; with --strict, 1 when any heading has nothing "
                    "published; 2 when a record or data file is invalid.")
    command.add_argument("--today", type=iso_date,
                         help="check as if today were this date (YYYY-MM-DD)")
    command.add_argument("--strict", action="store_true",
                         help="exit 1 when any heading has nothing published (for CI)")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    try:
        content = build_content(project, today=args.today)
    except InvalidRecords as error:
        print(report(error.problems), file=sys.stderr)
        return 2
    results = offer_coverage(content)
    if results is None:
        print(f"There is no data/{COVERAGE_FILE}: write one listing the headings of Schedule 2 "
              "and what answers each (see the sample project's file).", file=sys.stderr)
        return 1 if args.strict else 0
    print(coverage_report(results, content.site_data.coverage.path))
    gaps = [item for item in results if not item.answered]
    return 1 if gaps and args.strict else 0


def coverage_report(results: list[HeadingCoverage], path: str) -> str:
    lines = []
    for item in results:
        if item.answered:
            pages = len(item.pages)
            found = ", ".join(filter(None, [
                plural(item.service_count, 'service')
                if item.service_count else "",
                plural(pages, 'page') if pages else ""]))
            lines.append(f"  ok       {item.heading.title} ({found})")
        else:
            lines.append(f"  NOTHING  {item.heading.title}")
        if item.not_published:
            lines.append("           listed but not published: " + ", ".join(item.not_published))
    gaps = [item for item in results if not item.answered]
    lines.append(f"{len(results) - len(gaps)} of {len(results)} headings have something "
                 "published.")
    if gaps:
        lines.append(f"{len(gaps)} heading{'s have' if len(gaps) != 1 else ' has'} nothing "
                     "published:")
        lines += [f"  - {item.heading.title} ({path}:{item.heading.line})" for item in gaps]
        lines.append("How to fix: publish or review a service for each, or map more categories, "
                     f"services or pages to it in {path}.")
    return "\n".join(lines)
