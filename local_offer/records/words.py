"""How a count reads in English: "1 service", "2 services", "3 entries"."""

from __future__ import annotations

import re
import unicodedata

# An id in a record's file name or a data file: lowercase words joined by hyphens.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slug(name: str) -> str:
    """The id a name gives: "Café Club (Strood)" -> "cafe-club-strood" (accents dropped)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def anchor(text: str) -> str:
    """A heading's id from its words: "Speech and language" -> speech-and-language. Stable:
    other pages link to these, so the rule never changes."""
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def plural(count: int, word: str, words: str = "") -> str:
    """The count and its noun: words is the plural when it is not word + "s"."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def mark(message: str) -> str:
    """A message to translate later, where it is used (pybabel extracts N_("...") too);
    site/languages.py's N_, here so records and freshness can mark their words."""
    return message
