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
    .venv/bin/python benchmarks/bench_search.py                       # 1000,5000,10000, 3 runs
    .venv/bin/python benchmarks/bench_search.py --sizes 1000,5000 --runs 5
    .venv/bin/python benchmarks/bench_search.py --sizes 1000 --runs 1 --no-browser --keep /tmp/b

Each build is timed several times (--runs), the three kinds interleaved, and
the medians reported, with every run kept in the JSON. The build's own steps
are timed by the build itself (LOCAL_OFFER_STEP_TIMES); peak memory is each
command's largest resident size (wait4). The live preview is measured at
--preview-sizes: mkdocs serve, one record edited and saved, its page polled
until the edit shows.
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
from local_offer.outputs.search_index import folder_size, start_indexing  # noqa: E402
from local_offer.editing.synth import write_synthetic  # noqa: E402

TODAY = dt.date(2026, 11, 23)
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BUDGET_BUILD_RATIO = 1.25
BUDGET_PAGE_BYTES = 30 * 1024
BUDGET_FIRST_QUERY_BYTES = 250 * 1024
BUDGET_RESULTS_MS = 300
QUERY = "speech"
# The hand-written pages both sites have, with their navigation titles.
HAND_WRITTEN = {"how-to-get-help.md": "How to get help", "about.md": "About this site",
                "open-data.md": "Open data"}
TYPING_PAUSE_MS = 100  # how long the header box waits for typing to stop (docs/assets/search.js)


@dataclass
class Timed:
    wall: float
    cpu: float
    peak_mb: float = 0.0  # the largest resident size of the command or anything it waited for


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
    runs: int = 1
    # Every run, for the medians above: {"build": [...], "plain": [...], "plain_with_search": [...]}
    all_runs: dict = field(default_factory=dict)
    # A second build with the record cache in place (nothing changed since the last build).
    warm_build: Timed | None = None
    # CPU and wall seconds per step of the build's own process (median of the runs).
    steps: dict = field(default_factory=dict)
    # mkdocs serve: seconds from saving one edited record to its page showing the change.
    live_preview: dict = field(default_factory=dict)


