"""The council's data files beside the records: settings, comments, coverage.

Loaded together so that one check (validate, build, the mkdocs plugin) finds
every mistake in them in one pass, each with file, line, field and a fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from local_offer.records.comments import Comments, load_comments
from local_offer.records.coverage import CoverageMap, load_coverage
from local_offer.records.dates import day_or_today
from local_offer.records.postcodes import PostcodePlaces, load_postcode_places
from local_offer.records.problems import Problem
from local_offer.records.project import Project
from local_offer.records.report_problem import ProblemReport, load_problem_report
from local_offer.records.statement import Statement, load_statement
from local_offer.records.waiting_groups import WaitingGroups, load_waiting_groups


@dataclass(frozen=True)
class SiteData:
    report_problem: ProblemReport
    comments: Comments
    coverage: CoverageMap | None
    waiting_groups: WaitingGroups | None = None
    statement: Statement | None = None
    postcodes: PostcodePlaces | None = None  # None: no search by postcode

    def service_problems(self, records) -> list[Problem]:
        """Data files that name services: each name must be a record's id."""
        if self.waiting_groups is None:
            return []
        return self.waiting_groups.unknown_services(record.id for record in records)


def load_site_data(project: Project, today: dt.date | None = None,
                   site_url: str = "") -> tuple[SiteData, list[Problem]]:
    # The lists, the glossary and the settings are read once (Project); settings' groups
    # are checked below.
    problems = project.data_problems()
    report, found = load_problem_report(project, site_url)
    problems += found
    comments, found = load_comments(project, day_or_today(today))
    problems += found
    coverage, found = load_coverage(project)
    problems += found
    waiting, found = load_waiting_groups(project)
    problems += found
    statement, found = load_statement(project, day_or_today(today))
    problems += found
    postcodes, found = load_postcode_places(project)
    problems += found
    return (SiteData(report, comments, coverage, waiting, statement, postcodes),
            sorted(set(problems)))
