"""Link checking with linkchecker, against servers on 127.0.0.1 (there is no internet in CI)."""

from __future__ import annotations

import http.server
import json
import threading
import time

import pytest

from local_offer.cli import main
from local_offer.editing.link_check import (
    Limits,
    check_site,
    check_urls,
    linkchecker_config,
    plain_problem,
)
from local_offer.records.link_uses import external_links
from local_offer.records.loader import RecordLoader
from tests.helpers import MINIMAL, SiteServer

SLOW_SECONDS = 3


def recording_handler(shared: dict):
    """Answers /good…, /missing…, /slow… and /pause…, and remembers when it was asked."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            started = time.monotonic()
            with shared["lock"]:
                shared["requests"].append((started, self.server.server_port, self.path))
            try:
                if self.path.startswith("/slow"):
                    time.sleep(SLOW_SECONDS)
                elif self.path.startswith("/pause"):
                    time.sleep(0.3)
                    # Recorded before answering: the next request can only start after.
                    with shared["lock"]:
                        shared["pauses"].append((started, time.monotonic()))
                status = 404 if self.path.startswith("/missing") else 200
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                # linkchecker then applies exactly the rate it is given (no floor of its own).
                self.send_header("LinkChecker", "test")
                self.end_headers()
                self.wfile.write(b"<!doctype html><title>t</title><p>page</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the checker gave up waiting, as it should

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def asked() -> dict:
    """What the servers below were asked, and when: shared by all four."""
    return {"lock": threading.Lock(), "requests": [], "pauses": []}


@pytest.fixture
def servers(asked):
    made = [SiteServer(handler=recording_handler(asked)) for _ in range(4)]
    yield made
    for server in made:
        server.close()


def test_links_finds_the_missing_and_slow_urls_by_record_and_owner(scratch, servers, asked,
                                                                  capsys):
    web = servers[0].origin
    scratch.write("links.yaml", MINIMAL
                  .replace("{name: Example Provider}",
                           f"{{name: Example Provider, website: '{web}/slow'}}")
                  .replace("{routes: [self-referral]}",
                           f"{{routes: [self-referral], referral_form: '{web}/missing'}}")
                  .replace("{email: minimal@example.org}",
                           f"{{email: minimal@example.org, website: '{web}/good'}}"))
    scratch.write("also-good.yaml", MINIMAL.replace(
        "contact: {email: minimal@example.org}", f"contact: {{website: '{web}/good'}}"))
    code = main(["--project", str(scratch.root), "links", "--timeout", "1", "--per-host", "50"])
    out = capsys.readouterr().out
    assert code == 0  # a broken link is for its owner to fix; it does not fail
    assert "Checked 4 links from 2 entries: 2 broken." in out
    assert "Example Team <example.team@example.org>" in out
    assert f"services/links.yaml:9  Minimal Service: {web}/missing (the page is missing " \
           "(404 Not Found))" in out
    assert f"services/links.yaml:3  Minimal Service: {web}/slow (no answer within 1 " \
           "seconds)" in out
    assert "/good" not in out
    # The same address used twice is fetched once.
    assert [p for _, _, p in asked["requests"]].count("/good") == 1


def test_links_json_and_markdown_reports(scratch, servers, capsys, tmp_path):
    web = servers[0].origin
    scratch.write("gone.yaml", MINIMAL.replace(
        "contact: {email: minimal@example.org}", f"contact: {{website: '{web}/missing'}}"))
    out_file = tmp_path / "reports" / "links.json"
    assert main(["--project", str(scratch.root), "links", "--format", "json", "--out",
                 str(out_file), "--per-host", "50"]) == 0
    assert "1 broken. Wrote" in capsys.readouterr().out
    data = json.loads(out_file.read_text())
    [link] = data["owners"][0]["broken_links"]
    assert (link["record_id"], link["path"], link["line"], link["field"]) == \
        ("gone", "services/gone.yaml", 10, "contact.website")
    # check --links carries the broken link into the owner's weekly report.
    assert main(["--project", str(scratch.root), "check", "--today", "2026-11-23",
                 "--fail-on", "never", "--format", "markdown", "--links", str(out_file)]) == 0
    report = capsys.readouterr().out
    assert f"| Minimal Service | <{web}/missing> | the page is missing \\(404 Not Found\\) |" in report
    assert main(["--project", str(scratch.root), "links", "--format", "markdown",
                 "--per-host", "50", "--owner", "Example Team"]) == 0
    assert "## Broken links" in capsys.readouterr().out
    assert main(["--project", str(scratch.root), "links", "--owner", "Nobody"]) == 2
    assert "No entries have the owner 'Nobody'" in capsys.readouterr().err


def test_at_most_the_given_number_of_links_are_checked_at_once(servers, asked):
    urls = [f"{server.origin}/pause/{n}" for server in servers for n in range(2)]
    results = check_urls(urls, Limits(threads=2, timeout=5, per_host=50))
    assert len(results) == 8 and all(result.ok for result in results)
    assert most_at_once(asked["pauses"]) == 2


def most_at_once(intervals: list[tuple[float, float]]) -> int:
    events = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals],
                    key=lambda event: (event[0], event[1]))
    busy = most = 0
    for _, change in events:
        busy += change
        most = max(most, busy)
    return most


def test_one_host_is_not_asked_more_than_the_rate_allows(servers, asked):
    server = servers[0]
    check_urls([f"{server.origin}/good/{n}" for n in range(4)],
               Limits(threads=4, timeout=5, per_host=5))
    times = sorted(t for t, _, path in asked["requests"] if path.startswith("/good"))
    assert len(times) == 4
    # 5 a second: each request starts at least 0.2 s after the one before, so four take at
    # least 0.6 s (less a little for jitter on a busy machine), though 4 threads are free.
    assert times[-1] - times[0] >= 0.5, times


def test_limits_are_linkcheckers_own_settings():
    config = linkchecker_config(Limits(threads=3, timeout=7, per_host=0.5), crawl=False)
    assert (config["threads"], config["timeout"], config["maxrequestspersecond"]) == (3, 7, 0.5)
    assert config["recursionlevel"] == 0 and config["checkextern"]
    crawl = linkchecker_config(Limits(), crawl=True)
    assert crawl["recursionlevel"] == -1 and not crawl["checkextern"]


def test_external_links_come_from_the_fields_families_follow(scratch, service_fixtures):
    scratch.write("every-field.yaml", service_fixtures["full"])
    [record] = RecordLoader(scratch).load().records
    lines = service_fixtures["full"].splitlines()
    line_of = lambda text: next(n for n, line in enumerate(lines, 1) if text in line)  # noqa
    uses = {(use.field, use.url, use.line) for use in external_links([record])}
    assert uses == {
        ("contact.website", "https://example.org/every-field", line_of("/every-field")),
        ("how_to_get_it.referral_form", "https://example.org/referral-form",
         line_of("referral_form:")),
        ("provider.website", "https://example.org/provider", line_of("/provider"))}


def test_plain_problems():
    assert plain_problem("404 Not Found", 20) == "the page is missing (404 Not Found)"
    assert plain_problem("ReadTimeout: HTTPConnectionPool(...)", 20) == \
        "no answer within 20 seconds"
    assert plain_problem("ConnectionError: ... NameResolutionError(...)", 5) == \
        "the web address's domain could not be found"
    assert plain_problem("ConnectionError: refused", 5) == "the site could not be reached"
    assert plain_problem("503 Service Unavailable", 5) == "503 Service Unavailable"


def test_the_built_offer_has_no_broken_internal_links(offer_site):
    broken = check_site(offer_site)
    assert broken == [], "\n".join(f"{b.parent}: {b.url} {b.problem}" for b in broken)


def test_a_broken_internal_link_is_found_with_its_page(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "index.html").write_text('<!doctype html><title>Home</title>'
                                     '<a href="about/">About</a> <a href="https://example.org/">'
                                     'outside</a> <a href="mailto:a@example.org">mail</a>')
    (site / "about" / "index.html").write_text('<!doctype html><title>About</title>\n'
                                               '<a href="../gone/">Gone</a>')
    [broken] = check_site(site)
    assert broken.url.endswith("/gone/") and broken.parent.endswith("/about/")
    assert broken.line == 2 and "404" in broken.problem
    assert main(["links", "--site", str(site)]) == 1
    assert "1 broken link between the site's pages." in capsys.readouterr().out
    assert main(["links", "--site", str(tmp_path / "nothing")]) == 2
