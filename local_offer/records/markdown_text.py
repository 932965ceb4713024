"""Descriptions written in Markdown, turned into safe HTML.

Raw HTML in a record is never passed through: Python-Markdown's HTML handling
is switched off, so any tag shows as text, and the result is cleaned by nh3
(the Ammonia sanitiser) with an allow-list as a second line of defence: only
the tags below, only href on links, only http, https, mailto and tel links.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import nh3

from local_offer.records.link_policy import ALLOWED_SCHEMES

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "code", "br", "blockquote", "h3",
                "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Headings in a description sit under the page's own h2 sections.
_HEADING = re.compile(r"<(/?)h[1-6]>")


def _converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=[], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


_markdown = _converter()


def _unsanitised_html(text: str) -> str:
    _markdown.reset()
    return _markdown.convert(text)


def markdown_to_html(text: str) -> str:
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h3>", _unsanitised_html(text))
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(ALLOWED_SCHEMES), url_relative="deny", link_rel="noopener")


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.targets += [value or "" for name, value in attrs if name in ("href", "src")]


def link_targets(text: str) -> list[str]:
    """Every link and image address Markdown makes of the text, as the browser would get it
    (before sanitising), so the validator can name the ones that are not allowed."""
    if "[" not in text and "<" not in text:  # every link and image starts with one of these
        return []
    collector = _LinkCollector()
    collector.feed(_unsanitised_html(text))
    collector.close()
    return collector.targets
