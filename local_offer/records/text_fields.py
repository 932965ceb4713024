"""The fields of a record that families read, and where a piece of their text is written.

The plain English check (editing/plain_english.py) and the raw HTML check
(records/raw_html.py) read the same fields, from this one list.
"""

from __future__ import annotations

from typing import Iterable

from local_offer.records.yaml_source import Document

# The fields families read as sentences, as paths into the record. '*' stands for every
# item of a list.
PROSE_FIELDS = (("summary",), ("description",), ("how_to_get_it", "steps"), ("alert",),
                ("cost", "description"), ("sessions", "*", "description"),
                ("locations", "*", "accessibility"))
# Names families read, which are checked for acronyms as well as the prose.
NAMED_FIELDS = (("name",), ("provider", "name"), ("locations", "*", "name"))
# Every text a page or feed shows as the record wrote it.
FAMILY_TEXT_FIELDS = NAMED_FIELDS + PROSE_FIELDS + (("locations", "*", "address"),
                                                   ("languages", "*"))


def fields(data: dict, paths: tuple[tuple, ...]) -> Iterable[tuple[tuple, str]]:
    """(path, text) of each text field present; '*' in a path stands for every list item."""
    for path in paths:
        yield from _walk(data, path, ())


def _walk(value, rest: tuple, where: tuple):
    if not rest:
        if isinstance(value, str) and value.strip():
            yield where, value
        return
    key, rest = rest[0], rest[1:]
    if key == "*":
        for index, item in enumerate(value if isinstance(value, list) else []):
            yield from _walk(item, rest, where + (index,))
    elif isinstance(value, dict) and key in value:
        yield from _walk(value[key], rest, where + (key,))


def line_of_text(document: Document, where: tuple, snippet: str | None) -> int:
    """The line a snippet of a field's text is on, or the field's own line.

    A long field runs over many lines; the first few words of the snippet are
    looked for from the field's line on, fewer when the text wraps there.
    """
    start = document.line_of(where)
    if not snippet:
        return start
    lines = document.text.split("\n")
    first_words = snippet.split()
    for size in (5, 3, 1):
        wanted = " ".join(first_words[:size])
        for number in range(start, min(len(lines), start + 200) + 1):
            if wanted in " ".join(lines[number - 1].split()):
                return number
    return start
