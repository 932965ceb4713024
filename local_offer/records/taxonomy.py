"""The controlled lists (categories, needs, areas, routes, age bands) from one data file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

# Term ids with a meaning: a service for the whole area is in every area, one for all needs
# under every need.
AREA_WIDE = "area-wide"
ALL_NEEDS = "all-needs"


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

    # The lists a record's fields choose from, by the field that holds them.
    def choices(self) -> dict[str, tuple[str, ...]]:
        return {"categories": tuple(t.id for t in self.categories),
                "needs": tuple(t.id for t in self.needs),
                "areas": tuple(t.id for t in self.areas),
                "routes": tuple(t.id for t in self.routes)}

    def label(self, kind: str, term_id: str) -> str:
        for term in getattr(self, kind):
            if term.id == term_id:
                return term.label
        return term_id


def load_taxonomy(path: Path) -> Taxonomy:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def terms(kind: str) -> tuple[Term, ...]:
        return tuple(Term(**entry) for entry in data[kind])

    return Taxonomy(categories=terms("categories"), needs=terms("needs"), areas=terms("areas"),
                    routes=terms("routes"),
                    age_bands=tuple(AgeBand(**entry) for entry in data["age_bands"]))
