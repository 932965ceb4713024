"""From the project's files to the site's content, with no site engine involved."""

from __future__ import annotations

import datetime as dt

from .freshness import ReviewPolicy
from .glossary import load_glossary
from .project import Project
from .records import Record, load_records
from .render import Renderer
from .site_pages import SiteContent


def as_date(today: str | dt.date | None) -> dt.date:
    if today is None:
        return dt.date.today()
    return today if isinstance(today, dt.date) else dt.date.fromisoformat(today)


def build_content(project: Project, today: str | dt.date | None = None,
                  records: list[Record] | None = None) -> SiteContent:
    """Records -> review states -> published records -> pages. Raises InvalidRecords.

    records: already loaded and valid (the build command checks them first), so
    a large offer is read and validated once, not twice.
    """
    day = as_date(today)
    records = load_records(project) if records is None else records
    policy = ReviewPolicy(project.settings)
    reviews = [policy.review(record, day) for record in records]
    glossary_path = project.data_dir / "glossary.yaml"
    glossary = load_glossary(glossary_path) if glossary_path.exists() else None
    renderer = Renderer(project.taxonomy, {"settings": project.settings})
    return SiteContent(reviews, project.taxonomy, renderer, glossary, today=day)
