"""The search index: Pagefind over the built service pages, and nothing else."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from local_offer.outputs import search_index
from local_offer.outputs.search_index import SearchIndexFailed, index_site
from local_offer.records.project import Project
from tests.helpers import MINIMAL, OFFER, build_into


def indexed(site: Path) -> dict[str, dict]:
    """Every page in the index by URL, as Pagefind stores it (gzipped JSON fragments)."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).decode("utf-8")
        page = json.loads(data.removeprefix("pagefind_dcd"))
        pages[page["url"]] = page
    return pages


def test_every_published_service_and_nothing_else_is_indexed(offer_site):
    pages = indexed(offer_site)
    # Each record's page; not its Easy Read version beside it (services/…/x.easy-read.yaml).
    services = {f"/services/{path.stem}/" for path in Project(OFFER).service_files()}
    assert set(pages) == services


def test_only_the_service_content_is_indexed(offer_site):
    page = indexed(offer_site)["/services/tiny-talkers-strood/"]
    assert page["meta"]["title"] == "Tiny Talkers (Strood)"
    assert page["content"].startswith("Tiny Talkers (Strood).")
    # Navigation, header and footer stay out; so does the hidden data block.
    for outside in ("Browse services", "How to get help", "Made with", "Search services",
                    "tiny talkers (strood)"):
        assert outside not in page["content"], outside
    # The family words are in: a search for SALT finds this page.
    assert "SALT" in page["content"] or "SaLT" in page["content"]


def test_results_carry_filters_and_the_facts_a_result_shows(offer_site):
    page = indexed(offer_site)["/services/tiny-talkers-strood/"]
    assert page["filters"]["age-from"] == ["0"] and page["filters"]["age-to"] == ["4"]
    assert page["filters"]["area"] == ["strood"]
    assert page["filters"]["need"] == ["speech-language-communication"]
    assert page["filters"]["free"] == ["yes"]
    assert page["filters"]["route"] == ["drop-in"]
    assert page["meta"]["ages"] == "Ages 0 to 4 years"
    assert page["meta"]["areas"] == "Strood"
    assert page["meta"]["cost"] == "Free"
    assert page["meta"]["reviewed"] == "Last reviewed 14 September 2026"
    assert page["meta"]["summary"].startswith("Friendly play sessions")
    hub = indexed(offer_site)["/services/strood-family-hub/"]
    assert "autism" in hub["filters"]["need"]  # all needs: under every need


def test_the_bundle_is_served_from_the_site_without_unused_interfaces(offer_site):
    bundle = offer_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list(bundle.glob("wasm.*.pagefind"))
    assert not (bundle / "pagefind-ui.js").exists()
    assert not (bundle / "pagefind-component-ui.js").exists()


def test_unpublished_services_are_not_indexed(scratch, tmp_path):
    scratch.record("current", name="Current Service")
    scratch.record("expired", name="Expired Service", last_reviewed="2024-01-10")
    build_into(scratch.root, tmp_path / "site")
    assert set(indexed(tmp_path / "site")) == {"/services/current/"}


def test_a_count_that_does_not_match_the_published_services_stops_the_build(offer_site,
                                                                          tmp_path):
    import shutil
    site = tmp_path / "site"
    shutil.copytree(offer_site / "services", site / "services")
    with pytest.raises(SearchIndexFailed, match="indexed 51 pages but there are 50"):
        index_site(site, expected=50)


def test_no_published_services_means_no_index(tmp_path):
    (tmp_path / "pagefind").mkdir()
    stats = index_site(tmp_path, expected=0)
    assert stats.pages == 0 and not (tmp_path / "pagefind").exists()


def test_a_failing_indexer_fails_the_build_with_its_message(scratch, tmp_path, monkeypatch,
                                                           caplog):
    from local_offer.cli import main
    scratch.write("current.yaml", MINIMAL)
    monkeypatch.setattr(search_index, "pagefind_command",
                        lambda: ["python3", "-c", "import sys; print('disk full'); sys.exit(3)"])
    code = main(["--project", str(scratch.root), "build", "--site-dir", str(tmp_path / "site")])
    assert code == 1
    # mkdocs logs the plugin's message, then stops the build.
    assert "search index could not be built" in caplog.text and "disk full" in caplog.text
    assert not (tmp_path / "site").exists()  # the failed build was not swapped in
