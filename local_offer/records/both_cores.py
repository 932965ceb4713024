"""Sharing a list of independent jobs between this process and a forked one.

Reading records and making pages are each many small jobs, none needing another's
result. Both processes take the next small batch when they are done with theirs (the
one on the busier core simply takes fewer), and the forked one's results come back in
a file. The forked process shares everything this one holds from the moment it
starts (a fork, on Linux and macOS): nothing is copied or sent but the results.

A fork is used only where it exists, and only where the caller says it is safe: not
in a process with threads of its own (mkdocs serve), whose locks a fork could copy
held. Elsewhere every job is done here, in order.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import tempfile
from typing import Callable, Sequence, TypeVar

Job = TypeVar("Job")
Made = TypeVar("Made")

try:  # loaded here, in the build's process: a forked process imports nothing
    import ctypes
    LIBC = ctypes.CDLL(None, use_errno=True)
except (ImportError, OSError):
    LIBC = None


class WorkFailed(Exception):
    pass


def die_with_parent() -> None:
    """In a process the build started: end when the build's process ends, even killed, so
    nothing goes on writing into a folder the next build tidies away, nor holds its lock.
    Linux only (prctl); elsewhere the process finishes its work and ends."""
    try:
        libc = LIBC
        parent = os.getppid()
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the build ended before that took hold
            os._exit(1)
    except (OSError, AttributeError):
        pass


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def on_both_cores(jobs: Sequence[Job], make: Callable[[Job], Made], batch: int,
                  failed: str) -> list[Made]:
    """make(job) for every job, in the jobs' order, shared with a forked process.
    failed: what the message says when a job fails on the other core ("a page could
    not be made"), before the error.
    A failure here stops the other process and is raised as it is; one there raises
    WorkFailed."""
    if not can_fork():
        return [make(job) for job in jobs]
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next batch's first job, for both processes
    made: list = [None] * len(jobs)
    with tempfile.TemporaryFile() as theirs:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_make_then_report,
                                  args=(jobs, make, batch, taken, theirs, sender, failed),
                                  daemon=True)
        process.start()
        sender.close()
        try:
            for index, result in _batches(jobs, make, batch, taken):
                made[index] = result
            try:
                message = receiver.recv()
            except EOFError:  # it ended without a word: killed, or out of memory
                message = ("the process making them stopped (exit code "
                           f"{process.exitcode if process.exitcode is not None else '?'})")
            process.join()
        finally:
            if process.is_alive():  # this process failed: the other one stops too
                process.kill()
                process.join()
            receiver.close()
        if message:
            raise WorkFailed(message)
        theirs.seek(0)
        for index, result in pickle.load(theirs):
            made[index] = result
    return made


def _batches(jobs, make, batch, taken):
    """(index, result) of each job this process takes, a batch at a time."""
    while True:
        with taken.get_lock():
            start = taken.value
            taken.value = start + batch
        if start >= len(jobs):
            return
        for index in range(start, min(start + batch, len(jobs))):
            yield index, make(jobs[index])


def _make_then_report(jobs, make, batch, taken, theirs, sender, failed) -> None:
    die_with_parent()
    try:
        pickle.dump(list(_batches(jobs, make, batch, taken)), theirs, pickle.HIGHEST_PROTOCOL)
        theirs.flush()
        sender.send("")
    except BaseException as error:  # noqa: BLE001 - told to the parent, never lost
        sender.send(f"{failed}: {error!r}")
    finally:
        sender.close()
        os._exit(0)  # the parent's exit handlers and buffers are not this process's
