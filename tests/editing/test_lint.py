"""The lint command: warnings with file and line, --strict for CI, and the fixture offer passes."""

from __future__ import annotations

from local_offer.cli import main
from tests.editing.test_plain_english import SIXTY_WORDS
from tests.helpers import MINIMAL


def run(root, *args):
    return main(["--project", str(root), "lint", *args])


def test_the_fixture_offer_passes_strict_lint(offer_project, capsys):
    assert run(offer_project.root, "--strict") == 0
    assert "All 51 records read plainly." in capsys.readouterr().out


def test_findings_are_warnings_unless_strict(scratch, capsys):
    scratch.write("early-years/talkers.yaml", MINIMAL.replace(
        "A service with only the fields that are required.", SIXTY_WORDS)
        + "alert: Ask the QXZ team first.\n")
    assert run(scratch.root) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert warnings[0].startswith("warning: services/early-years/talkers.yaml:2: summary: "
                                  "a sentence of 60 words")
    assert any(line.startswith("warning: services/early-years/talkers.yaml:13: alert: 'QXZ' "
                               "is an acronym that is not in the glossary") for line in warnings)
    assert warnings[-1] == "Plain English: 4 problems in 1 file."
    assert run(scratch.root, "--strict") == 1


def test_thresholds_come_from_the_command_line(scratch, capsys):
    scratch.write("fine.yaml", MINIMAL)
    assert run(scratch.root, "--strict") == 0
    assert run(scratch.root, "--strict", "--sentence-words", "5") == 1
    assert "a sentence of 9 words" in capsys.readouterr().err


def test_unreadable_files_are_left_to_validate(scratch, capsys):
    scratch.write("broken.yaml", "name: [unclosed\n")
    scratch.write("fine.yaml", MINIMAL)
    assert run(scratch.root, "--strict") == 0
