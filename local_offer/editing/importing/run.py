"""One import: read the feeds, convert each service, write the records, make the report."""

from __future__ import annotations

import time
from pathlib import Path

from local_offer.editing.importing import oruk3, oruk_list, outpost
from local_offer.editing.importing.mapping import MAPPING_FILE, Options, convert, load_mapping
from local_offer.editing.importing.report import ImportReport
from local_offer.editing.importing.source import (
    Feed,
    FeedError,
    SourceService,
    json_files,
    read_feed,
)
from local_offer.editing.importing.writing import RecordWriter
from local_offer.freshness.review import ReviewPolicy
from local_offer.records.problems import Problem
from local_offer.records.project import Project

# The formats, most particular first: a feed is the first whose marks its services carry.
FORMATS = (outpost, oruk3, oruk_list)


def read_feeds(project: Project, sources: list[Path]) -> tuple[list[Feed], list[Problem]]:
    feeds, problems = [], []
    for path in json_files(sources):
        try:
            feeds.append(read_feed(path, project.shown(path), FORMATS))
        except FeedError as error:
            problems += error.problems
    if not feeds and not problems:
        problems.append(Problem("", 0, "", "no JSON files were found in what was given",
                                "give JSON files saved from the feed, or folders holding them"))
    return feeds, problems


def _each_once(feeds: list[Feed]):
    """(format label, service) for every service; one given twice (in a /services page and as
    its own /services/{id} body) is taken once, from where the feed says the most about it."""
    chosen: dict[tuple, tuple[str, SourceService]] = {}
    for feed in feeds:
        for service in feed.services:
            key = (feed.label, service.source_id) if service.source_id else (feed.label, id(service))
            if key not in chosen or _said(service) > _said(chosen[key][1]):
                chosen[key] = (feed.label, service)
    return list(chosen.values())


def _said(service: SourceService) -> int:
    return sum(1 for value in vars(service).values() if value not in (None, "", ()))


def import_feeds(project: Project, feeds: list[Feed], folder: Path, options: Options,
                 replace: bool = False) -> tuple[ImportReport | None, list[Problem]]:
    """Every service of the feeds, written into folder; (None, problems) when the project's
    lists or the mapping file cannot be used."""
    started = time.perf_counter()
    mapping_path = project.data_dir / MAPPING_FILE
    mapping, problems = load_mapping(mapping_path, project.shown(mapping_path), project.taxonomy)
    problems = project.taxonomy_problems + project.settings_problems + problems
    if problems or mapping is None:
        return None, problems
    writer = RecordWriter(project, folder, replace)
    outcomes = [writer.write(convert(service, mapping, options), label)
                for label, service in _each_once(feeds)]
    policy = ReviewPolicy(project.settings)
    published = {outcome.path for outcome in outcomes if outcome.record is not None
                 and policy.review(outcome.record, options.today).published}
    return ImportReport(feeds, outcomes, published, time.perf_counter() - started), []
