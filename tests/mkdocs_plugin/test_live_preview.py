"""make serve: a saved change to a record shows on its page without a restart."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text; None when it is not there (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    """Whether the page is there with the text, within the seconds ("": it is there)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow  # starts mkdocs serve and waits for it to rebuild
def test_an_edited_record_shows_without_a_restart(scratch):
    record = scratch.record("live", last_reviewed="2026-11-01")
    port = free_port()
    log = scratch.root / "serve.log"  # what mkdocs said, told when the edit does not show
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr",
         f"127.0.0.1:{port}", "--config-file", str(scratch.root / "mkdocs.yml")],
        cwd=scratch.root, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    try:
        url = f"http://127.0.0.1:{port}/services/live/"
        assert wait_for(url, "<h1>Minimal Service</h1>"), "the preview did not start"
        for edit in ("Renamed Service", "Renamed Again"):
            record.write_text(re.sub(r"(?m)^name: .*$", f"name: {edit}", record.read_text()))
            assert wait_for(url, f"<h1>{edit}</h1>"), (f"the edit to {edit} did not show; "
                                                      "mkdocs said:\n" + log.read_text()[-3000:])
        # Search catches up after each rebuild: its index and filter tables are there.
        site = f"http://127.0.0.1:{port}/"
        assert wait_for(site + "pagefind/pagefind-entry.json", '"languages"'), log.read_text()
        assert wait_for(site + "pagefind/filter-table/en/rows.pf_ids", ""), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def previewed(tmp_path, monkeypatch):
    """A live preview's builds in this process, as mkdocs serve makes them (one plugin kept
    from build to build), and the service pages each build rendered."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from local_offer.site.render import Renderer
    from tests.helpers import copy_project

    project = copy_project(tmp_path / "project", offer=True)
    rendered: list[str] = []
    render = Renderer.render

    def counting(self, component, url, **values):
        if component in ("service-page", "browse-list"):
            rendered.append(url)
        return render(self, component, url, **values)

    monkeypatch.setattr(Renderer, "render", counting)
    # mkdocs serve has threads of its own: however large the offer, nothing is forked.
    from local_offer.outputs import page_bodies
    from local_offer.records import loader

    def no_fork(*args, **kwargs):
        raise AssertionError("a live preview forked a process")

    for module in (page_bodies, loader):
        monkeypatch.setattr(module, "SHARED_FROM", 1)
        monkeypatch.setattr(module, "on_both_cores", no_fork)
    plugin = None

    def rebuild() -> list[str]:
        nonlocal plugin
        rendered.clear()
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        plugin = config.plugins["local-offer"]
        plugin.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        plugin.on_shutdown()  # the search index and open data files, caught up or stopped
        return sorted(rendered)

    yield project, rebuild
    if plugin is not None:
        plugin.on_startup(command="build", dirty=False)


def test_a_rebuild_makes_again_only_the_pages_that_changed(previewed):
    project, rebuild = previewed
    everything = rebuild()
    services = [url for url in everything if url.startswith("services/")]
    lists = [url for url in everything if url.startswith("browse/")]
    assert len(services) > 50 and len(lists) > 20
    assert rebuild() == []  # nothing changed
    record = next(project.services_dir.rglob("accessible-swimming.yaml"))
    record.write_text(re.sub(r"(?m)^summary: .*$", "summary: Edited in the preview.",
                             record.read_text(encoding="utf-8")), encoding="utf-8")
    site = project.root.parent / "site"
    showing = sorted(str(page.parent.relative_to(site)) + "/"
                     for page in (site / "browse").rglob("index.html")
                     if 'data-service-id="accessible-swimming"' in page.read_text("utf-8"))
    assert len(showing) >= 3
    # The service's page, and only the lists that show it.
    assert rebuild() == sorted(["services/accessible-swimming/", *showing])
    for page in (site / "services" / "accessible-swimming", *(site / url for url in showing)):
        assert "Edited in the preview." in (page / "index.html").read_text(encoding="utf-8")
    glossary = project.data_dir / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert rebuild() == everything  # a data file: every page may have changed
