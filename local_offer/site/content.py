"""The generated pages of the site: one per service, the browse pages and the glossary.

Engine-neutral: each page is a URL, a title and a function that renders its
HTML body. The mkdocs plugin hands them to mkdocs; another engine could too.
Pages render lazily so a large offer never holds all its HTML at once.
"""

from __future__ import annotations

import copy
from types import MappingProxyType
import dataclasses
import datetime as dt
from collections import defaultdict
from functools import cached_property
from typing import Iterable, Mapping

from local_offer.freshness.review import Review
from local_offer.records.dates import day_or_today
from local_offer.records.age_words import AgeWords
from local_offer.records.easy_read import EasyRead
from local_offer.records.glossary import Glossary
from local_offer.records.languages import Languages
from local_offer.records.model import Record
from local_offer.records.postcodes import convert_to_grid, venue_coordinates
from local_offer.records.project import Settings
from local_offer.records.site_data import SiteData
from local_offer.records.taxonomy import ALL_NEEDS, AREA_WIDE, Taxonomy
from local_offer.records.term_dates import TermDates
from local_offer.records.translations import Translation
from local_offer.records.when import when_of
from local_offer.site import freshness_pages, urls
from local_offer.site.family_pages import family_pages
from local_offer.site.find_page import find_page
from local_offer.site.languages import Language, site_languages
from local_offer.site.pages import (
    BROWSE_WAYS,
    FIND_FILTER,
    BrowseWay,
    GeneratedPage,
    ListGroup,
    first_letter,
)
from local_offer.site.render import Renderer
from local_offer.site.search_data import SearchData
from local_offer.site.session_times import SessionTimes
from local_offer.site.term_explanations import TermExplainer, with_terms_explained

# More services than a family scans on a phone: the list is grouped, with a jump list.
LONG_LIST = 12


