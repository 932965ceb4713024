"""mkdocs plugin: records in, generated pages out. Everything else lives outside mkdocs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from local_offer.mkdocs_plugin.config import LocalOfferConfig
from local_offer.outputs import output_files
from local_offer.outputs.search_index import SearchIndexFailed, index_site
from local_offer.outputs.sitemap import PATH as SITEMAP
from local_offer.outputs.structured_data import json_ld
from local_offer.records.dates import parse_day
from local_offer.records.model import Record
from local_offer.records.problems import InvalidRecords, report
from local_offer.records.project import Project
from local_offer.site.build import build_content
from local_offer.site.content import SiteContent
from local_offer.site.find_page import age_words_json
from local_offer.site.guide_pages import GUIDE_FILE
from local_offer.site.identity import STYLESHEET, fill_placeholders, logo_path, stylesheet
from local_offer.site.pages import GeneratedPage

log = get_plugin_logger(__name__)


PLUGIN_NAME = "local-offer"  # as mkdocs.yml lists it (pyproject.toml's entry point)


INVALID_PAGE = "A hand-written page is not right:"


class InvalidPage(Exception):
    """A hand-written page has a mistake the council must fix (not a failure of the build)."""


class LocalOfferPlugin(BasePlugin[LocalOfferConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.project: Project | None = None
        self.content: SiteContent | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.live_preview = False
        # What the build command has already loaded and checked (hand_over); used once.
        self.handed_over: list[Record] | None = None
        self.today: dt.date | None = None
        # Where the build command says the site is published (build --site-url).
        self.site_url = ""

    def hand_over(self, project_root: Path, today: dt.date | None,
                  records: list[Record] | None, site_url: str = "") -> None:
        """The build command's project, day, valid records and site address, so none is
        read twice."""
        self.config.project_dir = str(project_root)
        self.today = today
        self.handed_over = records
        self.site_url = site_url

    # mkdocs serve adds an inline live-reload script that the security policy must let run.
    def on_startup(self, *, command, dirty):
        self.live_preview = command == "serve"

    def on_config(self, config):
        config.extra["live_preview"] = self.live_preview
        root = self.config.project_dir or str(Path(config.config_file_path).parent)
        self.project = Project(Path(root))
        if self.today is None and self.config.today:
            try:
                self.today = parse_day(self.config.today)
            except ValueError as error:
                raise PluginError(f"The local-offer plugin's today in mkdocs.yml: {error}")
        # Our sitemap.xml (an output) lists published pages with their review dates.
        config.theme.static_templates.discard("sitemap.xml")
        self._take_identity(config)
        return config

    def _take_identity(self, config) -> None:
        """The council's identity comes from data/settings.yaml, the one place it is written:
        the site name replaces mkdocs.yml's, the header shows the short name, the logo and
        the colour's stylesheet are added. The site address: build --site-url, else
        settings' site_url, else mkdocs.yml's; a live preview keeps mkdocs' own address."""
        settings = self.project.settings
        # mkdocs's templates do not escape; Material prints the name as it is.
        config.site_name = escape(settings.site_name)
        config.extra["short_name"] = escape(settings.header_name)
        if settings.logo:
            config.theme["logo"] = logo_path(settings)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if not self.live_preview:
            address = self.site_url or settings.site_url or config.site_url or ""
            config.site_url = address.rstrip("/") + "/" if address else ""

    # Add the generated pages in memory: nothing is written into docs/.
    # Feeds and open data are files of the site too, so pages can link to them.
    def on_files(self, files, config):
        # The content is made once, here, where mkdocs knows every hand-written page.
        try:
            self.content = build_content(
                self.project, today=self.today, site_url=config.site_url or "",
                records=self.handed_over,
                docs_page_urls=[_root_relative(file.url) for file in files.documentation_pages()])
        except InvalidRecords as error:
            raise PluginError("Some records or data files are not valid:\n" + report(error.problems))
        self.handed_over = None  # a live preview's rebuild reads the files again
        # The header search reads families' words for ages (partials/search.html).
        config.extra["age_words"] = age_words_json(self.content)
        self.generated = {}
        for page in self.content.pages():
            self.generated[page.src_uri] = page
            files.append(File.generated(config, page.src_uri, content=_stub(page)))
        # The theme's own sitemap template would be copied as it is: ours replaces it, or,
        # without the site's address, there is none (outputs/sitemap.py).
        if (theirs := files.get_file_from_path(SITEMAP)) is not None:
            files.remove(theirs)
        for relative, data in output_files(self.content):
            # Ours replaces a theme's file of the same name (mkdocs' own sitemap.xml).
            if (existing := files.get_file_from_path(relative)) is not None:
                files.remove(existing)
            files.append(File.generated(config, relative, content=data))
        settings = self.project.settings
        files.append(File.generated(config, STYLESHEET, content=stylesheet(settings)))
        if settings.logo:
            files.append(File.generated(config, logo_path(settings),
                                        abs_src_path=str(self.project.root / settings.logo)))
        return files

    # Hand-written pages write the council's settings as placeholders: {{ area_name }}.
    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.generated:
            return markdown
        filled, problems = fill_placeholders(markdown, self.project.settings,
                                             _docs_path(config, page.file.src_uri))
        if problems:
            # Not a PluginError, which mkdocs would turn into its own Abort: the build
            # runner tells it as a mistake in the council's files (exit 2).
            raise InvalidPage(f"{INVALID_PAGE}\n" + report(problems))
        return filled

    # Swap the stub's HTML for the page's rendered body; a service's schema.org data
    # goes into the page's meta for the theme's <head> (partials/open-data-head.html).
    def on_page_content(self, html, page, config, files):
        generated = self.generated.get(page.file.src_uri)
        if generated is None or generated.markdown is not None:
            return html
        # mkdocs's templates do not escape, and Material prints the title as it is:
        # a record's name is marked as escaped text here, once (Material's "| e" keeps it).
        if generated.kind != "home":  # the home page's title is the site's name alone
            page.meta["title"] = escape(generated.title)
        if generated.kind == "service":
            page.meta["local_offer_json_ld"] = json_ld(generated.record, self.content.taxonomy,
                                                       page.canonical_url,
                                                       self.content.term_dates)
        return generated.render(page.url)

    # The search index over the finished pages.
    def on_post_build(self, config):
        if self.config.search_index:
            try:
                stats = index_site(Path(config.site_dir), expected=len(self.content.records))
            except SearchIndexFailed as error:
                raise PluginError(f"The search index could not be built: {error}")
            log.info(f"Search index: {stats.pages} services in {stats.seconds:.1f} s")

    # Live preview: a change to a record or a data file rebuilds the site.
    def on_serve(self, server, config, builder):
        for folder in ("services", "data", "schema", GUIDE_FILE):
            path = self.project.root / folder
            if path.exists():
                server.watch(str(path))
        return server


def _docs_path(config, src_uri: str) -> str:
    """A hand-written page's file as people see it in the repository, like docs/index.md."""
    docs = Path(config.docs_dir)
    try:
        docs = docs.relative_to(Path(config.config_file_path).parent)
    except ValueError:
        pass
    return f"{docs.as_posix()}/{src_uri}"


def _root_relative(url: str) -> str:
    return "" if url in ("", "./") else url


def _stub(page: GeneratedPage) -> str:
    # JSON strings are valid YAML, so any title is quoted safely.
    if page.markdown is not None:
        return f"---\ntitle: {json.dumps(page.title)}\n---\n{page.markdown}"
    if page.kind == "home":  # its heading is its own (site/components/home-page)
        return "---\nhide:\n  - toc\n---\n"
    return f"---\ntitle: {json.dumps(page.title)}\nhide:\n  - toc\n---\n"