def run_timed(command: list[str], cwd: Path, env: dict | None = None) -> Timed:
    """Run a command; its wall time, the CPU time of it and everything it started and
    waited for, and its peak memory (wait4's rusage: this command only)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            out.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{out.read().decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return Timed(round(wall, 2), round(cpu, 2), round(usage.ru_maxrss / 1024, 1))


def median_timed(runs: list[Timed]) -> Timed:
    return Timed(round(statistics.median(t.wall for t in runs), 2),
                 round(statistics.median(t.cpu for t in runs), 2),
                 round(statistics.median(t.peak_mb for t in runs), 1))


# ---- The projects: our generator, and plain Markdown pages with the same content ----

def make_project(work: Path, count: int, english_only: bool = True) -> Path:
    project = work / f"offer-{count}"
    for folder in ("schema", "data", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    write_synthetic(count, project / "services", Project(ROOT).taxonomy, today=TODAY)
    if english_only:
        # The sample's site is also in Polish and Romanian, three pages a service, and
        # the plain Material site it is compared with has one.
        settings = project / "data" / "settings.yaml"
        text = re.sub(r"(?m)^languages:.*$", "languages: [en]",
                      settings.read_text(encoding="utf-8"))
        text = re.sub(r"(?m)^translators:\n(?:[ #].*\n|\n)*", "", text)
        settings.write_text(text, encoding="utf-8")
    # The sample's services lead groups of While you wait (as `init` does for a new offer).
    waiting = project / "data" / "while-you-wait.yaml"
    waiting.write_text(re.sub(r"(?m)^\s+first: .*\n", "", waiting.read_text(encoding="utf-8")),
                       encoding="utf-8")
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
    # Our home page is generated; the plain site has a short one of its own.
    (docs / "index.md").write_text("# Find support\n\nServices for children and young people "
                                   "with SEND, and their families.\n", encoding="utf-8")
    project = Project(offer)
    for record in RecordLoader(project).load().records:
        (docs / "services" / f"{record.id}.md").write_text(markdown_page(record, project.taxonomy),
                                                           encoding="utf-8")
    plugins = "plugins:\n  - search\n" if with_search else "plugins: []\n"
    (plain / "mkdocs.yml").write_text(
        "site_name: Plain Material\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  font: false\n"
        f"{plugins}"
        "not_in_nav: |\n  /services/\nnav:\n  - Home: index.md\n"
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


def on_a_service_page(browser, base_url: str, site: Path, prefix: str = ""):
    """A fresh browser on one service page (in the language of `prefix`, like "pl/"), its
    own files loaded, counting what comes next."""
    context = browser.new_context()
    page = context.new_page()
    transfers = Transfers(page, site, base_url)
    page.goto(base_url + prefix + "services/synthetic-00001/")
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


def header_search(browser, base_url: str, site: Path, prefix: str = "",
                  first_only: bool = False) -> dict:
    context, page, transfers = on_a_service_page(browser, base_url, site, prefix)
    page.evaluate(TIMER)
    transfers.start()
    box = page.locator("#lo-search-q")
    box.click()  # focusing the box starts loading the search
    box.press_sequentially(QUERY, delay=80)
    # In another language the status line's words differ; the query is in it too.
    said = f"for “{QUERY}”" if not prefix else QUERY
    page.locator("[data-lo-search-status]").filter(has_text=said).wait_for()
    page.wait_for_load_state("networkidle")
    first = transfers.summary()
    first["typing_to_results_ms"] = round(elapsed(page), 1)
    if first_only:
        context.close()
        return first
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


def find_page_search(browser, base_url: str, site: Path, prefix: str = "",
                     first_only: bool = False) -> dict:
    """The Find page opened from a shared link: results, then the counts beside each choice.

    Bytes come from the page's Resource Timing, split at the moment the first
    results show: the search's own files (Pagefind's) are "the first query";
    the page's HTML, styles and scripts are reported apart, as for any page.
    """
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(f"({FIND_OPENED})()")
    page.goto(base_url + prefix + f"find/?q={QUERY}&age=3&area=strood")
    said = f"matching “{QUERY}”" if not prefix else QUERY
    page.locator("[data-lo-find-status]").filter(has_text=said).wait_for()
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
    if first_only:
        context.close()
        return result
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

def measure(count: int, work: Path, python: str, with_material_search: bool, runs: int = 1,
            browser: bool = True, preview: bool = False) -> Measures:
    print(f"[{count}] writing {count} synthetic records", flush=True)
    offer = make_project(work, count)
    site = offer / "site"
    plain_project = make_plain_project(work, offer, with_search=False)
    searched = make_plain_project(work, offer, with_search=True) if with_material_search else None
    build_command = [python, str(ROOT / "build_offer.py"), "--project", str(offer), "build",
                     "--today", TODAY.isoformat(), "--site-dir", str(site)]
    timed: dict[str, list[Timed]] = {"build": [], "plain": [], "plain_with_search": []}
    step_runs: list[dict] = []
    for run in range(1, runs + 1):
        # Interleaved, so a busy spell on the machine falls on all three alike.
        print(f"[{count}] run {run}/{runs}: full build (no record cache)", flush=True)
        shutil.rmtree(offer / ".cache", ignore_errors=True)
        steps_file = work / f"steps-{count}-{run}.jsonl"
        steps_file.unlink(missing_ok=True)
        timed["build"].append(run_timed(build_command, cwd=offer,
                                        env={"LOCAL_OFFER_STEP_TIMES": str(steps_file)}))
        step_runs.append(read_steps(steps_file))
        print(f"[{count}]   {timed['build'][-1]}", flush=True)
        shutil.rmtree(plain_project / "site", ignore_errors=True)
        timed["plain"].append(run_timed([python, "-m", "mkdocs", "build", "-q", "-f",
                                         str(plain_project / "mkdocs.yml")], cwd=plain_project))
        print(f"[{count}]   plain: {timed['plain'][-1]}", flush=True)
        if searched:
            shutil.rmtree(searched / "site", ignore_errors=True)
            timed["plain_with_search"].append(run_timed(
                [python, "-m", "mkdocs", "build", "-q", "-f", str(searched / "mkdocs.yml")],
                cwd=searched))
            print(f"[{count}]   with Material search: {timed['plain_with_search'][-1]}",
                  flush=True)
    print(f"[{count}] build again, records from the cache", flush=True)
    warm = run_timed(build_command, cwd=offer)
    print(f"[{count}] Pagefind on its own", flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Into a folder of its own: the site's bundle (with its filter tables) stays as built.
    stats = start_indexing(site, work / f"index-{count}", expected=count).finish()
    shutil.rmtree(work / f"index-{count}", ignore_errors=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    index_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"[{count}] reading and checking the records on their own", flush=True)
    started = time.process_time()
    RecordLoader(Project(offer), cache=False).load()
    records_cpu = time.process_time() - started
    page = site / "services" / "synthetic-00001" / "index.html"
    plain_page = plain_project / "site" / "services" / "synthetic-00001" / "index.html"
    measures = Measures(
        services=count, build=median_timed(timed["build"]), plain=median_timed(timed["plain"]),
        plain_with_search=median_timed(timed["plain_with_search"]) if searched else None,
        site_bytes=folder_size(site), site_files=sum(1 for p in site.rglob("*") if p.is_file()),
        plain_site_bytes=folder_size(plain_project / "site"),
        page_bytes=page.stat().st_size, plain_page_bytes=plain_page.stat().st_size,
        index_seconds=round(stats.seconds, 2), index_cpu=round(index_cpu, 2),
        index_bytes=stats.bytes, records_cpu=round(records_cpu, 2), runs=runs,
        all_runs={name: [asdict(t) for t in values] for name, values in timed.items()},
        warm_build=warm, steps=median_steps(step_runs))
    shutil.rmtree(plain_project)
    if searched:
        shutil.rmtree(searched)
    if preview:
        print(f"[{count}] live preview: mkdocs serve, one record edited", flush=True)
        measures.live_preview = live_preview(offer, python)
        print(f"[{count}]   {measures.live_preview}", flush=True)
    if browser:
        print(f"[{count}] searching in Chromium", flush=True)
        measures.header_query, measures.find_query = measure_in_browser(site)
        print(f"[{count}]   {json.dumps(measures.header_query)}", flush=True)
        print(f"[{count}]   {json.dumps(measures.find_query)}", flush=True)
    return measures


def read_steps(path: Path) -> dict:
    steps: dict[str, dict] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            step = json.loads(line)
            total = steps.setdefault(step["step"], {"wall": 0.0, "cpu": 0.0})
            total["wall"] += step["wall"]
            total["cpu"] += step["cpu"]
    return steps


def median_steps(runs: list[dict]) -> dict:
    names = [name for run in runs for name in run]
    return {name: {kind: round(statistics.median(run.get(name, {}).get(kind, 0.0)
                                                 for run in runs), 3)
                   for kind in ("wall", "cpu")}
            for name in dict.fromkeys(names)}


def free_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_text(url: str) -> str:
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def live_preview(offer: Path, python: str, edits: int = 3) -> dict:
    """mkdocs serve on the offer; one record edited and saved, several times: the seconds
    from the save to its page showing the change, polled every 50 ms."""
    port = free_port()
    server = subprocess.Popen([python, "-m", "mkdocs", "serve", "--dev-addr",
                               f"127.0.0.1:{port}", "-f", str(offer / "mkdocs.yml")],
                              cwd=offer, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    record = offer / "services" / "synthetic-00007.yaml"
    url = f"http://127.0.0.1:{port}/services/synthetic-00007/"
    original = record.read_text(encoding="utf-8")
    seconds = []
    try:
        deadline = time.monotonic() + 600
        while "synthetic-00007" not in fetch_text(url):
            if time.monotonic() > deadline or server.poll() is not None:
                return {"error": "mkdocs serve did not start"}
            time.sleep(0.2)
        time.sleep(2)  # let the first build settle (its search index)
        for edit in range(1, edits + 1):
            marker = f"Edited summary number {edit} for the live preview."
            saved = time.monotonic()
            record.write_text(re.sub(r"(?m)^summary: .*$", f"summary: {marker}", original),
                              encoding="utf-8")
            while marker not in fetch_text(url):
                if time.monotonic() - saved > 300:
                    return {"error": f"edit {edit} did not show within 300 s"}
                time.sleep(0.05)
            seconds.append(round(time.monotonic() - saved, 2))
            time.sleep(1.5)  # the rebuild's search index finishes before the next edit
    finally:
        record.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return {"median_s": statistics.median(seconds), "edits_s": seconds}


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


BUDGET_PREVIEW_S = 3.0
BUDGET_COUNTS_MS = 300
STEP_ORDER = ["reading and checking the records", "site content (reviews, lists, search data)",
              "open data files listed",
              "generated pages' bodies, JSON-LD and Pagefind's copies (both cores)",
              "starting Pagefind and the open data writer", "mkdocs files and navigation",
              "mkdocs reading pages (Markdown, links)", "mkdocs writing pages (theme templates)",
              "waiting for Pagefind and the open data files"]


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def report(all_measures: list[Measures], load_before: tuple, load_after: tuple,
           minutes: float, command: str) -> str:
    sizes = [m.services for m in all_measures]
    searched = [m for m in all_measures if m.plain_with_search]
    build_rows = []
    for m in all_measures:
        ref = m.plain_with_search
        build_rows.append(
            f"| {m.services:,} | {m.build.wall:.1f} s / {m.build.cpu:.1f} s | "
            + (f"{ref.wall:.1f} s / {ref.cpu:.1f} s | " if ref else "not run | ")
            + f"{m.plain.wall:.1f} s / {m.plain.cpu:.1f} s | "
            + (f"**{ratio(m.build.wall, ref.wall)}** / {ratio(m.build.cpu, ref.cpu)} | "
               if ref else "– | ")
            + f"{ratio(m.build.wall, m.plain.wall)} / {ratio(m.build.cpu, m.plain.cpu)} | "
            + (f"{m.warm_build.wall:.1f} s / {m.warm_build.cpu:.1f} s |" if m.warm_build
               else "– |"))
    memory_rows = [
        f"| {m.services:,} | {m.build.peak_mb:,.0f} MB | {m.build.peak_mb / m.services * 1000:,.0f} MB |"
        f" {m.plain_with_search.peak_mb if m.plain_with_search else 0:,.0f} MB | "
        f"{m.plain.peak_mb:,.0f} MB |" for m in all_measures]
    names = [n for n in STEP_ORDER if any(n in m.steps for m in all_measures)]
    names += [n for m in all_measures for n in m.steps if n not in names]
    names = list(dict.fromkeys(names))
    step_rows = []
    for name in names:
        cells = []
        for m in all_measures:
            step = m.steps.get(name, {"cpu": 0.0, "wall": 0.0})
            cells.append(f"{step['cpu']:.2f} s ({step['cpu'] / m.services * 1000:.2f} ms)")
        step_rows.append(f"| {name} | " + " | ".join(cells) + " |")
    totals = [sum(step["cpu"] for step in m.steps.values()) for m in all_measures]
    step_rows.append("| **all steps of the build's own process** | " + " | ".join(
        f"{total:.2f} s ({total / m.services * 1000:.2f} ms)"
        for total, m in zip(totals, all_measures)) + " |")
    step_rows.append("| Pagefind on its own (other core in the build) | " + " | ".join(
        f"{m.index_cpu:.2f} s ({m.index_cpu / m.services * 1000:.2f} ms)"
        for m in all_measures) + " |")
    preview = [m for m in all_measures if m.live_preview]
    preview_rows = [f"| {m.services:,} | " + (
        f"{m.live_preview['median_s']:.2f} s (each edit: "
        + ", ".join(f"{x:.2f} s" for x in m.live_preview['edits_s']) + ")"
        if "median_s" in m.live_preview else m.live_preview.get("error", "?")) + " |"
        for m in preview]
    browsed = [m for m in all_measures if m.header_query]
    search_rows = []
    for m in browsed:
        search_rows += [
            f"| **{m.services:,} services** | |",
            f"| header search, first query “{QUERY}”: transferred | "
            f"{kb(m.header_query['bytes'])} in {m.header_query['requests']} requests "
            f"({kb(m.header_query['bytes_if_gzipped'])} with gzip on text files) |",
            f"| header search: typing to results, first query; later queries (median, slowest) | "
            f"{m.header_query['typing_to_results_ms']:.0f} ms; "
            f"{m.header_query['later_typing_to_results_ms']:.0f} ms, "
            f"{m.header_query['later_typing_to_results_ms_max']:.0f} ms |",
            f"| Find page opened with `?q=speech&age=3&area=strood`: transferred to the first "
            f"results | {kb(m.find_query['bytes'])} in {m.find_query['requests']} requests "
            f"({kb(m.find_query['bytes_if_gzipped'])} with gzip on text files) |",
            f"| … and then the counts for every choice | "
            f"{kb(m.find_query['with_counts']['bytes'])} in all |",
            f"| … the Find page itself (HTML, styles, scripts; not search) | "
            f"{kb(m.find_query['page_itself']['bytes'])} "
            f"({kb(m.find_query['page_itself']['bytes_if_gzipped'])} with gzip) |",
            f"| Find page: opening to results; to every count (page load included) | "
            f"{m.find_query['open_to_results_ms']:.0f} ms; {m.find_query['open_to_counts_ms']:.0f} ms |",
            f"| Find page: changing the area to new results; to new counts | "
            f"{m.find_query['change_filter_ms']:.0f} ms; {m.find_query['change_filter_counts_ms']:.0f} ms |",
            f"| Find page: typing new words to results | {m.find_query['typing_to_results_ms']:.0f} ms |",
        ]
    budgets = []
    if searched:
        worst_wall = max(m.build.wall / m.plain_with_search.wall for m in searched)
        worst_cpu = max(m.build.cpu / m.plain_with_search.cpu for m in searched)
        budgets.append(f"| build ≤ {BUDGET_BUILD_RATIO} × plain Material with its search plugin "
                       f"(wall; worst size) | {verdict(worst_wall, BUDGET_BUILD_RATIO, '×')} "
                       f"(CPU: {worst_cpu:.2f}×) |")
    per_service = [m.build.peak_mb / m.services for m in all_measures]
    budgets.append("| peak memory grows at most linearly | "
                   + ("met" if all(b <= a * 1.1 for a, b in zip(per_service, per_service[1:]))
                      else "**missed**")
                   + ": " + ", ".join(f"{x * 1000:,.0f} MB per 1,000 services" for x in per_service)
                   + " |")
    budgets.append(f"| a service page ≤ 30 KB of HTML | "
                   f"{verdict(max(m.page_bytes for m in all_measures) / 1024, 30, ' KB')} |")
    for m in preview:
        if "median_s" in m.live_preview:
            budgets.append(f"| live preview at {m.services:,} services: an edit shows within "
                           f"{BUDGET_PREVIEW_S:.0f} s | {verdict(m.live_preview['median_s'], BUDGET_PREVIEW_S, ' s')} |")
    if browsed:
        largest = max(browsed, key=lambda m: m.services)
        budgets.append(f"| at {largest.services:,} services, a first query ≤ 250 KB transferred | "
                       f"header search: {verdict(largest.header_query['bytes'] / 1024, 250, ' KB')}; "
                       f"Find page opened with filters, to its results: "
                       f"{verdict(largest.find_query['bytes'] / 1024, 250, ' KB')} |")
        budgets.append(f"| Find page: counts within {BUDGET_COUNTS_MS} ms of a change (all sizes) | "
                       + verdict(max(m.find_query['change_filter_counts_ms'] for m in browsed),
                                 BUDGET_COUNTS_MS, " ms") + " |")
        budgets.append(f"| results within 300 ms of typing (all sizes) | header search: "
                       + verdict(max(max(m.header_query["typing_to_results_ms"],
                                         m.header_query["later_typing_to_results_ms_max"])
                                     for m in browsed), BUDGET_RESULTS_MS, " ms")
                       + "; Find page: " + verdict(max(max(m.find_query["typing_to_results_ms"],
                                                            m.find_query["change_filter_ms"])
                                                        for m in browsed), BUDGET_RESULTS_MS, " ms")
                       + " |")
        columns = (largest.header_query["by_kind"], largest.find_query["by_kind"],
                   largest.find_query["with_counts"]["by_kind"])
        kinds = sorted({kind for column in columns for kind in column},
                       key=lambda kind: -max(column.get(kind, 0) for column in columns))
        breakdown = "\n".join(f"| {kind} | " + " | ".join(kb(column.get(kind, 0))
                                                         for column in columns) + " |"
                              for kind in kinds)
        downloads = f"""### What a first search downloads at {largest.services:,} services

