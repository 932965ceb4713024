"""SiteContent is made once with everything it needs, and lists its pages once."""

from __future__ import annotations

import pytest

from local_offer.site.build import build_content
from tests.helpers import MINIMAL


def test_everything_the_content_needs_is_given_when_it_is_made(scratch):
    scratch.write("only.yaml", MINIMAL)
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/",
                            docs_page_urls=["", "about/"])
    assert content.site_url == "https://offer.example.org/"
    assert content.docs_page_urls == ("", "about/")
    with pytest.raises(AttributeError, match="not changed after it is made"):
        content.site_url = "https://elsewhere.example.org/"
    with pytest.raises(AttributeError):
        content.records = ()


def test_the_list_of_pages_is_made_once_per_build(scratch, monkeypatch):
    scratch.write("only.yaml", MINIMAL)
    content = build_content(scratch, today="2026-11-23")
    listed = []
    original = type(content)._list_pages
    monkeypatch.setattr(type(content), "_list_pages",
                        lambda self: listed.append(1) or original(self))
    first = content.pages()
    # The coverage page and the sitemap ask again; they get the same pages.
    for page in first:
        if page.render and page.kind != "service":
            page.render(page.url)
    assert content.pages() is first
    assert listed == [1]
