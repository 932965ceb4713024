"""`diff`: what a pull request changes for families, run on a temporary git repository."""

from __future__ import annotations

import subprocess

import pytest

from local_offer.cli import main
from local_offer.editing.diff_report import code, text
from tests.helpers import FIXTURE_TODAY, record_yaml

TINY_TALKERS = """\
name: Tiny Talkers
summary: Friendly play sessions that help children under 4 with their talking.
provider: {name: Example Provider}
categories: [health]
needs: [speech-language-communication]
ages: {min: 0, max: 4}
areas: [strood]
cost: {free: true}
how_to_get_it: {routes: [drop-in]}
contact:
  phone: "01632 960123"
  email: tiny.talkers@example.org
sessions:
  - description: Tuesdays 10:00 to 11:30, term time
    days: [tuesday]
    start: "10:00"
    end: "11:30"
    runs: term-time
last_reviewed: 2026-09-01
owner: {team: Speech and Language Therapy Team, email: slt.team@example.org}
"""


def service(name: str, reviewed: str = "2026-09-01", extra: str = "") -> str:
    return record_yaml(name=name, summary="A group that meets every week for families in Chatham.",
                       categories="[early-help]", ages="{min: 5, max: 10}", areas="[chatham]",
                       contact="{email: group@example.org}", last_reviewed=reviewed,
                       owner="{team: Family Hub Team, email: hubs@example.org}") + extra


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repository(scratch):
    """A scratch project committed on main, then a branch to change it on."""
    git(scratch.root, "init", "--quiet", "--initial-branch=main")
    git(scratch.root, "config", "user.email", "test@example.org")
    git(scratch.root, "config", "user.name", "Test")
    scratch.write("early-years/tiny-talkers.yaml", TINY_TALKERS)
    scratch.write("old-group.yaml", service("Old Group"))
    scratch.write("checked-group.yaml", service("Checked Group", reviewed="2026-06-01"))
    scratch.write("closing-group.yaml", service("Closing Group"))
    git(scratch.root, "add", "-A")
    git(scratch.root, "commit", "--quiet", "-m", "The offer on main")
    git(scratch.root, "checkout", "--quiet", "-b", "update-tiny-talkers")
    return scratch


def diff(project, *args):
    return main(["--project", str(project.root), "diff", *args, "--today", FIXTURE_TODAY])


def test_describes_each_kind_of_change_in_words(repository, capsys):
    talkers = repository.services_dir / "early-years" / "tiny-talkers.yaml"
    talkers.write_text(TINY_TALKERS
                       .replace("01632 960123", "01632 960456")
                       .replace("Tuesdays 10:00 to 11:30", "Wednesdays 10:30 to 12:00")
                       .replace("[tuesday]", "[wednesday]")
                       .replace('start: "10:00"', 'start: "10:30"')
                       .replace('end: "11:30"', 'end: "12:00"')
                       .replace("2026-09-01", "2026-11-20"))
    (repository.services_dir / "old-group.yaml").unlink()
    repository.write("new-group.yaml", service("New Group"))
    repository.write("checked-group.yaml", service("Checked Group", reviewed="2026-11-20"))
    repository.write("closing-group.yaml", service("Closing Group", extra="status: closed\n"))
    # Committed or not, the files on disk are what is compared.
    git(repository.root, "add", "services/early-years/tiny-talkers.yaml")

    assert diff(repository) == 0
    out = capsys.readouterr().out
    assert out.startswith("## What this change means for families")
    assert ("1 service added; 1 service removed; 1 service taken off the site; "
            "2 services changed; 1 review date confirmed with no other change.") in out
    assert "with `main (" in out
    assert "- **New Group** (`services/new-group.yaml`): A group that meets every week" in out
    assert "- **Old Group** (`services/old-group.yaml`): families will no longer find it." in out
    assert ("- **Closing Group** (`services/closing-group.yaml`): not shown, because its "
            "status is closed.") in out
    assert "#### **Tiny Talkers** (`services/early-years/tiny-talkers.yaml`)" in out
    assert "- Phone: `01632 960123` → `01632 960456`" in out
    assert ("- Sessions: `Tuesdays 10:00 to 11:30, term time` → "
            "`Wednesdays 10:30 to 12:00, term time`") in out
    assert "- Sessions, days: added `Wednesday`; removed `Tuesday`" in out
    assert "- Sessions, start time: `10:00` → `10:30`" in out
    assert "- Sessions, end time: `11:30` → `12:00`" in out
    assert "- Review date confirmed: last reviewed 1 September 2026 → 20 November 2026" in out
    assert ("- **Checked Group** (`services/checked-group.yaml`): review date confirmed, "
            "last reviewed 1 June 2026 → 20 November 2026.") in out
    assert "- Status: `active` → `closed`" in out
    assert "Email" not in out  # fields that did not change are not mentioned


