"""The import command on the fixture feeds: every format found, records valid, never overwritten."""

from __future__ import annotations

import contextlib
import io
import json
import shutil

import pytest
import yaml

from local_offer.records.loader import RecordLoader
from tests.editing.importing.helpers import (
    FEEDS,
    FORMAT_FOLDERS,
    imported_files,
    report_data,
    run_import,
    with_feeds,
)
from tests.helpers import MINIMAL, copy_project


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The fixture offer's data with every fixture feed imported once: (project, what the
    command printed, its exit code). Tests that only read it share it."""
    project = copy_project(tmp_path_factory.mktemp("import") / "project")
    with_feeds(project)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = run_import(project, "feeds")
    return project, printed.getvalue(), code


def test_it_says_which_format_each_file_is_in(imported):
    scratch, out, _ = imported
    assert "feeds/outpost/services-page-1.json: Outpost API, 8 services" in out
    assert "feeds/placecube/services.json: Open Referral UK, the older list shape, 12 services" \
        in out
    assert "feeds/placecube/services-bare-list.json: Open Referral UK, the older list shape, " \
           "3 services" in out
    assert "feeds/oruk3/services.json: Open Referral UK 3.0, 10 services" in out
    assert {feed["format"] for feed in report_data(scratch)["feeds"]} == set(FORMAT_FOLDERS)


@pytest.mark.parametrize("kind, folder", FORMAT_FOLDERS.items())
def test_each_format_on_its_own_gives_valid_records(scratch, kind, folder):
    feeds = with_feeds(scratch)
    run_import(scratch, str(feeds / folder), "--owner", "Local Offer Team",
               "--owner-email", "local.offer@example.org")
    data = report_data(scratch)
    assert {feed["format"] for feed in data["feeds"]} == {kind}
    result = RecordLoader(scratch).load()
    assert result.problems == []
    assert len(result.records) == data["valid"] >= 12
    assert {record.owner.email for record in result.records} == {"local.offer@example.org"}
    for record in result.records:
        text = (scratch.root / record.path).read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../../schema/service.schema.json")
        assert "\t" not in text and not any(line != line.rstrip() for line in text.split("\n"))


def test_at_least_95_percent_of_running_services_become_valid_published_records(imported):
    scratch = imported[0]
    data = report_data(scratch)
    running = data["services"] - data["states"]["not imported"]  # the feed says one has ended
    assert data["services"] == 45 and running == 44
    assert data["published"] == data["valid"] == 43
    assert data["published"] / running >= 0.95
    assert RecordLoader(scratch).load().problems == []


def test_reimporting_unchanged_feeds_gives_the_same_bytes(scratch, capsys):
    with_feeds(scratch)
    run_import(scratch, "feeds")
    first = imported_files(scratch)
    report = (scratch.root / "import-report.json").read_bytes()
    assert len(first) == 43
    run_import(scratch, "feeds")
    assert imported_files(scratch) == first
    assert report_data(scratch)["states"]["unchanged"] == 43
    assert json.loads(report)["fields"] == report_data(scratch)["fields"]


def test_a_record_changed_since_is_left_alone_unless_replace(scratch):
    with_feeds(scratch)
    run_import(scratch, "feeds")
    edited = scratch.services_dir / "imported" / "chatter-box.yaml"
    original = edited.read_text(encoding="utf-8")
    changed = original.replace("Speech and language drop-in", "Our speech and language drop-in")
    assert changed != original
    edited.write_text(changed, encoding="utf-8")
    assert run_import(scratch, "feeds") == 1
    assert edited.read_text(encoding="utf-8") == changed
    data = report_data(scratch)
    assert data["states"]["left alone"] == 1
    assert [e["file"] for e in data["not_written"] if "left alone" in e["reason"]] == [
        "services/imported/chatter-box.yaml"]
    run_import(scratch, "feeds", "--replace")
    assert edited.read_text(encoding="utf-8") == original
    assert report_data(scratch)["states"]["replaced"] == 1


def test_file_names_come_from_names_and_are_unique_across_the_offer(scratch):
    scratch.write("early-years/stay-and-play.yaml", MINIMAL.replace("Minimal Service",
                                                                    "Stay and Play"))
    with_feeds(scratch)
    run_import(scratch, "feeds")
    names = imported_files(scratch)
    # Three services called Stay and Play (two in Outpost, one in PlaceCube's feed), and one
    # already in the offer: each gets its own file, none is overwritten.
    assert {"stay-and-play-2.yaml", "stay-and-play-3.yaml", "stay-and-play-4.yaml"} <= set(names)
    assert "stay-and-play.yaml" not in names
    assert "children-s-speech-and-language-therapy.yaml" in names
    result = RecordLoader(scratch).load()
    assert result.problems == []
    assert len({record.id for record in result.records}) == len(result.records) == 44


def test_a_record_that_would_not_be_valid_is_reported_not_written(imported):
    scratch, _, code = imported
    assert code == 1  # something to act on
    data = report_data(scratch)
    [invalid] = [e for e in data["not_written"] if e["reason"].startswith("not written")]
    assert invalid["name"] == "Befriending Service"
    assert any("contact" in problem for problem in invalid["problems"])
    assert not (scratch.services_dir / "imported" / "befriending-service.yaml").exists()


def test_the_owner_is_the_one_given_else_the_organisations_email(scratch):
    feeds = with_feeds(scratch)
    run_import(scratch, str(feeds / "outpost"))
    record = yaml.safe_load((scratch.services_dir / "imported" / "chatter-box.yaml").read_text())
    assert record["owner"] == {"team": "Medway Family Hubs (illustrative)",
                               "email": "hubs@example.org"}
    assert report_data(scratch)["fields"]["owner"]["mapped"] == 15


def test_the_report_counts_each_field(imported):
    scratch = imported[0]
    data = report_data(scratch)
    fields = data["fields"]
    assert set(fields["name"]) == {"mapped", "default", "lost", "none"}
    for name, counts in fields.items():
        assert sum(counts.values()) == 44, name  # every service read and not ended
    assert fields["cost"] == {"mapped": 30, "default": 14, "lost": 0, "none": 0}
    assert fields["ages"] == {"mapped": 40, "default": 4, "lost": 0, "none": 0}
    assert fields["locations"]["lost"] == 1  # Outpost masks one address to its outcode
    assert fields["description"]["lost"] == 1  # one description is over 5,000 characters
    assert data["unmapped_terms"]["Peer support"] == 2
    assert "peer-support" not in data["unmapped_terms"]  # its slug is the same term
    assert data["unused_source_fields"]["attending_type"] == 15
    look_at = {entry["file"]: entry["reasons"] for entry in data["look_at"]}
    assert look_at["services/imported/continence-advice.yaml"] == ["no ages", "no cost"]
    assert "no ages" in look_at["services/imported/dads-matter-club.yaml"]  # ages -1
    markdown = (scratch.root / "import-report.md").read_text(encoding="utf-8")
    assert "| `cost` | 30 | 14 | 0 | 0 |" in markdown
    assert "- Peer support (2 services)" in markdown
    assert "## Services to look at" in markdown


def test_cost_is_free_a_price_or_not_known(imported):
    scratch = imported[0]
    costs = {record.id: record.cost for record in RecordLoader(scratch).load().records}
    assert costs["stay-and-play"].free is True
    assert (costs["swim-together"].free, costs["swim-together"].description) == (
        False, "£3.50 per session (Per child); £2 lower rate for second sibling (Sibling)")
    assert costs["short-breaks-activity-club"].description.startswith("£10 a session; help")
    assert costs["children-s-speech-and-language-therapy"].free == "not-known"
    assert costs["sensory-garden-club"].free == "not-known"


@pytest.mark.parametrize("args, message", [
    (["feeds/none.json"], "there is no such file"),
    (["bad.json"], "this is not valid JSON"),
    (["odd.json"], "this is not a list of services"),
])
def test_a_file_that_cannot_be_imported_says_why_and_writes_nothing(scratch, capsys, args,
                                                                    message):
    (scratch.root / "bad.json").write_text('{"content": [\n  {"name": "A",}\n]}\n')
    (scratch.root / "odd.json").write_text('{"hello": "world"}\n')
    assert run_import(scratch, *args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (scratch.services_dir / "imported").exists()
    if args == ["bad.json"]:
        assert "bad.json:2: this is not valid JSON" in err


def test_wrong_arguments_exit_2(scratch, capsys):
    with_feeds(scratch)
    assert run_import(scratch, "feeds", "--owner", "Team only") == 2
    assert run_import(scratch, "feeds", "--owner", "T", "--owner-email", "nobody") == 2
    assert run_import(scratch, "feeds", "--out", "elsewhere") == 2
    assert "inside services/" in capsys.readouterr().err


def test_feeds_are_where_the_tests_expect_them():
    assert sorted(path.relative_to(FEEDS).parts[0] for path in FEEDS.rglob("*.json")) == \
        ["oruk3"] * 5 + ["outpost"] * 2 + ["placecube"] * 2


def test_a_feed_named_from_where_the_command_runs_is_found_there(scratch, tmp_path, monkeypatch):
    # Saved in the user's downloads, not in the project: the path is read as the shell means it.
    downloads = tmp_path / "downloads"
    shutil.copytree(FEEDS / "oruk3", downloads / "oruk3")
    monkeypatch.chdir(downloads)
    assert run_import(scratch, "oruk3") == 0
    assert imported_files(scratch)
