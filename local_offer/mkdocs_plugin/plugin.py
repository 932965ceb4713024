"""mkdocs plugin: records in, generated pages out. Everything else lives outside mkdocs."""

from __future__ import annotations

import datetime as dt
import json
import threading
from functools import partial
from types import MethodType
from typing import Callable
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import ChoiceLoader, DictLoader, pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.toc import get_toc

from local_offer.mkdocs_plugin.config import LocalOfferConfig
from local_offer.mkdocs_plugin.service_chrome import (FILLED_SOURCE, FILLED_TEMPLATE,
                                                      ServicePageChrome)
from local_offer.outputs import output_files
from local_offer.outputs.background import BackgroundWriter, OutputsFailed, write_files
from local_offer.outputs.search_index import (BUNDLE, Indexing, SearchIndexFailed,
                                              SearchStaging, start_indexing)
from local_offer.outputs.page_bodies import BodiesFailed, BodyJob, PageBody, make_bodies
from local_offer.outputs.sitemap import PATH as SITEMAP
from local_offer.outputs.structured_data import SCRIPT_SAFE
from local_offer.records.dates import parse_day
from local_offer.records.easy_read import easy_read_pictures
from local_offer.records.model import Record
from local_offer.records.problems import InvalidRecords, report
from local_offer.records.project import Project
from local_offer.records.step_times import StepClock
from local_offer.site import urls
from local_offer.site.build import build_content
from local_offer.site.content import SiteContent
from local_offer.site.find_page import age_words_json
from local_offer.site.guide_pages import GUIDE_FILE, IN_ENGLISH_ONLY
from local_offer.site.identity import STYLESHEET, fill_placeholders, logo_path, stylesheet
from local_offer.site.languages import (N_, Language, page_in_language, site_languages,
                                        translation_of)
from local_offer.site.pages import GeneratedPage
from local_offer.site.render import CompiledTemplates
from local_offer.site.script_words import page_scripts, words

