"""A service's Easy Read version, beside its record, is checked like a record's file."""

from __future__ import annotations

import pytest

from local_offer.cli import main
from local_offer.records.loader import RecordLoader
from tests.helpers import FIXTURE_TODAY

EASY = """\
checked: 2026-11-01
title: Help with talking
lines:
  - text: We help children who find talking hard.
    picture: data/easy-read/talking.svg
    alt: A grown-up and a child talking.
  - text: It is free.
"""


def with_easy_read(scratch, text: str = EASY, service: str = "tiny-talkers"):
    (scratch.data_dir / "easy-read").mkdir(exist_ok=True)
    (scratch.data_dir / "easy-read" / "talking.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    scratch.record("tiny-talkers")
    scratch.write(f"{service}.easy-read.yaml", text)
    return scratch


def test_an_easy_read_version_loads_beside_its_record_and_is_not_a_record(scratch):
    result = RecordLoader(with_easy_read(scratch)).load()
    assert result.problems == []
    assert [record.id for record in result.records] == ["tiny-talkers"]
    [easy] = result.easy_reads
    assert (easy.service_id, easy.title, len(easy.lines)) == ("tiny-talkers",
                                                             "Help with talking", 2)
    assert easy.lines[0].alt == "A grown-up and a child talking."
    assert easy.pictures == ("data/easy-read/talking.svg",)


@pytest.mark.parametrize("change, line, field, words", [
    (("    alt: A grown-up and a child talking.\n", ""), 5, "lines[1].picture",
     "the picture has no alt text"),
    (("data/easy-read/talking.svg", "data/easy-read/missing.svg"), 5, "lines[1].picture",
     "there is no picture 'data/easy-read/missing.svg' in data/easy-read/"),
    (("title: Help with talking\n", ""), 1, "title", "missing"),
    (("  - text: It is free.\n", "  - txt: It is free.\n"), 7, "lines[2].txt", "not a field"),
])
def test_a_wrong_easy_read_version_is_told_with_its_line(scratch, change, line, field, words):
    problems = RecordLoader(with_easy_read(scratch, EASY.replace(*change))).load().problems
    found = [p for p in problems if words in p.message]
    assert found, [str(p) for p in problems]
    assert (found[0].path, found[0].line, found[0].field) == (
        "services/tiny-talkers.easy-read.yaml", line, field)


def test_an_easy_read_version_of_no_record_stops_validate(scratch, capsys):
    project = with_easy_read(scratch, service="nobody")
    assert main(["--project", str(project.root), "validate", "--today", FIXTURE_TODAY]) == 2
    assert ("services/nobody.easy-read.yaml:1: there is no record 'nobody.yaml' beside it"
            in capsys.readouterr().err)
