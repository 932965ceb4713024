"""Feed text made fit for a record: Markdown from HTML, plain lines, the summary."""

from __future__ import annotations

import pytest

from local_offer.editing.importing.text import cut, cut_markdown, markdown, plain, summary
from local_offer.records.raw_html import tags_in


@pytest.mark.parametrize("html, expected", [
    ('<p style="color:red">A <strong>friendly</strong> group.&nbsp;Come!</p>'
     "<ul><li>songs &amp; rhymes</li><li>play<ul><li>sand</li></ul></li></ul>",
     "A **friendly** group. Come!\n\n- songs & rhymes\n- play\n    - sand"),
    ("<ol><li>Lunch</li><li>Hat<ul><li>and sun cream</li></ul></li></ol><p>After.</p>",
     "1. Lunch\n2. Hat\n    - and sun cream\n\nAfter."),
    ("&lt;p&gt;Escaped twice &amp;amp; more&lt;/p&gt;", "Escaped twice & more"),
    ("One<br>two<br/><br/>three", "One\n\ntwo\n\nthree"),
    ('<h2>About</h2><p><a href="https://example.org/x">Ours</a>, <a href="/here">here</a>, '
     '<a href="javascript:alert(1)">there</a>.</p>', "## About\n\n[Ours](https://example.org/x), "
                                                    "here, there."),
    ("<p>Hi<script>alert(1)</script><style>p{}</style><!-- note --></p>", "Hi"),
    ("<table><tr><td>Mon</td><td>10 to 12</td></tr></table>", "Mon 10 to 12"),
    ("Plain\u200b text,\u00a0odd\x07 spaces\u202e.\r\n\r\n\r\nNext", "Plain text, odd spaces."
                                                                    "\n\nNext"),
    ("- already Markdown\n- a list", "- already Markdown\n- a list"),
    ("Tom &amp; Jerry", "Tom & Jerry"),
])
def test_html_becomes_markdown_with_no_tag_left(html, expected):
    converted = markdown(html)
    assert converted == expected
    assert tags_in(converted) == []


def test_nested_lists_stay_nested_on_the_page():
    from local_offer.records.markdown_text import markdown_to_html
    html = markdown_to_html(markdown("<ul><li>play<ul><li>sand<ul><li>wet</li></ul></li>"
                                     "</ul></li><li>songs</li></ul>"))
    assert html.count("<ul>") == 3 and "<li>songs</li>" in html.replace("\n", "")


def test_plain_text_is_one_line_without_tags_or_invisible_characters():
    assert plain("<b>Tiny&nbsp;Talkers</b> &amp; co\u200b\n(Strood)") == "Tiny Talkers & co (Strood)"
    assert plain(None) == ""


def test_the_summary_is_the_first_sentence_cut_at_a_word():
    assert summary("## About us\n\nWe meet on Tuesdays. Come along.") == "We meet on Tuesdays."
    assert summary("Hi. We meet on Tuesdays.") == "Hi. We meet on Tuesdays."  # at least 10
    long = "We " + "meet and play " * 30 + "together."
    cut_one = summary(long)
    assert len(cut_one) <= 200 and cut_one.endswith("…") and long.startswith(cut_one[:-1])
    assert summary("") == ""


def test_cutting_keeps_whole_words_and_paragraphs():
    assert cut("one two three", 9) == "one two…"
    text = "First paragraph.\n\nSecond paragraph is longer than the rest."
    assert cut_markdown(text, 30) == "First paragraph."
    assert cut_markdown(text, 500) == text
