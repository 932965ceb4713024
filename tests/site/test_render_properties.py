"""Property-based: whatever text a record holds, its pages hold only the template's elements.

Every text field gets arbitrary text laced with HTML and script payloads; the
rendered HTML is parsed and its elements and attributes compared with what the
templates make of plain records (plus the few tags a Markdown description may
have). Web addresses that are not http(s) never reach a page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local_offer.records.link_policy import UnsafeLink, is_allowed
from local_offer.records.loader import RecordLoader
from local_offer.records.markdown_text import ALLOWED_TAGS
from local_offer.site.render import Renderer
from tests.helpers import component_fixtures, copy_project
from tests.html_elements import Elements

BOUNDED = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 80)),
                   deadline=dt.timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
            "\"><script>alert(1)</script>", "' onmouseover='alert(1)", "javascript:alert(1)",
            "</title><script>alert(1)</script>", "<!--", "-->", "<![CDATA[", "]]>",
            "&lt;script&gt;", "&#60;script&#62;", "{{ 7*7 }}", "{% raw %}", "[x](javascript:a)",
            "![x](https://example.org/x.png\" onerror=\"alert(1))", "<a href=javascript:x>a</a>",
            "<iframe srcdoc='<script>alert(1)</script>'>", "<style>*{}</style>", "<base href=//x>",
            "<math><mi xlink:href=javascript:x>", "`<b>`", "\n\n", "* ", "# ", "> ", "&", "<", ">",
            "\"", "'", "=", "/", "\\", "\u2028", "\ufeff"]
HOSTILE_TEXT = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=8)),
                        max_size=6).map("".join)
WEB_ADDRESS = HOSTILE_TEXT.map(lambda text: "https://example.org/" + text)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """Plain records (every field, minimal, temporarily closed) and what their pages hold."""
    project = copy_project(tmp_path_factory.mktemp("plain"))
    for name, text in component_fixtures("service-page").items():
        (project.services_dir / f"{name.replace('_', '-')}.yaml").write_text(text)
    result = RecordLoader(project).load()
    assert result.problems == []
    renderer = Renderer(project.taxonomy)
    tags, attributes = set(ALLOWED_TAGS), {("a", "href"), ("a", "rel")}
    for record in result.records:
        for html in pages(renderer, record):
            found = Elements(html)
            tags |= found.tags
            attributes |= found.attributes
    full = next(r for r in result.records if r.id == "full")
    return renderer, full, tags, attributes


def pages(renderer: Renderer, record) -> list[str]:
    return [renderer.render("service-page", f"services/{record.id}/", record=record),
            renderer.render("service-list", "browse/a-z/A/", records=[record])]


def with_text(record, draw, web_address=WEB_ADDRESS):
    """The record with every text field replaced by drawn text."""
    text = lambda: draw(HOSTILE_TEXT)  # noqa: E731
    replace = dataclasses.replace
    return replace(
        record, id=text(), name=text(), summary=text(), description=text(), alert=text(),
        status=draw(st.sampled_from(["active", "temporarily-closed"])),
        provider=replace(record.provider, name=text(), website=draw(web_address)),
        cost=replace(record.cost, description=text(), free=draw(st.booleans())),
        how_to_get_it=replace(record.how_to_get_it, steps=text(),
                              referral_form=draw(web_address)),
        contact=replace(record.contact, phone=text(), email=text(), website=draw(web_address)),
        locations=tuple(replace(location, name=text(), address=text(), postcode=text(),
                                accessibility=text()) for location in record.locations),
        sessions=tuple(replace(session, description=text()) for session in record.sessions),
        languages=(text(), text()))


def assert_only_template_elements(html: str, tags: set, attributes: set) -> None:
    found = Elements(html)
    assert found.tags <= tags, found.tags - tags
    assert found.attributes <= attributes, found.attributes - attributes
    for link in found.links:  # the template's own links are relative, without a scheme
        assert is_allowed(link) or ":" not in link.split("/")[0], link


@BOUNDED
@given(data=st.data())
def test_pages_hold_only_the_templates_elements_whatever_the_text(plain, data):
    renderer, full, tags, attributes = plain
    for html in pages(renderer, with_text(full, data.draw)):
        assert_only_template_elements(html, tags, attributes)


@BOUNDED
@given(data=st.data())
def test_a_web_address_that_is_not_http_never_reaches_a_page(plain, data):
    renderer, full, tags, attributes = plain
    record = with_text(full, data.draw, web_address=HOSTILE_TEXT)
    web = [record.provider.website, record.how_to_get_it.referral_form, record.contact.website]
    if all(is_allowed(url, frozenset({"http", "https"})) for url in web if url):
        for html in pages(renderer, record):
            assert_only_template_elements(html, tags, attributes)
    else:
        with pytest.raises(UnsafeLink):
            pages(renderer, record)


def test_the_comparison_would_notice_an_injected_element(plain):
    _, _, tags, attributes = plain
    with pytest.raises(AssertionError):
        assert_only_template_elements('<p>fine</p><img src="x" onerror="alert(1)">', tags,
                                      attributes)
    with pytest.raises(AssertionError):
        assert_only_template_elements('<a href="javascript:alert(1)">x</a>', tags, attributes)
