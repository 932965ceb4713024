"""Shared fixtures: scratch projects, the fixture offer built and served, the markers.

The helpers these use (copy_project, record_yaml, SiteServer, ...) are in tests/helpers.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import (
    ROOT,
    ScratchProject,
    SiteServer,
    build_into,
    component_fixtures,
    copy_project,
)

# The browser suite's fixtures: Chromium, the sites it checks, the crawl.
pytest_plugins = ["tests.browser.sites"]

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ drives Chromium: mark it, so `-m "not browser"` leaves
    the browser suite out."""
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def scratch(tmp_path: Path) -> ScratchProject:
    return copy_project(tmp_path)


@pytest.fixture
def service_fixtures() -> dict[str, str]:
    return component_fixtures("service-page")


@pytest.fixture(scope="session")
def offer_project(tmp_path_factory) -> ScratchProject:
    """The fixture offer (tests/fixtures/offer) as a checkout holds it, with the guide for
    service teams, made once per test run. Read it; a test that changes a project makes its
    own with copy_project."""
    project = copy_project(tmp_path_factory.mktemp("offer") / "project", offer=True)
    shutil.copy(ROOT / "CONTRIBUTING.md", project.root / "CONTRIBUTING.md")
    return project


@pytest.fixture(scope="session")
def offer_site(offer_project) -> Path:
    """The fixture offer built once per test run, with today pinned."""
    site = offer_project.root / "site"
    build_into(offer_project.root, site)
    return site


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """Records carrying script payloads in every text field (tests/hostile_records.py), built."""
    from tests.hostile_records import HOSTILE_RECORDS
    root = tmp_path_factory.mktemp("hostile")
    copy_project(root)
    # Without a languages list, a language is free text, which is what the payloads try.
    (root / "data" / "languages.yaml").unlink()
    for name, text in HOSTILE_RECORDS.items():
        (root / "services" / f"{name}.yaml").write_text(text, encoding="utf-8")
    build_into(root, root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def offer_server(offer_site):
    server = SiteServer(offer_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def hostile_server(hostile_site):
    server = SiteServer(hostile_site)
    yield server
    server.close()