class SiteContent:
    """Everything generated from the records, ready for a site engine."""

    def __init__(self, reviews: list[Review], taxonomy: Taxonomy, renderer: Renderer,
                 glossary: Glossary | None = None, today: dt.date | None = None,
                 site_data: SiteData | None = None, settings: Settings | None = None,
                 site_url: str = "", docs_page_urls: Iterable[str] = (),
                 extra_pages: Iterable[GeneratedPage] = (),
                 term_dates: TermDates | None = None, languages: Languages | None = None,
                 age_words: tuple[AgeWords, ...] = (),
                 translations: Iterable[Translation] = (),
                 easy_reads: Iterable[EasyRead] = (),
                 taxonomies: Mapping[str, Taxonomy] | None = None):
        """site_url: where the site is published ("" when unknown); docs_page_urls: the
        site engine's hand-written pages, for the sitemap; extra_pages: pages made from the
        project's other files (the guide, the field reference); term_dates: the school
        terms and holidays that term-time and holiday sessions run in; languages: the
        languages records name (data/languages.yaml, as spoken_languages); age_words:
        families' words for ages; translations: the records' translations into the site's
        other languages; easy_reads: the services' Easy Read versions; taxonomies: the
        controlled lists in each other language, by its code (data/taxonomy.pl.yaml)."""
        reviews = sorted(reviews, key=lambda review: review.record.sort_key)
        self.today = day_or_today(today)
        self.reviews = {review.record.id: review for review in reviews}
        # Only published records get pages, browse entries, search entries and feeds.
        self.records = tuple(review.record for review in reviews if review.published)
        self.unpublished = tuple(review.record for review in reviews if not review.published)
        self.taxonomy = taxonomy
        self.renderer = renderer
        self.glossary = glossary
        self.site_data = site_data
        self.settings = settings or Settings()
        self.site_url = site_url
        self.docs_page_urls = tuple(docs_page_urls)
        self.extra_pages = tuple(extra_pages)
        self.term_dates = term_dates or TermDates()
        self.explainer = TermExplainer(glossary, renderer) if glossary else None
        self.spoken_languages = languages or Languages()
        self.age_words = tuple(age_words)
        # The language this content writes in, and the site's others (settings' languages).
        self.language = renderer.language
        self.languages = site_languages(self.settings)
        self.translations = MappingProxyType({(t.service_id, t.language): t
                                              for t in translations})
        self.easy_reads = MappingProxyType({e.service_id: e for e in easy_reads})
        self.taxonomies = MappingProxyType(dict(taxonomies or {}))
        self.search = SearchData(taxonomy, glossary, self.spoken_languages,
                                 site_data.postcodes if site_data else None)
        if self.search.postcodes is not None:  # for "near me": every venue's point, at once
            convert_to_grid(venue_coordinates(self.records))
        self.groups = self._group()
        # The ways to browse that have something to choose (no languages: no language list).
        self.browse_ways = tuple(way for way in BROWSE_WAYS if self.terms(way.slug))
        self._made = True

    def __setattr__(self, name, value):
        # Made once, then only read: every page and output sees the same content.
        if getattr(self, "_made", False):
            raise AttributeError(f"SiteContent is not changed after it is made ({name}); "
                                 "pass it to the constructor")
        super().__setattr__(name, value)

    # One pass over the records files each under every browse term it belongs to.
    def _group(self) -> dict[str, dict[str, list[Record]]]:
        groups: dict[str, dict[str, list[Record]]] = {way.slug: defaultdict(list)
                                                      for way in BROWSE_WAYS}
        area_ids = [t.id for t in self.taxonomy.areas]
        need_ids = [t.id for t in self.taxonomy.needs]
        for record in self.records:
            for category in record.categories:
                groups["category"][category].append(record)
            needs = need_ids if ALL_NEEDS in record.needs else record.needs
            for need in needs:
                groups["need"][need].append(record)
            areas = area_ids if AREA_WIDE in record.areas else record.areas
            for area in areas:
                groups["area"][area].append(record)
            for band in self.taxonomy.age_bands:
                if band.touches(*record.ages):
                    groups["age"][band.id].append(record)
            for way in record.attending:
                groups["taking-part"][way].append(record)
            for when in when_of(record):
                groups["when"][when].append(record)
            for language in self.spoken_languages.ids_of(record.languages):
                groups["language"][language].append(record)
            groups["a-z"][first_letter(record.name)].append(record)
        return groups

    def terms(self, way: str) -> list[tuple[str, str, str]]:
        """(id, label, description) of each term of a browse way, in the taxonomy's order."""
        if way == "age":
            return [(b.id, b.label, "") for b in self.taxonomy.age_bands]
        if way == "a-z":
            return [(letter, letter, "") for letter in sorted(self.groups["a-z"])]
        if way == "language":  # the languages some service offers, by their English names
            offered = [lang for lang in self.spoken_languages.entries if self.groups["language"][lang.id]]
            return [(lang.id, lang.name, lang.own_name)
                    for lang in sorted(offered, key=lambda lang: lang.name.casefold())]
        if way in ("taking-part", "when"):
            terms = self.taxonomy.attending if way == "taking-part" else self.taxonomy.when
            return [(t.id, t.label, t.description) for t in terms]
        kind = {"category": "categories", "need": "needs", "area": "areas"}[way]
        return [(t.id, t.label, t.description) for t in getattr(self.taxonomy, kind)]

    @cached_property
    def all_pages(self) -> tuple[GeneratedPage, ...]:
        """Every generated page, listed once per build; each renders only when asked.
        Each page is there once in every one of the site's languages: the main one at the
        site's root, each other under its code (pl/services/x.md)."""
        pages = list(self._list_pages())
        if self.language.main:
            for language in self.languages[1:]:
                pages.extend(self.in_language(language).pages_in_language())
        return tuple(pages)

    def in_language(self, language: Language) -> SiteContent:
        """The same content, sharing its records, groups and search data, writing in
        another of the site's languages."""
        other = copy.copy(self)
        taxonomy = self.taxonomies.get(language.code, self.taxonomy)
        renderer = self.renderer.in_language(language, taxonomy, translated=lambda record: (
            self.translated(record, language)[0]))
        changed = {"renderer": renderer, "language": language, "taxonomy": taxonomy,
                   "explainer": TermExplainer(self.glossary, renderer) if self.glossary else None,
                   "search": SearchData(self.taxonomy, self.glossary, self.spoken_languages,
                                             self.search.postcodes, language.code)}
        for name, value in changed.items():
            object.__setattr__(other, name, value)
        other.__dict__.pop("all_pages", None)
        return other

    def pages_in_language(self) -> Iterable[GeneratedPage]:
        """This content's own pages, each at its address in this content's language."""
        prefix = self.language.prefix
        for page in self._list_pages():
            yield dataclasses.replace(page, src_uri=urls.source_in_language(page.src_uri, prefix),
                                      language=self.language)

    def pages(self) -> tuple[GeneratedPage, ...]:
        return self.all_pages

    def _list_pages(self) -> Iterable[GeneratedPage]:
        for record in self.records:
            yield with_terms_explained(self.service_page(record), self.explainer)
            if record.id in self.easy_reads:
                yield self.easy_read_page(record, self.easy_reads[record.id])
        yield from freshness_pages.pages(self)  # unpublished entries' pages, the freshness page
        _ = self.renderer.gettext
        yield GeneratedPage(urls.browse_source(), _("Browse services"), self._render_browse_home,
                            kind="browse")
        for way in self.browse_ways:
            yield from self.browse_pages(way)
        if self.glossary:
            yield GeneratedPage(urls.GLOSSARY, _("Glossary"), self._render_glossary,
                                kind="glossary")
        yield from family_pages(self)
        yield find_page(self)
        yield from self.extra_pages

    def translated(self, record: Record, language: Language) -> tuple[Record, Translation | None]:
        """The record in a language: its translation applied, or as it is (in English)."""
        translation = None if language.main else self.translations.get((record.id,
                                                                         language.code))
        return (translation.applied_to(record) if translation else record), translation

    def service_page(self, record: Record) -> GeneratedPage:
        shown, translation = self.translated(record, self.language)
        return GeneratedPage(urls.service_source(record.id), shown.name,
                             lambda url: self.renderer.render(
                                 "service-page", url, record=shown,
                                 notice=freshness_pages.notice(self, record, url),
                                 search=self.search.facts(shown),
                                 when=SessionTimes(self.term_dates, shown, self.today,
                                                   self.language),
                                 translation=freshness_pages.translation_state(
                                     self, record, translation),
                                 easy_read=record.id in self.easy_reads),
                             kind="service", record=record)

    def easy_read_page(self, record: Record, easy_read: EasyRead) -> GeneratedPage:
        """A service's Easy Read version (in its own words: English on every site)."""
        return GeneratedPage(urls.easy_read_source(record.id), easy_read.title,
                             lambda url: self.renderer.render("easy-read-page", url,
                                                              record=record,
                                                              easy_read=easy_read),
                             kind="easy-read")

    def browse_pages(self, way: BrowseWay) -> Iterable[GeneratedPage]:
        _ = self.renderer.gettext
        terms = self.terms(way.slug)
        listed = [(label, urls.browse(way.slug, term_id), len(self.groups[way.slug][term_id]),
                   description) for term_id, label, description in terms]
        yield GeneratedPage(
            urls.browse_source(way.slug), _(way.title),
            lambda url: self.renderer.render(
                "term-list", url, intro=_(way.intro), terms=listed,
                # A language's own name is said in that language.
                spoken_in={label: term_id for term_id, label, _count in terms}
                if way.slug == "language" else {}),
            kind="browse")
        for term_id, label, _description in terms:
            records = self.groups[way.slug][term_id]
            title = (_("Services for {age}").format(age=label.lower()) if way.slug == "age"
                     else _("Services in {language}").format(language=label)
                     if way.slug == "language"
                     else _("Services: {term}").format(term=label))
            yield GeneratedPage(
                urls.browse_source(way.slug, term_id), title,
                lambda url, records=records, term_id=term_id: self.renderer.render(
                    "browse-list", url, count=len(records),
                    find=self.find_for(way.slug, term_id),
                    groups=self.kinds_of_help(records, way.slug)),
                kind="browse", records=tuple(records))

    def find_for(self, way: str, term_id: str) -> tuple[str, str] | None:
        """(address, words) of the Find page with a browse choice already made."""
        _ = self.renderer.gettext
        if way in ("category", "need", "area", "language", "taking-part", "when"):
            return urls.find(**{FIND_FILTER.get(way, way): term_id}), \
                _("Search or narrow these services")
        if way == "age":
            band = next(b for b in self.taxonomy.age_bands if b.id == term_id)
            return (urls.find(age=str(band.min)),
                    _("Search or narrow the services for a child aged {age}").format(
                        age=band.min))
        return None

    def kinds_of_help(self, records: list[Record], way: str) -> list[ListGroup]:
        """A long list grouped by each service's main kind of help (its first category), in
        the taxonomy's order; a short one, or one of a single kind, as it is."""
        if len(records) <= LONG_LIST or way == "category":
            return [ListGroup("", tuple(records))]
        by_kind: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            by_kind[record.categories[0]].append(record)
        groups = [ListGroup(term.label, tuple(by_kind[term.id]))
                  for term in self.taxonomy.categories if by_kind.get(term.id)]
        return groups if len(groups) > 1 else [ListGroup("", tuple(records))]

    def _render_browse_home(self, url: str) -> str:
        _ = self.renderer.gettext
        ways = [(_(way.title), urls.browse(way.slug), None, _(way.intro))
                for way in self.browse_ways]
        intro = _("There are {count} services. Choose how to look for them.").format(
            count=len(self.records))
        return self.renderer.render("term-list", url, intro=intro, terms=ways)

    def _render_glossary(self, url: str) -> str:
        return self.renderer.render("glossary", url, glossary=self.glossary)
