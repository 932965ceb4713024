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


# ---- lint --easy-read: the stricter rules for Easy Read versions ----

def test_the_sample_easy_read_versions_pass_strict_easy_read_lint(offer_project, capsys):
    assert run(offer_project.root, "--easy-read", "--strict") == 0
    assert "All 2 Easy Read versions keep to Easy Read's rules." in capsys.readouterr().out


HARD_EASY_READ = """\
checked: 2026-11-01
title: Help with talking
lines:
  - text: We help children. It is free.
  - text: Therapists assess every child who is referred to the service by a school or a family doctor.
  - text: Come along on Tuesdays; bring a snack.
  - text: Ask the SENCO at your school.
  - text: You can ask for an EHC plan.
  - text: EHC plan means a plan for your child's help.
"""


def test_easy_read_lint_finds_each_rule_with_its_line(scratch, capsys):
    scratch.record("tiny-talkers")
    scratch.write("tiny-talkers.easy-read.yaml", HARD_EASY_READ)
    assert run(scratch.root, "--easy-read") == 0
    err = capsys.readouterr().err
    where = "warning: services/tiny-talkers.easy-read.yaml"
    assert f"{where}:4: lines[1].text: 2 sentences on one line" in err
    assert f"{where}:5: lines[2].text: a sentence of 17 words" in err
    assert "Easy Read keeps to 15 or fewer" in err
    assert f"{where}:6: lines[3].text: two ideas on one line, joined by ';'" in err
    assert f"{where}:7: lines[4].text: 'SENCO' is not explained" in err
    # A word a line of the same version explains is not told.
    assert "'EHC plan' is not explained" not in err
    # The ordinary lint keeps its own, gentler, rules for records.
    assert run(scratch.root, "--easy-read", "--strict") == 1


def test_a_hand_written_easy_read_page_is_checked_line_by_line(scratch, capsys):
    page = scratch.root / "docs" / "easy-read" / "about.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# About\n\nWe check every service, and then we publish it.\n",
                    encoding="utf-8")
    run(scratch.root, "--easy-read")
    err = capsys.readouterr().err
    assert "warning: docs/easy-read/about.md:3: two ideas on one line, joined by 'and'" in err
