"""Checking links with linkchecker: the records' external links, and the built site's own.

linkchecker is driven as a library rather than through its command line: run
as root, its command line switches to the user nobody (who cannot read a
build folder), and it prints text meant for people; as a library it hands each
result to a collector. Concurrency, timeouts and the per-host rate limit are
linkchecker's own settings (threads, timeout, maxrequestspersecond).
"""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from linkcheck import configuration, director
from linkcheck.cmdline import aggregate_url
from linkcheck.logger import _Logger

from local_offer.records.link_uses import BrokenLink, LinkUse


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    problem: str = ""
    parent: str = ""  # the page the link is on, for links found by crawling
    line: int | None = None


@dataclass(frozen=True)
class Limits:
    """How hard to press other people's servers."""

    threads: int = 4              # links checked at once
    timeout: float = 20.0         # seconds to wait for an answer
    per_host: float = 1.0         # requests per second to any one host, at most


def broken_links(uses: list[LinkUse], limits: Limits = Limits()) -> list[BrokenLink]:
    """Check each address once, however many records use it."""
    results = {result.url: result for result in check_urls(sorted({u.url for u in uses}), limits)}
    return [BrokenLink(use, results[use.url].problem) for use in uses
            if use.url in results and not results[use.url].ok]


def check_urls(urls: list[str], limits: Limits = Limits(), crawl: bool = False
               ) -> list[LinkResult]:
    """Each URL's result. With crawl, pages are followed within their own site."""
    config = linkchecker_config(limits, crawl)
    collector = config["logger"]
    previous_timeout = socket.getdefaulttimeout()
    try:
        config.sanitize()  # sets the socket timeout for the whole process
        aggregate = director.get_aggregate(config)
        for url in urls:
            aggregate_url(aggregate, url)
        director.check_urls(aggregate)
    finally:
        socket.setdefaulttimeout(previous_timeout)
    return [_result(result, limits) for result in collector.results]


def linkchecker_config(limits: Limits, crawl: bool) -> configuration.Configuration:
    """linkchecker's settings: given URLs only, or crawl one site without leaving it."""
    config = configuration.Configuration()
    config.update(logger=_Collector(), threads=limits.threads, timeout=limits.timeout,
                  maxrequestspersecond=limits.per_host, status=False, verbose=True,
                  recursionlevel=-1 if crawl else 0, checkextern=not crawl)
    return config


def check_site(site_dir: Path, threads: int = 2) -> list[LinkResult]:
    """The site's own links that lead nowhere, found by crawling it on a local server."""
    with LocalSite(site_dir) as url:
        # Our own server on this machine: no need to go gently.
        results = check_urls([url], Limits(threads=threads, timeout=10, per_host=1000),
                             crawl=True)
    return [result for result in results if not result.ok]


class LocalSite:
    """Serves a folder on 127.0.0.1 while a `with` block runs; yields its address."""

    def __init__(self, folder: Path):
        handler = functools.partial(_SiteHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        # linkchecker lifts its default politeness delay for hosts that name it.
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # linkchecker may stop reading once it has seen enough

    def log_message(self, *args):
        pass


class _Collector(_Logger):
    """Keeps every result linkchecker reports, for us to read afterwards."""

    LoggerName = "local-offer"

    def __init__(self, **args):
        super().__init__(**args)
        self.results = []

    def log_url(self, url_data):
        self.results.append(url_data)

    def end_output(self, **kwargs):
        pass


def _result(data, limits: Limits) -> LinkResult:
    return LinkResult(data.url, bool(data.valid), "" if data.valid else plain_problem(
        data.result or "", limits.timeout), data.parent_url or "", data.line)


def plain_problem(result: str, timeout: float) -> str:
    """linkchecker's result in words an owner can act on."""
    if "Timeout" in result or "timed out" in result:
        return f"no answer within {timeout:g} seconds"
    if "NameResolution" in result or "Name or service not known" in result:
        return "the web address's domain could not be found"
    if "SSLError" in result or "CERTIFICATE" in result:
        return "the site's security certificate is not valid"
    if result.startswith("ConnectionError"):
        return "the site could not be reached"
    if result[:3].isdigit():
        meaning = {"404": "the page is missing", "410": "the page has been removed",
                   "403": "the site refused access", "500": "the site had an error"}
        word = meaning.get(result[:3])
        return f"{word} ({result})" if word else result
    return result[:160]
