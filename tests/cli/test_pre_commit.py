"""The pre-commit hooks run clean on the fixture offer, each tool run as pre-commit would run it.

pre-commit itself cannot fetch the hook repositories here (no network), so
each hook's tool, pinned in requirements-test.txt at the hook's version, is
run with exactly the arguments and files the configuration gives it.
"""

from __future__ import annotations

import importlib.metadata
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import MINIMAL, ROOT, copy_project

CONFIG = ROOT / ".pre-commit-config.yaml"
BIN = Path(sys.executable).parent
# The program each maintained hook runs (its entry in the hook repository), and its package.
TOOLS = {"check-jsonschema": ("check-jsonschema", "check-jsonschema"),
         "yamllint": ("yamllint", "yamllint")}


def hooks() -> dict[str, tuple[dict, dict]]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A checkout holding the fixture offer, with the layout rules: where the hooks run."""
    project = copy_project(tmp_path_factory.mktemp("checkout"), offer=True)
    shutil.copy(ROOT / ".yamllint", project.root / ".yamllint")
    return project.root


def files_in(checkout: Path) -> list[str]:
    return sorted(path.relative_to(checkout).as_posix() for path in checkout.rglob("*")
                  if path.is_file())


def command(hook: dict, files: list[str]) -> list[str]:
    """The command pre-commit would run for a hook, over the files it would pass."""
    if hook["id"] in TOOLS:
        entry = [str(BIN / TOOLS[hook["id"]][0])]
    else:
        # python is this run's; a script of the repository's (build_offer.py) runs from it.
        entry = [sys.executable if word == "python" else
                 str(ROOT / word) if (ROOT / word).is_file() else word
                 for word in shlex.split(hook["entry"])]
    passed = files if hook.get("pass_filenames", True) else []
    return [*entry, *hook.get("args", []), *passed]


def run_hook(hook: dict, files: list[str], checkout: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command(hook, files), cwd=checkout, capture_output=True, text=True)


def test_config_is_valid_for_pre_commit():
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(hooks()) == {"check-jsonschema", "yamllint", "validate"}


def test_hook_versions_match_the_tools_tested_here():
    for hook_id, (repo, _) in hooks().items():
        if hook_id in TOOLS:
            installed = importlib.metadata.version(TOOLS[hook_id][1])
            assert repo["rev"].lstrip("v") == installed, hook_id


@pytest.mark.parametrize("hook_id", ["check-jsonschema", "yamllint", "validate"])
def test_each_hook_passes_on_the_fixture_offer(hook_id, checkout):
    _, hook = hooks()[hook_id]
    # As pre-commit chooses them: matching files, and not matching exclude.
    files = [name for name in files_in(checkout) if re.search(hook["files"], name)
             and not re.search(hook.get("exclude", "^$"), name)]
    assert len([name for name in files if name.startswith("services/")]) >= 40
    done = run_hook(hook, files, checkout)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_hook_reads_dates_as_text_and_rejects_wrong_values(tmp_path, checkout):
    _, hook = hooks()["check-jsonschema"]
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL)  # last_reviewed: 2026-05-03, not in quotes
    assert run_hook(hook, [str(good)], checkout).returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("[education]", "[educaton]")
                   .replace("2026-05-03", "2026-02-30"))
    done = run_hook(hook, [str(bad)], checkout)
    assert done.returncode == 1
    assert "educaton" in done.stdout and "2026-02-30" in done.stdout


def test_the_layout_hook_catches_yes_and_duplicated_fields(tmp_path, checkout):
    _, hook = hooks()["yamllint"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("free: true", "free: yes") + "name: Twice\n")
    done = run_hook(hook, [str(bad)], checkout)
    assert done.returncode != 0
    assert "(truthy)" in done.stdout and "(key-duplicates)" in done.stdout
