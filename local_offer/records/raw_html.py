"""Raw HTML in a record's text: an error, because families would see the tags themselves.

Pages escape every value and Markdown's HTML is switched off
(markdown_text.py), so a tag written into a record is never run, but shown:
a family reads "<p>Come along</p>". Text copied from another directory's web
pages brings such tags; the fix is to write it as Markdown.

A Markdown autolink, <https://example.org/page> or <team@example.org>, is
not HTML: after the name comes a colon or an @, never a space, / or >.
"""

from __future__ import annotations

import re

from local_offer.records.problems import Problem
from local_offer.records.text_fields import FAMILY_TEXT_FIELDS, fields, line_of_text
from local_offer.records.yaml_source import Document, _dotted

# An opening or closing tag (<p>, </li>, <br/>, <img src=x>), a comment, a doctype or
# a processing instruction.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)[^<>]*>?|<!--|<![A-Za-z]|<\?")
FIX = "write it as Markdown, like **bold** or - a list item"


def tags_in(text: str) -> list[str]:
    """The HTML tags in a text, as written."""
    return [match.group(0) for match in HTML_TAG.finditer(text)]


def raw_html_problems(document: Document) -> list[Problem]:
    """One problem for each text field with HTML in it, on the line of its first tag."""
    if not isinstance(document.data, dict):
        return []
    problems = []
    for where, text in fields(document.data, FAMILY_TEXT_FIELDS):
        found = tags_in(text)
        if not found:
            continue
        first = found[0][:40]
        more = f" and {len(found) - 1} more" if len(found) > 1 else ""
        problems.append(Problem(document.path, line_of_text(document, where, first),
                                _dotted(where), f"'{first}'{more} is HTML, which families "
                                "would see as it is written", FIX))
    return problems
