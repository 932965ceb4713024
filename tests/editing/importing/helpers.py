"""Importing the fixture feeds (tests/fixtures/feeds) into a scratch project."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from local_offer.cli import main
from tests.helpers import FIXTURE_TODAY, ROOT

FEEDS = ROOT / "tests" / "fixtures" / "feeds"
# The fixture feeds, one folder per format, as a council would save them.
FORMAT_FOLDERS = {"oruk3": "oruk3", "oruk-list": "placecube", "outpost": "outpost"}


def with_feeds(project) -> Path:
    """The fixture feeds copied into the project, as feeds/."""
    target = project.root / "feeds"
    shutil.copytree(FEEDS, target)
    return target


def run_import(project, *args: str) -> int:
    return main(["--project", str(project.root), "import", *args, "--today", FIXTURE_TODAY])


def report_data(project) -> dict:
    return json.loads((project.root / "import-report.json").read_text(encoding="utf-8"))


def imported_files(project, folder: str = "imported") -> dict[str, bytes]:
    return {path.name: path.read_bytes()
            for path in sorted((project.services_dir / folder).glob("*.yaml"))}