| part | header search “{QUERY}” | Find page with filters, to its results | … with every count |
| --- | --- | --- | --- |
{breakdown}
"""
    else:
        downloads = "(The searches were not measured in this run: --no-browser.)\n"
    header = "| services | " + " | ".join(f"{n:,}" for n in sizes) + " |"
    rule = "| --- | " + " | ".join("---" for _ in sizes) + " |"
    return f"""# Benchmark results: build and search at scale

Written by `benchmarks/bench_search.py` on {dt.datetime.now():%Y-%m-%d %H:%M}
({minutes:.0f} minutes). Reproduce with:

    {command}

- Machine: {machine()}
- Versions: {versions()}
- Load average (1, 5, 15 min) before: {load_before[0]:.2f}, {load_before[1]:.2f}, {load_before[2]:.2f};
  after: {load_after[0]:.2f}, {load_after[1]:.2f}, {load_after[2]:.2f}. The machine's 2 cores may be
  shared with other work, so wall times are noisy; CPU times (the process and
  everything it started and waited for) are steadier and are given beside them.
  Every time is the **median of {all_measures[0].runs} run(s)**, the three builds interleaved
  in each run; every run is in the JSON at the end.
- Records: `local_offer/editing/synth.py` (seed 1), built as if today were {TODAY},
  in an **English-only configuration** (the repository's data/settings.yaml with
  `languages: [en]`: the sample's site is also in Polish and Romanian). The full build starts with no record cache (`.cache/` removed);
  "with the cache" is a second build with nothing changed.
- The reference is what a council would otherwise use: plain mkdocs-material
  **with its own search plugin**, over one Markdown page per record with the same
  sections and words (kept out of the navigation) plus the same hand-written pages;
  the floor is the same site with no plugins at all.
- Searches: headless Chromium on 127.0.0.1 through Python's `http.server`
  (no compression; the gzip column estimates a server that compresses text
  files; Pagefind's chunks are gzipped already).

## Build: ours against plain Material (wall / CPU)

| services | our build | Material + search (reference) | Material, no plugins (floor) | ours ÷ reference | ours ÷ floor | ours, with the record cache |
| --- | --- | --- | --- | --- | --- | --- |
{chr(10).join(build_rows)}

## Budgets

| budget | result |
| --- | --- |
{chr(10).join(budgets)}

## Where the build's time goes: each step, CPU (per 1,000 services)

The build's own process, step by step (`LOCAL_OFFER_STEP_TIMES`, median of the runs);
the time per 1,000 services in brackets is what shows a step linear: it stays the
same from size to size. Pagefind, the open data writer and the forked share of the
pages' bodies run in other processes on the second core (the build's CPU in the
table above counts them all); "waiting for …" is the part of them not hidden.

{header}
{rule}
{chr(10).join(step_rows)}

## Peak memory (largest resident size)

| services | our build | per 1,000 services | Material + search | Material, no plugins |
| --- | --- | --- | --- | --- |
{chr(10).join(memory_rows)}

## Live preview (`mkdocs serve`): saving one edited record to its page showing it

| services | seconds (median) |
| --- | --- |
{chr(10).join(preview_rows) or "| – | not measured in this run |"}

## Search

| measure | value |
| --- | --- |
{chr(10).join(search_rows) or "| – | not measured in this run |"}

{downloads}
### How the build uses both cores, and what the search downloads

- A cold build's records are read and checked on both cores, shared in batches with a
  forked process (records/both_cores.py), as are the generated pages' bodies.
- Every generated page's body (and a service page's JSON-LD and its copy for
  Pagefind) is made before mkdocs reads any page, shared in batches between the
  build's process and a forked one (outputs/page_bodies.py); the "bodies" step is the
  build's own share of that, in CPU. Pagefind (its command line) then indexes the
  staging folder of copies while mkdocs reads and writes the pages, and the open data
  files (a calendar and an Open Referral file per service, the CSV table, the sitemap)
  are made and written by a forked process started at the same moment. All end with
  the build, even a killed one, and a failure in any is told as the build's error.
