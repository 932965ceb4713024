"""Reading the project's files at a git revision, without touching the working tree."""

from __future__ import annotations

import subprocess

import pytest

from local_offer.editing.git_revision import GitError, Repository


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_copies_the_folders_of_a_project_in_a_sub_folder(tmp_path):
    repo = tmp_path / "repo"
    project = repo / "offer"
    (project / "services" / "health").mkdir(parents=True)
    (project / "services" / "health" / "a.yaml").write_bytes(b"name: A\n\xc2\xa3 sign\n")
    (project / "data").mkdir()
    (project / "data" / "taxonomy.yaml").write_text("areas: []\n")
    (project / "README.md").write_text("not copied\n")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=T", "add", "-A")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-qm", "one")
    (project / "services" / "health" / "a.yaml").write_text("changed since\n")

    repository = Repository(project)
    commit = repository.fork_point("main")
    out = tmp_path / "out"
    assert repository.copy_folders(commit, ("services", "schema", "data"), out) == 2
    assert (out / "services" / "health" / "a.yaml").read_bytes() == b"name: A\n\xc2\xa3 sign\n"
    assert (out / "data" / "taxonomy.yaml").read_text() == "areas: []\n"
    assert not (out / "README.md").exists()
    assert repository.default_base() == "main"


def test_no_main_branch_says_what_to_type(tmp_path):
    git(tmp_path, "init", "--quiet", "--initial-branch=trunk")
    with pytest.raises(GitError, match="python build_offer.py diff origin/main"):
        Repository(tmp_path).default_base()
