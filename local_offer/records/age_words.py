"""The words families use for ages (data/family-words.yaml): "teenager", "toddler", "baby".

Typed in the header search or on the Find page, such a word sets the age
instead of being searched for (no service says "teenager"). Each entry has the
words and the ages they mean, youngest and oldest. The patterns with a number
in them ("7 year old", "under 5s", "16+", "aged 3 to 5") need no list: the one
parser of typed phrases, docs/assets/family-words.js, knows them. The council
adds words here (another language's, or its own); the site hands them to that
parser. Records layer: no mkdocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from local_offer.records.data_files import FieldChecker, read_data_file, section
from local_offer.records.problems import Problem

FAMILY_WORDS_FILE = "family-words.yaml"
FIELDS = ("words", "min", "max")
EXAMPLE = """ages:
  - words: [teenager, teenagers, teen, teens]
    min: 13
    max: 19"""
AGE_FIX = "write a whole number of years, like 13"


@dataclass(frozen=True)
class AgeWords:
    words: tuple[str, ...]  # as families type them, any case
    min: int
    max: int


def load_age_words(path: Path, shown: str = "") -> tuple[tuple[AgeWords, ...], list[Problem]]:
    """The age words, with a problem (file, line, field, fix) for each mistake; no file is
    no words (the number patterns still work)."""
    shown = shown or path.as_posix()
    if not path.exists():
        return (), []
    document, problems = read_data_file(path, shown)
    if document is None:
        return (), problems
    entries: list[AgeWords] = []
    seen: dict[str, int] = {}
    for index, _ in enumerate(section(document, "ages", problems, EXAMPLE)):
        fields = FieldChecker(document, ("ages", index), problems)
        fields.only(FIELDS)
        words = tuple(" ".join(str(w).split()) for w in fields.text_list("words"))
        if not words and "words" not in fields.misspelt:
            fields.problem("words", "'words' is missing or empty",
                           "write the words families type, like words: [teenager, teens]")
        low, high = fields.whole_number("min", AGE_FIX), fields.whole_number("max", AGE_FIX)
        if low is not None and high is not None and low > high:
            fields.problem("min", f"the youngest age ({low}) is above the oldest ({high})",
                           "swap min and max")
            continue
        for word in words:
            if any(c.isdigit() for c in word):
                fields.problem("words", f"'{word}' has a number in it",
                               "leave out words with numbers: the site understands \"7 year "
                               "old\", \"under 5s\" and \"16+\" by itself")
            elif word.casefold() in seen:
                fields.problem("words", f"'{word}' is used twice (first on line "
                               f"{seen[word.casefold()]})", "keep one of the two: a word "
                               "means one age range")
            else:
                seen[word.casefold()] = document.line_of(("ages", index, "words"))
        if words and low is not None and high is not None:
            entries.append(AgeWords(words, low, high))
    return tuple(entries), problems
