"""Shared fixtures: a scratch copy of the project, and records written into it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from local_offer.project import Project

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = ROOT / "local_offer" / "components"
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


@pytest.fixture
def scratch(tmp_path: Path) -> ScratchProject:
    for folder in ("schema", "data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "services").mkdir()
    return ScratchProject(tmp_path)


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
