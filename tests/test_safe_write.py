"""Writes that never lose a file."""

from __future__ import annotations

import pytest

from local_offer.safe_write import ChangedMeanwhile, create_new, replace_if_unchanged


def test_create_new_refuses_an_existing_file(tmp_path):
    target = tmp_path / "a.yaml"
    create_new(target, "first\n")
    with pytest.raises(FileExistsError):
        create_new(target, "second\n")
    assert target.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_replace_keeps_line_endings_and_mode(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_bytes(b"one\r\ntwo\r\n")
    target.chmod(0o640)
    replace_if_unchanged(target, "one\r\nthree\r\n", b"one\r\ntwo\r\n")
    assert target.read_bytes() == b"one\r\nthree\r\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_replace_refuses_when_the_file_changed_meanwhile(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("edited by someone else\n")
    with pytest.raises(ChangedMeanwhile):
        replace_if_unchanged(target, "ours\n", b"what we read\n")
    assert target.read_text() == "edited by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
