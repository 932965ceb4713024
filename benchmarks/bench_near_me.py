"""Benchmark: what a first search by postcode downloads, at 1,000 and 10,000 services.

Builds the sample's data (data/, with data/postcodes.yaml) with synthetic records
(local_offer/editing/synth.py: every venue at its own spot, the most a search by
postcode has to download), serves the site on 127.0.0.1, and in headless Chromium:

- opens the Find page with "ME7 5" in its address (as the header's "See all" link
  does): the bytes to the first ten results on screen, each with its distance;
- opens the home page, then types "ME7 5HT" in the header's search box: the bytes
  to its five results.

The page itself (HTML, styles, scripts) is not counted: a family has it already;
the search's files are (Pagefind's script, its WebAssembly, index and filter files,
the results' fragments, and postcode-places.json). Each browser starts with an empty
cache. Budget: 250 KB at 10,000 services (issue #15). Writes benchmarks/RESULTS-near-me.md.

    .venv/bin/python benchmarks/bench_near_me.py               # 1000 10000
    .venv/bin/python benchmarks/bench_near_me.py --sizes 1000 --keep /tmp/near
    .venv/bin/python benchmarks/bench_near_me.py --site /tmp/near/offer-1000/site  # again
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_offer.editing.synth import write_synthetic  # noqa: E402
from local_offer.records.project import Project  # noqa: E402

TODAY = "2026-11-23"
RESULTS = ROOT / "benchmarks" / "RESULTS-near-me.md"
BUDGET = 250 * 1024
FIND_QUERY = "ME7 5"
HEADER_QUERY = "ME7 5HT"
# What the search downloads (the page's own HTML, styles and scripts are not counted).
SEARCH_FILES = ("/pagefind/", "/postcode-places.json")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(work: Path, count: int) -> tuple[Path, float]:
    project = work / f"offer-{count}"
    for folder in ("schema", "data", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # The sample's services lead groups of While you wait; the synthetic ones have other names.
    waiting = project / "data" / "while-you-wait.yaml"
    waiting.write_text(re.sub(r"(?m)^\s+first: .*\n", "", waiting.read_text(encoding="utf-8")),
                       encoding="utf-8")
    write_synthetic(count, project / "services", Project(ROOT).taxonomy,
                    today=dt.date.fromisoformat(TODAY))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "build_offer.py"), "--project",
                           str(project), "build", "--today", TODAY], capture_output=True,
                          text=True)
    if done.returncode:
        raise SystemExit(f"the build failed:\n{done.stdout}\n{done.stderr}")
    return project / "site", time.perf_counter() - started


# Notes the moment the results are on the page (an init script, so the page's own
# Content-Security-Policy does not apply), so only what came before it is counted.
WATCH = """selector => new MutationObserver(() => {
  if (!window.__resultsAt && document.querySelector(selector)) {
    window.__resultsAt = performance.now();
  }
}).observe(document, { childList: true, subtree: true })"""
RECEIVED = """() => performance.getEntriesByType("resource").map((e) => [e.name, e.transferSize,
  e.responseEnd, e.startTime])"""


def gzipped(site: Path, path: str, size: int) -> int:
    """What a server that compresses text files would send (Pagefind's are gzipped)."""
    local = site / path.lstrip("/")
    if local.suffix in (".js", ".json", ".html", ".css") and local.is_file():
        return len(gzip.compress(local.read_bytes()))
    return size


def measure(site: Path) -> dict:
    from playwright.sync_api import expect, sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                             args=["--no-sandbox", "--disable-gpu"])
        for name, start, box, query, ready in (
                ("Find opened with ?q=ME7+5", "find/?q=" + FIND_QUERY.replace(" ", "+"), "",
                 "", "[data-lo-find-list] .lo-result:nth-child(10) .lo-result__distance"),
                ("header search, typed", "", "[data-lo-search-form] input[name=q]",
                 HEADER_QUERY, "[data-lo-search-list] .lo-result .lo-result__distance")):
            context = browser.new_context(viewport={"width": 320, "height": 640})
            page = context.new_page()
            page.add_init_script(f"({WATCH})({json.dumps(ready)})")
            began = 0.0
            if box:
                page.goto(origin + start, wait_until="networkidle")
                began = page.evaluate("performance.now()")
                page.locator(box).fill(query)
            else:
                page.goto(origin + start)
            expect(page.locator(ready).first).to_be_visible(timeout=60_000)
            page.wait_for_timeout(2000)  # then the counts beside each filter (Find)
            ready_at = page.evaluate("window.__resultsAt")
            received = [(urlsplit(url).path, size, end)
                        for url, size, end, begun in page.evaluate(RECEIVED) if begun >= began]
            elsewhere = [path for path, _, _ in received if not path.startswith("/")]
            search = [(path, size) for path, size, _ in received if path.startswith(SEARCH_FILES)]
            rows = [(path, size) for path, size, end in received
                    if path.startswith(SEARCH_FILES) and end <= ready_at]
            found[name] = {"bytes": sum(size for _, size in rows),
                           "gzip": sum(gzipped(site, path, size) for path, size in rows),
                           "with_counts": sum(size for _, size in search),
                           "requests": len(rows), "seconds": (ready_at - began) / 1000,
                           "rows": sorted(rows, key=lambda row: -row[1]),
                           "status": page.locator("[data-lo-find-status]:not(:empty), "
                                                  "[data-lo-search-status]:not(:empty)"
                                                  ).first.inner_text(),
                           "elsewhere": elsewhere}
            context.close()
        browser.close()
    server.shutdown()
    return found


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def report(runs: dict[int, tuple[dict, float, int]], started: float) -> str:
    lines = ["# Benchmark results: a first search by postcode", "",
             f"Written by `benchmarks/bench_near_me.py` on {dt.datetime.now():%Y-%m-%d %H:%M} "
             f"({(time.perf_counter() - started) / 60:.0f} minutes). Reproduce with:", "",
             "    .venv/bin/python benchmarks/bench_near_me.py", "",
             f"- Machine: {platform.system()} {platform.release()}, {platform.machine()}; "
             f"Python {platform.python_version()}; load average (1, 5, 15 min) when written: "
             + ", ".join(f"{load:.2f}" for load in os.getloadavg())
             + ". The 2 cores are shared with other work: times are noisy, bytes are not.",
             "- Records: `local_offer/editing/synth.py` (seed 1), every venue with its own "
             "latitude and longitude, so every venue is its own \"near\" value: the most the "
             "near filter can weigh. Data: the sample's `data/` (Medway, `data/postcodes.yaml`).",
             "- Headless Chromium at 320 × 640, an empty cache, the site on 127.0.0.1 through "
             "Python's `http.server` (no compression; the gzip column estimates a server that "
             "compresses text files; Pagefind's files are gzipped already). Counted: every "
             "response of the search (Pagefind's files and postcode-places.json, headers included) "
             "until the results are on screen; not the page's own HTML, styles and scripts.",
             f"- Find: opened with `?q={FIND_QUERY.replace(' ', '+')}`, to the 10th result with "
             f"its distance. Header: “{HEADER_QUERY}” typed in the home page's search box "
             "(Pagefind starts loading when the box has focus), to its five results.", "",
             "## Results", "", "| services | search | transferred to the results | with gzip | "
             "requests | time to results | budget (250 KB) | then with the filters' counts | "
             "asked elsewhere |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for count, (found, build_seconds, places_bytes) in runs.items():
        for name, row in found.items():
            met = "met" if row["bytes"] <= BUDGET else f"**missed** by {kb(row['bytes'] - BUDGET)}"
            lines.append(f"| {count:,} | {name} | {kb(row['bytes'])} | {kb(row['gzip'])} | "
                         f"{row['requests']} | {row['seconds'] * 1000:.0f} ms | {met} | "
                         f"{kb(row['with_counts'])} | {len(row['elsewhere'])} |")
    lines += [""]
    for count, (found, build_seconds, places_bytes) in runs.items():
        built = f"Build {build_seconds:.0f} s; " if build_seconds else ""
        lines += [f"## {count:,} services", "",
                  f"{built}postcode-places.json {places_bytes:,} bytes.", ""]
        for name, row in found.items():
            lines += [f"{name}: “{row['status']}” Files to the results:", "",
                      "| file | bytes |", "| --- | --- |"]
            lines += [f"| `{path}` | {size:,} |" for path, size in row["rows"]]
            lines += [""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    parser.add_argument("--site", type=Path, nargs="+", help="measure these built sites only "
                        "(each one's size is taken from its services/ folder)")
    args = parser.parse_args()
    started = time.perf_counter()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-near-"))
    runs = {}
    if args.site:
        for site in args.site:
            count = len(list((site / "services").glob("*/index.html")))
            found = measure(site)
            print(count, {name: kb(row["bytes"]) for name, row in found.items()})
            runs[count] = (found, 0.0, (site / "postcode-places.json").stat().st_size)
        RESULTS.write_text(report(runs, started) + "\n", encoding="utf-8")
        return 0
    try:
        for count in args.sizes:
            site, seconds = build(work, count)
            runs[count] = (measure(site), seconds, (site / "postcode-places.json").stat().st_size)
            print(count, {name: kb(row["bytes"]) for name, row in runs[count][0].items()},
                  flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    RESULTS.write_text(report(runs, started) + "\n", encoding="utf-8")
    print(f"Wrote {RESULTS.relative_to(ROOT)}")
    worst = max(row["bytes"] for found, _, _ in runs.values() for row in found.values())
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