# The theme's page for an address that does not exist (docs/overrides/404.html).
ERROR_PAGE = "404.html"

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
        # Work on the other core: the open data files, then the search index.
        self.writer: BackgroundWriter | None = None
        self.staging: SearchStaging | None = None
        self.bodies: dict[str, PageBody] = {}  # generated pages' bodies, by source
        self.made_before: dict[tuple, PageBody] = {}  # a live preview's, by what made them
        # A live preview's staging folder, kept from build to build (outputs/search_index.py).
        self.preview_staging: SearchStaging | None = None
        self.indexing: Indexing | None = None
        # Live preview: the open data files and search catch up in the background after the
        # pages (the files to write; the thread, its Pagefind run, what stops it).
        self.written_later: list = []
        self.index_later: tuple[threading.Thread, Indexing | None, threading.Event] | None = None
        self.clock = StepClock()  # for the benchmark (records/step_times.py)
        # The site's languages (data/settings.yaml), the main one first; for each other
        # one, its navigation, and the hand-written pages shown in English (no translation).
        self.languages: tuple[Language, ...] = ()
        # The theme's 404 template and its context, to write it in each other language.
        self.error_page: tuple | None = None
        self.navs: dict[str, object] = {}
        self.untranslated: set[str] = set()
        self.docs_sources: set[str] = set()
        # Service pages: the theme's page around them, rendered once per language.
        self.chrome = ServicePageChrome()
        self.files = None
        self.env = None
        self.nav = None
        # The words a page's scripts write, as JSON, for each language and set of scripts.
        self.script_words: dict[tuple, str] = {}
        self.theme_compiled = CompiledTemplates()

    def hand_over(self, project_root: Path, today: dt.date | None,
                  records: list[Record] | None, site_url: str = "") -> None:
        """The build command's project, day, valid records and site address, so none is
        read twice."""
        self.config.project_dir = str(project_root)
        self.today = today
        self.handed_over = records
        self.site_url = site_url
        self.live_preview = False  # mkdocs keeps this plugin between builds in one process

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
        self.languages = site_languages(self.project.settings)
        config.theme["language"] = self._theme_language(config, self.languages[0])
        return config

    @staticmethod
    def _theme_language(config, language: Language) -> str:
        """The theme's translation of its own words for a language (Material's
        partials/languages/<code>.html), or English when it has none."""
        for folder in config.theme.dirs:
            if (Path(folder) / "partials" / "languages" / f"{language.code}.html").is_file():
                return language.code
        return "en"

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
        self.files = files
        self.chrome = ServicePageChrome()
        self._hand_written_in_languages(files, config)
        self.docs_sources = {file.src_uri for file in files.documentation_pages()}
        # The content is made once, here, where mkdocs knows every hand-written page.
        self.clock.lap()
        try:
            self.content = build_content(
                self.project, today=self.today, site_url=config.site_url or "",
                records=self.handed_over,
                docs_page_urls=[_root_relative(file.url) for file in files.documentation_pages()],
                in_background=not self.live_preview)  # mkdocs serve: threads, so no fork
        except InvalidRecords as error:
            raise PluginError("Some records or data files are not valid:\n" + report(error.problems))
        self.handed_over = None  # a live preview's rebuild reads the files again
        # The header search reads families' words for ages (partials/search.html).
        config.extra["age_words"] = age_words_json(self.content)
        self.clock.lap("site content (reviews, lists, search data)")
        self.generated = {}
        for page in self.content.pages():
            self.generated[page.src_uri] = page
            if page.language is not None and page.kind in IN_ENGLISH_ONLY:
                self.untranslated.add(page.src_uri)  # said so, and marked as English
            files.append(File.generated(config, page.src_uri, content=_stub(page)))
        # The theme's own sitemap template would be copied as it is: ours replaces it, or,
        # without the site's address, there is none (outputs/sitemap.py).
        if (theirs := files.get_file_from_path(SITEMAP)) is not None:
            files.remove(theirs)
        costly = []
        for relative, data in output_files(self.content):
            # Ours replaces a theme's file of the same name (mkdocs' own sitemap.xml).
            if (existing := files.get_file_from_path(relative)) is not None:
                files.remove(existing)
            if callable(data):  # made and written on the other core (outputs/background.py)
                files.append(_WrittenAlongside(relative, config))
                costly.append((relative, data))
            else:
                files.append(File.generated(config, relative, content=data))
        self._stop_background_work()
        if self.live_preview:
            # mkdocs serve has threads of its own (no fork: outputs/background.py), and the
            # edited page comes first: these are written after the pages (on_post_build).
            self.written_later = costly
        if self.config.search_index and self.live_preview:
            self.staging = self.preview_staging = self.preview_staging or SearchStaging(kept=True)
            self.staging.begin()
        elif self.config.search_index:
            self.staging = SearchStaging()
        self.clock.lap("open data files listed")
        # Every generated page's body now, on both cores: then Pagefind can index the
        # services on the other core while mkdocs reads and writes the pages.
        self.bodies = self._page_bodies(config)
        self.clock.lap("generated pages' bodies, JSON-LD and Pagefind's copies (both cores)")
        self._start_indexing(config)
        # The open data files on the other core too, now: while the bodies are made, both
        # cores are busy with them; from here on, Pagefind and mkdocs' writing leave room.
        if not self.live_preview:
            self.writer = BackgroundWriter(Path(config.site_dir), costly)
        self.clock.lap("starting Pagefind and the open data writer")
        # Easy Read pictures (data/easy-read/), for services' and hand-written pages' versions.
        for picture in easy_read_pictures(self.project):
            files.append(File.generated(config, urls.easy_read_picture(picture.name),
                                        abs_src_path=str(picture)))
        settings = self.project.settings
        files.append(File.generated(config, STYLESHEET, content=stylesheet(settings)))
        if settings.logo:
            files.append(File.generated(config, logo_path(settings),
                                        abs_src_path=str(self.project.root / settings.logo)))
        self.clock.lap("mkdocs files and navigation")
        return files

    def _page_bodies(self, config) -> dict[str, PageBody]:
        """Every generated page's body (and a service page's schema.org data), by source."""
        jobs = []
        # A live preview makes again only the service pages whose record, translation or
        # Easy Read version, or data files, changed since its last build, and the lists of
        # services that show a changed one: a saved edit shows at once.
        stamp = (self.project.data_stamp(), tuple(self.docs_sources), str(self.content.today),
                 config.site_url) if self.live_preview else None
        for src_uri, page in self.generated.items():
            if page.markdown is not None:  # mkdocs makes its body
                continue
            language = (self._language_of(src_uri) if self.languages else None)
            canonical = _canonical_url(config.site_url, page.url)
            key = None
            if stamp is not None and (page.kind == "service" or page.records):
                code = language.code if language else ""
                translations = self.content.translations
                key = ((src_uri, canonical, page.record,
                        translations.get((page.record.id, code)),
                        self.content.easy_reads.get(page.record.id), stamp)
                       if page.record else
                       (src_uri, canonical, page.records,
                        tuple(translations.get((record.id, code)) for record in page.records),
                        stamp))
            jobs.append(BodyJob(page, page.url, canonical,
                                language.code if language else config.theme["language"], key))
        try:
            bodies = make_bodies(jobs, self.content, self.staging,
                                 in_background=not self.live_preview,
                                 made_before=self.made_before)
        except BodiesFailed as error:
            self._stop_background_work()
            raise PluginError(f"The site's pages could not be made: {error}")
        if self.live_preview:
            self.made_before = {job.key: bodies[job.page.src_uri] for job in jobs if job.key}
        if self.staging is not None and self.staging.kept:
            self.staging.prune()
        return bodies

    def _start_indexing(self, config) -> None:
        if self.staging is None:
            return
        try:
            others = tuple(language.prefix for language in self.languages[1:])
            self.indexing = start_indexing(self.staging.folder,
                                           Path(config.site_dir) / BUNDLE,
                                           expected=len(self.content.records) * (1 + len(others)),
                                           language_prefixes=others,
                                           die_with_build=not self.live_preview,
                                           gives_way=self.live_preview)
        except SearchIndexFailed as error:
            self._stop_background_work()
            raise PluginError(f"The search index could not be built: {error}")

    def _hand_written_in_languages(self, files, config) -> None:
        """Each hand-written page in each of the site's other languages: its translation
        beside it (docs/about.pl.md is published as pl/about/), or else the English page
        with a note in the reader's language (self.untranslated)."""
        self.untranslated = set()
        others = self.languages[1:]
        written, translations = [], {}
        for file in files.documentation_pages():
            original, code = translation_of(file.src_uri)
            if code:  # a translation is never a page of its own, even of a language not listed
                translations[(original, code)] = file
                files.remove(file)
            else:
                written.append(file)
        for file in written:
            for language in others:
                src_uri = urls.source_in_language(file.src_uri, language.prefix)
                own = translations.get((file.src_uri, language.code))
                if own is not None:
                    files.append(File.generated(config, src_uri, abs_src_path=own.abs_src_path))
                else:
                    files.append(File.generated(config, src_uri, content=file.content_string))
                    self.untranslated.add(src_uri)

    def on_nav(self, nav, config, files):
        """Each other language's navigation: mkdocs.yml's, to the pages in that language,
        each with its own (translated) title."""
        self.navs = {}
        self.nav = nav
        if len(self.languages) < 2 or not config.nav:
            return nav
        main = config.nav
        try:
            for language in self.languages[1:]:
                config.nav = _nav_in_language(main, language)
                # mkdocs made pages without titles for these files: the navigation's own
                # pages carry its titles (the home page's).
                for src_uri in _nav_sources(config.nav):
                    if (file := files.get_file_from_path(src_uri)) is not None:
                        file.page = None
                self.navs[language.code] = get_navigation(files, config)
        finally:
            config.nav = main
        return nav

    def _write_in_page_language(self, env) -> None:
        """The theme's templates (docs/overrides) write in the page's language: gettext
        and the in_language filter read it from the page's context (on_page_context)."""
        main = self.languages[0] if self.languages else None

        def language_of(context) -> Language | None:
            return context.get("lo_language") or main

        @pass_context
        def gettext(context, message):
            language = language_of(context)
            return language.translations.gettext(message) if language else message

        @pass_context
        def ngettext(context, singular, plural, count):
            language = language_of(context)
            if language is None:
                return singular if count == 1 else plural
            return language.translations.ngettext(singular, plural, count)

        @pass_context
        def in_language(context, address):
            language = language_of(context)
            return urls.in_language(address, language.prefix if language else "")

        env.install_gettext_callables(gettext, ngettext, newstyle=True)
        env.filters["in_language"] = in_language

    def on_page_context(self, context, page, config, nav):
        """The page's language, its versions in the site's other languages (the language
        switcher), its navigation, and whether it is shown untranslated; and for a
        hand-written page, its Easy Read version (docs/easy-read/…) or the page it is one of.
        A service page in a language whose chrome holds is that chrome, filled in."""
        self._easy_read_links(context, page)
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and page.meta.get("template") == FILLED_TEMPLATE:
            context["lo_filled_page"] = Markup(self.chrome.filled(
                self._prefix_of(page.file.src_uri), page, generated.record.id))
            return context
        if len(self.languages) < 2:
            return context
        language = self._language_of(page.file.src_uri)
        source = urls.without_language(page.file.src_uri, language.prefix)
        context["lo_language"] = language
        context["lo_theme_language"] = self._theme_language(config, language)
        context["lo_versions"] = [
            (other, urls.of_source(urls.source_in_language(source, other.prefix)))
            for other in self.languages]
        context["lo_untranslated"] = page.file.src_uri in self.untranslated
        context["lo_script_words"] = self._script_words(config, source, language)
        if language.code in self.navs:
            context["nav"] = self.navs[language.code]
        return context

    def _script_words(self, config, source: str, language: Language) -> str:
        """The translations of the words the page's scripts write (site/script_words.py),
        as JSON for partials/script-words.html; "" when there are none (English).
        source: the page's source in the main language."""
        scripts = page_scripts(Path(config.docs_dir) / "assets", source)
        key = (language.code, scripts)
        if key not in self.script_words:
            found = words(language, scripts)
            self.script_words[key] = (json.dumps(found, ensure_ascii=False,
                                                 separators=(",", ":")).translate(SCRIPT_SAFE)
                                      if found else "")
        return self.script_words[key]

    def _easy_read_links(self, context, page) -> None:
        if page.file.src_uri in self.generated:
            return
        language = self._language_of(page.file.src_uri) if self.languages else None
        prefix = language.prefix if language else ""
        source = urls.without_language(page.file.src_uri, prefix)
        original = urls.easy_read_original(source)
        easy = urls.easy_read_page_source(source)
        if original and original in self.docs_sources:
            context["lo_easy_read_of"] = urls.in_language(urls.of_source(original), prefix)
        elif not original and easy in self.docs_sources:
            context["lo_easy_read"] = urls.in_language(urls.of_source(easy), prefix)

    # A generated page's body is ours (on_page_content): its stub's empty Markdown need not
    # go through every Markdown extension, ten thousand times.
    def on_pre_page(self, page, config, files):
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and generated.markdown is None:
            page.generated = generated
            page.read_source = MethodType(_source_of_generated, page)
            page.render = MethodType(_body_made_by_plugin, page)
        return page

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
        return page_in_language(filled, self._language_of(page.file.src_uri).prefix)

    def _prefix_of(self, src_uri: str) -> str:
        return self._language_of(src_uri).prefix if self.languages else ""

    def _language_of(self, src_uri: str) -> Language:
        prefix = urls.language_prefix(src_uri, {lang.prefix for lang in self.languages[1:]})
        return next(lang for lang in self.languages if lang.prefix == prefix)

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
        made = self.bodies[page.file.src_uri]
        if generated.kind == "service":
            page.meta["local_offer_json_ld"] = made.json_ld
        return made.html

    # The page a server shows for an address that does not exist: mkdocs writes the main
    # language's (404.html); each other language's is written beside its pages
    # (pl/404.html), so a server can answer a missing /pl/ address in Polish
    # (deploy/nginx/local-offer.conf does). Its links are absolute, as mkdocs makes them.
    def on_post_template(self, output, template_name, config):
        if template_name != ERROR_PAGE or len(self.languages) < 2 or not self.error_page \
                or self.error_page[1] is None:
            return output
        template, context = self.error_page
        for language in self.languages[1:]:
            written = Path(config.site_dir) / language.prefix / ERROR_PAGE
            written.parent.mkdir(parents=True, exist_ok=True)
            written.write_text(template.render(
                dict(context, lo_language=language,
                     lo_theme_language=self._theme_language(config, language),
                     nav=self.navs.get(language.code, context["nav"]))), encoding="utf-8")
        return output

    def on_pre_template(self, template, template_name, config):
        if template_name == ERROR_PAGE:
            self.error_page = (template, None)
        return template

    def on_template_context(self, context, template_name, config):
        if template_name == ERROR_PAGE and self.error_page is not None:
            self.error_page = (self.error_page[0], context)
        return context

    # The theme's templates: in the page's language, and the template of filled-in
    # service pages (service_chrome.py).
    def on_env(self, env, config, files):
        self.clock.lap("mkdocs reading pages (Markdown, links)")
        self._write_in_page_language(env)
        env.loader = ChoiceLoader([DictLoader({FILLED_TEMPLATE: FILLED_SOURCE}), env.loader])
        # mkdocs makes the theme's environment anew at every build: a live preview's
        # rebuilds compile its templates once (site/render.py).
        env.bytecode_cache = self.theme_compiled
        self.env = env
        return env

    def on_post_page(self, output, page, config):
        """After a language's first service page is written in full: whether the chrome
        holds for it, and then the language's other service pages are filled in."""
        generated = self.generated.get(page.file.src_uri)
        if generated is None or generated.kind != "service":
            return output
        prefix = self._prefix_of(page.file.src_uri)
        if self.chrome.settled(prefix):
            return output
        if self.chrome.settle(prefix, page, generated.record.id, output, config,
                              self.navs.get(self._language_of(page.file.src_uri).code,
                                            self.nav),
                              self.env, self.files.documentation_pages()):
            for src_uri, other in self.generated.items():
                if other.kind == "service" and self._prefix_of(src_uri) == prefix:
                    if (file := self.files.get_file_from_path(src_uri)) and file.page:
                        file.page.meta["template"] = FILLED_TEMPLATE
        else:
            log.debug("Service pages in '%s' are rendered in full: the theme's page around "
                      "them differs from page to page", prefix or "/")
        return output

    def on_post_build(self, config):
        self.clock.lap("mkdocs writing pages (theme templates)")
        try:
            if self.writer is not None:
                self.writer.finish()
            if self.live_preview:
                self._catch_up_later(config)
            elif self.indexing is not None:
                stats = self.indexing.finish(*_table_rows(self.content, self.languages))
                log.info(f"Search index: {stats.pages} services in {stats.seconds:.1f} s")
        except OutputsFailed as error:
            raise PluginError(f"The open data files could not be written: {error}")
        except SearchIndexFailed as error:
            raise PluginError(f"The search index could not be built: {error}")
        finally:
            # Not the preview's search index: it catches up after the build.
            self._stop_this_build()
        self.clock.lap("waiting for Pagefind and the open data files")
        self.clock.write()

    def _catch_up_later(self, config) -> None:
        """The preview shows the edited page now; the open data files and search catch up
        a moment later (a problem is logged), or are stopped by the next rebuild."""
        stop = threading.Event()
        # The filter tables' rows too are made there, after the page shows.
        rows = partial(_table_rows, self.content, self.languages)
        later = threading.Thread(target=self._catch_up, daemon=True,
                                 args=(Path(config.site_dir), self.written_later, stop,
                                       self.indexing, self.staging, rows))
        later.start()
        self.index_later = (later, self.indexing, stop)
        self.indexing = self.staging = None
        self.written_later = []

    @staticmethod
    def _catch_up(site_dir: Path, files: list, stop: threading.Event,
                  indexing: Indexing | None, staging: SearchStaging | None,
                  rows: Callable[[], tuple[dict, dict]]) -> None:
        # The files first: Pagefind goes on meanwhile in its own process.
        try:
            write_files(site_dir, files, stop)
        except OutputsFailed as error:
            if not stop.is_set():  # not stopped by a rebuild, which writes them again
                log.warning(f"The open data files could not be written: {error}")
        try:
            if indexing is not None:
                stats = indexing.finish(*rows())
                log.info(f"Search index: {stats.pages} services in {stats.seconds:.1f} s")
        except SearchIndexFailed as error:
            if not indexing.stopped:  # not by a rebuild, which makes a new one
                log.warning(f"The search index could not be built: {error}")
        except (OSError, ValueError):  # stopped by a rebuild while it finished
            pass
        finally:
            if staging is not None and not staging.kept:  # a live preview's serves the next
                staging.close()

    def on_shutdown(self):
        self._stop_background_work()
        if self.preview_staging is not None:
            self.preview_staging.close()
            self.preview_staging = None

    def on_pre_build(self, config):
        # Before mkdocs empties the site folder: the previous preview's search index stops.
        self._stop_background_work()
        self.script_words.clear()  # a script edited in the preview brings its words

    def on_build_error(self, error):
        self._stop_background_work()

    def _stop_background_work(self) -> None:
        """Nothing of a build goes on after it: the writer and Pagefind are stopped, the
        staging folder removed, and a live preview's search index that was catching up."""
        self._stop_this_build()
        if self.index_later is not None:
            later, indexing_later, stop = self.index_later
            stop.set()
            if indexing_later is not None:
                indexing_later.stop()
            later.join()
        self.index_later = None

    def _stop_this_build(self) -> None:
        for work in (self.writer, self.indexing):
            if work is not None:
                work.stop()
        if self.staging is not None and not self.staging.kept:
            self.staging.close()
        self.writer = self.indexing = self.staging = None

    # Live preview: a change to a record or a data file rebuilds the site.
    def on_serve(self, server, config, builder):
        for folder in ("services", "data", "schema", GUIDE_FILE):
            path = self.project.root / folder
            if path.exists():
                server.watch(str(path))
        return server


