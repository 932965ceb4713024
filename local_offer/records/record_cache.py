"""Valid records kept between builds, so an unchanged record is neither parsed nor checked again.

The cache lives in the project's `.cache/` folder (ignored by git) as one file.
Each valid record is kept under its file's path with a hash of the file's
bytes: a file whose bytes have not changed gives back its record and warnings
as they were. A record is valid or not by more than its own bytes, so the cache
file is named by a hash of everything else its checks read: the schema, the
taxonomy (whose lists the schema's choices are made from), the template (whose
text a record must replace), the day review dates are checked against, the
code that reads and checks records, and the Python version. A change to any of
them starts a new, empty cache. Records with problems are never kept: they are
checked, and their problems told, every time.

A cache that cannot be read or written is no mistake of the council's: it is
ignored, and records are read and checked as if there were none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from local_offer.records.model import Record
from local_offer.records.problems import Problem

CACHE_DIR = ".cache"
PREFIX = "records-"
RECORDS_CODE = Path(__file__).parent  # the package that reads and checks records


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(hashlib.sha256(part).digest())
    return hasher.hexdigest()


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"(missing)"


def context_key(project, today: dt.date | None) -> str:
    """A hash of everything besides its own file that a record's checks depend on."""
    code = [_bytes(path) for path in sorted(RECORDS_CODE.rglob("*.py"))]
    return _digest(_bytes(project.schema_path), _bytes(project.data_dir / "taxonomy.yaml"),
                   _bytes(project.template_path), (today.isoformat() if today else "-").encode(),
                   sys.version.encode(), *code)[:16]


class RecordCache:
    """The valid records of one project as last checked in the same context."""

    def __init__(self, project, today: dt.date | None):
        self.folder = project.root / CACHE_DIR
        self.path = self.folder / f"{PREFIX}{context_key(project, today)}.pickle"
        self.kept: dict[str, tuple[str, Record, list[Problem]]] = self._read()
        self.now: dict[str, tuple[str, Record, list[Problem]]] = {}
        self.hits = self.misses = 0

    def _read(self) -> dict:
        try:
            with self.path.open("rb") as stream:
                kept = pickle.load(stream)
            return kept if isinstance(kept, dict) else {}
        except Exception:  # noqa: BLE001 - missing, damaged or from other code: start afresh
            return {}

    def digest(self, file: Path) -> str | None:
        """The hash of a record file's bytes (None when it is not an ordinary file)."""
        if file.is_symlink() or not file.is_file():
            return None
        try:
            return hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError:
            return None

    def get(self, shown: str, digest: str | None) -> tuple[Record, list[Problem]] | None:
        """The record and warnings kept for this file with these bytes, if any."""
        kept = self.kept.get(shown)
        if digest is None or kept is None or kept[0] != digest:
            self.misses += 1
            return None
        self.hits += 1
        self.now[shown] = kept
        return kept[1], kept[2]

    def put(self, shown: str, digest: str | None, record: Record,
            warnings: list[Problem]) -> None:
        if digest is not None:
            self.now[shown] = (digest, record, warnings)

    def save(self) -> None:
        """Keep this load's valid records (a deleted file's record goes); older caches go."""
        if self.now == self.kept:
            return
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Made by the build: records as last checked.\n*\n",
                                  encoding="utf-8")
            handle, temporary = tempfile.mkstemp(prefix=".records-", dir=self.folder)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(self.now, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)  # whole or not at all, even with two builds
            for old in self.folder.glob(f"{PREFIX}*.pickle"):
                if old != self.path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
