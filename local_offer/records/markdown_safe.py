"""Writing values into Markdown: posted (issues, pull-request comments) or the site's pages.

A record's text must stay text there: never a link, an image, HTML, a table
cell break or an @-mention that notifies people. One escaper serves every
report, so the rule cannot drift between them.
"""

from __future__ import annotations

import re

# Every character Markdown or GitHub gives a meaning: emphasis, code, links, images,
# HTML and entities, tables, headings, lists, strikethrough, and @-mentions.
SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~@&-])")


def text(value: str) -> str:
    """Plain text, on one line, with every Markdown and HTML special character escaped."""
    return SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def code(value: str) -> str:
    """Inline code that holds any value, backticks included."""
    value = " ".join(str(value).split())
    if not value:
        return "(nothing)"
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{padding}{value}{padding}{fence}"


def fenced(body: str, language: str = "", indent: str = "") -> str:
    """A fenced block that no line of the body can close early."""
    longest = max((len(run) for run in re.findall(r"`{3,}", body)), default=2)
    fence = "`" * (longest + 1)
    lines = [fence + language, *body.splitlines(), fence]
    return "\n".join(indent + line if line else line for line in lines)


def link(url: str) -> str:
    """A web address as an autolink that nothing in it can break out of."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


# Python-Markdown (the site's own pages) gives these a meaning; a backslash makes each plain.
_PAGE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!.-])")


def page_text(value: str) -> str:
    """Plain text, on one line, inside a page of the site written in Markdown: HTML is
    escaped and every character Python-Markdown gives a meaning is made plain."""
    value = " ".join(str(value).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _PAGE_SPECIAL.sub(r"\\\1", value)
