"""The pages for service teams, under "About this site": the guide and the field reference.

The guide is CONTRIBUTING.md itself, handed to the site engine as Markdown,
so the repository and the site show the same words. Its links are written
for the repository (they work on GitHub); here they are pointed at the
site's pages, and a link to a file that has no page becomes plain text.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from local_offer.records.project import Project
from local_offer.records.schema import RecordSchema
from local_offer.site.field_reference import field_docs
from local_offer.site.pages import GeneratedPage
from local_offer.site.render import Renderer

GUIDE_FILE = "CONTRIBUTING.md"
GUIDE_URI = "about/contributing.md"
FIELDS_URI = "about/fields.md"
FIELDS_TITLE = "Fields of a service entry"

# Repository files that have a page on the site. The schema's page is the field reference.
PAGES_FOR_FILES = {"schema/service.schema.json": FIELDS_URI}
HAND_WRITTEN = "docs/"  # docs/x.md is the page x.md
# These pages are for service teams editing YAML, whose field names, examples and the
# validator's messages are English: in the site's other languages they are shown in English,
# said so and marked so (like a hand-written page with no translation), not translated.
IN_ENGLISH_ONLY = ("reference", "guide")

_FENCE = re.compile(r"^(```+|~~~+).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<target>[^)\s]+)\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Markers for the guide's own test (tests/test_guide_pages.py); no use on the site.
_TEST_MARK = re.compile(r"^<!-- test:[^>]*-->\n", re.MULTILINE)
_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)


# Without a CONTRIBUTING.md the page still exists, so links to it keep working.
FALLBACK_GUIDE = """# For service teams

The teams who run the services keep their own entries up to date, by pull
request to the Local Offer's repository. Someone in the Local Offer team
checks every change before it goes on this site.

[Fields of a service entry](schema/service.schema.json) lists every field an
entry can have, with what to write and an example.
"""


def guide_pages(project: Project, renderer: Renderer) -> list[GeneratedPage]:
    guide = project.root / GUIDE_FILE
    markdown = guide.read_text(encoding="utf-8") if guide.exists() else FALLBACK_GUIDE
    return [field_reference_page(project, renderer), guide_page(markdown, project.root)]


def field_reference_page(project: Project, renderer: Renderer) -> GeneratedPage:
    schema = RecordSchema(project.schema_path, project.taxonomy).schema
    fields = field_docs(schema, project.taxonomy)
    guide_url = GUIDE_URI.removesuffix(".md") + "/"
    return GeneratedPage(FIELDS_URI, FIELDS_TITLE,
                         lambda url: renderer.render("field-reference", url, fields=fields,
                                                     guide_url=guide_url),
                         kind="reference")


def guide_page(markdown: str, root: Path) -> GeneratedPage:
    title = _TITLE.search(markdown)
    return GeneratedPage(GUIDE_URI, title.group(1).strip() if title else "Contributing",
                         kind="guide", markdown=site_markdown(markdown, root))


def site_markdown(markdown: str, root: Path) -> str:
    """The guide's Markdown with its links pointed at the site; code blocks left alone."""
    markdown = _TEST_MARK.sub("", markdown)
    parts, position = [], 0
    for fence in _FENCE.finditer(markdown):
        parts += [_relink(markdown[position:fence.start()], root), fence.group(0)]
        position = fence.end()
    parts.append(_relink(markdown[position:], root))
    return "".join(parts)


def _relink(text: str, root: Path) -> str:
    """Inline links only: the guide writes no reference-style links."""
    def inline(match: re.Match) -> str:
        target = site_target(match.group("target"), root)
        return match.group("text") if target is None else f"[{match.group('text')}]({target})"

    return _LINK.sub(inline, text)


def site_target(target: str, root: Path) -> str | None:
    """Where a guide's link goes on the site: unchanged, a page, or None for no page."""
    if _SCHEME.match(target) or target.startswith("#"):
        return target
    path, _, anchor = target.partition("#")
    path = posixpath.normpath(path.lstrip("/"))
    suffix = f"#{anchor}" if anchor else ""
    if path == GUIDE_FILE:
        return suffix or "#"
    page = PAGES_FOR_FILES.get(path)
    if page is None and path.startswith(HAND_WRITTEN) and path.endswith(".md") \
            and (root / path).is_file():
        page = path.removeprefix(HAND_WRITTEN)
    if page is None:
        return None
    return posixpath.relpath(page, posixpath.dirname(GUIDE_URI)) + suffix
