"""What the search index knows about a service: its filters, its result line, its family words.

Filters are what the Find page narrows by. Values are taxonomy ids, so the
page can label them; a service that covers the whole area is under every
area, one for all needs under every need (as on the browse pages). Its ages
are two values, the youngest and the oldest it serves: the Find page asks for
"age 3" as youngest 0, 1, 2 or 3 and oldest 3 or more, so a 0 to 4 service
and a 3 to 12 one match. Two values instead of one a year keep the filter
data a phone downloads small (a fifth, at 10,000 services).
How a family takes part (attending) is there only when the record says it: a
service without it is in every list until a family chooses how to take part,
and then left out (nobody knows it fits). When comes from the sessions
(records/when.py has the rule). A language is its id in data/languages.yaml;
its names (English, its own, others like BSL) are family words, so "polski" finds
the services that offer Polish. An interpreter on request is the filter
interpreter: yes, and the family words "interpreter".
Meta is what a result shows: summary, ages, areas, cost, last reviewed, in the language of
the pages the index is for (its words from the site's catalogues, site/languages.py).
"near-gillingham" and the like say where its venues are, for a search by postcode
(docs/assets/near-me.js): one filter for each area the service serves (near-area-wide for
the whole area), so a search by postcode downloads the venues of services serving that
area, which it lists first, and the others' only when a family asks for more. A value is
the venue's position on the British National Grid to the nearest 100 metres, in hundreds
of metres ("5770-1680"), or NO_VENUE. The value is the position itself, so the page needs
no other file to say how far a result is, and one filter search per value gives the
results nearest first.
Records layer: no mkdocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from local_offer.records.dates import ENGLISH, long_date
from local_offer.records.glossary import Glossary
from local_offer.records.languages import Languages
from local_offer.records.model import Record
from local_offer.records.postcodes import PostcodePlaces
from local_offer.records.taxonomy import ALL_NEEDS, AREA_WIDE, Taxonomy
from local_offer.records.when import when_of
from local_offer.site.family_words import RELATED, FamilyWords
from local_offer.site.languages import N_, translations
from local_offer.site.render import age_range

# The ways a family can get a service without anyone else: the Find page's "how to get it".
FAMILY_ROUTES = ("drop-in", "self-referral")
FREE = "yes"
INTERPRETER = "yes"
INTERPRETER_WORDS = ("interpreter", "interpreters", "interpreting")
NEAR_GRID = 100  # metres: venues closer than this share a "near" value
NEAR = "near-"  # and an area the service serves: one filter, one download, each
NO_VENUE = "-"
# One word in every service's search entry, and nowhere else (docs/assets/near-me.js): a
# search for it lists every service while loading one part of the word index, where a
# search with no words would load all of it (megabytes at 10,000 services). Families
# never type it: no word starts "qq".
EVERY_SERVICE = "qqeveryservice"


@dataclass(frozen=True)
class SearchFacts:
    """One service as the search index holds it."""

    filters: tuple[tuple[str, str], ...]  # (filter, value), a filter may repeat
    meta: tuple[tuple[str, str], ...]  # (name, text) shown in a result
    sort_name: str
    word_groups: tuple[tuple[float, tuple[str, ...]], ...]  # (weight, family words): indexed, not shown
    every_word: str = EVERY_SERVICE


class SearchData:
    """Builds SearchFacts for each service of one site."""

    def __init__(self, taxonomy: Taxonomy, glossary: Glossary | None,
                 languages: Languages | None = None, postcodes: PostcodePlaces | None = None,
                 language: str = ""):
        """languages: those services offer (data/languages.yaml); postcodes: the council's
        postcode places, for a search by postcode; language: another of the site's
        languages, whose family words its pages carry."""
        self.taxonomy = taxonomy
        self.languages = languages or Languages()
        self.postcodes = postcodes
        self.family_words = FamilyWords(glossary, taxonomy, language)
        self.language = language
        self.area_ids = [t.id for t in taxonomy.areas]
        self.need_ids = [t.id for t in taxonomy.needs]
        bands = taxonomy.age_bands
        self.youngest = min((b.min for b in bands), default=0)
        self.oldest = max((b.max for b in bands), default=25)

    def facts(self, record: Record) -> SearchFacts:
        return SearchFacts(filters=tuple(self.filters(record)), meta=tuple(self.meta(record)),
                           sort_name=self.sort_name(record),
                           word_groups=with_words(self.family_words.for_record(record).groups,
                                                  RELATED, self.language_words(record)))

    def language_words(self, record: Record) -> tuple[str, ...]:
        """Every name of the languages a service offers, and "interpreter" when it has one."""
        words = [name for language_id in self.languages.ids_of(record.languages)
                 for language in self.languages.entries if language.id == language_id
                 for name in language.names]
        if record.interpreter_on_request:
            words += INTERPRETER_WORDS
        return tuple(words)

    @staticmethod
    def sort_name(record: Record) -> str:
        """What orders services from A to Z."""
        return record.name.casefold()

    def filters(self, record: Record, near: bool = True):
        """Each (filter, value) of a service; near: with where its venues are."""
        for category in record.categories:
            yield "category", category
        for need in self.need_ids if ALL_NEEDS in record.needs else record.needs:
            yield "need", need
        low, high = record.ages
        yield "age-from", str(min(max(low, self.youngest), self.oldest))
        yield "age-to", str(max(min(high, self.oldest), self.youngest))
        for area in self.area_ids if AREA_WIDE in record.areas else record.areas:
            yield "area", area
        if record.is_free:
            yield "free", FREE
        for route in record.how_to_get_it.routes:
            yield "route", route
        for way in record.attending:
            yield "attending", way
        for when in when_of(record):
            yield "when", when
        for language in self.languages.ids_of(record.languages):
            yield "language", language
        if record.interpreter_on_request:
            yield "interpreter", INTERPRETER
        if near and self.postcodes is not None:
            yield from self.near(record)

    def tabled_filters(self, record: Record) -> list[tuple[str, str]]:
        """The filters the Find page narrows and counts by from its filter tables
        (outputs/search_index.py): all but where the venues are, which a search by
        postcode reads from Pagefind's own filters (near-me.js)."""
        return list(self.filters(record, near=False))

    def venue_cells(self, record: Record) -> list[tuple[int, int]]:
        """Each venue's position to the nearest NEAR_GRID metres, once per position."""
        cells = []
        for location in record.locations:
            point = self.postcodes.venue_point(location)
            if point:
                cell = tuple(round(metres / NEAR_GRID) for metres in point)
                if cell not in cells:
                    cells.append(cell)
        return cells

    def near(self, record: Record):
        """Where the service's venues are, under "near-" and each area it serves (near-
        area-wide for the whole area): "5770-1680", or NO_VENUE."""
        values = [f"{easting}-{northing}" for easting, northing in self.venue_cells(record)]
        areas = (AREA_WIDE,) if AREA_WIDE in record.areas else record.areas
        for area in areas:
            for value in values or [NO_VENUE]:
                yield NEAR + area, value

    def meta(self, record: Record):
        """What a result shows, in the language of the pages this data is for."""
        label = self.taxonomy.label
        gettext = translations(self.language).gettext if self.language else None
        _ = gettext or str
        yield "summary", record.summary
        yield "ages", _(N_("Ages %(ages)s")) % {"ages": age_range(record.ages, gettext)}
        yield "areas", ", ".join(label("areas", area) for area in record.areas)
        if record.is_free:
            yield "cost", _(N_("Free"))
        elif record.has_cost:
            yield "cost", record.cost.description or _(N_("There is a cost"))
        else:
            yield "cost", _(N_("Cost not known"))
        yield "reviewed", _(N_("Last reviewed %(day)s")) % {
            "day": long_date(record.last_reviewed, self.language or ENGLISH)}
        if record.status == "temporarily-closed":
            yield "closed", _(N_("Temporarily closed"))


def with_words(groups: tuple[tuple[float, tuple[str, ...]], ...], weight: float,
               words: tuple[str, ...]) -> tuple[tuple[float, tuple[str, ...]], ...]:
    """Word groups with more words at one weight, each word once, heaviest group first."""
    if not words:
        return groups
    seen = {word.casefold() for _, group in groups for word in group}
    extra = tuple(dict.fromkeys(w for w in words if w.casefold() not in seen))
    merged = dict(groups)
    merged[weight] = merged.get(weight, ()) + extra
    return tuple((w, group) for w, group in sorted(merged.items(), reverse=True) if group)
