"""Benchmark: the Local Offer build and its search at 1,000, 5,000 and 10,000 services.

For each size, side by side in one run:

- the full build (`build_offer.py build`: records, pages, browse lists, Find
  page, Pagefind index) against a plain mkdocs-material build of the same
  number of equivalent Markdown pages kept out of the navigation, with no
  plugins (the floor for this stack); and, for reference, the same plain site
  with Material's own search plugin;
- the site's size and one service page's size;
- Pagefind's indexing time;
- the bytes a first search transfers, and the time from typing to results, in
  headless Chromium against the site served on localhost.

It writes benchmarks/RESULTS.md with the date and machine, and says for each
budget whether it is met or by how much it is missed.

Run (needs the test dependencies for Playwright; takes a while on 2 cores):

    make test   # once, to set up .venv with Playwright
    .venv/bin/python benchmarks/bench_search.py            # 1000 5000 10000
    .venv/bin/python benchmarks/bench_search.py --sizes 1000 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_offer.records.project import Project  # noqa: E402
from local_offer.records.loader import RecordLoader  # noqa: E402
from local_offer.site.render import age_range, long_date  # noqa: E402
from local_offer.outputs.search_index import folder_size, index_site  # noqa: E402
from local_offer.editing.synth import write_synthetic  # noqa: E402

TODAY = dt.date(2026, 11, 23)
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BUDGET_BUILD_RATIO = 1.25
BUDGET_PAGE_BYTES = 30 * 1024
BUDGET_FIRST_QUERY_BYTES = 250 * 1024
BUDGET_RESULTS_MS = 300
QUERY = "speech"
# The hand-written pages both sites have, with their navigation titles.
HAND_WRITTEN = {"index.md": "Home", "how-to-get-help.md": "How to get help",
                "about.md": "About this site"}
TYPING_PAUSE_MS = 100  # how long the header box waits for typing to stop (docs/assets/search.js)


@dataclass
class Timed:
    wall: float
    cpu: float


@dataclass
class Measures:
    services: int
    build: Timed
    plain: Timed
    plain_with_search: Timed | None
    site_bytes: int
    site_files: int
    plain_site_bytes: int
    page_bytes: int
    plain_page_bytes: int
    index_seconds: float
    index_cpu: float
    index_bytes: int
    records_cpu: float
    header_query: dict = field(default_factory=dict)
    find_query: dict = field(default_factory=dict)


def run_timed(command: list[str], cwd: Path) -> Timed:
    """Run a command; its wall time, and the CPU time of it and everything it started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{finished.stdout}\n{finished.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(round(wall, 2), round(cpu, 2))


# ---- The projects: our generator, and plain Markdown pages with the same content ----

def make_project(work: Path, count: int) -> Path:
    project = work / f"offer-{count}"
    for folder in ("schema", "data", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    write_synthetic(count, project / "services", Project(ROOT).taxonomy, today=TODAY)
    return project


def markdown_page(record, taxonomy) -> str:
    """The same sections and words as our service page, written as plain Markdown."""
    label = taxonomy.label
    lines = [f"# {record.name}", "", record.summary, ""]
    if record.description:
        lines += ["## What it is", "", record.description.strip(), ""]
    lines += ["## Who it is for", "", f"- Ages: {age_range(record.ages)}",
              "- Needs: " + ", ".join(label("needs", n) for n in record.needs),
              "- Areas: " + ", ".join(label("areas", a) for a in record.areas), "",
              "## How to get it", ""]
    lines += [f"- {label('routes', r)}" for r in record.how_to_get_it.routes] + [""]
    if record.how_to_get_it.steps:
        lines += [record.how_to_get_it.steps, ""]
    if record.sessions or record.locations:
        lines += ["## When and where", ""]
        lines += [f"- {s.description}" for s in record.sessions] + [""]
        for location in record.locations:
            lines += [f"**{location.name}**  ", f"{location.address}  ", location.postcode, ""]
    cost = "Free." if record.is_free else record.cost.description
    lines += ["## Cost", "", cost, "", "## Contact", ""]
    if record.contact.phone:
        lines.append(f"- Phone: [{record.contact.phone}](tel:{record.contact.phone.replace(' ', '')})")
    if record.contact.email:
        lines.append(f"- Email: <{record.contact.email}>")
    if record.contact.website:
        lines.append(f"- [{record.name} website]({record.contact.website})")
    accessible = [loc for loc in record.locations if loc.accessibility]
    if accessible:
        lines += ["", "## Accessibility", ""] + [f"- {loc.accessibility}" for loc in accessible]
    lines += ["", "## Who provides it", "", record.provider.name, "",
              f"Last reviewed {long_date(record.last_reviewed)}", ""]
    return "\n".join(lines)


def make_plain_project(work: Path, offer: Path, with_search: bool) -> Path:
    plain = work / f"plain-{offer.name}{'-search' if with_search else ''}"
    docs = plain / "docs"
    (docs / "services").mkdir(parents=True)
    for page in HAND_WRITTEN:
        shutil.copy(ROOT / "docs" / page, docs / page)
    project = Project(offer)
    for record in RecordLoader(project).load().records:
        (docs / "services" / f"{record.id}.md").write_text(markdown_page(record, project.taxonomy),
                                                           encoding="utf-8")
    plugins = "plugins:\n  - search\n" if with_search else "plugins: []\n"
    (plain / "mkdocs.yml").write_text(
        "site_name: Plain Material\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  font: false\n"
        f"{plugins}"
        "not_in_nav: |\n  /services/\nnav:\n"
        + "".join(f"  - {title}: {page}\n" for page, title in HAND_WRITTEN.items())
        +
        "validation:\n  nav:\n    omitted_files: ignore\n  links:\n    not_found: ignore\n"
        "    unrecognized_links: ignore\n", encoding="utf-8")
    return plain


# ---- The browser: bytes and time for a first search ----

def measure_in_browser(site: Path) -> tuple[dict, dict]:
    from playwright.sync_api import sync_playwright
    from tests.browser.sites import CHROMIUM_ARGS
    from tests.helpers import SiteServer

    server = SiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 headless=True, args=CHROMIUM_ARGS)
            try:
                header = header_search(browser, server.url, site)
                find = find_page_search(browser, server.url, site)
            finally:
                browser.close()
    finally:
        server.close()
    return header, find


class Transfers:
    """Bytes received from the network after start(), by file, as Chromium counts them."""

    def __init__(self, page, site: Path, base_url: str):
        self.site, self.base_url = site, base_url
        self.recording = False
        self.files: dict[str, int] = {}
        self.session = page.context.new_cdp_session(page)
        self.session.send("Network.enable")
        self.urls: dict[str, str] = {}
        self.session.on("Network.requestWillBeSent",
                        lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        self.session.on("Network.loadingFinished", self._finished)

    def _finished(self, event):
        size = int(event["encodedDataLength"])
        if self.recording and size:  # 0: served from the browser's cache
            url = self.urls.get(event["requestId"], "?").split("?")[0]
            self.files[url] = self.files.get(url, 0) + size

    def start(self):
        self.files = {}
        self.recording = True

    def summary(self) -> dict:
        total = sum(self.files.values())
        by_kind: dict[str, int] = {}
        gzipped = 0
        for url, size in self.files.items():
            kind = classify(url)
            by_kind[kind] = by_kind.get(kind, 0) + size
            gzipped += self._gzipped_size(url, size)
        return {"bytes": total, "bytes_if_gzipped": gzipped, "requests": len(self.files),
                "by_kind": dict(sorted(by_kind.items(), key=lambda kv: -kv[1]))}

    def _gzipped_size(self, url: str, size: int) -> int:
        return gzipped_size(self.site, self.base_url, url, size)


def gzipped_size(site: Path, base_url: str, url: str, size: int) -> int:
    """What a server that compresses text would send (Pagefind's own chunks are gzipped)."""
    if not size or not url.startswith(base_url) or not re.search(r"(\.(js|json|css|html)|/)$", url):
        return size
    path = site / url[len(base_url):]
    if path.is_dir():
        path = path / "index.html"
    if path.is_file():
        return len(gzip.compress(path.read_bytes(), 6)) + 300  # + response headers
    return size


def classify(url: str) -> str:
    name = url.rsplit("/", 1)[-1]
    if url.endswith("/find/"):
        return "Find page HTML"
    if "/fragment/" in url:
        return "result fragments"
    if "/index/" in url:
        return "word index chunks"
    if "/filter/" in url:
        return "filter chunks"
    if name.startswith("wasm."):
        return "Pagefind wasm"
    if name.endswith(".pf_meta"):
        return "Pagefind page list (pf_meta)"
    if name in ("pagefind.js", "pagefind-worker.js"):
        return "Pagefind script"
    if name == "pagefind-entry.json":
        return "Pagefind entry"
    return name


TIMER = """() => {
  // Time from the last keystroke to the results being on screen.
  window.__typed = [];
  window.__shown = [];
  document.querySelector('#lo-search-q').addEventListener('input', () => {
    window.__typed.push(performance.now());
  });
  new MutationObserver(() => window.__shown.push(performance.now()))
    .observe(document.querySelector('[data-lo-search-status]'), {childList: true, characterData: true, subtree: true});
}"""


def on_a_service_page(browser, base_url: str, site: Path):
    """A fresh browser on one service page, its own files loaded, counting what comes next."""
    context = browser.new_context()
    page = context.new_page()
    transfers = Transfers(page, site, base_url)
    page.goto(base_url + "services/synthetic-00001/")
    page.wait_for_load_state("networkidle")
    return context, page, transfers


FIND_TIMER = """() => {
  window.__typed = [];
  window.__shown = [];
  document.querySelector('#find-area').addEventListener('change', () => {
    window.__changed = performance.now();
  }, {capture: true});
  document.querySelector('#find-q').addEventListener('input', () => {
    window.__typed.push(performance.now());
  });
  new MutationObserver(() => window.__shown.push(performance.now()))
    .observe(document.querySelector('[data-lo-find-status]'), {childList: true, characterData: true, subtree: true});
  const choices = document.querySelector('fieldset.lo-filters');
  new MutationObserver(() => {
    if (!choices.hasAttribute('aria-busy')) window.__counted = performance.now();
  }).observe(choices, {attributes: true, attributeFilter: ['aria-busy']});
}"""


def header_search(browser, base_url: str, site: Path) -> dict:
    context, page, transfers = on_a_service_page(browser, base_url, site)
    page.evaluate(TIMER)
    transfers.start()
    box = page.locator("#lo-search-q")
    box.click()  # focusing the box starts loading the search
    box.press_sequentially(QUERY, delay=80)
    page.locator("[data-lo-search-status]").filter(has_text=f"for “{QUERY}”").wait_for()
    page.wait_for_load_state("networkidle")
    first = transfers.summary()
    first["typing_to_results_ms"] = round(elapsed(page), 1)
    # Later searches: the index is loaded, chunks are cached.
    warm = []
    for words in ("autism", "holiday", "travel", "sleep", "youth", "sensory", "job", "sibling"):
        page.evaluate("() => { window.__typed = []; window.__shown = []; }")
        box.fill("")
        box.press_sequentially(words, delay=80)
        page.locator("[data-lo-search-status]").filter(has_text=f"for “{words}”").wait_for()
        warm.append(elapsed(page))
    first["later_typing_to_results_ms"] = round(statistics.median(warm), 1)
    first["later_typing_to_results_ms_max"] = round(max(warm), 1)
    context.close()
    return first


def elapsed(page) -> float:
    typed, shown = page.evaluate("() => [window.__typed, window.__shown]")
    last_key = max(typed)
    return min(t for t in shown if t >= last_key) - last_key


FIND_OPENED = """() => {
  // When the first results, and then every count, are on the page.
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.querySelector('[data-lo-find-status]');
    const choices = document.querySelector('fieldset.lo-filters');
    new MutationObserver(() => { window.__firstResults ??= performance.now(); })
      .observe(status, {childList: true, characterData: true, subtree: true});
    new MutationObserver(() => {
      if (!choices.hasAttribute('aria-busy') && window.__firstResults) window.__firstCounts ??= performance.now();
    }).observe(choices, {attributes: true, attributeFilter: ['aria-busy']});
  });
}"""


def find_page_search(browser, base_url: str, site: Path) -> dict:
    """The Find page opened from a shared link: results, then the counts beside each choice.

    Bytes come from the page's Resource Timing, split at the moment the first
    results show: the search's own files (Pagefind's) are "the first query";
    the page's HTML, styles and scripts are reported apart, as for any page.
    """
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(f"({FIND_OPENED})()")
    page.goto(base_url + "find/?q=speech&age=3&area=strood")
    page.locator("[data-lo-find-status]").filter(has_text="for the search words").wait_for()
    counted = page.locator("fieldset.lo-filters:not([aria-busy])")
    counted.wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    opened = page.evaluate("""() => ({
      results: window.__firstResults, counts: window.__firstCounts,
      files: performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
        .map((e) => ({url: e.name.split('?')[0], size: e.transferSize, end: e.responseEnd}))})""")
    search_files = [f for f in opened["files"] if "/pagefind/" in f["url"]]
    page_files = [f for f in opened["files"] if "/pagefind/" not in f["url"]]

    def total(files):
        return {"bytes": sum(f["size"] for f in files),
                "bytes_if_gzipped": sum(gzipped_size(site, base_url, f["url"], f["size"])
                                        for f in files),
                "requests": len(files), "by_kind": by_kind(files)}

    result = total([f for f in search_files if f["end"] <= opened["results"]])
    result["with_counts"] = total(search_files)
    result["page_itself"] = total(page_files)
    result["open_to_results_ms"] = round(opened["results"], 1)
    result["open_to_counts_ms"] = round(opened["counts"], 1)
    result["status"] = page.locator("[data-lo-find-status]").inner_text()
    # A change of filter once the page is open: from the change to the new count on screen.
    page.evaluate(FIND_TIMER)
    page.locator("#find-area").select_option("chatham")
    page.locator("[data-lo-find-status]").filter(has_text="in Chatham").wait_for()
    counted.wait_for(state="attached")
    timings = page.evaluate("() => [window.__shown.find((t) => t >= window.__changed) - "
                            "window.__changed, window.__counted - window.__changed]")
    result["change_filter_ms"], result["change_filter_counts_ms"] = (round(t, 1) for t in timings)
    # Typing new words on the Find page: from the last keystroke to the new count.
    page.evaluate("() => { window.__typed = []; window.__shown = []; }")
    box = page.locator("#find-q")
    box.fill("")
    box.press_sequentially("autism", delay=80)
    page.locator("[data-lo-find-status]").filter(has_text="“autism”").wait_for()
    result["typing_to_results_ms"] = round(elapsed(page), 1)
    context.close()
    return result


def by_kind(files) -> dict:
    kinds: dict[str, int] = {}
    for f in files:
        kind = classify(f["url"])
        kinds[kind] = kinds.get(kind, 0) + f["size"]
    return dict(sorted(kinds.items(), key=lambda kv: -kv[1]))


# ---- One size, then the report ----

def measure(count: int, work: Path, python: str, with_material_search: bool) -> Measures:
    print(f"[{count}] writing {count} synthetic records", flush=True)
    offer = make_project(work, count)
    site = offer / "site"
    print(f"[{count}] full build", flush=True)
    build = run_timed([python, str(ROOT / "build_offer.py"), "--project", str(offer), "build",
                       "--today", TODAY.isoformat(), "--site-dir", str(site)], cwd=offer)
    print(f"[{count}]   {build}", flush=True)
    print(f"[{count}] plain mkdocs-material build", flush=True)
    plain_project = make_plain_project(work, offer, with_search=False)
    plain = run_timed([python, "-m", "mkdocs", "build", "-q", "-f",
                       str(plain_project / "mkdocs.yml")], cwd=plain_project)
    print(f"[{count}]   {plain}", flush=True)
    plain_with_search = None
    if with_material_search:
        searched = make_plain_project(work, offer, with_search=True)
        plain_with_search = run_timed([python, "-m", "mkdocs", "build", "-q", "-f",
                                       str(searched / "mkdocs.yml")], cwd=searched)
        print(f"[{count}]   with Material search: {plain_with_search}", flush=True)
        shutil.rmtree(searched)
    print(f"[{count}] Pagefind on its own", flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = index_site(site, expected=count)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    index_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"[{count}] reading and checking the records on their own", flush=True)
    started = time.process_time()
    RecordLoader(Project(offer)).load()
    records_cpu = time.process_time() - started
    page = site / "services" / "synthetic-00001" / "index.html"
    plain_page = plain_project / "site" / "services" / "synthetic-00001" / "index.html"
    measures = Measures(
        services=count, build=build, plain=plain, plain_with_search=plain_with_search,
        site_bytes=folder_size(site), site_files=sum(1 for p in site.rglob("*") if p.is_file()),
        plain_site_bytes=folder_size(plain_project / "site"),
        page_bytes=page.stat().st_size, plain_page_bytes=plain_page.stat().st_size,
        index_seconds=round(stats.seconds, 2), index_cpu=round(index_cpu, 2),
        index_bytes=stats.bytes, records_cpu=round(records_cpu, 2))
    shutil.rmtree(plain_project)
    print(f"[{count}] searching in Chromium", flush=True)
    measures.header_query, measures.find_query = measure_in_browser(site)
    print(f"[{count}]   {json.dumps(measures.header_query)}", flush=True)
    print(f"[{count}]   {json.dumps(measures.find_query)}", flush=True)
    return measures


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+) kB", meminfo.read_text())
        memory = f", {int(found.group(1)) / 1024 / 1024:.1f} GB memory" if found else ""
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory}; "
            f"Python {platform.python_version()}")


