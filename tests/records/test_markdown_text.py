"""Descriptions: Markdown without raw HTML, and only http, https, mailto and tel links."""

from __future__ import annotations

import pytest

from local_offer.records.markdown_text import link_targets, markdown_to_html
from tests.html_elements import Elements

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<a href='javascript:alert(1)'>x</a>",
    "<div onmouseover=alert(1)>hover</div>",
    "<style>body{display:none}</style>",
    "<object data=x.swf></object>",
    "<base href='https://example.org/'>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](https://example.org/x.png)",
    "![x](javascript:alert(1))",
    "[x](https://example.org/\" onclick=\"alert(1))",
    "[x](/relative/page)",
    "<!-- comment --><p>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_script_element_handler_or_unsafe_link_survives(text):
    found = Elements(markdown_to_html(text))
    assert found.tags <= {"p", "a", "code", "h3"}, found.tags
    assert found.attributes <= {("a", "href"), ("a", "rel")}, found.attributes
    assert all(link.startswith(("https://", "http://", "mailto:", "tel:"))
               for link in found.links), found.links


def test_raw_html_shows_as_text():
    assert markdown_to_html("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"


def test_allowed_markdown_still_works():
    html = markdown_to_html("# Title\n\n**bold** [web](https://example.org) <team@example.org>"
                            "\n\n- one\n- two")
    assert "<h3>Title</h3>" in html and "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener">web</a>' in html
    assert 'href="mailto:team@example.org"' in html
    assert "<li>one</li>" in html


def test_link_targets_are_what_markdown_makes_decoded():
    assert link_targets("[a](java&#x09;script:x) <me@example.org> [b][r]\n\n[r]: tel:1") == [
        "java\tscript:x", "mailto:me@example.org", "tel:1"]
