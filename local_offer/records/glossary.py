"""The glossary: terms families meet, with the other words people type for them.

One data file serves the glossary page, the search synonyms and the
explanations of acronyms on service pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    meaning: str
    also: tuple[str, ...] = ()
    need: str | None = None
    category: str | None = None

    @property
    def anchor(self) -> str:
        return "".join(c if c.isalnum() else "-" for c in self.term.lower()).strip("-")

    @property
    def words(self) -> tuple[str, ...]:
        """Every way of saying the term: the term itself and its other words."""
        return (self.term, *self.also)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...]

    def sorted_terms(self) -> list[GlossaryTerm]:
        return sorted(self.terms, key=lambda t: t.term.casefold())


def load_glossary(path: Path) -> Glossary:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Glossary(tuple(GlossaryTerm(term=str(item["term"]), meaning=str(item["meaning"]),
                                       also=tuple(str(w) for w in item.get("also") or ()),
                                       need=item.get("need"), category=item.get("category"))
                          for item in data.get("terms", [])))
