"""The pipeline is the layout: import-linter holds every stage to importing only those below.

The contracts live in pyproject.toml. A copy of the package with one import pointing the
wrong way must break them, so the check is known to bite.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=project, text=True,
                          capture_output=True, timeout=120, env={"PYTHONPATH": str(project),
                                                                  "PATH": "/usr/bin:/bin"})


def test_the_code_keeps_every_layer_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "local_offer", tmp_path / "local_offer",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_import(package: Path, module: str, line: str) -> None:
    path = package / "local_offer" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


@pytest.mark.parametrize("module, line, broken", [
    # records reaching up into the site: the data would depend on its pages
    ("records/problems.py", "import local_offer.site.render", "The pipeline"),
    # a page type importing mkdocs: the site would no longer be engine-neutral
    ("site/pages.py", "import mkdocs.structure.files", "Only the mkdocs plugin imports mkdocs"),
    # two modules of one stage importing each other
    ("site/pages.py", "import local_offer.site.content", "No import circle"),
])
def test_an_import_against_the_pipeline_breaks_a_contract(package_copy, module, line, broken):
    add_import(package_copy, module, line)
    result = lint_imports(package_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{broken}" in result.stdout.split("Broken contracts")[-1]
