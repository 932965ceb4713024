"""report: one Markdown report per owning team, and the list the weekly workflow posts."""

from __future__ import annotations

import json

from local_offer.cli import main
from tests.helpers import MINIMAL


def test_each_team_gets_its_own_report_and_a_line_in_owners_json(scratch, tmp_path, capsys):
    scratch.record("late", name="Late Club")
    scratch.record("fresh", name="Fresh Club", last_reviewed="2026-11-01",
                   owner="{team: Other Team, email: other.team@example.org}")
    out = tmp_path / "reports"
    assert main(["--project", str(scratch.root), "report", "--today", "2026-11-23",
                 "--out", str(out)]) == 0
    assert "Wrote reports for 2 owners" in capsys.readouterr().out
    owners = {o["email"]: o for o in json.loads((out / "owners.json").read_text())}
    busy, idle = owners["example.team@example.org"], owners["other.team@example.org"]
    assert (busy["needs_attention"], busy["entries"], idle["needs_attention"]) == (True, 1, False)
    assert busy["marker"] == "<!-- local-offer-review: example-team-example-org -->"
    body = (out / busy["body"]).read_text()
    assert body.startswith(busy["marker"] + "\n## Entries to check for Example Team")
    assert "| Late Club | **overdue: shown with a warning** |" in body
    assert "Fresh Club" not in body
    assert "Nothing to do" in (out / idle["body"]).read_text()


def test_report_refuses_invalid_records(scratch, tmp_path):
    scratch.write("bad.yaml", MINIMAL.replace("[education]", "[nonsense]"))
    assert main(["--project", str(scratch.root), "report", "--out", str(tmp_path / "r")]) == 2
    assert not (tmp_path / "r").exists()


def test_a_name_with_an_at_sign_mentions_nobody_in_the_weekly_report(scratch, tmp_path):
    # Posted as an issue, "@everyone-here" would notify whoever has that name.
    scratch.write("late.yaml", MINIMAL.replace("Minimal Service", "Talk to @everyone-here"))
    out = tmp_path / "reports"
    assert main(["--project", str(scratch.root), "report", "--today", "2026-11-23",
                 "--out", str(out)]) == 0
    [body] = [path.read_text() for path in out.glob("*.md")]
    assert "Talk to \\@everyone\\-here" in body
    assert "@everyone" not in body.replace("\\@everyone", "")
