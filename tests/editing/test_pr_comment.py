"""The pull-request comment: its body, written by the script the workflow runs, and the workflow."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from tests.editing.test_record_diff import TINY_TALKERS, repository  # noqa: F401  (a fixture)
from tests.helpers import ROOT

SCRIPT = ROOT / ".github" / "scripts" / "pr-comment.sh"
WORKFLOW = ROOT / ".github" / "workflows" / "pr-comment.yml"
MARKER = "<!-- local-offer-pr-comment -->"


def comment_body(project_root, cwd=None) -> str:
    env = {**os.environ, "OFFER": f"{sys.executable} {ROOT / 'build_offer.py'} "
                                  f"--project {project_root}"}
    done = subprocess.run(["bash", str(SCRIPT), "main"], cwd=cwd or project_root, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow  # runs every command the comment is made of
def test_comment_says_what_changed_and_has_every_part(repository):  # noqa: F811
    talkers = repository.services_dir / "early-years" / "tiny-talkers.yaml"
    talkers.write_text(TINY_TALKERS.replace("01632 960123", "01632 960456"))
    body = comment_body(repository.root)
    assert body.startswith(MARKER + "\n## What this change means for families")
    assert "- Phone: `01632 960123` → `01632 960456`" in body
    for part in ("## Entries due for review", "## Plain English"):
        assert part in body
    # The scratch project has owners but no CODEOWNERS yet: the comment says so.
    assert "run `python build_offer.py codeowners`" in body


@pytest.mark.slow
def test_a_part_that_cannot_run_is_explained_not_fatal(repository):  # noqa: F811
    body = comment_body(repository.root / "no-such-folder", cwd=repository.root)
    assert body.startswith(MARKER)
    assert "This part could not run (exit 2):" in body
    assert "## Plain English" in body


def test_workflow_posts_one_comment_and_attaches_a_preview():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}
    steps = workflow["jobs"]["describe"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    write = next(s for s in steps if "pr-comment.sh" in s.get("run", ""))
    assert write["env"]["BASE"] == "origin/${{ github.base_ref }}"
    assert write["run"].endswith("> pr-comment.md")
    post = next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))
    assert MARKER in post["with"]["script"] and "updateComment" in post["with"]["script"]
    build = next(s for s in steps if "build_offer.py build" in s.get("run", ""))
    site = build["run"].split("--site-dir ")[1].strip()
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == site
    assert steps.index(post) < steps.index(build)  # the comment comes even if the build fails
