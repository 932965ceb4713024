"""The words families type, from the glossary, attached to the services they mean.

A parent searches "SALT", "respite" or "my child won't talk"; the service's
own text may say none of these. Each glossary term lists its other words and
may name a need or a category. A service carries a term's words when:

- it is tagged with the term's need (SALT -> speech, language and communication);
- the term is the name of a category and the service is in it (respite -> short
  breaks). A term that is only one kind of service in a category (OT in health)
  is not put on every health service;
- its own text uses any of the term's words (a page saying "EHC plan" is found
  by "EHCP", the occupational therapy page by "OT").

The search index holds these words hidden from view, so every search client
(the header box, the Find page) finds the same services. Each word carries a
weight for ranking: a term in the service's name counts most, then one in its
summary; a term a general service (three needs or more) only gets through a
need counts least. So "ASD" lists the autism outreach team before a sitting
service that also supports autistic children. Records layer: no mkdocs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from local_offer.records.glossary import Glossary, GlossaryTerm, is_acronym
from local_offer.records.model import Record
from local_offer.records.taxonomy import Taxonomy

TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in TOKEN.findall(text)]


def names_category(term: GlossaryTerm, label: str) -> bool:
    """True when the term is what the category is called ("Short breaks" for
    "Short breaks, leisure and activities"), not one service within it."""
    label_tokens = [t.casefold() for t in tokens(label)]
    for word in term.words:
        word_tokens = [t.casefold() for t in tokens(word)]
        if word_tokens and label_tokens[:len(word_tokens)] == word_tokens:
            return True
    return False


@dataclass(frozen=True)
class Spelling:
    tokens: tuple[str, ...]  # casefolded, or as written for an acronym
    acronym: bool
    term: GlossaryTerm


# Ranking weights of a service's family words (Pagefind's data-pagefind-weight; text is 1).
IN_NAME, IN_SUMMARY, RELATED, LOOSELY_RELATED = 4.0, 2.0, 1.0, 0.5
# A service tagged with this many needs or more is general: its need words rank lower.
GENERAL_SERVICE_NEEDS = 3


@dataclass(frozen=True)
class RecordWords:
    """The family words one service is found by, beyond its own text."""

    groups: tuple[tuple[float, tuple[str, ...]], ...]  # (weight, words), heaviest first
    terms: tuple[str, ...]  # the glossary terms they come from, for tests and reports

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(word for _, words in self.groups for word in words)


class FamilyWords:
    """Maps glossary terms to services; built once per site, asked once per service."""

    def __init__(self, glossary: Glossary | None, taxonomy: Taxonomy, language: str = ""):
        """language: the site's language the words are for ("": the main one); another's
        words come first (the glossary's search_in), then every other way of saying it."""
        self.terms: tuple[GlossaryTerm, ...] = glossary.terms if glossary else ()
        self.by_term = {term.term: term for term in self.terms}
        self.language = language
        self.category_labels = {t.id: t.label for t in taxonomy.categories}
        self.category_terms = {term.term for term in self.terms
                               if term.need is None and term.category in self.category_labels
                               and names_category(term, self.category_labels[term.category])}
        # Spellings by their first word: one pass over a service's words finds every term.
        self._spellings: dict[str, list[Spelling]] = defaultdict(list)
        for term in self.terms:
            for word in self.words_of(term):
                acronym = is_acronym(word)
                parts = tuple(tokens(word) if acronym else (t.casefold() for t in tokens(word)))
                if parts:
                    self._spellings[parts[0].casefold()].append(Spelling(parts, acronym, term))

    def words_of(self, term: GlossaryTerm) -> tuple[str, ...]:
        return term.words_in(self.language) if self.language else term.words

    def mentioned(self, text: str) -> list[GlossaryTerm]:
        """The glossary terms a text uses, by any of their words, in the order met."""
        written = tokens(text)
        folded = [t.casefold() for t in written]
        found: dict[str, GlossaryTerm] = {}
        for i, word in enumerate(folded):
            for spelling in self._spellings.get(word, ()):
                end = i + len(spelling.tokens)
                window = written[i:end] if spelling.acronym else folded[i:end]
                if tuple(window) == spelling.tokens:
                    found.setdefault(spelling.term.term, spelling.term)
        return list(found.values())

    def for_record(self, record: Record) -> RecordWords:
        weight: dict[str, float] = {}  # term -> its weight for this service

        def attach(term: GlossaryTerm, value: float) -> None:
            weight[term.term] = max(weight.get(term.term, 0.0), value)

        general = len(record.needs) >= GENERAL_SERVICE_NEEDS
        for term in self.terms:
            if term.need and term.need in record.needs:
                attach(term, LOOSELY_RELATED if general else RELATED)
            elif term.term in self.category_terms and term.category in record.categories:
                attach(term, RELATED)
        for text, value in ((record.name, IN_NAME), (record.summary, IN_SUMMARY),
                            (record.description, RELATED), (record.how_to_get_it.steps, RELATED)):
            for term in self.mentioned(text):
                attach(term, value)

        by_weight: dict[float, dict[str, str]] = defaultdict(dict)
        seen: set[str] = set()
        for category in record.categories:
            label = self.category_labels.get(category)
            if label and label.casefold() not in seen:
                seen.add(label.casefold())
                by_weight[RELATED][label.casefold()] = label
        for name in sorted(weight, key=lambda t: (-weight[t], t.casefold())):
            for word in self.words_of(self.by_term[name]):
                if word.casefold() not in seen:
                    seen.add(word.casefold())
                    by_weight[weight[name]][word.casefold()] = word
        groups = tuple((value, tuple(words.values()))
                       for value, words in sorted(by_weight.items(), reverse=True) if words)
        return RecordWords(groups, tuple(sorted(weight, key=str.casefold)))


