"""Writes that never lose a file."""

from __future__ import annotations

import pytest

from local_offer.editing.safe_write import ChangedMeanwhile, create_new, replace_if_unchanged


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


@pytest.mark.parametrize("write", ["create", "replace"])
def test_a_write_that_fails_half_way_leaves_the_folder_as_it_was(tmp_path, monkeypatch, write):
    target = tmp_path / "a.yaml"
    if write == "replace":
        target.write_text("old\n")

    def disk_full(_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("local_offer.editing.safe_write.os.fsync", disk_full)
    with pytest.raises(OSError):
        if write == "create":
            create_new(target, "new\n")
        else:
            replace_if_unchanged(target, "new\n", b"old\n")
    assert [p.name for p in tmp_path.iterdir()] == ([] if write == "create" else ["a.yaml"])
    if write == "replace":
        assert target.read_text() == "old\n"
