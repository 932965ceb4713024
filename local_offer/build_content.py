"""From the project's files to the site's content, with no site engine involved."""

from __future__ import annotations

import datetime as dt

from .glossary import load_glossary
from .project import Project
from .records import load_records
from .render import Renderer
from .site_pages import SiteContent


def build_content(project: Project, today: str | dt.date | None = None) -> SiteContent:
    """Records -> published records -> pages. Raises InvalidRecords."""
    records = load_records(project)
    glossary_path = project.data_dir / "glossary.yaml"
    glossary = load_glossary(glossary_path) if glossary_path.exists() else None
    renderer = Renderer(project.taxonomy, {"settings": project.settings})
    return SiteContent(records, project.taxonomy, renderer, glossary)
