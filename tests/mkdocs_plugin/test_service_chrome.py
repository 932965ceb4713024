"""Service pages written as the theme's page rendered once per language, filled in:
byte for byte what rendering each page in full writes, or every page in full where a
theme makes them differ."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from local_offer.mkdocs_plugin.service_chrome import (BODY, ID, JSON_LD, MARKERS, TITLE,
                                                      Chrome, ServicePageChrome)
from tests.helpers import build_into, copy_project

SITE_URL = "https://localoffer.example.org/"


def service_pages(site):
    return sorted(path.relative_to(site).as_posix()
                  for path in site.rglob("services/*/index.html"))


@pytest.fixture
def settled(monkeypatch) -> list[tuple[str, bool]]:
    """Each language's decision, as the build makes it: (prefix, whether the chrome holds)."""
    decisions = []
    settle = ServicePageChrome.settle

    def spy(self, prefix, *args, **kwargs):
        holds = settle(self, prefix, *args, **kwargs)
        decisions.append((prefix, holds))
        return holds

    monkeypatch.setattr(ServicePageChrome, "settle", spy)
    return decisions


def test_a_chrome_is_filled_in_at_each_marker():
    chrome = Chrome(tuple(MARKERS.split(
        f"<title>{TITLE} - Site</title><a href=\"../../pl/services/{ID}/\">"
        f"<script>{JSON_LD}</script>{BODY}<footer>{TITLE}</footer>")))
    assert chrome.fill("tiny-talkers", "Tiny &amp; Talkers", "<h1>Tiny</h1>", "{}") == (
        "<title>Tiny &amp; Talkers - Site</title><a href=\"../../pl/services/tiny-talkers/\">"
        "<script>{}</script><h1>Tiny</h1><footer>Tiny &amp; Talkers</footer>")


def test_filled_pages_are_the_pages_rendered_in_full(languages_project, tmp_path,
                                                    monkeypatch, settled):
    filled, full = tmp_path / "filled", tmp_path / "full"
    build_into(languages_project.root, filled, site_url=SITE_URL)
    assert settled == [("", True), ("pl", True), ("ro", True)]
    monkeypatch.setattr(ServicePageChrome, "settle", lambda *args, **kwargs: False)
    build_into(languages_project.root, full, site_url=SITE_URL)
    pages = service_pages(full)
    assert len(pages) > 150 and service_pages(filled) == pages
    for page in pages:
        assert (filled / page).read_bytes() == (full / page).read_bytes(), page
    # Each page's own parts are its own, in the canonical link and the switcher too.
    page = (filled / "pl/services/accessible-swimming/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}pl/services/accessible-swimming/">' in page
    assert 'href="../../../ro/services/accessible-swimming/"' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert data["url"] == f"{SITE_URL}pl/services/accessible-swimming/"
    assert not re.search("LOCHROMEX", page)


def test_a_theme_that_writes_more_of_a_page_gets_every_page_in_full(tmp_path, settled):
    project = copy_project(tmp_path / "project", offer=True)
    main = project.root / "docs" / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}",
        '{% block extrahead %}<meta name="lo-shouted" content="{{ page.title | upper }}">'),
        encoding="utf-8")
    site = tmp_path / "site"
    build_into(project.root, site)
    assert settled == [("", False)]
    for page in service_pages(site):
        text = (site / page).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*) - ", text).group(1)
        shouted = re.search(r'<meta name="lo-shouted" content="([^"]*)"', text).group(1)
        assert shouted == title.upper(), page
    shutil.rmtree(site)
