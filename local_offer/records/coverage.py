"""What the offer covers: the headings the law asks for, and what answers each.

Schedule 2 to the SEND Regulations 2014 lists what a Local Offer must say.
data/coverage.yaml maps each heading to the categories, services and pages
that answer it; here that map meets what is published today, so a heading
left with nothing published is named (by the coverage command and on the
site's "What the offer covers" page) before an inspector finds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from local_offer.records.data_files import FieldChecker, optional_data_file, section
from local_offer.records.model import Record
from local_offer.records.problems import Problem
from local_offer.records.project import Project

COVERAGE_FILE = "coverage.yaml"
FIELDS = ("heading", "categories", "services", "pages")
EXAMPLE = """headings:
  - heading: Childcare
    categories: [childcare-early-years]
    services: [little-stars-inclusive-nursery]
    pages: [how-to-get-help.md]"""


@dataclass(frozen=True)
class Heading:
    """One heading of Schedule 2, and what the council says answers it."""

    title: str
    categories: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    line: int = 0

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


@dataclass(frozen=True)
class CoverageMap:
    path: str  # as shown in the repository
    headings: tuple[Heading, ...]
    docs_pages: dict[str, str]  # hand-written page (docs/ relative) -> its title


@dataclass(frozen=True)
class HeadingCoverage:
    """A heading on one day: what published today answers it, and what listed does not."""

    heading: Heading
    categories: tuple[tuple[str, int], ...]  # (category, published services in it), non-zero
    services: tuple[Record, ...]  # listed services that are published
    pages: tuple[tuple[str, str], ...]  # (page, title) of listed pages that exist
    service_count: int  # published services answering, counted once each
    not_published: tuple[str, ...]  # listed services and pages that are not on the site

    @property
    def answered(self) -> bool:
        return bool(self.service_count or self.pages)


def load_coverage(project: Project) -> tuple[CoverageMap | None, list[Problem]]:
    """The coverage map, or None when the project has no data/coverage.yaml."""
    document, problems = optional_data_file(project, COVERAGE_FILE)
    if document is None:
        return None, problems
    shown = document.path
    categories = [term.id for term in project.taxonomy.categories]
    headings: list[Heading] = []
    seen: dict[str, int] = {}
    for index, _ in enumerate(section(document, "headings", problems, EXAMPLE)):
        fields = FieldChecker(document, ("headings", index), problems)
        fields.only(FIELDS)
        title = fields.text("heading", "write the heading as the regulations say it")
        line = document.line_of(("headings", index))
        if title in seen:
            fields.problem("heading", f"'{title}' is listed twice (first on line {seen[title]})",
                           "join the two entries into one")
        seen.setdefault(title, line)
        pages = fields.id_list("pages")
        for number, page in enumerate(pages):
            if not page.endswith(".md"):
                fields.problem(("pages", number), f"'{page}' is not a page's file name",
                               "write the page as its file, like how-to-get-help.md")
        headings.append(Heading(title, fields.id_list("categories", categories),
                                fields.id_list("services"), pages, line))
    return CoverageMap(shown, tuple(headings), docs_page_titles(project.root / "docs")), problems


def docs_page_titles(docs: Path) -> dict[str, str]:
    """Each hand-written page and its title (its first '# ' heading, else its name)."""
    titles = {}
    for file in sorted(docs.rglob("*.md")):
        relative = file.relative_to(docs).as_posix()
        if relative.startswith("overrides/"):
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        heading = next((line[2:].strip() for line in text.splitlines()
                        if line.startswith("# ")), "")
        titles[relative] = heading or file.stem.replace("-", " ").capitalize()
    return titles


def coverage_of(coverage: CoverageMap, records: list[Record],
                generated_pages: dict[str, str]) -> list[HeadingCoverage]:
    """Each heading against the published records and the site's pages."""
    by_id = {record.id: record for record in records}
    in_category: dict[str, set[str]] = {}
    for record in records:
        for category in record.categories:
            in_category.setdefault(category, set()).add(record.id)
    pages = {**coverage.docs_pages, **generated_pages}
    results = []
    for heading in coverage.headings:
        answering = set().union(*(in_category.get(c, set()) for c in heading.categories))
        listed = tuple(by_id[i] for i in heading.services if i in by_id)
        answering |= {record.id for record in listed}
        results.append(HeadingCoverage(
            heading,
            tuple((c, len(in_category[c])) for c in heading.categories if c in in_category),
            listed,
            tuple((page, pages[page]) for page in heading.pages if page in pages),
            len(answering),
            tuple([f"service {i}" for i in heading.services if i not in by_id]
                  + [f"page {p}" for p in heading.pages if p not in pages])))
    return results
