"""The open data files written in a second process while mkdocs writes the pages."""

from __future__ import annotations

import pytest

from local_offer.outputs import ics
from local_offer.outputs.background import BackgroundWriter, OutputsFailed
from tests.helpers import MINIMAL


def test_the_files_are_written_made_or_as_they_are(tmp_path):
    writer = BackgroundWriter(tmp_path, [("a/one.txt", "one"), ("b/two.bin", lambda: b"\x00two"),
                                         ("three.txt", lambda: "three")])
    writer.finish()
    assert (tmp_path / "a" / "one.txt").read_text() == "one"
    assert (tmp_path / "b" / "two.bin").read_bytes() == b"\x00two"
    assert (tmp_path / "three.txt").read_text() == "three"


def test_a_file_that_cannot_be_made_is_named_when_the_build_waits(tmp_path):
    def broken():
        raise ValueError("no such term")

    writer = BackgroundWriter(tmp_path, [("fine.txt", "fine"), ("bad.json", broken)])
    with pytest.raises(OutputsFailed, match=r"bad\.json could not be made: ValueError\('no such term'\)"):
        writer.finish()


def test_a_file_that_cannot_be_written_says_why(tmp_path):
    (tmp_path / "taken").write_text("a file where a folder should be")
    writer = BackgroundWriter(tmp_path, [("taken/x.txt", lambda: "x")])
    with pytest.raises(OutputsFailed, match=r"taken/x\.txt could not be written"):
        writer.finish()


def test_a_failing_open_data_file_fails_the_build_clearly_and_loses_nothing(scratch, tmp_path,
                                                                           monkeypatch, capsys,
                                                                           caplog):
    from local_offer.cli import main
    scratch.write("current.yaml", MINIMAL.replace("last_reviewed:", "sessions:\n"
                  "  - description: Mondays 10:00 to 11:00\n    days: [monday]\n"
                  "    start: \"10:00\"\n    end: \"11:00\"\nlast_reviewed:"))
    site = tmp_path / "site"
    assert main(["--project", str(scratch.root), "build", "--site-dir", str(site)]) == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    assert (site / "services" / "current" / "sessions.ics").is_file()

    def broken(*args):
        raise RuntimeError("calendar broke")

    monkeypatch.setattr(ics, "calendar", broken)
    capsys.readouterr()
    assert main(["--project", str(scratch.root), "build", "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err + caplog.text
    assert "open data files could not be written" in err
    assert "services/current/sessions.ics could not be made: RuntimeError('calendar broke')" in err
    assert "Traceback" not in err
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before  # the old site stays
