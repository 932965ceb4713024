"""Generated pages' bodies made on both cores, before the site engine reads any page.

A service page's body, its schema.org data and the copy of it Pagefind indexes are
the build's costliest work a service, the lists of services (browse pages) next, and
no page's body needs another's. So the pages are shared between this process and a
forked one, in small batches (records/both_cores.py). Once all are made, every copy
for Pagefind is in the staging folder, so the index can be built while the site engine
goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

from local_offer.outputs.search_index import SearchStaging
from local_offer.outputs.structured_data import json_ld
from local_offer.records.both_cores import WorkFailed, on_both_cores
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

    if in_background and len(jobs) >= SHARED_FROM:
        content.renderer.compile_templates()  # once, for both processes
        try:
            made = on_both_cores(jobs, make, BATCH, "a page could not be made")
        except WorkFailed as error:
            raise BodiesFailed(str(error)) from error
    else:
        made = [make(job) for job in jobs]
    return {job.page.src_uri: body for job, body in zip(jobs, made)}
