"""Plain English checks on the words families read in a record.

Many readers have SEND themselves or read English as an additional language,
so a record's text should use short sentences, everyday words and no
unexplained acronyms. The checks work on the YAML document rather than on a
validated record, so a service team sees every wording problem in one run,
with the line it is on, even while the record has other problems.

Reading ease is the Flesch score from textstat. textstat looks English words
up in the CMU Pronouncing Dictionary, which nltk downloads the first time it
is used: a network call the build must not make (CI and many council networks
are offline). Under the BCP 47 tag "en-GB" textstat keeps its English Flesch
constants but counts syllables with Pyphen's British English dictionary, which
ships inside the package. Pyphen counts a few syllables fewer than the CMU
dictionary, so scores run a few points higher than other Flesch tools give.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from local_offer.records.glossary import Glossary, acronyms, is_acronym
from local_offer.records.markdown_text import markdown_to_html
from local_offer.records.problems import Problem
from local_offer.records.text_fields import NAMED_FIELDS, PROSE_FIELDS, fields, line_of_text
from local_offer.records.yaml_source import Document, _dotted

TEXTSTAT_LANGUAGE = "en-GB"  # see the module docstring: never "en" or "en_GB"


@dataclass(frozen=True)
class Limits:
    sentence_words: int = 25  # GOV.UK's advice: 25 words or fewer
    reading_ease: float = 60.0  # Flesch: 60 or more reads as plain English
    summary_characters: int = 200
    # Below this many words a reading ease score swings too far to act on.
    reading_ease_words: int = 30


# Reading ease is scored on the fields long enough to score.
SCORED_FIELDS = (("summary",), ("description",))

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
# A full stop after these does not end a sentence.
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "approx.")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>|<(?:ul|ol)>")
TAG = re.compile(r"<[^>]+>")


def prose_blocks(text: str) -> list[str]:
    """A field's text as plain blocks: paragraphs, list items and headings."""
    rendered = BLOCK_END.sub("\n", markdown_to_html(text).replace("\n", " "))
    plain = html.unescape(TAG.sub("", rendered))
    return [" ".join(line.split()) for line in plain.split("\n") if line.strip()]


def sentences(block: str) -> list[str]:
    pieces = SENTENCE_END.split(block)
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].endswith(ABBREVIATIONS):
            merged[-1] += " " + piece
        else:
            merged.append(piece)
    return [piece for piece in merged if piece]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def reading_ease(blocks: list[str]) -> float:
    """Flesch reading ease of blocks of text, each read as ending a sentence."""
    text = " ".join(block if block[-1] in ".!?" else block.rstrip(":;,") + "."
                    for block in blocks)
    # Imported here: textstat (with nltk) takes a third of a second to import, which
    # every other command (build, check, validate) would pay for nothing.
    from textstat.textstat import textstatistics

    statistics = textstatistics()
    statistics.set_lang(TEXTSTAT_LANGUAGE)
    statistics.set_rounding_points(None)
    return statistics.flesch_reading_ease(text)


class PlainEnglishCheck:
    """Checks one record document's text; each finding is a Problem with its line."""

    def __init__(self, glossary: Glossary | None, limits: Limits = Limits()):
        self.limits = limits
        self.known = {word.casefold() for term in (glossary.terms if glossary else ())
                      for word in term.words}

    def check(self, document: Document) -> list[Problem]:
        if not isinstance(document.data, dict):
            return []
        found: list[Problem] = []
        for where, text in fields(document.data, PROSE_FIELDS):
            found += self.long_sentences(document, where, text)
        for where, text in fields(document.data, SCORED_FIELDS):
            found += self.hard_to_read(document, where, text)
        summary = document.data.get("summary")
        if isinstance(summary, str) and len(summary) > self.limits.summary_characters:
            found.append(self.problem(
                document, ("summary",), None,
                f"the summary is {len(summary)} characters, over the "
                f"{self.limits.summary_characters} that show in lists and search results",
                "keep one sentence saying what the service does and for whom; move the rest "
                "to description"))
        found += self.unknown_acronyms(document)
        return found

    def long_sentences(self, document: Document, where: tuple, text: str) -> list[Problem]:
        found = []
        for block in prose_blocks(text):
            for sentence in sentences(block):
                count = len(words(sentence))
                if count > self.limits.sentence_words:
                    found.append(self.problem(
                        document, where, sentence,
                        f"a sentence of {count} words (\"{shorten(sentence)}\"); "
                        f"aim for {self.limits.sentence_words} or fewer",
                        "split it into two or more sentences, or make it a list"))
        return found

    def hard_to_read(self, document: Document, where: tuple, text: str) -> list[Problem]:
        blocks = prose_blocks(text)
        if len(words(" ".join(blocks))) < self.limits.reading_ease_words:
            return []
        score = reading_ease(blocks)
        if score >= self.limits.reading_ease:
            return []
        return [self.problem(
            document, where, None,
            f"hard to read: a reading ease of {score:.0f}, below {self.limits.reading_ease:.0f}",
            "use shorter sentences and everyday words, like 'help' for 'assistance'")]

    def unknown_acronyms(self, document: Document) -> list[Problem]:
        found, seen = [], set()
        for where, text in fields(document.data, NAMED_FIELDS + PROSE_FIELDS):
            for acronym in acronyms(text):
                if acronym in seen or self.is_known(acronym):
                    continue
                seen.add(acronym)
                found.append(self.problem(
                    document, where, acronym,
                    f"'{acronym}' is an acronym that is not in the glossary",
                    f"write it out in words, or add '{acronym}' to data/glossary.yaml "
                    "with what it means"))
        return found

    def is_known(self, acronym: str) -> bool:
        # A plural (MHSTs) is known when its singular is.
        folded = acronym.casefold()
        return folded in self.known or (folded.endswith("s") and folded[:-1] in self.known)

    def problem(self, document: Document, where: tuple, snippet: str | None, message: str,
                fix: str) -> Problem:
        return Problem(document.path, line_of_text(document, where, snippet), _dotted(where),
                       message, fix)


