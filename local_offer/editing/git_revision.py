"""The project's files as they were at a git revision, to compare with the files now.

Only git's plumbing is used (rev-parse, merge-base, ls-tree, cat-file), so
nothing in the working tree, the index or the branches changes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

# The folders a record needs to be read: the records, the schema and the lists.
RECORD_FOLDERS = ("services", "schema", "data")
# Tried in turn when no revision is given: a local main, then the remote's.
DEFAULT_BASES = ("main", "origin/main", "master", "origin/master")


class GitError(Exception):
    """git could not answer; the message says what to do."""


class Repository:
    """The git repository holding a project folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        try:
            done = subprocess.run(["git", "-C", str(self.folder), *args], input=stdin,
                                  capture_output=True, check=False)
        except FileNotFoundError:
            raise GitError("git is not installed; install it to compare with another revision")
        if done.returncode != 0:
            raise GitError(done.stderr.decode("utf-8", "replace").strip() or
                           f"git {args[0]} failed")
        return done.stdout

    def commit(self, revision: str) -> str | None:
        """The full commit id a revision names, or None if it names none."""
        try:
            return self.git("rev-parse", "--verify", "--quiet",
                            f"{revision}^{{commit}}").decode().strip() or None
        except GitError:
            return None

    def default_base(self) -> str:
        self.check_is_repository()
        for name in DEFAULT_BASES:
            if self.commit(name):
                return name
        raise GitError("there is no main branch to compare with; name the revision, like: "
                       "python build_offer.py diff origin/main")

    def check_is_repository(self) -> None:
        try:
            self.git("rev-parse", "--git-dir")
        except GitError:
            raise GitError(f"{self.folder} is not in a git repository; compare from a clone "
                           "of the Local Offer's repository")

    def fork_point(self, revision: str) -> str:
        """Where the current work left `revision`: what a pull request is compared with."""
        self.check_is_repository()
        base = self.commit(revision)
        if base is None:
            raise GitError(f"'{revision}' is not a branch, tag or commit in this repository; "
                           "try origin/main, or run git fetch first")
        head = self.commit("HEAD")
        if head is None:  # a repository with no commit yet
            return base
        try:
            return self.git("merge-base", base, head).decode().strip()
        except GitError:  # unrelated histories: compare with the revision itself
            return base

    def copy_folders(self, commit: str, folders: tuple[str, ...], into: Path) -> int:
        """Write the files of `folders` at `commit` under `into`. Returns how many."""
        listing = self.git("ls-tree", "-r", "-z", commit, "--", *folders)
        blobs: list[tuple[str, PurePosixPath]] = []
        for entry in filter(None, listing.split(b"\0")):
            meta, _, name = entry.partition(b"\t")
            mode, kind, object_id = meta.decode().split()
            path = PurePosixPath(name.decode("utf-8", "surrogateescape"))
            # Regular files only: links and submodules are not records.
            if kind == "blob" and mode in ("100644", "100755") and ".." not in path.parts:
                blobs.append((object_id, path))
        if not blobs:
            return 0
        contents = self.git("cat-file", "--batch",
                            stdin="".join(f"{object_id}\n" for object_id, _ in blobs).encode())
        position = 0
        for _, path in blobs:
            header_end = contents.index(b"\n", position)
            size = int(contents[position:header_end].split()[2])
            start = header_end + 1
            target = into / Path(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(contents[start:start + size])
            position = start + size + 1  # each object ends with a newline
        return len(blobs)
