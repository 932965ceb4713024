"""Fixtures for the browser suite: the built sites served locally, and opening a page type.

Test modules import the fixtures they use from here (a second conftest.py would
clash with tests/conftest.py under pytest's default import mode).
"""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, SiteServer, build_into, component_fixtures
from page_types import FIXTURE_RECORDS, FIXTURES, SAMPLE, PageType


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """A small site of the service-page fixture records, for cases the sample lacks."""
    root = tmp_path_factory.mktemp("fixture-project")
    for folder in ("schema", "data", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    records = component_fixtures("service-page")
    (root / "services").mkdir()
    for service_id, fixture in FIXTURE_RECORDS.items():
        (root / "services" / f"{service_id}.yaml").write_text(records[fixture], encoding="utf-8")
    build_into(root, root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def servers(sample_server, fixture_site):
    fixtures = SiteServer(fixture_site)
    yield {SAMPLE: sample_server, FIXTURES: fixtures}
    fixtures.close()


def url_of(servers, kind: PageType) -> str:
    return servers[kind.site].url + kind.path


class RequestLog:
    """Every request a page makes, to tell the site's own from anyone else's."""

    def __init__(self, page, site_url: str):
        self.urls: list[str] = []
        self.site = urlsplit(site_url).netloc
        page.on("request", lambda request: self.urls.append(request.url))

    def elsewhere(self) -> list[str]:
        return [url for url in self.urls
                if urlsplit(url).scheme not in ("data", "blob", "about")
                and urlsplit(url).netloc != self.site]