class _WrittenAlongside(File):
    """A file of the site that the background writer writes: mkdocs knows it (links to it
    are checked) but does not copy it."""

    def __init__(self, relative: str, config):
        super().__init__(relative, src_dir=None, dest_dir=config.site_dir,
                         use_directory_urls=config.use_directory_urls)
        self.generated_by = PLUGIN_NAME
        self.abs_src_path = None
        self._content = None

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return True
# The home page's name in the navigation of another language (mkdocs.yml names it for
# the main one); every other page is named by its own title.
HOME = N_("Home")


def _nav_in_language(nav, language: Language):
    """mkdocs.yml's navigation, to the same pages in another language: each page named by
    its own title there, the home page and sections through the catalogue."""
    if isinstance(nav, list):
        return [_nav_in_language(item, language) for item in nav]
    if isinstance(nav, dict):
        title, value = next(iter(nav.items()))
        if not isinstance(value, str):
            return {language.gettext(title): _nav_in_language(value, language)}
        return _nav_entry(title, value, language)
    return _nav_entry(None, nav, language)


def _nav_sources(nav):
    """The pages a navigation lists, by source."""
    if isinstance(nav, list):
        for item in nav:
            yield from _nav_sources(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_sources(value)
    elif nav.endswith(".md"):
        yield nav


def _nav_entry(title, value: str, language: Language):
    if not value.endswith(".md") or "://" in value:
        return {title: value} if title else value
    src_uri = urls.source_in_language(value, language.prefix)
    if value == urls.HOME:
        return {language.gettext(HOME): src_uri}
    return src_uri


def _docs_path(config, src_uri: str) -> str:
    """A hand-written page's file as people see it in the repository, like docs/index.md."""
    docs = Path(config.docs_dir)
    try:
        docs = docs.relative_to(Path(config.config_file_path).parent)
    except ValueError:
        pass
    return f"{docs.as_posix()}/{src_uri}"


def _source_of_generated(page, config) -> None:
    """Page.read_source for a page the plugin makes: its stub's front matter, as mkdocs
    reads it, without parsing YAML once a page."""
    page.markdown, page.meta = "", _stub_meta(page.generated)


def _body_made_by_plugin(page, config, files) -> None:
    """Page.render for a page whose body the plugin makes: what rendering its stub gave."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _canonical_url(site_url: str | None, url: str) -> str | None:
    """A page's full address, as mkdocs makes it (Page.canonical_url)."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def _root_relative(url: str) -> str:
    return "" if url in ("", "./") else url


def _table_rows(content: SiteContent, languages) -> tuple[dict, dict]:
    """Each published service page's search filters and A to Z name, by its address as
    Pagefind has it (outputs/search_index.py's filter tables)."""
    search, records = content.search, content.records
    prefixes = [language.prefix for language in languages] or [""]
    addresses = [("/" + urls.in_language(urls.service(r.id), prefix), r)
                 for r in records for prefix in prefixes]
    return ({url: search.tabled_filters(r) for url, r in addresses},
            {url: search.sort_name(r) for url, r in addresses})


def _stub_meta(page: GeneratedPage) -> dict:
    """A generated page's settings for the theme, as its stub's front matter says them."""
    if page.markdown is not None:
        return {"title": page.title}
    if page.kind == "home":  # its heading is its own (site/components/home-page)
        return {"hide": ["toc"]}
    return {"title": page.title, "hide": ["toc"]}


def _stub(page: GeneratedPage) -> str:
    # JSON is valid YAML, so any title is quoted safely.
    front = "".join(f"{name}: {json.dumps(value)}\n" for name, value in _stub_meta(page).items())
    return f"---\n{front}---\n{page.markdown or ''}"
