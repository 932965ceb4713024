"""The record cache: an unchanged record is neither parsed nor checked again, and nothing
else a record's validity depends on can change under it unseen."""

from __future__ import annotations

import datetime as dt

import pytest

from local_offer.records.loader import RecordLoader
from local_offer.records.project import Project
from local_offer.records.record_cache import CACHE_DIR

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def checked(monkeypatch):
    """The files RecordLoader really read and checked, load by load."""
    seen: list[str] = []
    original = RecordLoader.check_file

    def counting(self, file, shown=""):
        seen.append(file.stem)
        return original(self, file, shown)

    monkeypatch.setattr(RecordLoader, "check_file", counting)
    return seen


def load(project_root, today=TODAY):
    return RecordLoader(Project(project_root), today).load()


def test_an_unchanged_record_is_not_checked_again_and_comes_back_the_same(scratch, checked):
    scratch.record("alpha", name="Alpha")
    scratch.record("beta", name="Beta")
    first = load(scratch.root)
    assert sorted(checked) == ["alpha", "beta"]
    checked.clear()
    second = load(scratch.root)
    assert checked == []  # both from the cache
    assert second.records == first.records and second.warnings == first.warnings
    assert (scratch.root / CACHE_DIR / ".gitignore").read_text().strip().endswith("*")


def test_a_changed_record_alone_is_checked_again(scratch, checked):
    scratch.record("alpha", name="Alpha")
    beta = scratch.record("beta", name="Beta")
    load(scratch.root)
    checked.clear()
    beta.write_text(beta.read_text().replace("Beta", "Beta Renamed"))
    result = load(scratch.root)
    assert checked == ["beta"]
    assert {r.name for r in result.records} == {"Alpha", "Beta Renamed"}


def test_a_record_with_problems_is_never_kept(scratch, checked):
    bad = scratch.record("bad", name="Bad")
    bad.write_text(bad.read_text().replace("summary:", "sumary:"))
    for _ in range(2):
        result = load(scratch.root)
        assert result.problems and not result.records
    assert checked == ["bad", "bad"]


@pytest.mark.parametrize("change", ["schema", "taxonomy", "template", "today"])
def test_whatever_else_a_record_is_checked_against_empties_the_cache(scratch, checked, change):
    scratch.record("alpha", name="Alpha")
    load(scratch.root)
    checked.clear()
    today = TODAY
    if change == "schema":
        schema = Project(scratch.root).schema_path
        schema.write_text(schema.read_text().replace('"title"', '"title" ', 1))
    elif change == "taxonomy":
        taxonomy = scratch.root / "data" / "taxonomy.yaml"
        taxonomy.write_text(taxonomy.read_text() + "\n# a comment changes the file\n")
    elif change == "template":
        template = Project(scratch.root).template_path
        template.write_text(template.read_text() + "\n# changed\n")
    else:
        today = TODAY + dt.timedelta(days=1)
    load(scratch.root, today)
    assert checked == ["alpha"]
    assert len(list((scratch.root / CACHE_DIR).glob("records-*.pickle"))) == 1  # old one gone


def test_a_review_date_after_a_new_today_is_told_not_taken_from_the_cache(scratch):
    scratch.record("alpha", name="Alpha", last_reviewed="2026-11-20")
    assert load(scratch.root).problems == []
    result = load(scratch.root, today=dt.date(2026, 11, 10))
    assert result.problems and "last_reviewed" in result.problems[0].field


def test_a_damaged_cache_is_ignored(scratch, checked):
    scratch.record("alpha", name="Alpha")
    load(scratch.root)
    for kept in (scratch.root / CACHE_DIR).glob("records-*.pickle"):
        kept.write_bytes(b"not a pickle")
    checked.clear()
    assert [r.name for r in load(scratch.root).records] == ["Alpha"]
    assert checked == ["alpha"]


def test_a_deleted_record_leaves_the_cache(scratch, checked):
    scratch.record("alpha", name="Alpha")
    beta = scratch.record("beta", name="Beta")
    load(scratch.root)
    beta.unlink()
    assert [r.id for r in load(scratch.root).records] == ["alpha"]
    beta.write_text(scratch.services_dir.joinpath("alpha.yaml").read_text())
    checked.clear()
    load(scratch.root)
    assert checked == ["beta"]
