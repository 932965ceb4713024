"""The controlled lists (categories, needs, areas, routes, age bands) from one data file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from local_offer.records.data_files import FieldChecker, read_data_file, section
from local_offer.records.problems import Problem

# Term ids with a meaning: a service for the whole area is in every area, one for all needs
# under every need.
AREA_WIDE = "area-wide"
ALL_NEEDS = "all-needs"

# How a family takes part in a service (a record's `attending`); Open Referral UK's
# attending_type in words. The ids have a meaning, the labels are the council's.
ATTENDING = ("in-person", "online", "phone", "home-visit")
# When a service runs, worked out from its sessions (records/when.py says how).
WHEN = ("weekdays", "weekends", "after-school", "school-holidays")
# The optional lists: a taxonomy without one has no such filter and no such record field.
FIXED_IDS = {"attending": ATTENDING, "when": WHEN}


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    description: str = ""
    group: str = ""


@dataclass(frozen=True)
class AgeBand:
    id: str
    label: str
    min: int
    max: int

    def touches(self, low: int, high: int) -> bool:
        return low <= self.max and high >= self.min


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Term, ...]
    needs: tuple[Term, ...]
    areas: tuple[Term, ...]
    routes: tuple[Term, ...]
    age_bands: tuple[AgeBand, ...]
    attending: tuple[Term, ...] = ()
    when: tuple[Term, ...] = ()

    # The lists a record's fields choose from, by the field that holds them.
    def choices(self) -> dict[str, tuple[str, ...]]:
        return {"categories": tuple(t.id for t in self.categories),
                "needs": tuple(t.id for t in self.needs),
                "areas": tuple(t.id for t in self.areas),
                "routes": tuple(t.id for t in self.routes),
                "attending": tuple(t.id for t in self.attending)}

    def label(self, kind: str, term_id: str) -> str:
        for term in getattr(self, kind):
            if term.id == term_id:
                return term.label
        return term_id


KINDS = ("categories", "needs", "areas", "routes")
# The lists a record's fields choose from (attending is optional: see FIXED_IDS).
RECORD_LISTS = (*KINDS, "attending")
TERM_FIELDS = ("id", "label", "description", "group")
BAND_FIELDS = ("id", "label", "min", "max")
TERM_EXAMPLE = "  - id: speech-language\n    label: Speech, language and communication"
BAND_EXAMPLE = "  - id: 0-4\n    label: 0 to 4 years\n    min: 0\n    max: 4"


def load_taxonomy(path: Path, shown: str = "") -> tuple[Taxonomy, list[Problem]]:
    """The controlled lists, with a problem (file, line, field, fix) for each mistake.

    Every list must be there with at least one entry; ids are unique within a list."""
    shown = shown or path.as_posix()
    if not path.exists():
        return EMPTY, [Problem(shown, 1, "", "the file of controlled lists is missing",
                               "copy data/taxonomy.yaml from the generator's sample")]
    document, problems = read_data_file(path, shown)
    if document is None:
        return EMPTY, problems
    lists = {kind: tuple(_terms(document, kind, problems)) for kind in KINDS}
    bands = tuple(_age_bands(document, problems))
    for kind, ids in FIXED_IDS.items():
        lists[kind] = tuple(_fixed_terms(document, kind, ids, problems))
    return Taxonomy(age_bands=bands, **lists), problems


def _entries(document, kind: str, example: str, problems: list[Problem],
             required: bool = True) -> list[FieldChecker]:
    checkers, seen = [], {}
    before = len(problems)
    items = section(document, kind, problems, f"{kind}:\n{example}")
    if not items and len(problems) == before and required:
        problems.append(Problem(document.path, document.line_of((kind,)), kind,
                                f"the list '{kind}' is missing or empty",
                                f"add '{kind}:' with at least one entry, like:\n{kind}:\n{example}"))
    for index, _ in enumerate(items):
        fields = FieldChecker(document, (kind, index), problems)
        entry_id = fields.entry.get("id")
        if isinstance(entry_id, str) and entry_id in seen:
            fields.problem("id", f"the id '{entry_id}' is used twice (first on line "
                           f"{seen[entry_id]})", "give each entry its own id")
        elif isinstance(entry_id, str):
            seen[entry_id] = document.line_of((kind, index, "id"))
        checkers.append(fields)
    return checkers


def _terms(document, kind: str, problems: list[Problem]):
    for fields in _entries(document, kind, TERM_EXAMPLE, problems):
        fields.only(TERM_FIELDS)
        term = Term(id=fields.slug("id"), label=fields.text("label", "write the name families read"),
                    description=fields.text("description", "", required=False),
                    group=fields.text("group", "", required=False))
        if term.id:  # kept without a label, so records and data files using it are not wrong too
            yield term


def _fixed_terms(document, kind: str, ids: tuple[str, ...], problems: list[Problem]):
    """An optional list whose ids the generator knows the meaning of: the council chooses
    which to offer and what they are called, not what they mean."""
    example = f"  - id: {ids[0]}\n    label: {ids[0].replace('-', ' ').capitalize()}"
    for fields in _entries(document, kind, example, problems, required=False):
        fields.only(TERM_FIELDS)
        term_id = fields.choice("id", ids)
        term = Term(id=term_id, label=fields.text("label", "write the name families read"),
                    description=fields.text("description", "", required=False))
        if term.id and term.label:
            yield term


def _age_bands(document, problems: list[Problem]):
    for fields in _entries(document, "age_bands", BAND_EXAMPLE, problems):
        fields.only(BAND_FIELDS)
        band_id = fields.text("id", "write an id like 0-4")
        label = fields.text("label", "write the age group as families read it, like 0 to 4 years")
        fix = "write a whole number of years, like 4"
        low, high = fields.whole_number("min", fix), fields.whole_number("max", fix)
        if low is not None and high is not None and low > high:
            fields.problem("min", f"the youngest age ({low}) is above the oldest ({high})",
                           "swap min and max")
        elif band_id and label and low is not None and high is not None:
            yield AgeBand(band_id, label, low, high)


EMPTY = Taxonomy(categories=(), needs=(), areas=(), routes=(), age_bands=())


# The lists' words in another of the site's languages: data/taxonomy.<code>.yaml beside
# data/taxonomy.yaml, with the same lists and ids, each entry giving what families read.
TRANSLATED_LISTS = (*KINDS, *FIXED_IDS, "age_bands")


def taxonomy_translation_file(code: str) -> str:
    return f"taxonomy.{code}.yaml"


def load_taxonomy_translation(path: Path, taxonomy: Taxonomy,
                              shown: str = "") -> tuple[Taxonomy, list[Problem]]:
    """The controlled lists with their labels, descriptions and groups in another language
    (data/taxonomy.pl.yaml), each id one of taxonomy.yaml's; where a word is not translated,
    or the file is missing, the English is kept."""
    shown = shown or path.as_posix()
    if not path.exists():
        return taxonomy, []
    document, problems = read_data_file(path, shown)
    if document is None:
        return taxonomy, problems
    if isinstance(document.data, dict):
        for key in document.data:
            if key not in TRANSLATED_LISTS:
                problems.append(Problem(shown, document.line_of((key,)), str(key),
                                        f"'{key}' is not one of the lists in taxonomy.yaml",
                                        "use only: " + ", ".join(TRANSLATED_LISTS)))
    lists = {kind: _translated_terms(document, getattr(taxonomy, kind), kind, problems)
             for kind in TRANSLATED_LISTS}
    return replace(taxonomy, **lists), problems


def _translated_terms(document, terms: tuple, kind: str, problems: list[Problem]) -> tuple:
    known = {term.id: term for term in terms}
    example = f"  - id: {terms[0].id if terms else 'some-id'}\n    label: ..."
    allowed = BAND_FIELDS[:2] if kind == "age_bands" else TERM_FIELDS
    words = {}
    for fields in _entries(document, kind, example, problems, required=False):
        fields.only(allowed)
        term_id = fields.choice("id", known)
        label = fields.text("label", "write the name families read, in this file's language")
        extra = {key: fields.text(key, "", required=False) for key in allowed[2:]}
        if term_id and label:
            words[term_id] = {"label": label, **{k: v for k, v in extra.items() if v}}
    return tuple(replace(term, **words[term.id]) if term.id in words else term
                 for term in terms)
