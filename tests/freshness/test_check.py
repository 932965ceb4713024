"""The check: which entries need attention, its exit codes, and each of its formats."""

from __future__ import annotations

import json

import pytest

from local_offer.cli import main
from local_offer.records.link_uses import BrokenLink, LinkUse
from tests.helpers import FIXTURE_TODAY, record_yaml

TODAY = "2026-11-23"
OTHER_OWNER = "{team: Other Team, email: other.team@example.org}"


def entry(scratch, name: str, reviewed: str, **fields) -> None:
    scratch.record(name, name=name.replace("-", " ").title(), last_reviewed=reviewed, **fields)


def check(scratch, capsys, *args):
    code = main(["--project", str(scratch.root), "check", "--today", TODAY, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_entry_reviewed_two_years_ago_fails_naming_file_and_owner(scratch, capsys):
    entry(scratch, "fresh", "2026-11-01")
    entry(scratch, "ancient", "2024-11-23")
    code, out, _ = check(scratch, capsys)
    assert code == 1
    assert "Example Team <example.team@example.org>" in out
    line = next(line for line in out.splitlines() if "services/ancient.yaml" in line)
    assert line.split()[0] == "expired" and "services/ancient.yaml:11" in line
    assert "fresh.yaml" not in out
    assert "1 entry needs action now" in out


def test_seven_months_old_is_overdue_and_fails(scratch, capsys):
    entry(scratch, "late", "2026-04-23")
    code, out, _ = check(scratch, capsys)
    assert code == 1
    assert "overdue  services/late.yaml:11  Late: review was due 23 October 2026 (31 days ago)" \
        in out


def test_due_in_ten_days_is_due_soon_and_passes(scratch, capsys):
    entry(scratch, "soon", "2026-06-03")
    code, out, _ = check(scratch, capsys)
    assert code == 0
    assert "due soon  services/soon.yaml:11  Soon: review due 3 December 2026 (in 10 days)" in out
    assert "Nothing needs action now." in out
    code, _, _ = check(scratch, capsys, "--fail-on", "due")
    assert code == 1


def test_every_entry_current_passes(scratch, capsys):
    entry(scratch, "one", "2026-11-01")
    entry(scratch, "two", "2026-10-01")
    code, out, _ = check(scratch, capsys)
    assert code == 0
    assert "2 entries on 23 November 2026: 2 current." in out and "Every entry is current." in out


def test_the_fixture_offer_is_current_on_its_day(offer_project, capsys):
    assert main(["--project", str(offer_project.root), "check", "--today", FIXTURE_TODAY]) == 0
    assert "entries on 23 November 2026:" in capsys.readouterr().out


def test_ended_fails_closed_does_not_and_never_means_never(scratch, capsys):
    entry(scratch, "ended", "2026-11-01", valid_until="2026-10-31")
    code, out, _ = check(scratch, capsys)
    assert code == 1 and "valid until 31 October 2026, which has passed" in out
    assert check(scratch, capsys, "--fail-on", "never")[0] == 0
    (scratch.services_dir / "ended.yaml").unlink()
    entry(scratch, "closed", "2026-11-01", status="closed")
    code, out, _ = check(scratch, capsys)
    assert code == 0 and "closed  services/closed.yaml:11" in out


def test_a_stale_waiting_time_makes_the_entry_due_soon_and_says_so(scratch, capsys):
    entry(scratch, "waits", "2026-11-01", waiting_time="{weeks: 30, measured: 2026-04-01}")
    code, out, _ = check(scratch, capsys)
    assert code == 0
    assert "due soon  services/waits.yaml:11" in out
    assert "waiting time last measured 1 April 2026" in out


def test_invalid_records_future_dates_and_bad_arguments_exit_2(scratch, capsys):
    entry(scratch, "fine", "2026-11-01")
    assert check(scratch, capsys, "--format", "yaml")[0] == 2
    assert check(scratch, capsys, "--fail-on", "sometimes")[0] == 2
    entry(scratch, "tomorrow", "2026-11-24")
    code, _, err = check(scratch, capsys)
    assert code == 2 and "services/tomorrow.yaml:11: last_reviewed: 2026-11-24 is in the " \
        "future" in err
    entry(scratch, "tomorrow", "2026-11-01", colour="blue")
    code, _, err = check(scratch, capsys)
    assert code == 2 and "services/tomorrow.yaml:13: colour:" in err


def test_json_parses_and_groups_by_owner(scratch, capsys):
    entry(scratch, "late", "2026-04-23")
    entry(scratch, "soon", "2026-06-03", owner=OTHER_OWNER)
    entry(scratch, "fine", "2026-11-01")
    code, out, _ = check(scratch, capsys, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["exit_code"] == 1
    assert data["today"] == TODAY and data["total"] == 3
    assert data["counts"]["current"] == 1 and data["counts"]["overdue"] == 1
    [first, second] = data["owners"]
    assert first["email"] == "example.team@example.org"
    [late] = first["entries"]
    assert (late["file"], late["line"], late["state"], late["due"], late["days_overdue"]) == \
        ("services/late.yaml", 11, "overdue", "2026-10-23", 31)
    assert second["team"] == "Other Team" and second["entries"][0]["days_left"] == 10


def test_github_format_annotates_the_last_reviewed_line(scratch, capsys, tmp_path,
                                                         monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    entry(scratch, "ancient", "2024-11-23", owner=OTHER_OWNER)
    entry(scratch, "soon", "2026-06-03")
    scratch.write("sub/folder/nested.yaml", "# a comment first\n" + record_yaml(
        name='"Name: with, commas"', last_reviewed="2026-04-23"))
    code, out, _ = check(scratch, capsys, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::error file=services/ancient.yaml,line=11::Ancient is expired")
    assert "Owner: Other Team <other.team@example.org>" in lines[0]
    assert any(line.startswith("::error file=services/sub/folder/nested.yaml,line=12::Name: "
                               "with, commas is overdue") for line in lines)
    assert any(line.startswith("::warning file=services/soon.yaml,line=11::Soon is due soon") for line in lines)
    table = summary.read_text()
    assert "| Ancient | **expired: off the site until it is reviewed** |" in table
    assert "| Name: with, commas |" in table


def test_markdown_for_one_owner_with_their_broken_links(scratch, capsys, tmp_path):
    entry(scratch, "late", "2026-04-23", owner=OTHER_OWNER)
    entry(scratch, "pipes", "2026-06-03")
    text = (scratch.services_dir / "pipes.yaml").read_text()
    (scratch.services_dir / "pipes.yaml").write_text(text.replace("name: Pipes",
                                                                  "name: A | B *star*"))
    broken = BrokenLink(LinkUse("https://example.org/gone", "pipes", "A | B *star*",
                                "services/pipes.yaml", 10, "contact.website", "Example Team",
                                "example.team@example.org"), "the page is missing (404)")
    links = tmp_path / "links.json"
    links.write_text(json.dumps({"owners": [{"broken_links": [broken.to_dict()]}]}))
    code, out, _ = check(scratch, capsys, "--format", "markdown", "--owner",
                         "EXAMPLE.TEAM@example.org", "--links", str(links))
    assert code == 0  # the other team's overdue entry is not in this report
    # An @ never reaches GitHub as a mention: it is escaped, and shows as itself.
    assert "### Example Team (example.team\\@example.org)" in out
    assert "late.yaml" not in out
    assert "| A \\| B \\*star\\* | **due soon** | review due 3 December 2026 \\(in 10 days\\) |" in out
    assert "`python build_offer.py reviewed services/pipes.yaml`" in out
    assert "| A \\| B \\*star\\* | <https://example.org/gone> | the page is missing \\(404\\) | " \
        "`services/pipes.yaml` line 10 |" in out


def test_unknown_owner_or_unreadable_links_file_exit_2(scratch, capsys, tmp_path):
    entry(scratch, "fine", "2026-11-01")
    code, _, err = check(scratch, capsys, "--owner", "Nobody")
    assert code == 2 and "No entries have the owner 'Nobody'" in err
    (tmp_path / "bad.json").write_text("{not json")
    code, _, err = check(scratch, capsys, "--links", str(tmp_path / "bad.json"))
    assert code == 2 and "links --format json --out FILE" in err


@pytest.mark.parametrize("fmt", ["text", "json", "github", "markdown"])
def test_every_format_works_when_nothing_needs_attention(scratch, capsys, fmt):
    entry(scratch, "fine", "2026-11-01")
    code, out, _ = check(scratch, capsys, "--format", fmt)
    assert code == 0 and out.strip()
    if fmt == "json":
        assert json.loads(out)["owners"] == []


# ---- The school term dates, for the team that keeps them ----

TERM_TIME_SESSION = "[{description: 'Tuesdays, term time', days: [tuesday], runs: term-time}]"
DATES_LINE = "data/term-dates.yaml:68"


def dates_check(scratch, capsys, today: str, *args):
    code = main(["--project", str(scratch.root), "check", "--today", today, *args])
    captured = capsys.readouterr()
    return code, captured.out


def test_term_dates_about_to_run_out_are_due_soon_for_their_owner(scratch, capsys):
    entry(scratch, "club", "2027-03-01", sessions=TERM_TIME_SESSION)
    code, out = dates_check(scratch, capsys, "2027-04-01")
    assert code == 0
    assert "Local Offer Team <localoffer@example.org>" in out
    assert (f"due soon  {DATES_LINE}  School term dates: they run out on 31 August 2027 (in "
            "152 days); 1 session follows them. Add the next school year's terms and holidays") \
        in out
    assert out.splitlines()[-1] == "Nothing needs action now."
    assert dates_check(scratch, capsys, "2027-04-01", "--fail-on", "due")[0] == 1
    # Nine months ahead is far enough: nothing to say.
    entry(scratch, "club", "2026-11-01", sessions=TERM_TIME_SESSION)
    code, out = dates_check(scratch, capsys, "2026-11-23")
    assert code == 0 and "term-dates" not in out and "Every entry is current." in out


def test_term_dates_that_have_run_out_fail_the_check_like_an_overdue_entry(scratch, capsys):
    entry(scratch, "club", "2027-09-01", sessions=TERM_TIME_SESSION)
    code, out = dates_check(scratch, capsys, "2027-09-10")
    assert code == 1
    assert f"overdue  {DATES_LINE}  School term dates: they ran out on 31 August 2027" in out
    assert "The school term dates need action now." in out
    code, out = dates_check(scratch, capsys, "2027-09-10", "--format", "json")
    [owner] = json.loads(out)["owners"]
    assert owner["email"] == "localoffer@example.org" and owner["entries"] == []
    assert owner["term_dates"] == {
        "file": "data/term-dates.yaml", "line": 68, "state": "overdue",
        "known_until": "2027-08-31", "days_left": 0, "sessions": 1,
        "action": "Add the next school year's terms and holidays from the council's published "
                  "term dates."}
    code, out = dates_check(scratch, capsys, "2027-09-10", "--format", "github")
    assert out.splitlines()[0].startswith(
        "::error file=data/term-dates.yaml,line=68::School term dates: they ran out on 31 "
        "August 2027; 1 session follows them. Owner: Local Offer Team <localoffer@example.org>.")


def test_term_dates_nobody_follows_are_nobodys_work(scratch, capsys):
    entry(scratch, "club", "2027-09-01")
    code, out = dates_check(scratch, capsys, "2027-09-10")
    assert code == 0 and "term dates" not in out.casefold()


def test_the_weekly_report_gives_the_term_dates_to_their_owner(scratch, capsys, tmp_path):
    entry(scratch, "club", "2027-03-01", sessions=TERM_TIME_SESSION)
    out = tmp_path / "reports"
    assert main(["--project", str(scratch.root), "report", "--today", "2027-04-01",
                 "--out", str(out)]) == 0
    owners = {o["email"]: o for o in json.loads((out / "owners.json").read_text())}
    team = owners["localoffer@example.org"]
    assert team["needs_attention"] and team["entries"] == 0
    body = (out / team["body"]).read_text()
    assert ("**School term dates** (due soon): they run out on 31 August 2027 \\(in 152 "
            "days\\); 1 session follows them.") in body
    assert "`data/term-dates.yaml` line 68" in body
    assert "School term dates" not in (out / owners["example.team@example.org"]["body"]).read_text()


# ---- translations that the English has moved on from ----

OLD_POLISH = """\
checked: 2026-09-01
name: Mali Mówcy
summary: Zajęcia z zabawą, które pomagają małym dzieciom mówić.
"""


def _with_old_translation(scratch, translators: str = ""):
    settings = scratch.data_dir / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nlanguages: [en, pl]\n"
                        + translators, encoding="utf-8")
    scratch.record("tiny-talkers", last_reviewed="2026-11-01")
    scratch.write("tiny-talkers.pl.yaml", OLD_POLISH)
    return scratch


def test_check_flags_a_translation_older_than_its_english_to_its_owner(scratch, capsys):
    from local_offer.cli import main
    project = _with_old_translation(scratch)
    code = main(["--project", str(project.root), "check", "--today", FIXTURE_TODAY])
    out = capsys.readouterr().out
    assert code == 0  # its page already carries the warning: nothing fails
    assert ("  old translation  services/tiny-talkers.pl.yaml:1  " in out)
    assert ("(pl): translation checked 1 September 2026, before the English was reviewed on "
            "1 November 2026. To do: check the translation against the English record") in out
    # Told to the record's owner, as no one keeps Polish translations in the settings.
    assert "\nExample Team <example.team@example.org>\n  old translation  " in out
    assert "Nothing needs action now." in out


def test_the_languages_translators_are_told_in_every_format(scratch, capsys):
    import json

    from local_offer.cli import main
    project = _with_old_translation(scratch, "translators:\n  pl:\n    team: Polish "
                                             "translators\n    email: pl@example.org\n")
    main(["--project", str(project.root), "check", "--today", FIXTURE_TODAY])
    assert "\nPolish translators <pl@example.org>\n  old translation  " in \
        capsys.readouterr().out
    main(["--project", str(project.root), "check", "--today", FIXTURE_TODAY, "--format", "json"])
    owners = json.loads(capsys.readouterr().out)["owners"]
    [translators] = [o for o in owners if o["email"] == "pl@example.org"]
    assert translators["old_translations"][0] | {"action": ""} == {
        "id": "tiny-talkers", "language": "pl", "file": "services/tiny-talkers.pl.yaml",
        "line": 1, "checked": "2026-09-01", "english_reviewed": "2026-11-01", "action": ""}
    main(["--project", str(project.root), "check", "--today", FIXTURE_TODAY, "--format",
          "github"])
    assert "::warning file=services/tiny-talkers.pl.yaml,line=1::The pl translation" in \
        capsys.readouterr().out
    main(["--project", str(project.root), "check", "--today", FIXTURE_TODAY, "--format",
          "markdown"])
    assert "Translations older than their English:" in capsys.readouterr().out


def test_a_translators_setting_for_a_language_the_site_has_not_is_named(scratch, capsys):
    from local_offer.cli import main
    project = _with_old_translation(scratch, "translators:\n  ro:\n    team: R\n"
                                             "    email: ro@example.org\n")
    assert main(["--project", str(project.root), "check", "--today", FIXTURE_TODAY]) == 2
    assert "translators.ro: 'ro' is not one of the site's other languages" in \
        capsys.readouterr().err
