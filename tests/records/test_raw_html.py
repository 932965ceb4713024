"""Raw HTML in a record's text is an error, with its line and the fix; Markdown is not HTML."""

from __future__ import annotations

import pytest
import yaml

from local_offer.records.loader import RecordLoader
from local_offer.records.raw_html import FIX, tags_in
from tests.helpers import MINIMAL
from tests.hostile_records import TAG_PAYLOADS


def problems_in(scratch, text: str) -> list[tuple[int, str, str, str]]:
    scratch.write("html.yaml", text)
    return [(p.line, p.field, p.message, p.fix) for p in RecordLoader(scratch).load().problems]


def test_a_tag_in_a_description_names_its_line_and_the_fix(scratch):
    text = MINIMAL + ("description: |\n  Come along to our group.\n\n"
                      "  <p>We meet <b>every</b> Tuesday.</p>\n  - songs\n")
    assert problems_in(scratch, text) == [
        (16, "description", "'<p>' and 3 more is HTML, which families would see as it is "
                            "written", FIX)]
    assert FIX == "write it as Markdown, like **bold** or - a list item"


def test_a_break_in_a_one_line_field_points_at_that_field(scratch):
    text = MINIMAL.replace("A service with only the fields that are required.",
                           "'A service for families.<br>Come along.'")
    assert problems_in(scratch, text) == [
        (2, "summary", "'<br>' is HTML, which families would see as it is written", FIX)]


@pytest.mark.parametrize("field, payload", TAG_PAYLOADS,
                         ids=[f"{field}-{index}" for index, (field, _) in
                              enumerate(TAG_PAYLOADS)])
def test_every_family_facing_text_refuses_tags(scratch, field, payload):
    data = yaml.safe_load(MINIMAL)
    data.setdefault("locations", [{"name": "Hub", "address": "1 Example Road, Strood",
                                   "postcode": "ME2 4AA"}])
    data.setdefault("sessions", [{"description": "Tuesdays"}])
    data.setdefault("languages", ["Polish"])
    target, key = data, field
    for part in field.replace("]", "").replace("[", ".").split(".")[:-1]:
        target = target[int(part) - 1] if part.isdigit() else target[part]
        key = field.replace("]", "").replace("[", ".").split(".")[-1]
    if key.isdigit():
        target[int(key) - 1] = payload
    else:
        target[key] = payload
    found = problems_in(scratch, yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                                width=1000))
    assert [(problem_field, fix) for _, problem_field, _, fix in found] == [(field, FIX)]


def test_markdown_and_plain_words_are_not_html(scratch):
    text = MINIMAL + ("description: |\n  **Bold**, *emphasis* and [a link](https://example.org/a)."
                      "\n\n  - a list item\n  - <https://example.org/b> and <team@example.org>"
                      "\n\n  Ages <5 and 5 > 4, Tom &amp; Jerry, `code`.\n")
    assert problems_in(scratch, text) == []


def test_what_counts_as_a_tag():
    assert tags_in("<p>Hi</p><br/><img/src=x><!-- note -->") == [
        "<p>", "</p>", "<br/>", "<img/src=x>", "<!--"]
    assert tags_in("a <script") == ["<script"]
    assert tags_in("<https://example.org/x> <mailto:a@example.org> <a@example.org> "
                   "a < b > c <5") == []


def test_the_template_and_the_fixture_offer_have_none(offer_project):
    result = RecordLoader(offer_project).load()
    assert result.records and not [p for p in result.problems if "is HTML" in p.message]