def shorten(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


# ---- Easy Read: stricter rules for the Easy Read versions ----------------------------

@dataclass(frozen=True)
class EasyReadLimits:
    sentence_words: int = 15  # Easy Read guides advise 10 to 15 words a sentence
    long_word_syllables: int = 4  # a word this long needs saying another way, or explaining


# Joining words that put a second idea on a line after a comma (", and then we…").
SECOND_IDEA = re.compile(r";|,\s+(?:and|but|or|so|because|which|then)\b|\band then\b", re.I)
# A line that explains a word: "EHC means …", "This is called an assessment."
EXPLAINS = re.compile(r"\b(?:means|is called|are called|stands for)\b", re.I)
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MARKDOWN_LINK_TEXT = re.compile(r"\[([^\]]*)\]\([^)]*\)")


class EasyReadCheck:
    """Checks an Easy Read version, line by line: each line one short sentence with one
    idea, and no word a reader meets unexplained (an acronym, a glossary term, a long
    word), unless a line of the same version explains it."""

    def __init__(self, glossary: Glossary | None, limits: EasyReadLimits = EasyReadLimits()):
        self.limits = limits
        # A glossary term is a word some readers do not know (its other names may be the
        # everyday ones, like "family doctor" for GP).
        self.terms = [term.term for term in (glossary.terms if glossary else ())]
        import pyphen  # textstat's own syllable dictionary, inside the package: no download
        self.hyphenator = pyphen.Pyphen(lang="en_GB")

    def lines_of_markdown(self, text: str) -> list[tuple[int, str]]:
        """(line number, the words a reader meets) for each line of an Easy Read page."""
        found = []
        for number, line in enumerate(text.splitlines(), start=1):
            words_shown = MARKDOWN_LINK_TEXT.sub(r"\1", MARKDOWN_IMAGE.sub("", line))
            words_shown = re.sub(r"\{\{[^}]*\}\}", "the team", words_shown)
            words_shown = words_shown.lstrip("#>-*0123456789. ").strip()
            words_shown = re.sub(r"\{#[^}]*\}", "", words_shown).strip()
            if words_shown:
                found.append((number, words_shown))
        return found

    def check(self, path: str, lines: list[tuple[int, str, str]]) -> list[Problem]:
        """lines: (line number, field, text) of each line of one Easy Read version."""
        explained = " ".join(text for _, _, text in lines if EXPLAINS.search(text))
        found: list[Problem] = []
        for number, where, text in lines:
            problem = lambda message, fix: found.append(  # noqa: E731
                Problem(path, number, where, message, fix))
            said = sentences(text)
            if len(said) > 1:
                problem(f"{len(said)} sentences on one line (\"{shorten(text)}\")",
                        "put each sentence on its own line: one idea a line")
            for sentence in said:
                count = len(words(sentence))
                if count > self.limits.sentence_words:
                    problem(f"a sentence of {count} words (\"{shorten(sentence)}\"); Easy "
                            f"Read keeps to {self.limits.sentence_words} or fewer",
                            "split it into two short sentences, each on its own line")
            joined = SECOND_IDEA.search(text)
            if joined:
                problem(f"two ideas on one line, joined by '{joined.group(0).strip(' ,')}' "
                        f"(\"{shorten(text)}\")", "put the second idea on a line of its own")
            for word in self.unexplained(text, explained):
                problem(f"'{word}' is not explained", "say it in everyday words, or add a "
                        f"line that explains it, like: {word} means …")
        return found

    def unexplained(self, text: str, explained: str) -> list[str]:
        hard = list(dict.fromkeys(acronyms(text)))
        folded = text.casefold()
        hard += [term for term in self.terms if not is_acronym(term)
                 and re.search(rf"\b{re.escape(term.casefold())}\b", folded)]
        hard += [word for word in words(text) if word.islower()
                 and self.syllables(word) >= self.limits.long_word_syllables]
        return [word for word in dict.fromkeys(hard)
                if word.casefold() not in explained.casefold()]

    def syllables(self, word: str) -> int:
        return self.hyphenator.inserted(word).count("-") + 1
