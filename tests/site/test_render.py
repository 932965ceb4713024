"""Links between pages: relative, so the site works from any folder on any host."""

from __future__ import annotations

import posixpath

import pytest

from local_offer.site.urls import relative as relative_url

PAGES = ["", "index.html", "services/tiny-talkers/", "browse/", "browse/area/strood/",
         "find/", "404.html"]
TARGETS = ["", "services/tiny-talkers/", "services/other/", "browse/", "browse/a-z/",
           "browse/area/strood/", "assets/find.js", "find/"]


def by_relpath(from_url: str, to_url: str) -> str:
    """What the standard library gives, the behaviour relative_url keeps."""
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    link = posixpath.relpath(to_url or ".", base or ".")
    wants_slash = to_url == "" or to_url.endswith("/")
    return link + "/" if wants_slash and not link.endswith("/") else link


@pytest.mark.parametrize("from_url", PAGES)
def test_links_match_the_standard_library(from_url):
    for to_url in TARGETS:
        assert relative_url(from_url, to_url) == by_relpath(from_url, to_url), (from_url, to_url)


def test_examples():
    assert relative_url("browse/area/strood/", "services/x/") == "../../../services/x/"
    assert relative_url("browse/area/strood/", "browse/a-z/") == "../../a-z/"
    assert relative_url("services/x/", "") == "../../"
    assert relative_url("", "find/") == "find/"
    assert relative_url("find/", "find/") == "./"
