"""Writing the open data files in a second process, while the site engine writes the pages.

The files are made from the site's content, which the second process shares
from the moment it starts (a fork, on Linux and macOS: nothing is copied or
sent); each is written into the site folder, where no page goes. A failure in
it is told when the build waits for it (finish), with the file it was making.
Where a fork is not available, the files are written straight away instead.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Iterable

from local_offer.outputs import Data, made
from local_offer.records.both_cores import can_fork, die_with_parent


class OutputsFailed(Exception):
    pass


def write_files(site_dir: Path, files: Iterable[tuple[str, Data]], stop=None) -> None:
    """Make each file and write it under site_dir; OutputsFailed names the one that failed.
    stop: an event that ends the writing early when it is set (a live preview's rebuild)."""
    for relative, data in files:
        if stop is not None and stop.is_set():
            return
        try:
            made_data = made(data)
            path = site_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(made_data, bytes):
                path.write_bytes(made_data)
            else:
                path.write_text(made_data, encoding="utf-8")
        except OSError as error:
            raise OutputsFailed(f"{relative} could not be written: {error}") from error
        except Exception as error:  # a mistake in making the file: say which file
            raise OutputsFailed(f"{relative} could not be made: {error!r}") from error


class BackgroundWriter:
    """Writes files in a second process; finish() waits and tells any failure.

    in_background=False writes them straight away, in this process: for a process with
    threads of its own (mkdocs serve), where a fork may copy a lock another thread holds."""

    def __init__(self, site_dir: Path, files: list[tuple[str, Data]], in_background: bool = True):
        self.process = None
        self.error: OutputsFailed | None = None
        if not files:
            return
        if not in_background or not can_fork():
            try:
                write_files(Path(site_dir), files)
            except OutputsFailed as error:
                self.error = error
            return
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_write_then_report,
                                       args=(Path(site_dir), files, sender), daemon=True)
        self.process.start()
        sender.close()

    def finish(self) -> None:
        """Wait for the files to be written; OutputsFailed when one could not be."""
        if self.process is not None:
            try:
                message = self.receiver.recv()
            except EOFError:  # it ended without a word: killed, or out of memory
                message = ("the process writing them stopped (exit code "
                           f"{self.process.exitcode if self.process.exitcode is not None else '?'})")
            self.process.join()
            self.receiver.close()
            self.process = None
            if message:
                self.error = OutputsFailed(message)
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        """The build failed: stop writing (this process's own child, by its id)."""
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process = None


def _write_then_report(site_dir: Path, files, sender) -> None:
    die_with_parent()
    try:
        write_files(site_dir, files)
        sender.send("")
    except OutputsFailed as error:
        sender.send(str(error))
    except BaseException as error:  # noqa: BLE001 - told to the parent, never lost
        sender.send(f"the open data files could not be made: {error!r}")
    finally:
        sender.close()
        os._exit(0)  # the parent's exit handlers and buffers are not this process's
