"""`codeowners`: .github/CODEOWNERS follows each record's owner and data/owners.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

from local_offer.cli import main
from local_offer.editing.codeowners import HEADER, pattern
from tests.helpers import OFFER, copy_project, record_yaml

OWNERS = """\
reviewers: ["@example-council/local-offer-team"]
owners:
  slt.team@example.org: ["@example-council/slt", "@a-user"]
  Hubs@Example.org: "@example-council/family-hubs"
"""


def record(team: str, email: str) -> str:
    return record_yaml(owner=f"{{team: {team}, email: {email}}}")


def codeowners(project, *args) -> int:
    return main(["--project", str(project if isinstance(project, Path) else project.root), "codeowners", *args])


def test_the_fixture_offers_codeowners_is_up_to_date(tmp_path, capsys):
    # The file the command wrote for the fixture offer's owners, kept beside it: fails when a
    # record's owner, data/owners.yaml or what the command writes changed without the other.
    project = copy_project(tmp_path, offer=True)
    (project.root / ".github").mkdir()
    shutil.copy(OFFER / ".github" / "CODEOWNERS", project.root / ".github" / "CODEOWNERS")
    assert codeowners(project, "--check") == 0, \
        capsys.readouterr().err
    assert "is not in data/owners.yaml" not in capsys.readouterr().err


def test_each_entry_is_owned_by_its_team_and_the_reviewers(scratch, capsys):
    (scratch.root / "data" / "owners.yaml").write_text(OWNERS)
    scratch.write("health/tiny-talkers.yaml", record("Speech and Language Therapy Team",
                                                     "slt.team@example.org"))
    scratch.write("health/talk-club.yaml", record("Speech and Language Therapy Team",
                                                  "slt.team@example.org"))
    scratch.write("hubs/strood-hub.yaml", record("Family Hubs Team", "Hubs@example.org"))
    scratch.write("other.yaml", record("Youth Service", "youth@example.org"))
    assert codeowners(scratch) == 0
    text = (scratch.root / ".github" / "CODEOWNERS").read_text()
    assert text.startswith(HEADER)
    assert text[len(HEADER):].splitlines() == [
        "",
        "# Every other file: the Local Offer's reviewers.",
        "* @example-council/local-offer-team",
        "",
        "# Family Hubs Team, hubs@example.org",
        "/services/hubs/strood-hub.yaml @example-council/family-hubs "
        "@example-council/local-offer-team",
        "",
        "# Speech and Language Therapy Team, slt.team@example.org",
        "/services/health/talk-club.yaml @example-council/slt @a-user "
        "@example-council/local-offer-team",
        "/services/health/tiny-talkers.yaml @example-council/slt @a-user "
        "@example-council/local-offer-team",
        "",
        "# Youth Service, youth@example.org (not in data/owners.yaml)",
        "/services/other.yaml @example-council/local-offer-team",
    ]
    assert "youth@example.org is not in data/owners.yaml" in capsys.readouterr().err
    assert codeowners(scratch, "--check") == 0


def test_a_stale_file_is_detected(scratch, capsys):
    (scratch.root / "data" / "owners.yaml").write_text(OWNERS)
    scratch.write("tiny-talkers.yaml", record("SLT", "slt.team@example.org"))
    assert codeowners(scratch, "--check") == 1  # not written yet
    assert codeowners(scratch) == 0
    assert codeowners(scratch, "--check") == 0
    scratch.write("tiny-talkers.yaml", record("Hubs", "hubs@example.org"))
    assert codeowners(scratch, "--check") == 1
    assert "out of date" in capsys.readouterr().err
    scratch.write("tiny-talkers.yaml", record("SLT", "slt.team@example.org"))
    (scratch.root / "data" / "owners.yaml").write_text(OWNERS.replace("/slt", "/speech"))
    assert codeowners(scratch, "--check") == 1


def test_a_wrong_owners_file_is_explained(scratch, capsys):
    scratch.write("tiny-talkers.yaml", record("SLT", "slt.team@example.org"))
    (scratch.root / "data" / "owners.yaml").write_text(
        "reviewers: []\nowners:\n  slt.team@example.org: [example-council/slt]\n"
        "  not-an-email: ['@ok']\nteams: {}\n")
    assert codeowners(scratch) == 2
    err = capsys.readouterr().err
    assert "data/owners.yaml:1: reviewers: give one or more GitHub teams or users" in err
    assert ("data/owners.yaml:3: owners.slt.team@example.org: 'example-council/slt' is not a "
            "GitHub team or user. How to fix: write a team as \"@organisation/team-name\"") in err
    assert "data/owners.yaml:4: owners.not-an-email: 'not-an-email' is not an email" in err
    assert "data/owners.yaml:5: teams: 'teams' is not a setting here" in err
    assert not (scratch.root / ".github" / "CODEOWNERS").exists()


def test_paths_with_special_characters_are_escaped():
    assert pattern("services/short breaks/a.yaml") == r"/services/short\ breaks/a.yaml"
    assert pattern("services/#1/[x].yaml") == r"/services/\#1/\[x\].yaml"