- mkdocs writes a service page as the theme's page rendered once per language with
  the page's own parts put in (mkdocs_plugin/service_chrome.py), once the first
  service page of that language, rendered in full, shows it gives the same bytes.
- Records are read and checked once and kept in `.cache/` by their file's bytes;
  "with the record cache" is a build with nothing changed since the last.
- The Find page narrows results and counts every choice from small filter tables
  written beside the index (`pagefind/filter-table/<language>/`): one gzipped file per filter,
  a row per service, and what finds a page id's row (`rows.pf_ids`: about 3 bits a
  service, not the ids themselves; the list with no words has them, in `a-z.pf_order`). Only
  the tables a search uses are loaded; every count is one pass over the services
  the words find, with no search per filter. A list with no words comes from the
  tables alone (Pagefind's filter-only search fetched every word chunk: 3.5 MB at
  10,000 services), so Pagefind's own A to Z sort is no longer in the pages.

```json
{json.dumps([asdict(m) for m in all_measures], indent=1)}
```
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000",
                        help="numbers of services, comma-separated (default 1000,5000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build, for medians")
    parser.add_argument("--preview-sizes", default="1000",
                        help="sizes to measure the live preview at (default 1000; '' for none)")
    parser.add_argument("--no-browser", action="store_true", help="skip the searches in Chromium")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--no-material-search", action="store_true",
                        help="skip the reference build with Material's search plugin")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.replace(" ", ",").split(",") if size]
    previews = {int(size) for size in args.preview_sizes.split(",") if size}
    work = args.keep or Path(tempfile.mkdtemp(prefix="lo-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    started = time.perf_counter()
    try:
        all_measures = []
        for count in sizes:
            all_measures.append(measure(count, work, sys.executable, not args.no_material_search,
                                        runs=args.runs, browser=not args.no_browser,
                                        preview=count in previews))
            if not args.keep:
                shutil.rmtree(work / f"offer-{count}", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    minutes = (time.perf_counter() - started) / 60
    command = ".venv/bin/python benchmarks/bench_search.py " + " ".join(
        arg for arg in (argv if argv is not None else sys.argv[1:]) if arg)
    args.out.write_text(report(all_measures, load_before, os.getloadavg(), minutes,
                               command.strip()), encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
