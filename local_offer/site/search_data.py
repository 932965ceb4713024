"""What the search index knows about a service: its filters, its result line, its family words.

Filters are what the Find page narrows by. Values are taxonomy ids, so the
page can label them; a service that covers the whole area is under every
area, one for all needs under every need (as on the browse pages). Its ages
are two values, the youngest and the oldest it serves: the Find page asks for
"age 3" as youngest 0, 1, 2 or 3 and oldest 3 or more, so a 0 to 4 service
and a 3 to 12 one match. Two values instead of one a year keep the filter
data a phone downloads small (a fifth, at 10,000 services).
Meta is what a result shows: summary, ages, areas, cost, last reviewed.
Records layer: no mkdocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from local_offer.records.dates import long_date
from local_offer.records.glossary import Glossary
from local_offer.records.model import Record
from local_offer.records.taxonomy import ALL_NEEDS, AREA_WIDE, Taxonomy
from local_offer.site.family_words import FamilyWords
from local_offer.site.render import age_range

# The ways a family can get a service without anyone else: the Find page's "how to get it".
FAMILY_ROUTES = ("drop-in", "self-referral")
FREE = "yes"


@dataclass(frozen=True)
class SearchFacts:
    """One service as the search index holds it."""

    filters: tuple[tuple[str, str], ...]  # (filter, value), a filter may repeat
    meta: tuple[tuple[str, str], ...]  # (name, text) shown in a result
    sort_name: str
    word_groups: tuple[tuple[float, tuple[str, ...]], ...]  # (weight, family words): indexed, not shown


class SearchData:
    """Builds SearchFacts for each service of one site."""

    def __init__(self, taxonomy: Taxonomy, glossary: Glossary | None, language: str = ""):
        """language: another of the site's languages, whose family words its pages carry."""
        self.taxonomy = taxonomy
        self.family_words = FamilyWords(glossary, taxonomy, language)
        self.area_ids = [t.id for t in taxonomy.areas]
        self.need_ids = [t.id for t in taxonomy.needs]
        bands = taxonomy.age_bands
        self.youngest = min((b.min for b in bands), default=0)
        self.oldest = max((b.max for b in bands), default=25)

    def facts(self, record: Record) -> SearchFacts:
        return SearchFacts(filters=tuple(self.filters(record)), meta=tuple(self.meta(record)),
                           sort_name=record.name.casefold(),
                           word_groups=self.family_words.for_record(record).groups)

    def filters(self, record: Record):
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

    def meta(self, record: Record):
        label = self.taxonomy.label
        yield "summary", record.summary
        yield "ages", "Ages " + age_range(record.ages)
        yield "areas", ", ".join(label("areas", area) for area in record.areas)
        if record.is_free:
            yield "cost", "Free"
        elif record.has_cost:
            yield "cost", record.cost.description or "There is a cost"
        else:
            yield "cost", "Cost not known"
        yield "reviewed", "Last reviewed " + long_date(record.last_reviewed)
        if record.status == "temporarily-closed":
            yield "closed", "Temporarily closed"
