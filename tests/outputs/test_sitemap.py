"""sitemap.xml: every page of the site, ours rather than mkdocs', with review dates.

The sitemaps protocol wants full addresses: with the site's address the sitemap
is valid against the sitemaps.org schema (tests/fixtures/schemas/), and without
one no sitemap is published at all, rather than one of relative addresses.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
import xmlschema

from local_offer.cli import main
from local_offer.cli.commands.build import NO_SITE_URL
from local_offer.outputs import sitemap
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL, ROOT, build_into, copy_project

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SCHEMA = ROOT / "tests" / "fixtures" / "schemas" / "sitemap-0.9.xsd"
SITE_URL = "https://localoffer.example.org/send/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The fixture offer built for where it is published."""
    root = tmp_path_factory.mktemp("published")
    copy_project(root, offer=True)
    build_into(root, root / "site", site_url=SITE_URL)
    return root / "site"


def locs(root: ET.Element) -> list[str]:
    return [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]


def test_the_sitemap_is_valid_and_lists_every_page_once_in_full(published_site):
    xmlschema.XMLSchema(str(SCHEMA)).validate(str(published_site / "sitemap.xml"))
    root = ET.parse(published_site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    found = locs(root)
    assert len(found) == len(set(found))
    pages = {SITE_URL + ("" if p.parent == published_site else
                         p.parent.relative_to(published_site).as_posix() + "/")
             for p in published_site.rglob("index.html")}
    assert set(found) == pages - {SITE_URL + p for p in unpublished_pages(published_site)}
    assert SITE_URL in found and all(loc.startswith(SITE_URL) for loc in found)
    # mkdocs' own sitemap (every page, build date as lastmod) is turned off.
    assert not (published_site / "sitemap.xml.gz").exists()
    strood = next(url for url in root.findall("s:url", NS)
                  if url.find("s:loc", NS).text == SITE_URL + "services/tiny-talkers-strood/")
    assert strood.find("s:lastmod", NS).text == "2026-09-14"


def unpublished_pages(site) -> set[str]:
    """The short "being checked" pages the build keeps for unpublished entries."""
    return {p.parent.relative_to(site).as_posix() + "/"
            for p in (site / "services").glob("*/index.html")
            if "data-pagefind-body" not in p.read_text(encoding="utf-8")}


def test_the_schema_refuses_the_relative_addresses_it_used_to_hold(tmp_path):
    # What a build without an address used to publish: search engines reject it.
    old = tmp_path / "sitemap.xml"
    old.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                   f'"{NS["s"]}"><url><loc>./</loc></url></urlset>\n', encoding="utf-8")
    assert not xmlschema.XMLSchema(str(SCHEMA)).is_valid(str(old))


def test_without_a_site_address_no_sitemap_is_published_and_the_build_says_so(
        scratch, tmp_path, capsys):
    scratch.record("only")
    assert main(["--project", str(scratch.root), "build", "--today", FIXTURE_TODAY,
                 "--site-dir", str(tmp_path / "site")]) == 0
    err = capsys.readouterr().err
    assert err.count(NO_SITE_URL) == 1 and err.strip() == NO_SITE_URL
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    assert not list((tmp_path / "site").glob("sitemap*"))
    for page in (tmp_path / "site").rglob("*.html"):
        assert 'href="sitemap.xml"' not in page.read_text(encoding="utf-8"), page


def test_the_site_address_in_settings_is_used_and_build_site_url_wins(scratch, tmp_path,
                                                                      capsys):
    scratch.record("only")
    settings = scratch.data_dir / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        + "site_url: https://settings.example.org/offer\n", encoding="utf-8")
    build_into(scratch.root, tmp_path / "site")
    assert NO_SITE_URL not in capsys.readouterr().err
    assert "https://settings.example.org/offer/" in \
        locs(ET.parse(tmp_path / "site" / "sitemap.xml").getroot())
    page = (tmp_path / "site" / "services" / "only" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://settings.example.org/offer/services/only/">' \
        in page
    build_into(scratch.root, tmp_path / "site", site_url="https://pages.example.org/x")
    assert "https://pages.example.org/x/" in \
        locs(ET.parse(tmp_path / "site" / "sitemap.xml").getroot())


def test_addresses_are_full_when_the_site_url_is_set(scratch):
    scratch.write("only.yaml", MINIMAL)
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/send",
                            docs_page_urls=["", "about/"])
    root = ET.fromstring(sitemap.sitemap(content))
    assert locs(root)[:3] == ["https://offer.example.org/send/",
                              "https://offer.example.org/send/about/",
                              "https://offer.example.org/send/services/only/"]
    assert all(loc.startswith("https://offer.example.org/send/") for loc in locs(root))


def test_an_unpublished_entry_is_in_no_sitemap_and_has_no_structured_data(scratch, tmp_path):
    scratch.record("current", last_reviewed="2026-11-01")
    scratch.record("stale", name="Stale Service", last_reviewed="2024-05-03")
    build_into(scratch.root, tmp_path / "site", site_url=SITE_URL)
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "services/current/" in sitemap and "services/stale/" not in sitemap
    stale_page = (tmp_path / "site" / "services" / "stale" / "index.html").read_text()
    assert "application/ld+json" not in stale_page
    current_page = (tmp_path / "site" / "services" / "current" / "index.html").read_text()
    assert "application/ld+json" in current_page
