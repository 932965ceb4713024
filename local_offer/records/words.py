"""How a count reads in English: "1 service", "2 services", "3 entries"."""

from __future__ import annotations


def anchor(text: str) -> str:
    """A heading's id from its words: "Speech and language" -> speech-and-language. Stable:
    other pages link to these, so the rule never changes."""
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def plural(count: int, word: str, words: str = "") -> str:
    """The count and its noun: words is the plural when it is not word + "s"."""
    return f"{count} {word if count == 1 else words or word + 's'}"