def test_lists_labels_and_long_text(repository, capsys):
    talkers = repository.services_dir / "early-years" / "tiny-talkers.yaml"
    talkers.write_text(TINY_TALKERS
                       .replace("areas: [strood]", "areas: [chatham, rochester]")
                       .replace("ages: {min: 0, max: 4}", "ages: {min: 0, max: 5}")
                       .replace("cost: {free: true}",
                                "cost: {free: false, description: £2 a session}")
                       .replace("summary: Friendly",
                                "description: |\n  First line.\n  Second line.\nsummary: Friendly"))
    assert diff(repository, "main") == 0
    out = capsys.readouterr().out
    assert "- Areas: added `Chatham`, `Rochester`; removed `Strood`" in out
    assert "- Ages: `0 to 4 years` → `0 to 5 years`" in out
    assert "- Free: `yes` → `no`" in out
    assert "- Cost: (nothing) → `£2 a session`" in out
    assert "- Description changed:\n\n  ```diff\n  +First line.\n  +Second line.\n  ```" in out
    assert "Review date confirmed" not in out


def test_a_branch_behind_main_is_compared_where_it_left_main(repository, capsys):
    git(repository.root, "checkout", "--quiet", "main")
    repository.write("later-on-main.yaml", service("Later On Main"))
    git(repository.root, "add", "-A")
    git(repository.root, "commit", "--quiet", "-m", "Added on main after the branch")
    git(repository.root, "checkout", "--quiet", "update-tiny-talkers")
    assert diff(repository) == 0
    out = capsys.readouterr().out
    assert "no service has changed" in out
    assert "Later On Main" not in out


def test_an_invalid_record_is_reported_not_called_removed(repository, capsys):
    repository.write("old-group.yaml", service("Old Group").replace("[chatham]", "[chathem]"))
    assert diff(repository) == 2
    captured = capsys.readouterr()
    assert "families will no longer find it" not in captured.out
    assert "### Files with problems" in captured.out
    assert "services/old-group.yaml:7: areas[1]: 'chathem' is not one of" in captured.out
    assert "services/old-group.yaml:7" in captured.err


def test_unknown_revision_and_no_repository_exit_2(repository, tmp_path_factory, capsys):
    assert diff(repository, "no-such-branch") == 2
    assert "'no-such-branch' is not a branch, tag or commit" in capsys.readouterr().err
    outside = tmp_path_factory.mktemp("not-a-repository")
    (outside / "services").mkdir(parents=True)
    assert main(["--project", str(outside), "diff"]) == 2
    assert "is not in a git repository" in capsys.readouterr().err


def test_record_text_cannot_inject_markdown():
    assert code("a `tick` here") == "``a `tick` here``"
    assert code("") == "(nothing)"
    assert text("<img src=x> @someone [link](https://example.org)") == \
        r"\<img src=x\> \@someone \[link\]\(https://example.org\)"


def test_a_cost_becoming_not_known_is_said_in_words():
    import datetime as dt

    from local_offer.editing.record_diff import FieldChange, RecordComparer
    from tests.helpers import OFFER_TAXONOMY
    comparer = RecordComparer(OFFER_TAXONOMY, None, dt.date(2026, 11, 23))
    assert comparer.value("cost.free", True, "not-known") == [
        FieldChange("Free", "yes", "not known")]
