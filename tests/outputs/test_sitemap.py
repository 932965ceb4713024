"""sitemap.xml: every page of the site, ours rather than mkdocs', with review dates."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from local_offer.site.build import build_content
from local_offer.outputs import sitemap

from tests.helpers import MINIMAL, build_into

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_built_sitemap_lists_every_page_once(offer_site):
    root = ET.parse(offer_site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locs = [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]
    assert len(locs) == len(set(locs))
    pages = {("./" if p.parent == offer_site else p.parent.relative_to(offer_site).as_posix()
              + "/") for p in offer_site.rglob("index.html")}
    assert set(locs) == pages
    # mkdocs' own sitemap (every page, build date as lastmod) is turned off.
    assert not (offer_site / "sitemap.xml.gz").exists()
    strood = next(url for url in root.findall("s:url", NS)
                  if url.find("s:loc", NS).text == "services/tiny-talkers-strood/")
    assert strood.find("s:lastmod", NS).text == "2026-09-14"


def test_addresses_are_full_when_the_site_url_is_set(scratch):
    scratch.write("only.yaml", MINIMAL)
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/send",
                            docs_page_urls=["", "about/"])
    root = ET.fromstring(sitemap.sitemap(content))
    locs = [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]
    assert locs[:3] == ["https://offer.example.org/send/", "https://offer.example.org/send/about/",
                        "https://offer.example.org/send/services/only/"]
    assert all(loc.startswith("https://offer.example.org/send/") for loc in locs)


def test_an_unpublished_entry_is_in_no_sitemap_and_has_no_structured_data(scratch, tmp_path):
    scratch.record("current", last_reviewed="2026-11-01")
    scratch.record("stale", name="Stale Service", last_reviewed="2024-05-03")
    build_into(scratch.root, tmp_path / "site")
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "services/current/" in sitemap and "services/stale/" not in sitemap
    stale_page = (tmp_path / "site" / "services" / "stale" / "index.html").read_text()
    assert "application/ld+json" not in stale_page
    current_page = (tmp_path / "site" / "services" / "current" / "index.html").read_text()
    assert "application/ld+json" in current_page
