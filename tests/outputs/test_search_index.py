"""The search index: Pagefind over the built service pages, and nothing else."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from local_offer.outputs import search_index
from local_offer.outputs.search_index import SearchIndexFailed, index_site
from local_offer.records.project import Project
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL, OFFER, build_into


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


def decoded_tables(site: Path) -> dict[str, dict[str, set[str]]]:
    """Each filter table read back, every language's: filter -> page URL -> its values."""
    by_hash = {path.stem: json.loads(gzip.decompress(path.read_bytes()).decode("utf-8")
                                     .removeprefix("pagefind_dcd"))["url"]
               for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")}
    tables: dict[str, dict[str, set[str]]] = {}
    for folder in (site / "pagefind" / search_index.TABLES).iterdir():
        # A language's rows: its pages (ids starting with its code), in their ids' order.
        urls = [by_hash[page_hash] for page_hash in sorted(by_hash)
                if page_hash.rpartition("_")[0] == folder.name]
        assert urls, folder
        for path in folder.glob("*.pf_table"):
            table = json.loads(gzip.decompress(path.read_bytes()))
            assert table["rows"] == len(urls) and len(table["table"]) == len(urls) * table["width"]
            digits = [search_index.DIGITS.index(c) for c in table["table"]]
            rows = tables.setdefault(table["name"], {})
            for row, url in enumerate(urls):
                if table["kind"] == "one":
                    rows[url] = {table["values"][digits[row] - 1]} if digits[row] else set()
                else:
                    mask = sum(d << (6 * i) for i, d in enumerate(
                        digits[row * table["width"]:(row + 1) * table["width"]]))
                    rows[url] = {v for i, v in enumerate(table["values"]) if mask >> i & 1}
    return tables


def test_the_filter_tables_hold_every_service_s_filters_in_the_index_s_order(offer_site,
                                                                            offer_project):
    offer_content = build_content(offer_project, today=FIXTURE_TODAY)
    tables = decoded_tables(offer_site)
    expected: dict[str, dict[str, set[str]]] = {}
    for record in offer_content.records:
        url = f"/services/{record.id}/"
        for name, value in offer_content.search.tabled_filters(record):
            expected.setdefault(name, {}).setdefault(url, set()).add(value)
    assert set(tables) == set(expected)  # every filter SearchData tables, and no other
    # Where venues are is read from Pagefind's own filters by a search by postcode.
    assert not [name for name in tables if name.startswith("near-")]
    for name, rows in tables.items():
        assert {url: values for url, values in rows.items() if values} == expected[name], name
    assert tables["area"]["/services/tiny-talkers-strood/"] == {"strood"}


def test_a_table_row_may_hold_several_values_or_none(tmp_path):
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    for page_hash, url in (("en_b", "/services/b/"), ("en_a", "/services/a/")):
        (bundle / "fragment" / f"{page_hash}.pf_fragment").write_bytes(
            gzip.compress(("pagefind_dcd" + json.dumps({"url": url})).encode()))
    values = [f"v{i:02d}" for i in range(8)]
    search_index.write_filter_tables(bundle, {
        "/services/a/": [("many", v) for v in values] + [("one", "x")],
        "/services/b/": [("many", "v07")]})
    tables = decoded_tables(tmp_path)
    assert tables["many"] == {"/services/a/": set(values), "/services/b/": {"v07"}}
    assert tables["one"] == {"/services/a/": {"x"}, "/services/b/": set()}
    assert [folder.name for folder in (bundle / search_index.TABLES).iterdir()] == ["en"]
    with pytest.raises(SearchIndexFailed, match="not a published service page"):
        search_index.write_filter_tables(bundle, {"/services/a/": []})


def decoded_row_ids(written: dict) -> list[str]:
    """rows.pf_ids read back, as docs/assets/find.js reads it."""
    ids = []
    for group in written["groups"]:
        bits = "".join(format(search_index.DIGITS.index(c), "06b") for c in group["bits"])
        at, number = 0, 0
        for _ in range(group["count"]):
            high = 0
            while bits[at] == "1":
                high, at = high + 1, at + 1
            at += 1
            low = int(bits[at:at + group["shift"]] or "0", 2)
            at += group["shift"]
            number += (high << group["shift"]) + low
            ids.append(group["prefix"] + format(number, "x").zfill(group["width"]))
    return ids


def test_page_ids_are_written_in_few_bits_and_read_back_exactly():
    import random
    chance = random.Random(7)
    ids = sorted({f"en_{chance.getrandbits(28):07x}" for _ in range(5000)}
                 | {f"pl_{chance.getrandbits(28):07x}" for _ in range(50)}
                 | {"pl_0000000", "ro_00000ab", "ro_fffffff", "ro_123456789"})
    written = search_index.row_ids(ids)
    assert decoded_row_ids(written) == ids
    # A group a run of ids with the same prefix and width, in sorted order.
    assert [(g["prefix"], g["width"]) for g in written["groups"]] == [
        ("en_", 7), ("pl_", 7), ("ro_", 7), ("ro_", 9), ("ro_", 7)]
    english = written["groups"][0]
    # About 17 bits an id (the ids' own text is 28 bits of hexadecimal, and more).
    assert len(english["bits"]) * 6 / english["count"] < 18
    assert search_index.rice_shift([0, 0, 0]) == 0 and search_index.row_ids([]) == {
        "rows": 0, "groups": []}


def test_each_language_has_its_own_tables_with_only_its_rows(tmp_path):
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    pages = {"en_1": "/services/a/", "en_2": "/services/b/", "pl_1": "/pl/services/a/"}
    for page_hash, url in pages.items():
        (bundle / "fragment" / f"{page_hash}.pf_fragment").write_bytes(
            gzip.compress(("pagefind_dcd" + json.dumps({"url": url})).encode()))
    search_index.write_filter_tables(bundle, {url: [("area", "x")] for url in pages.values()},
                                     {url: url for url in pages.values()})
    for language, rows in (("en", 2), ("pl", 1)):
        folder = bundle / search_index.TABLES / language
        assert json.loads(gzip.decompress((folder / "area.pf_table").read_bytes()))["rows"] == rows
        assert json.loads(gzip.decompress((folder / search_index.ROW_IDS).read_bytes()))["rows"] == rows
        assert (folder / search_index.A_TO_Z).exists()
    assert tables_urls(decoded_tables(tmp_path)["area"]) == set(pages.values())


def tables_urls(rows: dict[str, set[str]]) -> set[str]:
    return {url for url, values in rows.items() if values}


def test_a_kept_staging_folder_writes_only_what_changed_and_drops_what_went():
    staging = search_index.SearchStaging(kept=True)
    try:
        staging.begin()
        staging.add("services/a/", "en", "<h1>A</h1>")
        staging.add("services/b/", "en", "<h1>B</h1>")
        staging.prune()
        a, b = (staging.folder / name / "index.html" for name in ("services/a", "services/b"))
        a.write_text("changed behind its back, so a rewrite would show", encoding="utf-8")
        staging.begin()  # the next build: a unchanged, b edited, c new, and no more d
        staging.add("services/a/", "en", "<h1>A</h1>")
        staging.add("services/b/", "en", "<h1>B, edited</h1>")
        staging.add("services/c/", "pl", "<h1>C</h1>")
        staging.prune()
        assert a.read_text(encoding="utf-8").startswith("changed behind")
        assert "<h1>B, edited</h1>" in b.read_text(encoding="utf-8")
        assert '<html lang="pl">' in (staging.folder / "services/c/index.html").read_text("utf-8")
        staging.begin()
        staging.add("services/c/", "pl", "<h1>C</h1>")
        staging.prune()
        assert not a.exists() and not b.exists()
        assert sorted(p.parent.name for p in staging.folder.rglob("index.html")) == ["c"]
    finally:
        staging.close()
    assert not staging.folder.exists()
