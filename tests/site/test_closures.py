"""Closures: a temporarily closed service shows its alert first, everywhere; a closed one goes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from local_offer.outputs.services_index import files
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL


def content_with_closures(scratch, service_fixtures):
    scratch.write("closed-for-now.yaml", service_fixtures["temporarily_closed"])
    scratch.record("gone-for-good", name="Gone For Good", status="closed",
                   supports_waiting_families=True)
    scratch.write("still-open.yaml", MINIMAL)
    return build_content(scratch, today=FIXTURE_TODAY)


def test_a_closed_service_is_unpublished_everywhere(scratch, service_fixtures):
    content = content_with_closures(scratch, service_fixtures)
    assert [r.id for r in content.unpublished] == ["gone-for-good"]
    pages = {page.url: page for page in content.pages()}
    # Its URL keeps only the short "being checked" page; nothing else names it.
    assert pages.pop("services/gone-for-good/").kind == "unpublished"
    everything = "".join(page.render(url) if page.markdown is None else page.markdown
                         for url, page in pages.items() if page.kind != "freshness")
    assert "Gone For Good" not in everything
    index = json.loads(dict(files(content))["services-index.json"])
    assert [entry["id"] for entry in index["services"]] == ["closed-for-now", "still-open"]


def test_a_temporarily_closed_service_shows_its_alert_on_its_page_and_in_lists(
        scratch, service_fixtures):
    content = content_with_closures(scratch, service_fixtures)
    pages = {page.url: page for page in content.pages()}
    page = pages["services/closed-for-now/"].render("services/closed-for-now/")
    alert = page.index('data-pagefind-meta="alert"')
    assert alert < page.index("Temporarily closed") < page.index(
        "Closed for building work until 6 January 2027.") < page.index("lo-summary")
    listing = pages["browse/area/gillingham/"].render("browse/area/gillingham/")
    assert ("<strong>Temporarily closed.</strong> Closed for building work until "
            "6 January 2027.") in listing
    index = json.loads(dict(files(content))["services-index.json"])
    assert index["services"][0]["alert"] == ("Temporarily closed. Closed for building work "
                                             "until 6 January 2027.")


def test_the_offer_closure_shows_on_its_page_and_in_its_category(offer_site):
    page = (offer_site / "services" / "accessible-swimming" / "index.html").read_text(
        encoding="utf-8")
    alert = page.split('data-pagefind-meta="alert"')[1].split("</div>")[0]
    assert "Temporarily closed" in alert and "Sessions restart on Sunday 7 March 2027." in alert
    listing = (offer_site / "browse" / "category" / "short-breaks" / "index.html").read_text(
        encoding="utf-8")
    item = listing.split('data-service-id="accessible-swimming"')[1].split("</li>")[0]
    assert "Temporarily closed." in item and "Sessions restart" in item


def test_search_index_carries_the_closure_alert_and_service_id(offer_site, tmp_path):
    """The markup contract with search: Pagefind reads the alert and id as result metadata."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(offer_site),
                    "--output-path", str(tmp_path / "pagefind"), "--glob",
                    "services/accessible-swimming/index.html"], check=True, capture_output=True)
    fragments = list((tmp_path / "pagefind" / "fragment").iterdir())
    assert len(fragments) == 1
    data = gzip.decompress(fragments[0].read_bytes())
    meta = json.loads(data[data.index(b"{"):])["meta"]
    assert meta["service_id"] == "accessible-swimming"
    assert meta["alert"] == ("Temporarily closed. Closed while the pool is refurbished. "
                             "Sessions restart on Sunday 7 March 2027.")
