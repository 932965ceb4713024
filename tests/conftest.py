"""Shared fixtures: a scratch copy of the project, and records written into it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from local_offer.records.project import Project

# The browser suite's fixtures: the built sites served locally, and the crawl.
pytest_plugins = ["tests.browser.sites"]

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = ROOT / "local_offer" / "site" / "components"
# The sample data's review dates were set around this day; tests pin it.
SAMPLE_TODAY = "2026-11-23"


def component_fixtures(component: str) -> dict[str, str]:
    return yaml.safe_load((COMPONENTS / component / "fixtures.yaml").read_text(encoding="utf-8"))


class ScratchProject(Project):
    """A copy of the project's settings with an empty services/ to write records into."""

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.services_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


def copy_project(root: Path, sample_services: bool = False) -> ScratchProject:
    """The project's schema, data, pages and mkdocs.yml in root, with services/ empty
    or holding a copy of the sample records."""
    for folder in ("schema", "data", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if sample_services:
        shutil.copytree(ROOT / "services", root / "services")
    else:
        (root / "services").mkdir()
    return ScratchProject(root)


@pytest.fixture
def scratch(tmp_path: Path) -> ScratchProject:
    return copy_project(tmp_path)


@pytest.fixture
def service_fixtures() -> dict[str, str]:
    return component_fixtures("service-page")


def build_into(project_root: Path, site_dir: Path, today: str = SAMPLE_TODAY) -> None:
    """Build a project's site into site_dir with the real command line."""
    from local_offer.cli import main
    code = main(["--project", str(project_root), "build", "--today", today,
                 "--site-dir", str(site_dir)])
    assert code == 0, f"build failed with exit code {code}"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample data built once per test run, with today pinned."""
    site = tmp_path_factory.mktemp("sample") / "site"
    build_into(ROOT, site)
    return site


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """Records carrying script payloads in every text field (tests/hostile_records.py), built."""
    from tests.hostile_records import HOSTILE_RECORDS
    root = tmp_path_factory.mktemp("hostile")
    copy_project(root)
    for name, text in HOSTILE_RECORDS.items():
        (root / "services" / f"{name}.yaml").write_text(text, encoding="utf-8")
    build_into(root, root / "site")
    return root / "site"


# ---- Browser tests: Playwright driving Debian's Chromium against a local server ----

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Chromium flags for this closed network: no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-default-apps", "--disable-quic"]


class SiteServer:
    """Serves a built site on 127.0.0.1 in a background thread."""

    def __init__(self, site: Path):
        import functools
        import http.server
        import threading

        handler = functools.partial(_QuietHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _quiet_handler_class():
    import http.server

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output readable
            pass

    return Handler


_QuietHandler = _quiet_handler_class()


@pytest.fixture(scope="session")
def sample_server(sample_site):
    server = SiteServer(sample_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def hostile_server(hostile_site):
    server = SiteServer(hostile_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright. If it cannot start, the test fails: it never skips."""
    import shutil as _shutil
    from playwright.sync_api import sync_playwright

    executable = _shutil.which("chromium")
    assert executable, "Chromium is not installed: apt-get install -y chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    made = browser.new_context()
    yield made
    made.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def page_without_javascript(browser):
    """A page as a family sees it with JavaScript switched off (or not yet loaded)."""
    made = browser.new_context(java_script_enabled=False)
    yield made.new_page()
    made.close()


def axe_violations(page, tags=WCAG_TAGS, within: str | None = None) -> list[dict]:
    """Run axe-core in the page (or only within a CSS selector) for the WCAG tags."""
    # Evaluated rather than added as a <script>: the site's CSP refuses inline scripts.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    # Only violations come back: serialising every pass costs more than the scan.
    return page.evaluate("([tags, within]) => axe.run(within || document, "
                         "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
                         ".then(result => result.violations)", [tags, within])


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                     + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
                     for v in violations)
