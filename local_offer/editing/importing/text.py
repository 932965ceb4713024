"""Text from another directory, made fit for a record: HTML to Markdown, plain lines, a summary.

Descriptions in the feeds are HTML (often with inline styles, scripts, entities,
even HTML escaped twice); markdownify, a maintained converter, turns the tags
our Markdown knows into Markdown, and the rest into their text. Invisible and
control characters are dropped everywhere, so nothing reaches a page that a
family cannot see or a screen reader would stumble on.
"""

from __future__ import annotations

import html
import re
import warnings

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning
from markdownify import markdownify

from local_offer.editing.plain_english import prose_blocks, sentences
from local_offer.records import link_policy
from local_offer.records.raw_html import HTML_TAG, tags_in

# Elements whose content is never text for a family.
DROPPED = ("script", "style", "noscript", "template", "head", "iframe", "object", "embed",
           "svg", "math", "form", "button", "select", "textarea", "input")
# Tags Markdown has a form for; every other tag leaves only its text.
CONVERTED = ["a", "b", "strong", "i", "em", "p", "br", "ul", "ol", "li", "blockquote",
             "h1", "h2", "h3", "h4", "h5", "h6"]
# Zero-width and direction characters, the soft hyphen and the byte order mark: invisible,
# or they reorder text. Control characters other than the newline and tab.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                       "\u180e\ufff9-\ufffb\x00-\x08\x0b-\x1f\x7f-\x9f]")
DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}")
SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# HTML escaped twice (&amp;lt;p&amp;gt;) decodes to tags; this many rounds undo it.
ROUNDS = 3
SUMMARY_LIMIT = 200
SUMMARY_MINIMUM = 10


def clean(text: str) -> str:
    """Without invisible or control characters; odd spaces as plain ones, lines trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n") \
        .replace("\u2029", "\n\n")
    text = SPACES.sub(" ", INVISIBLE.sub("", text))
    lines = [DOUBLE_SPACE.sub(" ", line).rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain(text) -> str:
    """One line of plain text (a name, an address): no tags, entities decoded, spaces single."""
    if not isinstance(text, str):
        return ""
    for _ in range(ROUNDS):
        if "<" in text or "&" in text:
            text = _soup(text).get_text(" ")
    text = HTML_TAG.sub(" ", clean(text))
    return " ".join(text.split())


def markdown(text) -> str:
    """A description as Markdown: no tag left, links only those a record may hold."""
    if not isinstance(text, str):
        return ""
    converted = False
    for _ in range(ROUNDS):
        if tags_in(text):
            text, converted = _converted(text), True
        elif "&" in text and tags_in(html.unescape(text)):  # HTML escaped once too often
            text = html.unescape(text)
        else:
            break
    if tags_in(text):  # still tags after every round: keep their text only
        text = HTML_TAG.sub(" ", text)
    elif "&" in text and not converted:  # plain text with entities: markdownify decodes them
        text = html.unescape(text)
    return clean(text)


def summary(description_markdown: str) -> str:
    """The first sentence, cut at a word boundary to fit a summary; "" if there is none."""
    # Headings are not sentences: the summary comes from the paragraphs and list items.
    prose = "\n".join(line for line in description_markdown.split("\n")
                      if not line.lstrip().startswith("#"))
    blocks = prose_blocks(prose) if prose.strip() else []
    words = ""
    for block in blocks:
        for sentence in sentences(block):
            words = f"{words} {sentence}".strip()
            if len(words) >= SUMMARY_MINIMUM:
                return cut(words, SUMMARY_LIMIT)
    return cut(words, SUMMARY_LIMIT) if len(words) >= SUMMARY_MINIMUM else ""


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    shorter = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return shorter + "…"


def cut_markdown(text: str, limit: int) -> str:
    """Whole paragraphs while they fit, then the paragraph cut at a word boundary."""
    if len(text) <= limit:
        return text
    kept = ""
    for paragraph in text.split("\n\n"):
        joined = f"{kept}\n\n{paragraph}" if kept else paragraph
        if len(joined) > limit - 1:
            room = limit - len(kept) - 2
            return (f"{kept}\n\n{cut(paragraph, room)}" if kept and room > 40
                    else kept or cut(paragraph, limit))
        kept = joined
    return kept


def _soup(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(text, "html.parser")


def _converted(text: str) -> str:
    soup = _soup(text)
    for element in soup.find_all(DROPPED):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for link in soup.find_all("a"):
        href = link.get("href", "")
        # Only links a record may hold, and only to a whole address: others keep their text.
        if not href or not link_policy.is_allowed(href) or href.startswith("#"):
            link.unwrap()
    for cell in soup.find_all(["td", "th"]):
        cell.replace_with(cell.get_text(" ").strip() + " ")
    for row in soup.find_all("tr"):
        row.wrap(soup.new_tag("p"))
    converted = markdownify(str(soup), convert=CONVERTED, heading_style="ATX", bullets="-",
                            strip_document="strip")
    # A line break (two spaces at a line's end) starts a new paragraph: trailing spaces do
    # not survive editors, and a record keeps no whitespace at the end of a line.
    return _four_space_lists(re.sub(r" {2,}\n", "\n\n", converted))


LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) ")


def _four_space_lists(text: str) -> str:
    """Nested lists indented by four spaces a level, as Python-Markdown (our Markdown) needs;
    markdownify indents by the width of the marker, which CommonMark reads but it does not."""
    lines, levels = [], []  # levels: the indent of each open list item, outermost first
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        item = LIST_ITEM.match(line)
        if item:
            while levels and levels[-1] >= indent:
                levels.pop()
            lines.append("    " * len(levels) + line.lstrip(" "))
            levels.append(indent)
        elif line.strip() and indent and levels:  # a paragraph inside the last item
            while levels and levels[-1] >= indent:
                levels.pop()
            lines.append("    " * (len(levels) + 1) + line.lstrip(" "))
        else:
            if line.strip():
                levels = []
            lines.append(line)
    return "\n".join(lines)
