"""How a count reads in English: "1 service", "2 services", "3 entries"."""

from __future__ import annotations


def plural(count: int, word: str, words: str = "") -> str:
    """The count and its noun: words is the plural when it is not word + "s"."""
    return f"{count} {word if count == 1 else words or word + 's'}"
