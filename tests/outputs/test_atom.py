"""feed.xml: a valid Atom feed of published services, newest first, linked from every page."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from local_offer.editing.synth import write_synthetic
from local_offer.outputs import atom
from local_offer.outputs.common import Identifiers
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, ROOT

NS = {"atom": "http://www.w3.org/2005/Atom"}


def test_the_built_feed_is_atom_newest_first(offer_project, offer_site):
    feed = ET.parse(offer_site / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("atom:id", "atom:title", "atom:updated", "atom:author/atom:name"):
        assert feed.find(required, NS) is not None, required
    content = build_content(offer_project, today=FIXTURE_TODAY)
    entries = feed.findall("atom:entry", NS)
    assert len(entries) == min(len(content.records), atom.FEED_SIZE)
    updated = [entry.find("atom:updated", NS).text for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.find("atom:updated", NS).text == updated[0]
    ids = Identifiers("Medway")
    records = {f"urn:uuid:{ids.service(record)}": record for record in content.records}
    for entry in entries:
        record = records[entry.find("atom:id", NS).text]
        assert entry.find("atom:title", NS).text == record.name
        assert entry.find("atom:updated", NS).text == f"{record.last_reviewed}T00:00:00Z"
        link = entry.find("atom:link[@rel='alternate']", NS).get("href")
        # Relative to the feed, at the site root, it leads to the service's page.
        assert (offer_site / link / "index.html").is_file(), link


def test_home_page_links_to_the_feed_and_every_page_announces_it(offer_site):
    home = (offer_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="feed.xml">' in home
    for page, href in (("index.html", "feed.xml"), ("about/index.html", "../feed.xml"),
                       ("services/tiny-talkers-strood/index.html", "../../feed.xml")):
        html = (offer_site / page).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert f'<link rel="alternate feed" type="application/atom+xml" href="{href}"' in head, page


def test_the_feed_keeps_the_newest_services_only(scratch):
    write_synthetic(atom.FEED_SIZE + 20, scratch.services_dir, scratch.taxonomy,
                    today=dt.date(2026, 11, 20))
    content = build_content(scratch, today="2026-11-20")
    assert len(content.records) > atom.FEED_SIZE
    feed = ET.fromstring(atom.feed(content))
    shown = [entry.find("atom:updated", NS).text[:10] for entry in feed.findall("atom:entry", NS)]
    assert len(shown) == atom.FEED_SIZE
    left_out = sorted(content.records, key=lambda r: r.last_reviewed)[:20]
    assert max(r.last_reviewed.isoformat() for r in left_out) <= min(shown)


def test_an_empty_offer_still_has_a_valid_feed(scratch):
    content = build_content(scratch, today="2026-11-23")
    feed = ET.fromstring(atom.feed(content))
    assert feed.findall("atom:entry", NS) == []
    assert feed.find("atom:updated", NS).text == "2026-11-23T00:00:00Z"


def test_the_documentation_gives_the_feed_size():
    text = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")
    assert f"The {atom.FEED_SIZE} services checked most recently" in text
