"""mkdocs plugin: records in, generated pages out. Everything else lives outside mkdocs."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from ..build_content import build_content
from ..outputs import output_files
from ..problems import InvalidRecords, report
from ..project import Project
from ..search_index import SearchIndexFailed, index_site
from ..site_pages import GeneratedPage
from .config import LocalOfferConfig

log = get_plugin_logger(__name__)


class LocalOfferPlugin(BasePlugin[LocalOfferConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.project: Project | None = None
        self.generated: dict[str, GeneratedPage] = {}
        # Records the build command has already loaded and checked; used once.
        self.loaded_records = None

    # Load and check every record; an invalid one stops the build with all problems listed.
    def on_config(self, config):
        root = self.config.project_dir or str(Path(config.config_file_path).parent)
        self.project = Project(Path(root))
        try:
            self.content = build_content(self.project, today=self.config.today,
                                         records=self.loaded_records)
            self.loaded_records = None  # a live preview's rebuild reads the files again
        except InvalidRecords as error:
            raise PluginError("Some service records are not valid:\n" + report(error.problems))
        return config

    # Add the generated pages in memory: nothing is written into docs/.
    def on_files(self, files, config):
        self.generated = {}
        for page in self.content.pages():
            self.generated[page.src_uri] = page
            files.append(File.generated(config, page.src_uri, content=_stub(page)))
        return files

    # Swap the stub's HTML for the page's rendered body.
    def on_page_content(self, html, page, config, files):
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return html
        return generated.render(page.url)

    # Feeds and open data, written beside the pages; then the search index over the pages.
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        for relative, data in output_files(self.content):
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, str):
                target.write_text(data, encoding="utf-8")
            else:
                target.write_bytes(data)
        if self.config.search_index:
            try:
                stats = index_site(site_dir, expected=len(self.content.records))
            except SearchIndexFailed as error:
                raise PluginError(f"The search index could not be built: {error}")
            log.info(f"Search index: {stats.pages} services in {stats.seconds:.1f} s")

    # Live preview: a change to a record or a data file rebuilds the site.
    def on_serve(self, server, config, builder):
        for folder in ("services", "data", "schema"):
            path = self.project.root / folder
            if path.exists():
                server.watch(str(path))
        return server


def _stub(page: GeneratedPage) -> str:
    # JSON strings are valid YAML, so any title is quoted safely.
    return f"---\ntitle: {json.dumps(page.title)}\nhide:\n  - toc\n---\n"
