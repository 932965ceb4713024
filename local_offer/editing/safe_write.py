"""Writing service files without ever losing one.

Every write goes to a temporary file in the same folder, is flushed to disk,
and then takes the file's place in one step, so a crash leaves either the old
file or the new one, never half of each. A file is only replaced if it still
holds what was read, so an edit made meanwhile is not overwritten.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ChangedMeanwhile(Exception):
    """The file changed between reading and writing; nothing was written."""


def _temporary_with(folder: Path, name: str, text: str) -> Path:
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:  # a full disk or an interrupt: leave no half-written file behind
        os.unlink(temporary)
        raise
    return Path(temporary)


def create_new(path: Path, text: str) -> None:
    """Create a file that must not exist yet; raises FileExistsError if it does."""
    temporary = _temporary_with(path.parent, path.name, text)
    try:
        os.link(temporary, path)  # atomic, and refuses to replace an existing file
    finally:
        temporary.unlink()


def replace_if_unchanged(path: Path, text: str, expected: bytes) -> None:
    """Replace a file's content, only if it still holds `expected` (its bytes as read)."""
    temporary = _temporary_with(path.parent, path.name, text)
    try:
        if path.read_bytes() != expected:
            raise ChangedMeanwhile(f"{path} changed while it was being updated")
        os.chmod(temporary, os.stat(path).st_mode & 0o777)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
