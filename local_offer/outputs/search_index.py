"""The site search index: Pagefind run over the built service pages.

Pagefind (PyPI `pagefind[bin]`) writes a chunked index into `pagefind/` in
the site. A visitor's browser downloads only the chunks a query needs, so a
first search costs a few hundred kilobytes however many services there are.

Only pages marked `data-pagefind-body` are indexed: published service pages
(see components/service-page). The navigation, footer, browse lists and
pages that are not published stay out.

Beside Pagefind's bundle, a filter table for each filter (FilterTables): every
service's values of that filter, one row per service in the order of Pagefind's
page ids. The Find page narrows results and counts each choice from these small
files instead of Pagefind's filter chunks, which are bigger and need a search
round trip for every count.

A build need not wait for its pages to be written: each service page's body is
put in a staging folder (SearchStaging) as it is rendered, and Pagefind indexes
that folder on the other core while the site engine writes the pages. The body
holds everything Pagefind reads (the marked body, its meta, filters and sort),
so the index is the one the finished pages would give.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from local_offer.records.both_cores import die_with_parent
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
    return start_indexing(site_dir, site_dir / BUNDLE, expected, language_prefixes).finish()


def start_indexing(pages: Path, bundle: Path, expected: int | None = None,
                   language_prefixes: tuple[str, ...] = (),
                   die_with_build: bool = True, gives_way: bool = False) -> "Indexing":
    """Start Pagefind over the service pages under pages (in every language: the other
    languages' folders are language_prefixes), writing its bundle into bundle; it runs
    while the caller goes on, and Indexing.finish() waits for it. die_with_build:
    Pagefind ends if the build's process is killed (not for a process with threads of
    its own, mkdocs serve, where it is stopped when the preview ends). gives_way: Pagefind
    runs at a lower priority (a live preview's, which must not slow the next rebuild)."""
    return Indexing(Path(pages), Path(bundle), expected, urls.service_pages(language_prefixes),
                    die_with_build, gives_way)


GIVING_WAY = 10  # a nice value: the process runs when the build leaves a core free


def _lower_priority(pid: int) -> None:
    """Set straight after the start, before Pagefind starts its threads, which inherit it."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, GIVING_WAY)
    except (AttributeError, OSError):  # not on this system, or the process has ended
        pass


class Indexing:
    """One run of the Pagefind command line, started and not yet finished."""

    def __init__(self, pages: Path, bundle: Path, expected: int | None, glob: str,
                 die_with_build: bool = True, gives_way: bool = False):
        self.bundle, self.expected = bundle, expected
        self.stopped = False
        self.started = time.perf_counter()
        # A fresh bundle: Pagefind names its files by content and leaves old ones behind.
        shutil.rmtree(bundle, ignore_errors=True)
        self.process = None
        if expected == 0:
            # Nothing to index: Pagefind would fall back to indexing every page it reads.
            return
        # What it says goes to a file, not a pipe: a full pipe would stop it until it is read.
        self.output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        try:
            self.process = subprocess.Popen(
                [*pagefind_command(), "--site", str(pages), "--glob", glob,
                 "--output-path", str(bundle)],
                stdout=self.output, stderr=subprocess.STDOUT, text=True,
                preexec_fn=die_with_parent if die_with_build else None)
        except OSError as error:
            self.output.close()
            raise SearchIndexFailed(f"could not run Pagefind ({error}); "
                                    "install it with: pip install 'pagefind[bin]'") from error
        if gives_way:
            _lower_priority(self.process.pid)

    def finish(self, filters_by_url: dict[str, list[tuple[str, str]]] | None = None,
               names_by_url: dict[str, str] | None = None) -> IndexStats:
        """Wait for Pagefind; its stats, or SearchIndexFailed with what it said. With
        filters_by_url (each service page's filters), the filter tables are written too."""
        if self.process is None:
            return IndexStats(pages=0, seconds=0.0, bytes=0)
        self.process.wait()
        self.output.seek(0)
        output = self.output.read()
        self.output.close()
        if self.process.returncode != 0:
            raise SearchIndexFailed(f"Pagefind stopped with exit code {self.process.returncode}:\n"
                                    + output.strip())
        seconds = time.perf_counter() - self.started
        for name in UNUSED:
            (self.bundle / name).unlink(missing_ok=True)
        shutil.rmtree(self.bundle / "playground", ignore_errors=True)
        pages = indexed_pages(output)
        if self.expected is not None and pages != self.expected:
            raise SearchIndexFailed(f"Pagefind indexed {pages} pages but there are "
                                    f"{self.expected} published services: each published "
                                    "service page must carry data-pagefind-body "
                                    "(components/service-page).")
        if filters_by_url is not None:
            write_filter_tables(self.bundle, filters_by_url, names_by_url)
        return IndexStats(pages=pages, seconds=seconds, bytes=folder_size(self.bundle))

    def stop(self) -> None:
        """Stop Pagefind (the build failed): nothing is left running."""
        self.stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        # Pagefind may have ended first, and finish() closed its output.
        if self.process is not None and not self.output.closed:
            self.output.close()


TABLES = "filter-table"  # in the bundle: <filter name>.pf_table
# Six bits a character, in an order safe in JSON and URLs.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def write_filter_tables(bundle: Path, filters_by_url: dict[str, list[tuple[str, str]]],
                        names_by_url: dict[str, str] | None = None) -> int:
    """One table per filter name and language: each indexed page's values, in the order
    of Pagefind's page ids (its fragments' names, sorted), read from the bundle Pagefind
    wrote. Each of Pagefind's languages (its ids start with it: en_, pl_) has its own
    folder (TABLES/<code>/), so a page downloads only its own language's rows.

    filters_by_url: each service page's (filter, value) pairs, by its URL as Pagefind
    records it (/services/x/); a filter a service lacks is simply not in its pairs.
    A table is gzipped JSON: the filter's values, and a string of `width` characters
    a row: for "one", the row's value number + 1 (0: none); for "set", a bit for each
    value, six to a character, the lowest first. Beside them, what finds a page id's row
    (ROW_IDS, row_ids). With names_by_url (what orders each page A to Z), the page ids
    from A to Z too (A_TO_Z, a_to_z), so a list with no search words needs no search.
    Returns the bytes written."""
    by_language: dict[str, list[Path]] = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment"), key=lambda p: p.stem):
        by_language.setdefault(fragment.stem.rpartition("_")[0], []).append(fragment)
    return sum(_write_language_tables(bundle / TABLES / language, fragments, filters_by_url,
                                      names_by_url)
               for language, fragments in by_language.items())


def _write_language_tables(folder: Path, fragments: list[Path],
                           filters_by_url: dict[str, list[tuple[str, str]]],
                           names_by_url: dict[str, str] | None) -> int:
    pages, urls_in_rows = [], []
    for fragment in fragments:
        url = fragment_url(fragment)
        urls_in_rows.append(url)
        if url not in filters_by_url:
            raise SearchIndexFailed(f"Pagefind indexed {url}, which is not a published "
                                    "service page")
        pages.append(filters_by_url[url])
    names = list(dict.fromkeys(name for page in pages for name, _ in page))
    folder.mkdir(parents=True, exist_ok=True)
    ids = [fragment.stem for fragment in fragments]
    written = _write(folder / ROW_IDS, row_ids(ids))
    if names_by_url is not None:
        order = sorted(range(len(urls_in_rows)),
                       key=lambda row: (names_by_url.get(urls_in_rows[row], ""), urls_in_rows[row]))
        written += _write(folder / A_TO_Z, a_to_z([ids[row] for row in order]))
    for name in names:
        rows = [[value for filter_name, value in page if filter_name == name] for page in pages]
        values = sorted({value for row in rows for value in row})
        number = {value: index for index, value in enumerate(values)}
        if all(len(row) <= 1 for row in rows) and len(values) < len(DIGITS):
            kind, width = "one", 1
            text = "".join(DIGITS[number[row[0]] + 1] if row else DIGITS[0] for row in rows)
        else:
            kind, width = "set", -(-len(values) // 6)
            text = "".join(_bits(sum(1 << number[value] for value in set(row)), width)
                           for row in rows)
        written += _write(folder / f"{name}.pf_table",
                          {"name": name, "kind": kind, "width": width, "rows": len(rows),
                           "values": values, "table": text})
    return written


ROW_IDS = "rows.pf_ids"  # not a filter's name: filters' tables end .pf_table
A_TO_Z = "a-z.pf_order"
# The widest id number the page reads exactly (a JavaScript number holds 53 bits).
WIDEST = 13


def row_ids(ids: list[str]) -> dict:
    """What the page needs to find a search result's row from its Pagefind page id: only
    the id's row, and only for ids in the table, so not the ids themselves (a monotone
    minimal perfect hash: about 3 bits an id, where 10,000 ids themselves take at least 16).

    ids: in the tables' row order (sorted). Each is a prefix and a hexadecimal number
    (en_3fa2c1b); a group is a run of ids with the same prefix and number of digits
    (`width`), `first` its first id's digits, `count` its ids. Its numbers (4 * width bits)
    are put in buckets by their bits above the lowest `low`. `bits`, six a character
    (DIGITS), the last padded with 0s: each bucket's count of ids, in unary (that many 1s,
    then a 0), bucket after bucket; then for each two neighbouring ids in one bucket, in
    row order, the first of the low bits in which they differ (0: the highest), in unary.
    An id's row: its group's first row, the ids in the buckets before its own, and its
    place in its bucket, found as in a trie: of the bucket's neighbours, the two that
    differ highest split it, and the id's own bit there says on which side it is; and so
    on, on that side, until one id is left."""
    groups = []
    for page_id in ids:
        prefix, _, number = page_id.rpartition("_")
        if len(number) > WIDEST:
            raise ValueError(f"page id {page_id}: more digits than the page can read")
        key = (prefix + "_", len(number))
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(int(number, 16))
    written = []
    for (prefix, width), numbers in groups:
        low = min(_lows(len(numbers), 4 * width),
                  key=lambda low: len(_ranking_bits(numbers, 4 * width, low)))
        written.append({"prefix": prefix, "width": width,
                        "first": format(numbers[0], "x").zfill(width), "count": len(numbers),
                        "low": low, "bits": _six(_ranking_bits(numbers, 4 * width, low))})
    return {"rows": len(ids), "groups": written}


def _lows(count: int, size: int) -> range:
    """The sizes of the low part worth trying: about as many buckets as ids is best
    (unary counts cost a bit a bucket, and the more ids share a bucket, the longer the
    bits that tell them apart)."""
    most = min(size, count.bit_length() + 1)  # bits a bucket's number has, at most
    return range(size - most, size - max(0, most - 4) + 1)


def _ranking_bits(numbers: list[int], size: int, low: int) -> str:
    buckets = [0] * (1 << (size - low))
    for number in numbers:
        buckets[number >> low] += 1
    bits = ["1" * count + "0" for count in buckets]
    for before, after in zip(numbers, numbers[1:]):
        if before >> low == after >> low:
            bits.append("1" * (low - ((before ^ after) & ((1 << low) - 1)).bit_length()) + "0")
    return "".join(bits)


def a_to_z(ids: list[str]) -> dict:
    """The page ids from A to Z, for the list with no search words: it shows them in this
    order and loads each one's fragment, so it needs the ids themselves (their rows it
    finds as a search's results, by ROW_IDS). A language's ids share one prefix, written
    once; `ids` is every id's number, 4 bits a digit, `width` digits (or, at a place listed
    in `widths` as [place, digits], that many), one after another, six bits a character
    (DIGITS), the last padded with 0s: an eighth less than their hexadecimal after gzip."""
    prefixes = {page_id.rpartition("_")[0] for page_id in ids}
    if len(prefixes) > 1:
        raise ValueError(f"one language's ids have several prefixes: {sorted(prefixes)}")
    numbers = [page_id.rpartition("_")[2] for page_id in ids]
    widths = [len(number) for number in numbers]
    width = max(set(widths), key=widths.count, default=7)
    return {"rows": len(ids), "prefix": f"{prefixes.pop()}_" if prefixes else "",
            "width": width, "widths": [[place, len(number)] for place, number
                                       in enumerate(numbers) if len(number) != width],
            "ids": _six("".join(format(int(number, 16), "b").zfill(4 * len(number))
                                for number in numbers))}


def _six(bits: str) -> str:
    """A string of 0s and 1s six to a character (DIGITS), highest first, the last padded."""
    bits += "0" * (-len(bits) % 6)
    return "".join(DIGITS[int(bits[at:at + 6], 2)] for at in range(0, len(bits), 6))


def _write(path: Path, table: dict) -> int:
    data = gzip.compress(json.dumps(table, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 9, mtime=0)
    path.write_bytes(data)
    return len(data)


FRAGMENT_URL = re.compile(rb'pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")')


def fragment_url(fragment: Path) -> str:
    """The page a Pagefind fragment is of. Its address comes first: only the start of the
    fragment is unzipped (the whole of it, with the page's words, is ten times more)."""
    data = fragment.read_bytes()
    head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 2048)
    found = FRAGMENT_URL.match(head)
    if found:
        return json.loads(found.group(1))
    return json.loads(gzip.decompress(data).decode("utf-8").removeprefix("pagefind_dcd"))["url"]


def _bits(mask: int, width: int) -> str:
    return "".join(DIGITS[(mask >> (6 * place)) & 63] for place in range(width))


class SearchStaging:
    """A folder of service pages' bodies, each where its page goes, for Pagefind to index
    while the pages themselves are written. Removed by close().

    kept: the folder serves one build after another (a live preview): a page whose text
    is what the last build wrote is not written again, and a page the build did not add
    is taken away (prune), so each rebuild writes only the pages that changed."""

    def __init__(self, kept: bool = False):
        self.folder = Path(tempfile.mkdtemp(prefix="local-offer-search-"))
        self.kept = kept
        self.written: dict[str, str] = {}  # page_url: its text, when kept
        self.added: set[str] = set()  # by this build, when kept

    def add(self, page_url: str, language: str, body: str) -> None:
        """One page's rendered body; page_url as the site serves it (services/x/), language
        as the page's <html lang> says, which chooses Pagefind's word stemming."""
        text = (f'<!doctype html>\n<html lang="{html.escape(language)}">'
                f'<head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n')
        if self.kept:
            self.added.add(page_url)
            if self.written.get(page_url) == text:
                return
        path = self.folder / page_url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if self.kept:
            self.written[page_url] = text

    def begin(self) -> None:
        """A new build of a kept folder: none of its pages added yet."""
        self.added = set()

    def prune(self) -> None:
        """Of a kept folder, the pages this build did not add taken away (a record removed
        or unpublished)."""
        for page_url in set(self.written) - self.added:
            (self.folder / page_url / "index.html").unlink(missing_ok=True)
            del self.written[page_url]

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def indexed_pages(output: str) -> int:
    found = re.search(r"Indexed (\d+) pages?", output)
    return int(found.group(1)) if found else 0


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
