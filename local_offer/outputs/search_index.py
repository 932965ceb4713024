"""The site search index: Pagefind run over the built service pages.

Pagefind (PyPI `pagefind[bin]`) writes a chunked index into `pagefind/` in
the site. A visitor's browser downloads only the chunks a query needs, so a
first search costs a few hundred kilobytes however many services there are.

Only pages marked `data-pagefind-body` are indexed: published service pages
(see components/service-page). The navigation, footer, browse lists and
pages that are not published stay out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from local_offer.site import urls

BUNDLE = "pagefind"
# Only service pages carry data-pagefind-body; reading only them keeps indexing linear and quick.
# Pagefind's ready-made interfaces; the site has its own small script (docs/assets/search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-highlight.js")


class SearchIndexFailed(Exception):
    pass


@dataclass(frozen=True)
class IndexStats:
    pages: int
    seconds: float
    bytes: int


def pagefind_command() -> list[str]:
    return [sys.executable, "-m", "pagefind"]


def index_site(site_dir: Path, expected: int | None = None,
               language_prefixes: tuple[str, ...] = ()) -> IndexStats:
    """Index the service pages of a built site into site_dir/pagefind/.

    expected: how many published services there are (in every language); a different
    count from Pagefind means a page lost its marking, and the build stops.
    language_prefixes: the site's other languages' folders, each indexed too.
    """
    site_dir = Path(site_dir)
    started = time.perf_counter()
    # A fresh bundle: Pagefind names its files by content and leaves old ones behind.
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    if expected == 0:
        # Nothing to index: Pagefind would fall back to indexing every page it reads.
        return IndexStats(pages=0, seconds=0.0, bytes=0)
    try:
        finished = subprocess.run(
            [*pagefind_command(), "--site", str(site_dir), "--glob",
             urls.service_pages(language_prefixes),
             "--output-subdir", BUNDLE],
            capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexFailed(f"could not run Pagefind ({error}); "
                                "install it with: pip install 'pagefind[bin]'") from error
    output = finished.stdout + finished.stderr
    if finished.returncode != 0:
        raise SearchIndexFailed(f"Pagefind stopped with exit code {finished.returncode}:\n"
                                + output.strip())
    seconds = time.perf_counter() - started
    bundle = site_dir / BUNDLE
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    shutil.rmtree(bundle / "playground", ignore_errors=True)
    pages = indexed_pages(output)
    if expected is not None and pages != expected:
        raise SearchIndexFailed(f"Pagefind indexed {pages} pages but there are {expected} "
                                "published services: each published service page must carry "
                                "data-pagefind-body (components/service-page).")
    return IndexStats(pages=pages, seconds=seconds, bytes=folder_size(bundle))


def indexed_pages(output: str) -> int:
    found = re.search(r"Indexed (\d+) pages?", output)
    return int(found.group(1)) if found else 0


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
