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


def bit_reader(text: str):
    """The bits of a string of DIGITS, one at a time, highest first (page-ids.js's bitReader)."""
    bits = iter("".join(format(search_index.DIGITS.index(c), "06b") for c in text))
    return lambda: int(next(bits))


def unary(bit) -> int:
    count = 0
    while bit():
        count += 1
    return count


def row_finder(written: dict):
    """rows.pf_ids read as docs/assets/page-ids.js reads it (pageRows): a page id's row."""
    groups, first = [], 0
    for group in written["groups"]:
        bit = bit_reader(group["bits"])
        before = [0]
        for _ in range(2 ** (4 * group["width"] - group["low"])):
            before.append(before[-1] + unary(bit))
        split = [0] * group["count"]
        for bucket in range(len(before) - 1):
            for row in range(before[bucket], before[bucket + 1] - 1):
                split[row] = unary(bit)
        assert before[-1] == group["count"]
        groups.append((group, first, before, split))
        first += group["count"]
    assert first == written["rows"]

    def row(page_id: str) -> int | None:
        prefix, _, digits = page_id.rpartition("_")
        number, found = int(digits, 16), None
        for group, *rest in groups:
            if (group["prefix"], group["width"]) == (prefix + "_", len(digits)) and (
                    int(group["first"], 16) <= number):
                found = (group, *rest)
        if found is None:
            return None
        group, first, before, split = found
        bucket, rest = divmod(number, 2 ** group["low"])
        lo, hi = before[bucket], before[bucket + 1]
        while hi - lo > 1:
            at = min(range(lo, hi - 1), key=lambda r: split[r])  # the first of the lowest
            if rest // 2 ** (group["low"] - 1 - split[at]) % 2:
                lo = at + 1
            else:
                hi = at + 1
        return first + lo
    return row


def decoded_a_to_z(written: dict) -> list[str]:
    """a-z.pf_order read as docs/assets/page-ids.js reads it (aToZ)."""
    bit, widths = bit_reader(written["ids"]), dict(written["widths"])
    ids = []
    for place in range(written["rows"]):
        width = widths.get(place, written["width"])
        number = 0
        for _ in range(4 * width):
            number = number * 2 + bit()
        ids.append(written["prefix"] + format(number, "x").zfill(width))
    return ids


def random_ids(chance, prefix: str, count: int, width: int = 7) -> set[str]:
    return {f"{prefix}_{chance.getrandbits(4 * width):0{width}x}" for _ in range(count)}


def id_sets():
    import random
    chance = random.Random(7)
    yield "empty", []
    yield "one", ["pl_5a93fa1"]
    yield "two", ["en_0000000", "en_fffffff"]
    for count in (3, 10, 100, 1000, 5000):
        yield f"{count} random", sorted(random_ids(chance, "en", count))
    yield "languages and widths", sorted(
        random_ids(chance, "en", 2000) | random_ids(chance, "pl", 50)
        | random_ids(chance, "ro", 300)
        | random_ids(chance, "ro", 40, 9) | random_ids(chance, "zh-TW", 30, 13)
        | {"pl_0000000", "ro_00000ab", "ro_fffffff", "ro_123456789", "ro_0000000001"})
    # Ids that share most of their bits: many in one bucket, and neighbours that differ
    # only in their last bit.
    yield "close together", sorted({f"en_{0x5a93f00 + step:07x}" for step in range(0, 256, 3)}
                                   | {f"en_{0x5a93f00 + step:07x}" for step in range(1, 40)}
                                   | random_ids(chance, "en", 200))
    yield "all in a row", [f"ro_{number:07x}" for number in range(0x1234500, 0x1234600)]


@pytest.mark.parametrize("name, ids", list(id_sets()), ids=[name for name, _ in id_sets()])
def test_every_page_id_finds_its_row(name, ids):
    written = search_index.row_ids(ids)
    row = row_finder(written)
    assert [row(page_id) for page_id in ids] == list(range(len(ids)))
    assert written["rows"] == len(ids)
    # An id of a prefix or width the table does not have has no row.
    assert row("xx_5a93fa1") is None and row("en_5a93fa") is None


def test_page_ids_take_about_three_bits_each():
    import random
    chance = random.Random(3)
    for count in (300, 10_000):
        ids = sorted(random_ids(chance, "pl", count))
        written = search_index.row_ids(ids)
        bits = len(written["groups"][0]["bits"]) * 6
        # The sorted ids themselves take about 17 bits each, Rice-coded.
        assert bits / count < 3.2, (count, bits / count)
        assert len(gzip.compress(json.dumps(written).encode(), 9)) < count * 3.4 / 8 + 150
    # A group a run of ids with the same prefix and width, in sorted order.
    written = search_index.row_ids(["ro_00000ab", "ro_123456789", "ro_fffffff"])
    assert [(g["prefix"], g["width"], g["first"]) for g in written["groups"]] == [
        ("ro_", 7, "00000ab"), ("ro_", 9, "123456789"), ("ro_", 7, "fffffff")]
    assert search_index.row_ids([]) == {"rows": 0, "groups": []}
    with pytest.raises(ValueError, match="more digits"):
        search_index.row_ids(["en_" + "f" * 14])


@pytest.mark.parametrize("name, ids", list(id_sets()), ids=[name for name, _ in id_sets()])
def test_the_a_to_z_list_holds_every_id_in_its_order(name, ids):
    import random
    ids = [page_id for page_id in ids if page_id.startswith(ids[0].rpartition("_")[0] + "_")
           ] if ids else []
    random.Random(1).shuffle(ids)  # any order: A to Z is by name, not id
    written = search_index.a_to_z(ids)
    assert decoded_a_to_z(written) == ids
    if len(ids) >= 1000:  # 28 bits an id of 7 digits: what their number takes
        assert len(written["ids"]) * 6 <= len(ids) * 28 + 5
    with pytest.raises(ValueError, match="several prefixes"):
        search_index.a_to_z(["en_1", "pl_1"])


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


def test_a_live_previews_pagefind_gives_way_to_the_next_rebuild(tmp_path):
    import os

    staging = search_index.SearchStaging()
    try:
        staging.add("services/a/", "en", '<article data-pagefind-body><h1>A</h1></article>')
        for gives_way, nice in ((True, search_index.GIVING_WAY), (False, os.getpriority(
                os.PRIO_PROCESS, 0))):
            indexing = search_index.start_indexing(staging.folder, tmp_path / f"bundle-{nice}",
                                                   expected=1, gives_way=gives_way)
            try:
                assert os.getpriority(os.PRIO_PROCESS, indexing.process.pid) == nice
            finally:
                indexing.stop()
    finally:
        staging.close()
