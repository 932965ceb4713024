"""Generated pages' bodies made on both cores: the same bodies, schema.org data and copies
for Pagefind as made one by one, and a failure on either core told."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os

import pytest

from local_offer.outputs import page_bodies
from local_offer.outputs.search_index import SearchStaging
from local_offer.outputs.page_bodies import BodiesFailed, BodyJob, PageBody, make_bodies
from local_offer.outputs.structured_data import json_ld
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY

SITE_URL = "https://localoffer.example.org/"


@pytest.fixture(scope="module")
def content(offer_project):
    return build_content(offer_project, today=FIXTURE_TODAY, site_url=SITE_URL)


def jobs_of(content) -> list[BodyJob]:
    return [BodyJob(page, page.url, SITE_URL + page.url, "en")
            for page in content.pages() if page.kind == "service"]


def test_other_pages_have_a_body_only(content):
    jobs = [BodyJob(page, page.url, SITE_URL + page.url, "en") for page in content.pages()
            if page.kind == "browse"]
    staging = SearchStaging()
    try:
        made = make_bodies(jobs, content, staging, in_background=False)
        assert staged(staging) == {}
    finally:
        staging.close()
    job = jobs[0]
    assert made[job.page.src_uri] == PageBody(job.page.render(job.url), "")


def staged(staging: SearchStaging) -> dict[str, str]:
    return {path.relative_to(staging.folder).as_posix(): path.read_text(encoding="utf-8")
            for path in staging.folder.rglob("index.html")}


def test_both_cores_make_what_one_makes(content, monkeypatch):
    jobs = jobs_of(content)
    assert len(jobs) > 20
    monkeypatch.setattr(page_bodies, "SHARED_FROM", 1)
    monkeypatch.setattr(page_bodies, "BATCH", 3)  # many batches, taken by both
    one, both = SearchStaging(), SearchStaging()
    try:
        alone = make_bodies(jobs, content, one, in_background=False)
        shared = make_bodies(jobs, content, both, in_background=True)
        assert shared == alone
        assert list(shared) == [job.page.src_uri for job in jobs]
        assert staged(both) == staged(one) and len(staged(one)) == len(jobs)
        assert '<html lang="en">' in next(iter(staged(one).values()))
    finally:
        one.close()
        both.close()
    job = jobs[0]
    assert alone[job.page.src_uri].html == job.page.render(job.url)
    assert alone[job.page.src_uri].json_ld == json_ld(job.page.record, content.taxonomy,
                                                      job.canonical_url, content.term_dates)


def test_a_page_that_fails_on_the_other_core_is_told(content, monkeypatch):
    monkeypatch.setattr(page_bodies, "SHARED_FROM", 1)
    monkeypatch.setattr(page_bodies, "BATCH", 1)
    build = os.getpid()

    def fails_elsewhere(url):
        if os.getpid() != build:
            raise ValueError(f"no template for {url}")
        return "<h1>made here</h1>"

    jobs = [dataclasses.replace(job, page=dataclasses.replace(job.page, render=fails_elsewhere))
            for job in jobs_of(content)]
    with pytest.raises(BodiesFailed, match=r"a page could not be made: "
                                           r"ValueError\('no template for services/"):
        make_bodies(jobs, content, None, in_background=True)


def test_a_page_that_fails_here_stops_the_other_core(content, monkeypatch):
    monkeypatch.setattr(page_bodies, "SHARED_FROM", 1)
    monkeypatch.setattr(page_bodies, "BATCH", 1)

    def fails(url):
        raise ValueError(f"no template for {url}")

    jobs = [dataclasses.replace(job, page=dataclasses.replace(job.page, render=fails))
            for job in jobs_of(content)]
    with pytest.raises(ValueError, match="no template for services/"):
        make_bodies(jobs, content, None, in_background=True)
    assert multiprocessing.active_children() == []


def test_few_services_are_made_here(content, monkeypatch):
    made_in = set()

    def where(url):
        made_in.add(os.getpid())
        return "<h1>x</h1>"

    jobs = [dataclasses.replace(job, page=dataclasses.replace(job.page, render=where))
            for job in jobs_of(content)]
    assert len(jobs) < page_bodies.SHARED_FROM
    make_bodies(jobs, content, None, in_background=True)
    assert made_in == {os.getpid()}



def test_templates_are_compiled_before_the_pages_are_shared(offer_project, monkeypatch):
    from jinja2 import Environment

    from local_offer.site import render

    monkeypatch.setattr(render, "COMPONENTS_COMPILED", render.CompiledTemplates())
    fresh = build_content(offer_project, today=FIXTURE_TODAY, site_url=SITE_URL)
    monkeypatch.setattr(page_bodies, "SHARED_FROM", 1)
    monkeypatch.setattr(page_bodies, "BATCH", 1)
    build, original = os.getpid(), Environment.compile

    def here_only(self, *args, **kwargs):
        if os.getpid() != build:
            raise AssertionError("a template compiled again in the forked process")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", here_only)
    jobs = jobs_of(fresh)
    made = make_bodies(jobs, fresh, None, in_background=True)  # BodiesFailed if it did
    assert len(made) == len(jobs)
