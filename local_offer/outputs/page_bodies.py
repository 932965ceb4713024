"""Generated pages' bodies made on both cores, before the site engine reads any page.

A service page's body, its schema.org data and the copy of it Pagefind indexes are
the build's costliest work a service, the lists of services (browse pages) next, and
no page's body needs another's. So the pages are shared between this process and a
forked one (which shares the site's content from the moment it starts: nothing is
copied or sent), in small batches, each process taking the next batch when it is
done: the one with the busier core simply takes fewer. The forked one's bodies come
back in a file. Once all are made, every copy for Pagefind is in the staging folder,
so the index can be built while the site engine goes on.

Where a fork is not available, or not safe (mkdocs serve has threads of its own),
they are all made here.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from dataclasses import dataclass
from typing import Callable

from local_offer.outputs.background import die_with_parent
from local_offer.outputs.search_index import SearchStaging
from local_offer.outputs.structured_data import json_ld
from local_offer.site.content import SiteContent
from local_offer.site.pages import GeneratedPage

BATCH = 50  # pages a process takes at a time: small enough that both end together
# Below this many pages a second process costs more than it saves.
SHARED_FROM = 200


class BodiesFailed(Exception):
    pass


@dataclass(frozen=True)
class PageBody:
    html: str
    json_ld: str = ""  # a service page's schema.org data


@dataclass(frozen=True)
class BodyJob:
    """One page to make: the page, where it is published (its address in the site, its
    full address when the site has one) and its language (<html lang>)."""

    page: GeneratedPage
    url: str
    canonical_url: str | None
    language: str
    # What the page is made from, for a live preview that made it before (None: made anew).
    key: tuple | None = None


def make_bodies(jobs: list[BodyJob], content: SiteContent, staging: SearchStaging | None,
                in_background: bool = True,
                made_before: dict[tuple, PageBody] | None = None) -> dict[str, PageBody]:
    """Each page's body by its source (src_uri); for a service page, its schema.org data
    too, and its body put in the staging folder for Pagefind. made_before: bodies by their
    jobs' keys, as a live preview made them in its last build, used again."""
    made_before = made_before or {}

    def make(job: BodyJob) -> PageBody:
        made = made_before.get(job.key) if job.key is not None else None
        service = job.page.kind == "service"
        if made is None:
            made = PageBody(job.page.render(job.url),
                            json_ld(job.page.record, content.taxonomy, job.canonical_url,
                                    content.term_dates) if service else "")
        if staging is not None and service:
            staging.add(job.url, job.language, made.html)
        return made

    shared = (in_background and len(jobs) >= SHARED_FROM
              and "fork" in multiprocessing.get_all_start_methods())
    made = _on_both_cores(jobs, make) if shared else [make(job) for job in jobs]
    return {job.page.src_uri: body for job, body in zip(jobs, made)}


def _on_both_cores(jobs: list[BodyJob], make: Callable[[BodyJob], PageBody]) -> list:
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next batch's first job, for both processes
    made: list[PageBody | None] = [None] * len(jobs)
    with tempfile.TemporaryFile() as theirs:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_make_then_report,
                                  args=(jobs, make, taken, theirs, sender), daemon=True)
        process.start()
        sender.close()
        try:
            for index, body in _batches(jobs, make, taken):
                made[index] = body
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
            raise BodiesFailed(message)
        theirs.seek(0)
        for index, body in pickle.load(theirs):
            made[index] = body
    return made


def _batches(jobs, make, taken):
    """(index, body) of each job this process takes, a batch at a time."""
    while True:
        with taken.get_lock():
            start = taken.value
            taken.value = start + BATCH
        if start >= len(jobs):
            return
        for index in range(start, min(start + BATCH, len(jobs))):
            yield index, make(jobs[index])


def _make_then_report(jobs, make, taken, theirs, sender) -> None:
    die_with_parent()
    try:
        pickle.dump(list(_batches(jobs, make, taken)), theirs, pickle.HIGHEST_PROTOCOL)
        theirs.flush()
        sender.send("")
    except BaseException as error:  # noqa: BLE001 - told to the parent, never lost
        sender.send(f"a page could not be made: {error!r}")
    finally:
        sender.close()
        os._exit(0)  # the parent's exit handlers and buffers are not this process's
