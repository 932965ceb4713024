"""Descriptions written in Markdown, turned into safe HTML.

Raw HTML in a record is never passed through: Python-Markdown's HTML handling
is switched off, so any tag shows as text, and the result is cleaned by nh3
(the Ammonia sanitiser) with an allow-list as a second line of defence.
"""

from __future__ import annotations

import re

import markdown
import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "code", "br", "blockquote", "h3",
                "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Headings in a description sit under the page's own h2 sections.
_HEADING = re.compile(r"<(/?)h[1-6]>")


def _converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=[], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


_markdown = _converter()


def markdown_to_html(text: str) -> str:
    _markdown.reset()
    html = _markdown.convert(text)
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h3>", html)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener")