def versions() -> str:
    from importlib.metadata import version
    chromium = subprocess.run([shutil.which("chromium") or "chromium", "--version"],
                              capture_output=True, text=True).stdout.strip()
    return (f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}, "
            f"pagefind {version('pagefind')}, {chromium}")


def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


def verdict(value: float, budget: float, unit: str = "") -> str:
    if value <= budget:
        return f"met: {value:,.2f}{unit} (budget {budget:,.2f}{unit})"
    return (f"**missed**: {value:,.2f}{unit} (budget {budget:,.2f}{unit}, "
            f"{(value / budget - 1) * 100:.0f}% over)")


def report(all_measures: list[Measures], load_before: tuple, load_after: tuple,
           minutes: float) -> str:
    rows = []
    for m in all_measures:
        searched = (f"{m.plain_with_search.wall:.1f} s ({m.plain_with_search.cpu:.1f} s CPU)"
                    if m.plain_with_search else "not run")
        rows += [
            f"| **{m.services:,} services** | |",
            f"| full build (`build_offer.py build`) | {m.build.wall:.1f} s wall, "
            f"{m.build.cpu:.1f} s CPU |",
            f"| plain mkdocs-material build, no plugins (the floor) | {m.plain.wall:.1f} s wall, "
            f"{m.plain.cpu:.1f} s CPU |",
            f"| build ÷ plain | {m.build.wall / m.plain.wall:.2f} wall, "
            f"{m.build.cpu / m.plain.cpu:.2f} CPU |",
            f"| plain build with Material's search plugin (reference) | {searched} |",
            f"| site size | {mb(m.site_bytes)} in {m.site_files:,} files "
            f"(plain: {mb(m.plain_site_bytes)}) |",
            f"| one service page (HTML) | {kb(m.page_bytes)} (plain: {kb(m.plain_page_bytes)}) |",
            f"| Pagefind indexing | {m.index_seconds:.1f} s wall, {m.index_cpu:.1f} s CPU; "
            f"index {mb(m.index_bytes)} |",
            f"| reading and checking the records (YAML, schema) | {m.records_cpu:.1f} s CPU |",
            f"| header search, first query “{QUERY}”: transferred | "
            f"{kb(m.header_query['bytes'])} in {m.header_query['requests']} requests "
            f"({kb(m.header_query['bytes_if_gzipped'])} with gzip on text files) |",
            f"| header search: typing to results, first query | "
            f"{m.header_query['typing_to_results_ms']:.0f} ms |",
            f"| header search: typing to results, later queries | median "
            f"{m.header_query['later_typing_to_results_ms']:.0f} ms, slowest "
            f"{m.header_query['later_typing_to_results_ms_max']:.0f} ms |",
            f"| Find page opened with `?q=speech&age=3&area=strood`: transferred to the first "
            f"results | {kb(m.find_query['bytes'])} in {m.find_query['requests']} requests "
            f"({kb(m.find_query['bytes_if_gzipped'])} with gzip on text files) |",
            f"| … and then the counts for every choice | "
            f"{kb(m.find_query['with_counts']['bytes'])} in all "
            f"({kb(m.find_query['with_counts']['bytes_if_gzipped'])} with gzip) |",
            f"| … the Find page itself (HTML, styles, scripts; not search) | "
            f"{kb(m.find_query['page_itself']['bytes'])} "
            f"({kb(m.find_query['page_itself']['bytes_if_gzipped'])} with gzip) |",
            f"| Find page: opening to results; to every count (page load included) | "
            f"{m.find_query['open_to_results_ms']:.0f} ms; "
            f"{m.find_query['open_to_counts_ms']:.0f} ms |",
            f"| Find page: changing the area to new results; to new counts | "
            f"{m.find_query['change_filter_ms']:.0f} ms; "
            f"{m.find_query['change_filter_counts_ms']:.0f} ms |",
            f"| Find page: typing new words to results | "
            f"{m.find_query['typing_to_results_ms']:.0f} ms |",
        ]
    largest = max(all_measures, key=lambda m: m.services)
    build_ratio_wall = max(m.build.wall / m.plain.wall for m in all_measures)
    build_ratio_cpu = max(m.build.cpu / m.plain.cpu for m in all_measures)
    page = max(m.page_bytes for m in all_measures)
    first_query = largest.header_query["bytes"]
    find_query = largest.find_query["bytes"]
    find_with_counts = largest.find_query["with_counts"]["bytes"]
    typing = max(max(m.header_query["typing_to_results_ms"],
                     m.header_query["later_typing_to_results_ms_max"]) for m in all_measures)
    find_typing = max(max(m.find_query["typing_to_results_ms"], m.find_query["change_filter_ms"])
                      for m in all_measures)
    find_counts = max(m.find_query["change_filter_counts_ms"] for m in all_measures)
    columns = (largest.header_query["by_kind"], largest.find_query["by_kind"],
               largest.find_query["with_counts"]["by_kind"])
    kinds = sorted({kind for column in columns for kind in column},
                   key=lambda kind: -max(column.get(kind, 0) for column in columns))
    breakdown = "\n".join(f"| {kind} | " + " | ".join(kb(column.get(kind, 0)) for column in columns)
                          + " |" for kind in kinds)
    extra = [f"| {m.services:,} | {m.build.cpu - m.plain.cpu:+.1f} s | {m.index_cpu:.1f} s | "
             f"{m.records_cpu:.1f} s | {m.build.cpu - m.plain.cpu - m.index_cpu - m.records_cpu:+.1f} s "
             f"| {(m.build.cpu - m.index_cpu - m.records_cpu) / m.plain.cpu:.2f} |"
             for m in all_measures]
    return f"""# Benchmark results: build and search at scale

Written by `benchmarks/bench_search.py` on {dt.datetime.now():%Y-%m-%d %H:%M}
({minutes:.0f} minutes). Reproduce with:

    .venv/bin/python benchmarks/bench_search.py

- Machine: {machine()}
- Versions: {versions()}
- Load average (1, 5, 15 min) before: {load_before[0]:.2f}, {load_before[1]:.2f}, {load_before[2]:.2f};
  after: {load_after[0]:.2f}, {load_after[1]:.2f}, {load_after[2]:.2f}. The machine's 2 cores are
  shared with other work, so wall times are noisy; CPU times (the process and
  everything it started) are steadier and are given beside them.
- Records: `local_offer/synth.py` (seed 1), built as if today were {TODAY}.
  The plain build has one Markdown page per record with the same sections
  and words, kept out of the navigation, plus the same hand-written pages
  in its navigation; Material theme, no plugins.
- Searches: headless Chromium on 127.0.0.1 through Python's `http.server`
  (no compression; the gzip column estimates a server that compresses text
  files; Pagefind's chunks are gzipped already). The header query types
  “{QUERY}” at one key every 80 ms; time is from the last keystroke to the
  result count on screen, including the {TYPING_PAUSE_MS} ms pause the box waits for typing to stop.

## Results

| measure | value |
| --- | --- |
{chr(10).join(rows)}

## Budgets

| budget | result |
| --- | --- |
| build ≤ {BUDGET_BUILD_RATIO} × the plain build | wall: {verdict(build_ratio_wall, BUDGET_BUILD_RATIO, "×")}; CPU: {verdict(build_ratio_cpu, BUDGET_BUILD_RATIO, "×")} (worst size) |
| a service page ≤ 30 KB of HTML | {verdict(page / 1024, 30, " KB")} |
| a first query ≤ 250 KB transferred at {largest.services:,} services | header search: {verdict(first_query / 1024, 250, " KB")}; Find page opened with filters, to its results: {verdict(find_query / 1024, 250, " KB")}; with every count: {verdict(find_with_counts / 1024, 250, " KB")} |
| results within 300 ms of typing | header search: {verdict(typing, BUDGET_RESULTS_MS, " ms")} (slowest of first and later queries, all sizes); Find page: {verdict(find_typing, BUDGET_RESULTS_MS, " ms")} (slowest of typing and changing a filter, all sizes; the counts beside each choice follow: {verdict(find_counts, BUDGET_RESULTS_MS, " ms")}) |

### Where the build's extra time goes (CPU)

| services | build − plain | Pagefind | reading and checking records | the rest | build without those two ÷ plain |
| --- | --- | --- | --- | --- | --- |
{chr(10).join(extra)}

Two steps the plain site does not have are each a large share of it:
Pagefind's indexing and reading every record with its line numbers and
checking it against the schema (so a bad record is reported with file, line
and field). "The rest" is our own rendering (service page components, family
words, filters) and the browse lists, Find page and glossary, which the
plain site does not have either, and the open data files (Open Referral UK,
CSV, iCalendar, Atom, sitemap), about 1.4 s per 1,000 services, most of it
the icalendar library. In the run recorded here "the rest" grew faster than
the number of services from 5,000 to 10,000; where that time goes is not yet
profiled.

**Why the build budget is missed, and what would close it.** The floor is a
site with no search at all; Material's own search plugin (the reference row)
already adds about a quarter to it. Pagefind's indexing alone takes more than
the whole 25 % allowance, and reading and checking the records adds a good
part of another (the table above). Two changes would cut the wall time, not
the work: feeding each service page to Pagefind through its Python API, on
the second core, while mkdocs writes the others; and writing the open data
files in a second process. Writing the iCalendar lines directly instead of
through the icalendar library would save about 0.9 s of CPU per 1,000
services. None of these is done yet.

**The Find page opened with filters** downloads more than a first search
from the header: the filter data for the filters asked for, and then for
every choice's count. The results show first; the counts follow.

### What a first search downloads at {largest.services:,} services

| part | header search “{QUERY}” | Find page with filters, to its results | … with every count |
| --- | --- | --- | --- |
{breakdown}

The Pagefind script and its wasm are the same at every size. The page list
(`pf_meta`: a name and word count for every service, and the A to Z order)
and the word index chunks grow with the number of services. Filter data is
loaded only by the Find page: for its results, the filters asked for; then
every filter, for the counts beside each choice.

```json
{json.dumps([asdict(m) for m in all_measures], indent=1)}
```
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--no-material-search", action="store_true",
                        help="skip the reference build with Material's search plugin")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="lo-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    started = time.perf_counter()
    try:
        all_measures = []
        for count in args.sizes:
            all_measures.append(measure(count, work, sys.executable,
                                        not args.no_material_search))
            if not args.keep:
                shutil.rmtree(work / f"offer-{count}", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    minutes = (time.perf_counter() - started) / 60
    args.out.write_text(report(all_measures, load_before, os.getloadavg(), minutes),
                        encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
