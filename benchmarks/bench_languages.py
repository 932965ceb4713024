"""Benchmark: what a first search downloads in each of the site's languages, at 10,000 services.

Builds the sample's data (data/, in English, Polish and Romanian) with synthetic
records (local_offer/editing/synth.py), so every service page is published three
times, and each language has its own Pagefind index. Then, in headless Chromium on
127.0.0.1, for each language: the header search's first query from a service page,
and the Find page opened with filters in its address, to its first results (the
same measures as benchmarks/bench_search.py, there in English only).

Budget: 250 KB for a first search in each language (issue #19). The page itself
(HTML, styles, scripts) is not counted: a family has it already. Writes
benchmarks/RESULTS-languages.md.

    .venv/bin/python benchmarks/bench_languages.py              # 10000
    .venv/bin/python benchmarks/bench_languages.py --sizes 1000 --keep /tmp/languages
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_search  # noqa: E402
from local_offer.records.project import Project  # noqa: E402
from local_offer.site.languages import site_languages  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS-languages.md"
BUDGET = 250 * 1024


def measure(site: Path, prefixes: list[str]) -> dict[str, tuple[dict, dict]]:
    from playwright.sync_api import sync_playwright
    from tests.browser.sites import CHROMIUM_ARGS
    from tests.helpers import SiteServer

    server = SiteServer(site)
    measured = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 headless=True, args=CHROMIUM_ARGS)
            try:
                for prefix in prefixes:
                    measured[prefix] = (
                        bench_search.header_search(browser, server.url, site, prefix,
                                                   first_only=True),
                        bench_search.find_page_search(browser, server.url, site, prefix,
                                                      first_only=True))
            finally:
                browser.close()
    finally:
        server.close()
    return measured


def report(rows: list[tuple[int, str, dict, dict]], build_seconds: dict[int, float],
           minutes: float, command: str) -> str:
    lines = [
        "# Benchmark results: a first search in each language",
        "",
        f"Written by `benchmarks/bench_languages.py` on {dt.datetime.now():%Y-%m-%d %H:%M} "
        f"({minutes:.0f} minutes). Reproduce with:",
        "",
        f"    {command}",
        "",
        f"- Machine: {bench_search.machine()}",
        f"- Versions: {bench_search.versions()}",
        "- Records: `local_offer/editing/synth.py` (seed 1), in the sample's three languages "
        "(data/settings.yaml: English, Polish, Romanian): each service page is published "
        "once in each, and each language has its own Pagefind index.",
        "- Searches: headless Chromium on 127.0.0.1 through Python's `http.server` (no "
        "compression; the gzip column estimates the shipped nginx configuration, which "
        "compresses text files; Pagefind's chunks are gzipped already). Each search starts "
        "with an empty cache, from a service page in that language (the header search) or "
        "by opening the Find page at `find/?q=speech&age=3&area=strood` in that language.",
        "",
        "| services | language | header search “speech”: transferred (with gzip) | "
        "Find page with filters, to its first results (with gzip) | budget (250 KB) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for count, prefix, header, find in rows:
        worst = max(header["bytes"], find["bytes"])
        lines.append(
            f"| {count:,} | {prefix.rstrip('/') or 'en'} | "
            f"{bench_search.kb(header['bytes'])} ({bench_search.kb(header['bytes_if_gzipped'])}) | "
            f"{bench_search.kb(find['bytes'])} ({bench_search.kb(find['bytes_if_gzipped'])}) | "
            f"{'met' if worst <= BUDGET else '**missed**'} |")
    lines += ["", "Build times (the whole site, three languages): " + ", ".join(
        f"{count:,} services {seconds:.0f} s" for count, seconds in build_seconds.items()), ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="numbers of services (default 10000)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="lo-bench-languages-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows, build_seconds = [], {}
    try:
        for count in (int(size) for size in args.sizes.split(",") if size):
            print(f"[{count}] writing {count} synthetic records", flush=True)
            offer = bench_search.make_project(work, count, english_only=False)
            prefixes = [language.prefix + "/" if language.prefix else ""
                        for language in site_languages(Project(offer).settings)]
            site = offer / "site"
            print(f"[{count}] building in {len(prefixes)} languages", flush=True)
            timed = bench_search.run_timed(
                [sys.executable, str(ROOT / "build_offer.py"), "--project", str(offer), "build",
                 "--today", bench_search.TODAY.isoformat(), "--site-dir", str(site)], cwd=offer)
            build_seconds[count] = timed.wall
            print(f"[{count}] searching in Chromium", flush=True)
            for prefix, (header, find) in measure(site, prefixes).items():
                print(f"[{count}] {prefix or 'en'}: header {header['bytes']} B, "
                      f"find {find['bytes']} B", flush=True)
                rows.append((count, prefix, header, find))
            if not args.keep:
                shutil.rmtree(offer, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    command = ".venv/bin/python benchmarks/bench_languages.py " + " ".join(
        argv if argv is not None else sys.argv[1:])
    args.out.write_text(report(rows, build_seconds, (time.perf_counter() - started) / 60,
                               command.strip()), encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
