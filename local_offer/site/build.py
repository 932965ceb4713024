"""From the project's files to the site's content, with no site engine involved."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from local_offer.freshness.review import ReviewPolicy
from local_offer.records.dates import day_or_today
from local_offer.records.loader import load_easy_reads, load_records, load_translations
from local_offer.records.model import Record
from local_offer.records.problems import InvalidRecords
from local_offer.records.project import Project
from local_offer.records.site_data import load_site_data
from local_offer.site import accessibility
from local_offer.site.content import SiteContent
from local_offer.site.guide_pages import guide_pages
from local_offer.site.render import Renderer


def build_content(project: Project, today: str | dt.date | None = None,
                  site_url: str = "", records: list[Record] | None = None,
                  docs_page_urls: Iterable[str] = (), in_background: bool = True,
                  ) -> SiteContent:
    """Records -> review states -> published records -> pages. Raises InvalidRecords.

    records: already loaded and valid (the build command checks them first), so
    a large offer is read and validated once, not twice. site_url and docs_page_urls
    come from the site engine: where the site is published, and its hand-written pages.
    in_background: False in a process with threads of its own (records/both_cores.py).
    """
    day = day_or_today(today)
    records = load_records(project, day, in_background) if records is None else records
    site_data, problems = load_site_data(project, day, site_url)
    problems += site_data.service_problems(records)
    if problems:
        raise InvalidRecords(sorted(problems))
    policy = ReviewPolicy(project.settings)
    reviews = [policy.review(record, day) for record in records]
    # Only a site in more than one language reads translations (one language: none to show).
    translations = (load_translations(project, records, day)
                    if len(project.settings.languages) > 1 else [])
    easy_reads, problems = load_easy_reads(project, project.easy_read_files(),
                                           {record.id for record in records})
    if problems:
        raise InvalidRecords(sorted(problems))
    glossary = project.glossary
    renderer = Renderer(project.taxonomy, {"settings": project.settings,
                                           "report_problem": site_data.report_problem,
                                           "testing_tools": accessibility.tools(project.root)})
    return SiteContent(reviews, project.taxonomy, renderer, glossary, today=day,
                       site_data=site_data, settings=project.settings, site_url=site_url,
                       docs_page_urls=docs_page_urls,
                       extra_pages=guide_pages(project, renderer),
                       term_dates=project.term_dates, languages=project.languages,
                       age_words=project.age_words, translations=translations,
                       easy_reads=easy_reads,
                       taxonomies={code: project.taxonomy_in(code)
                                   for code in project.settings.languages[1:]})
