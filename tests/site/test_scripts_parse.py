"""Every script the site ships parses as a JavaScript module: a slip in one (a merge's
stray bracket) stops the Find page or the header search for every family, and the browser
tests would only show it as missing results."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers import ROOT

SCRIPTS = sorted((ROOT / "docs" / "assets").glob("*.js"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_script_parses_as_a_module(script, tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to check the site's scripts"
    module = tmp_path / (script.stem + ".mjs")  # .mjs: checked as a module, as pages load it
    module.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    checked = subprocess.run([node, "--check", str(module)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_check_catches_a_broken_script(tmp_path):
    module = tmp_path / "broken.mjs"
    module.write_text("export function f() {\n  return 1;\n  ]);\n}\n", encoding="utf-8")
    checked = subprocess.run([shutil.which("node"), "--check", str(module)],
                             capture_output=True, text=True)
    assert checked.returncode != 0 and "SyntaxError" in checked.stderr
