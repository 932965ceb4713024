"""The shipped nginx configuration (deploy/nginx/local-offer.conf), tested for real.

Debian's nginx serves the built fixture offer with the shipped file on a free
loopback port; the tests fetch what a browser, a search engine and the Open
Referral UK validator would. nginx must be installed (.ci/run installs it): a
missing nginx fails these tests, it never skips them.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.site.test_content_security_policy import PageScan

CONFIG = ROOT / "deploy" / "nginx" / "local-offer.conf"
GUIDE = ROOT / "docs" / "about" / "publishing.md"
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_program() -> str:
    found = shutil.which("nginx") or next(
        (str(p) for p in (Path("/usr/sbin/nginx"), Path("/usr/bin/nginx")) if p.exists()), None)
    if found is None or not MIME_TYPES.exists():
        pytest.fail("nginx is not installed: install Debian's nginx (apt-get install nginx), "
                    "as .ci/run does, to test deploy/nginx/local-offer.conf")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rendered(site: Path, port: int) -> str:
    """The shipped file with the three lines a council changes set for this test."""
    text = CONFIG.read_text(encoding="utf-8")
    changes = [(r"^    listen 80;$", f"    listen 127.0.0.1:{port};"),
               (r"^    listen \[::\]:80;\n", ""),
               (r"^    server_name .*;$", "    server_name localhost;"),
               (r"^    root .*;$", f"    root {site};")]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"the shipped configuration has no line like {pattern}"
    return text


def main_config(prefix: Path) -> str:
    """nginx.conf as Debian's wraps sites-enabled/, but in the foreground, in one process,
    with every file it writes in the test's folder."""
    temp = prefix / "temp"
    return (f"daemon off;\nmaster_process off;\npid {prefix}/nginx.pid;\n"
            f"error_log {prefix}/error.log;\nevents {{ worker_connections 64; }}\n"
            f"http {{\n  include {MIME_TYPES};\n  default_type application/octet-stream;\n"
            f"  access_log off;\n  client_body_temp_path {temp}/body;\n"
            f"  proxy_temp_path {temp}/proxy;\n  fastcgi_temp_path {temp}/fastcgi;\n"
            f"  uwsgi_temp_path {temp}/uwsgi;\n  scgi_temp_path {temp}/scgi;\n"
            f"  include {prefix}/local-offer.conf;\n}}\n")


@pytest.fixture(scope="module")
def nginx(offer_site, tmp_path_factory):
    """The fixture offer's site served by nginx with the shipped configuration."""
    yield from served(offer_site, tmp_path_factory)


@pytest.fixture(scope="module")
def nginx_languages(languages_site, tmp_path_factory):
    """The fixture offer in English, Polish and Romanian, served the same way."""
    yield from served(languages_site, tmp_path_factory)


