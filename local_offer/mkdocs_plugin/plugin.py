"""mkdocs plugin: records in, generated pages out. Everything else lives outside mkdocs."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

from jinja2 import pass_context
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import get_navigation

from local_offer.mkdocs_plugin.config import LocalOfferConfig
from local_offer.outputs import output_files
from local_offer.outputs.background import BackgroundWriter, OutputsFailed
from local_offer.outputs.search_index import (BUNDLE, Indexing, SearchIndexFailed,
                                              SearchStaging, start_indexing)
from local_offer.outputs.sitemap import PATH as SITEMAP
from local_offer.outputs.structured_data import SCRIPT_SAFE, json_ld
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
from local_offer.site.guide_pages import GUIDE_FILE
from local_offer.site import urls
from local_offer.site.identity import STYLESHEET, fill_placeholders, logo_path, stylesheet
from local_offer.site.languages import (N_, Language, page_in_language, site_languages,
                                        translation_of)
from local_offer.site.pages import GeneratedPage
from local_offer.site.script_words import page_scripts, words

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
        self.indexing: Indexing | None = None
        # Live preview: search catches up in the background (the thread, its Pagefind run).
        self.index_later: tuple[threading.Thread, Indexing] | None = None
        self.clock = StepClock()  # for the benchmark (records/step_times.py)
        # The site's languages (data/settings.yaml), the main one first; for each other
        # one, its navigation, and the hand-written pages shown in English (no translation).
        self.languages: tuple[Language, ...] = ()
        self.navs: dict[str, object] = {}
        self.untranslated: set[str] = set()
        self.docs_sources: set[str] = set()
        # The words a page's scripts write, as JSON, for each language and set of scripts.
        self.script_words: dict[tuple, str] = {}

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
        self._hand_written_in_languages(files, config)
        self.docs_sources = {file.src_uri for file in files.documentation_pages()}
        # The content is made once, here, where mkdocs knows every hand-written page.
        self.clock.lap()
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
        self.clock.lap("site content (reviews, lists, search data)")
        self.generated = {}
        for page in self.content.pages():
            self.generated[page.src_uri] = page
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
        # mkdocs serve has threads of its own: no fork there (outputs/background.py).
        self.writer = BackgroundWriter(Path(config.site_dir), costly,
                                       in_background=not self.live_preview)
        if self.config.search_index:
            self.staging = SearchStaging()
        self.clock.lap("open data files listed, writer started")
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
        hand-written page, its Easy Read version (docs/easy-read/…) or the page it is one of."""
        self._easy_read_links(context, page)
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
        self.clock.lap("mkdocs reading pages (Markdown, links)")
        body = generated.render(page.url)
        self.clock.lap("rendering service pages" if generated.kind == "service"
                  else "rendering other generated pages")
        if generated.kind == "service":
            page.meta["local_offer_json_ld"] = json_ld(generated.record, self.content.taxonomy,
                                                       page.canonical_url,
                                                       self.content.term_dates)
            if self.staging is not None:
                language = (self._language_of(page.file.src_uri).code if self.languages
                            else config.theme["language"])
                self.staging.add(page.url, language, body)
            self.clock.lap("JSON-LD and staging bodies for Pagefind")
        return body

    # Every page's body is rendered: Pagefind indexes them on the other core while mkdocs
    # writes the pages (the open data files are written by then, or nearly).
    def on_env(self, env, config, files):
        self.clock.lap("mkdocs reading pages (Markdown, links)")
        self._write_in_page_language(env)
        if self.staging is not None:
            try:
                others = tuple(language.prefix for language in self.languages[1:])
                self.indexing = start_indexing(self.staging.folder,
                                               Path(config.site_dir) / BUNDLE,
                                               expected=len(self.content.records) * (1 + len(others)),
                                               language_prefixes=others,
                                               die_with_build=not self.live_preview)
            except SearchIndexFailed as error:
                self._stop_background_work()
                raise PluginError(f"The search index could not be built: {error}")
        self.clock.lap("starting Pagefind")
        return env

    def on_post_build(self, config):
        self.clock.lap("mkdocs writing pages (theme templates)")
        try:
            if self.writer is not None:
                self.writer.finish()
            if self.indexing is not None and self.live_preview:
                # The preview shows the edited page now; search catches up a moment later
                # (a problem is logged), or is stopped by the next rebuild (on_pre_build).
                later = threading.Thread(target=self._finish_index, daemon=True,
                                         args=(self.indexing, self.staging, self._table_rows()))
                later.start()
                self.index_later = (later, self.indexing)
                self.indexing = self.staging = None
            elif self.indexing is not None:
                stats = self.indexing.finish(*self._table_rows())
                log.info(f"Search index: {stats.pages} services in {stats.seconds:.1f} s")
        except OutputsFailed as error:
            raise PluginError(f"The open data files could not be written: {error}")
        except SearchIndexFailed as error:
            raise PluginError(f"The search index could not be built: {error}")
        finally:
            self._stop_background_work()
        self.clock.lap("waiting for Pagefind and the open data files")
        self.clock.write()

    @staticmethod
    def _finish_index(indexing: Indexing, staging: SearchStaging, rows: tuple) -> None:
        try:
            stats = indexing.finish(*rows)
            log.info(f"Search index: {stats.pages} services in {stats.seconds:.1f} s")
        except SearchIndexFailed as error:
            if not indexing.stopped:  # not by a rebuild, which makes a new one
                log.warning(f"The search index could not be built: {error}")
        except (OSError, ValueError):  # stopped by a rebuild while it finished
            pass
        finally:
            staging.close()

    def on_shutdown(self):
        self._stop_background_work()

    def on_pre_build(self, config):
        # Before mkdocs empties the site folder: the previous preview's search index stops.
        self._stop_background_work()
        self.script_words.clear()  # a script edited in the preview brings its words

    def _table_rows(self) -> tuple[dict, dict]:
        """Each published service page's search filters and A to Z name, by its address as
        Pagefind has it (outputs/search_index.py's filter tables)."""
        search, records = self.content.search, self.content.records
        prefixes = [language.prefix for language in self.languages] or [""]
        addresses = [("/" + urls.in_language(urls.service(r.id), prefix), r)
                     for r in records for prefix in prefixes]
        return ({url: search.tabled_filters(r) for url, r in addresses},
                {url: search.sort_name(r) for url, r in addresses})

    def on_build_error(self, error):
        self._stop_background_work()

    def _stop_background_work(self) -> None:
        """Nothing of a build goes on after it: the writer and Pagefind are stopped, the
        staging folder removed."""
        later, indexing_later = self.index_later or (None, None)
        for work in (self.writer, self.indexing, indexing_later):
            if work is not None:
                work.stop()
        if later is not None:
            later.join()
        if self.staging is not None:
            self.staging.close()
        self.writer = self.indexing = self.staging = self.index_later = None

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


def _root_relative(url: str) -> str:
    return "" if url in ("", "./") else url


def _stub(page: GeneratedPage) -> str:
    # JSON strings are valid YAML, so any title is quoted safely.
    if page.markdown is not None:
        return f"---\ntitle: {json.dumps(page.title)}\n---\n{page.markdown}"
    if page.kind == "home":  # its heading is its own (site/components/home-page)
        return "---\nhide:\n  - toc\n---\n"
    return f"---\ntitle: {json.dumps(page.title)}\nhide:\n  - toc\n---\n"
