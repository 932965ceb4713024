"""reviewed: a one-line change to last_reviewed, never a lost edit."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from local_offer.cli import main
from local_offer.cli.commands import reviewed
from tests.helpers import MINIMAL

# A record as people write them: comments, odd spacing, quotes, a trailing comment.
HAND_WRITTEN = ("# yaml-language-server: $schema=../../schema/service.schema.json\n"
                "# Checked with the team every spring.\n"
                + MINIMAL.replace("name: Minimal Service",
                                  "name:   Minimal Service   # the name families know")
                .replace("last_reviewed: 2026-05-03\n", "")
                + 'last_reviewed: "2026-05-03"   # by Example Team\n'
                "# last_reviewed: 2020-01-01 (an old note that must not change)\n")


def run(scratch, *args):
    return main(["--project", str(scratch.root), "reviewed", "--today", "2026-11-23", *args])


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_changes_exactly_the_last_reviewed_line(scratch, capsys):
    path = scratch.write("education/deep/minimal.yaml", HAND_WRITTEN)
    before = path.read_text()
    assert run(scratch, str(path)) == 0
    after = path.read_text()
    assert changed_lines(before, after) == ['-last_reviewed: "2026-05-03"   # by Example Team',
                                            '+last_reviewed: "2026-11-23"   # by Example Team']
    out = capsys.readouterr().out
    assert "services/education/deep/minimal.yaml: last_reviewed 2026-05-03 -> 2026-11-23" in out
    assert "Next review due by 23 May 2027." in out


def test_keeps_windows_line_endings_and_accepts_an_id_or_a_relative_path(scratch, monkeypatch):
    path = scratch.write("crlf.yaml", MINIMAL.replace("\n", "\r\n").encode())
    scratch.write("plain.yaml", MINIMAL)
    monkeypatch.chdir(scratch.root)
    assert run(scratch, "crlf", "services/plain.yaml", "plain") == 0  # plain named twice
    raw = path.read_bytes()
    assert raw == MINIMAL.replace("2026-05-03", "2026-11-23").replace("\n", "\r\n").encode()
    assert "last_reviewed: 2026-11-23\n" in (scratch.services_dir / "plain.yaml").read_text()


def test_refuses_files_outside_services_and_changes_nothing(scratch, capsys):
    good = scratch.write("good.yaml", MINIMAL)
    outside = scratch.root / "elsewhere.yaml"
    outside.write_text(MINIMAL)
    assert run(scratch, str(good), str(outside), "no-such-service") == 2
    err = capsys.readouterr().err
    assert "elsewhere.yaml: this is not a service file in services/" in err
    assert "no-such-service: this is not a service file" in err
    assert good.read_text() == MINIMAL and outside.read_text() == MINIMAL


def test_an_invalid_record_is_reported_not_changed(scratch, capsys):
    bad = scratch.write("bad.yaml", MINIMAL.replace("{free: true}", "{free: maybe}"))
    assert run(scratch, str(bad)) == 2
    assert "services/bad.yaml:8: cost.free:" in capsys.readouterr().err
    assert "2026-05-03" in bad.read_text()


def test_a_review_date_not_on_a_line_of_its_own_is_not_guessed_at(scratch, capsys):
    day = dt.date(2026, 11, 23)
    assert reviewed.with_review_date("a: 1\nlast_reviewed: 2026-05-03\n", 2, day) == \
        "a: 1\nlast_reviewed: 2026-11-23\n"
    with pytest.raises(ValueError):
        reviewed.with_review_date("a: 1\nlast_reviewed: 2026-05-03\n", 1, day)
    one_mapping = "{" + ", ".join(MINIMAL.strip().splitlines()) + "}\n"
    path = scratch.write("flow.yaml", one_mapping)
    assert run(scratch, str(path)) == 2
    assert "services/flow.yaml:1: last_reviewed: last_reviewed is not written as" in \
        capsys.readouterr().err
    assert path.read_text() == one_mapping


def test_an_edit_made_meanwhile_is_never_overwritten(scratch, capsys, monkeypatch):
    path = scratch.write("busy.yaml", MINIMAL)
    real = reviewed.replace_if_unchanged

    def someone_saves_first(target, text, expected):
        target.write_text(MINIMAL.replace("Minimal Service", "Renamed Service"))
        return real(target, text, expected)

    monkeypatch.setattr(reviewed, "replace_if_unchanged", someone_saves_first)
    assert run(scratch, str(path)) == 1
    assert "changed while this ran" in capsys.readouterr().err
    assert path.read_text() == MINIMAL.replace("Minimal Service", "Renamed Service")


def test_already_reviewed_today_is_left_alone(scratch, capsys):
    path = scratch.write("today.yaml", MINIMAL.replace("2026-05-03", "2026-11-23"))
    stat = path.stat()
    assert run(scratch, str(path)) == 0
    assert "already reviewed on 23 November 2026" in capsys.readouterr().out
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