def served(offer_site: Path, tmp_path_factory):
    program = nginx_program()
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "temp").mkdir()
    port = free_port()
    (prefix / "local-offer.conf").write_text(rendered(offer_site, port), encoding="utf-8")
    (prefix / "nginx.conf").write_text(main_config(prefix), encoding="utf-8")
    process = subprocess.Popen([program, "-c", str(prefix / "nginx.conf"), "-p", str(prefix),
                                "-e", str(prefix / "error.log")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                log = (prefix / "error.log").read_text(errors="replace") \
                    if (prefix / "error.log").exists() else ""
                pytest.fail(f"nginx stopped: {process.stdout.read().decode(errors='replace')}"
                            f"{log}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not start listening within 10 seconds")
                time.sleep(0.05)
        yield origin
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect itself is the answer to check


OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, **headers):
    """(status, headers, body) of a GET, errors and redirects included, nothing decoded."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with OPENER.open(request, timeout=10) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_policy(site: Path) -> str:
    [policy] = PageScan((site / "index.html").read_text(encoding="utf-8")).policies
    return policy


def test_the_open_referral_routes_answer_json_anyone_may_read(nginx, offer_site):
    folder = offer_site / "openreferral" / "v3"
    some_id = sorted(folder.glob("services/*.json"))[0].stem
    routes = {"/openreferral/v3/": folder / "index.json",
              "/openreferral/v3": folder / "index.json",
              "/openreferral/v3/services": folder / "services.json",
              "/openreferral/v3/services?page=2&per_page=10": folder / "services.json",
              f"/openreferral/v3/services/{some_id}": folder / "services" / f"{some_id}.json"}
    for route, file in routes.items():
        status, headers, body = fetch(nginx + route)
        assert status == 200, route
        assert headers["Content-Type"].split(";")[0] == "application/json", route
        assert headers["Access-Control-Allow-Origin"] == "*", route
        assert json.loads(body) == json.loads(file.read_text(encoding="utf-8")), route
    status, _, body = fetch(nginx + "/openreferral/v3/")
    assert json.loads(body)["version"].endswith("3.0")  # what the validator reads first
    assert fetch(nginx + "/openreferral/v3/services/no-such-service")[0] == 404


def test_a_page_has_the_security_headers_and_the_pages_own_policy(nginx, offer_site):
    status, headers, body = fetch(nginx + "/about/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"<h1" in body
    assert headers["Content-Security-Policy"] == page_policy(offer_site)
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-cache"
    assert "Access-Control-Allow-Origin" not in headers  # only the open data feed
    # A missing page: the site's own 404 page, with the same headers.
    status, headers, body = fetch(nginx + "/no-such-page/")
    assert status == 404 and b"Page not found" in body
    assert headers["Content-Security-Policy"] == page_policy(offer_site)


def test_text_is_compressed_and_search_files_named_by_content_are_kept(nginx, offer_site):
    status, headers, body = fetch(nginx + "/", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (offer_site / "index.html").read_bytes()
    assert "Accept-Encoding" in headers["Vary"]
    fragment = next((offer_site / "pagefind" / "fragment").iterdir()).name
    status, headers, _ = fetch(f"{nginx}/pagefind/fragment/{fragment}")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, _ = fetch(nginx + "/pagefind/pagefind-entry.json")
    assert status == 200 and headers["Cache-Control"] == "no-cache"  # names the others
    status, headers, _ = fetch(nginx + "/pagefind/wasm.en.pagefind")
    assert status == 200 and headers["Cache-Control"] == "no-cache"


def test_feeds_and_calendars_have_their_own_types(nginx, offer_site):
    assert fetch(nginx + "/feed.xml")[1]["Content-Type"].startswith("application/atom+xml")
    assert fetch(nginx + "/services.csv")[1]["Content-Type"].startswith("text/csv")
    calendar = next(offer_site.glob("services/*/sessions.ics")).relative_to(offer_site)
    assert fetch(f"{nginx}/{calendar.as_posix()}")[1]["Content-Type"].startswith("text/calendar")
    status, headers, _ = fetch(nginx + "/about")  # a directory address without its slash
    assert status == 301 and headers["Location"] == "/about/"


def test_the_publishing_guide_gives_the_pages_policy_word_for_word(offer_site):
    assert page_policy(offer_site) in GUIDE.read_text(encoding="utf-8")


def test_a_missing_page_in_a_language_gets_that_languages_404_page(nginx_languages,
                                                                   languages_site):
    for prefix, words in (("pl", "Nie znaleziono strony"), ("ro", "Pagina nu a fost găsită")):
        status, headers, body = fetch(f"{nginx_languages}/{prefix}/no-such-page/")
        page = body.decode("utf-8")
        assert status == 404 and words in page, prefix
        assert f'<html lang="{prefix}"' in page
        assert f'href="/{prefix}/browse/"' in page  # its links stay in the language
        assert headers["Content-Security-Policy"] == page_policy(languages_site)
        # A page that is there is served as before.
        assert fetch(f"{nginx_languages}/{prefix}/find/")[0] == 200
    # The main language's, at the root and under a folder that is no language of the site.
    for missing in ("/no-such-page/", "/xy/no-such-page/"):
        status, _, body = fetch(nginx_languages + missing)
        assert status == 404 and b"Page not found" in body and b'<html lang="en"' in body
