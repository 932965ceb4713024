"""The glossary: terms families meet, with the other words people type for them.

One data file serves the glossary page, the search synonyms and the
explanations of acronyms on service pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from babel import localedata

from local_offer.records.data_files import FieldChecker, read_data_file, section
from local_offer.records.problems import Problem
from local_offer.records.taxonomy import Taxonomy
from local_offer.records.words import anchor

# A word that may be an acronym: a capital, then another somewhere (NHS, SaLT, PfA, MHSTs),
# not part of an address or a path, with an optional possessive.
ACRONYM_CANDIDATE = re.compile(r"(?<![\w@/.])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?:['’]s)?(?![\w@])")


def is_acronym(word: str) -> bool:
    """NHS, CAMHS, SaLT, SENCo, MHSTs: one word whose capitals, two or more, are at least
    half its letters (not McDonald). The one rule for lint, service pages and search, which
    match an acronym with its case, so "salt" or "ot" in a sentence never counts."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    return len(word.split()) == 1 and capitals >= 2 and capitals * 2 >= len(letters)


def is_proper_name(phrase: str) -> bool:
    """An acronym, or a name written with capitals (British Sign Language, SEN support):
    what a family meets as the name of a thing, matched with its case. Other spellings
    of a term are everyday words (speech therapy) and typing mistakes, kept for search."""
    return is_acronym(phrase) or sum(1 for c in phrase if c.isupper()) >= 2


def acronyms(text: str) -> Iterable[str]:
    """Every acronym written in a text, in order, repeats included."""
    for match in ACRONYM_CANDIDATE.finditer(text):
        if is_acronym(match.group(1)):
            yield match.group(1)


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    meaning: str
    also: tuple[str, ...] = ()
    need: str | None = None
    category: str | None = None
    # Words only search uses, never shown: misspellings, plurals, everyday phrases.
    search: tuple[str, ...] = ()
    # The words families type in each of the site's other languages, only for its search
    # there: ((code, words), ...), like (("pl", ("logopeda",)),).
    search_in: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def anchor(self) -> str:
        return anchor(self.term)

    @property
    def words(self) -> tuple[str, ...]:
        """Every way of saying the term: itself, its other names and the words people type."""
        return (self.term, *self.also, *self.search)

    def words_in(self, language: str) -> tuple[str, ...]:
        """Its words in a language's search: that language's, then every other way of
        saying it (families type "SALT" on the Polish site too)."""
        own = next((words for code, words in self.search_in if code == language), ())
        return (*own, *self.words)

    @property
    def letter(self) -> str:
        """The letter the glossary's A to Z files it under."""
        first = self.term.strip()[:1].upper()
        return first if "A" <= first <= "Z" else "0-9"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...]

    def sorted_terms(self) -> list[GlossaryTerm]:
        return sorted(self.terms, key=lambda t: t.term.casefold())

    def by_letter(self) -> list[tuple[str, list[GlossaryTerm]]]:
        """(letter, its terms) for each letter that has terms, A to Z."""
        letters: dict[str, list[GlossaryTerm]] = {}
        for term in self.sorted_terms():
            letters.setdefault(term.letter, []).append(term)
        return sorted(letters.items())


GLOSSARY_FIELDS = ("term", "meaning", "also", "search", "search_in", "need", "category")
SEARCH_IN_EXAMPLE = "search_in:\n      pl: [logopeda, terapia mowy]"
GLOSSARY_EXAMPLE = ("  - term: EHCP\n    meaning: An education, health and care plan.\n"
                    "    also: [EHC plan]")


def load_glossary(path: Path, taxonomy: Taxonomy, shown: str = "") -> tuple[Glossary | None,
                                                                           list[Problem]]:
    """The glossary (None without the file), with a problem for each mistake in it."""
    if not path.exists():
        return None, []
    document, problems = read_data_file(path, shown or path.as_posix())
    if document is None:
        return Glossary(()), problems
    needs = [t.id for t in taxonomy.needs]
    categories = [t.id for t in taxonomy.categories]
    terms, first_line = [], {}
    for index, _ in enumerate(section(document, "terms", problems, "terms:\n" + GLOSSARY_EXAMPLE)):
        fields = FieldChecker(document, ("terms", index), problems)
        fields.only(GLOSSARY_FIELDS)
        term = fields.text("term", "write the word or acronym as families usually see it")
        meaning = fields.text("meaning", "say what it means in short, plain sentences")
        also, search = fields.text_list("also"), fields.text_list("search")
        search_in = _search_in(fields, document, ("terms", index), problems)
        need = fields.optional_choice("need", needs)
        category = fields.optional_choice("category", categories)
        if term.casefold() in first_line:
            fields.problem("term", f"'{term}' is in the glossary twice (first on line "
                           f"{first_line[term.casefold()]})", "keep one entry and delete the other")
        elif term and meaning:
            first_line[term.casefold()] = document.line_of(("terms", index, "term"))
            terms.append(GlossaryTerm(term, meaning, also, need, category, search, search_in))
    return Glossary(tuple(terms)), problems


def _search_in(term: FieldChecker, document, where: tuple, problems: list[Problem]):
    """search_in: each language's words, as a list like search's."""
    value = term.entry.get("search_in")
    if value is None:
        return ()
    if not isinstance(value, dict):
        term.problem(
            "search_in", "'search_in' must be a group of languages, each with its words",
            f"write each language's code and its words below it, like:\n    {SEARCH_IN_EXAMPLE}")
        return ()
    fields = FieldChecker(document, (*where, "search_in"), problems)
    found = []
    for code in value:
        if not (isinstance(code, str) and code.isascii() and code.isalpha()
                and localedata.exists(code)):
            fields.problem(str(code), f"'{code}' is not a language code",
                           f"write the language's two-letter code, like {SEARCH_IN_EXAMPLE}")
            continue
        words = fields.text_list(code)
        if words:
            found.append((code, words))
    return tuple(found)
