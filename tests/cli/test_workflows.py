"""The GitHub workflows run real commands; the weekly issues are updated, not duplicated."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import textwrap

import pytest
import yaml

from local_offer.cli import parser
from tests.helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
POSTER = ROOT / ".github" / "scripts" / "post_owner_reports.py"
# A GitHub expression, ${{ steps.pages.outputs.base_url }}, is filled in when the job runs.
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
# What GitHub Pages gives as a repository's address (configure-pages' base_url).
PAGES_ADDRESS = "https://example-council.github.io/local-offer"


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def runs(name: str) -> list[str]:
    return [step["run"] for job in workflow(name)["jobs"].values()
            for step in job.get("steps", []) if "run" in step]


def commands(name: str) -> list[list[str]]:
    """Each build_offer.py command's arguments, with GitHub's expressions filled in."""
    return [shlex.split(EXPRESSION.sub(PAGES_ADDRESS, run))[2:] for run in runs(name)
            if run.startswith("python build_offer.py")]


@pytest.mark.parametrize("name", ["pull-request.yml", "weekly.yml", "deploy.yml"])
def test_every_command_in_a_workflow_is_one_the_command_line_accepts(name):
    found = commands(name)
    assert found, name
    for args in found:
        parser().parse_args(args)  # exits (fails the test) on an unknown command or option


def test_pull_requests_are_validated_built_and_checked_with_annotations():
    assert workflow("pull-request.yml")[True] == {"pull_request": None}  # YAML reads "on" as True
    assert [args[0] for args in commands("pull-request.yml")] == ["validate", "build", "links",
                                                                  "check"]
    assert ["check", "--format", "github"] in commands("pull-request.yml")


def test_weekly_checks_then_posts_what_the_project_wrote():
    on = workflow("weekly.yml")[True]
    assert on["schedule"][0]["cron"] and "workflow_dispatch" in on
    assert workflow("weekly.yml")["permissions"]["issues"] == "write"
    assert [args[0] for args in commands("weekly.yml")] == ["check", "links", "report"]
    assert any("post_owner_reports.py reports" in run for run in runs("weekly.yml"))


def test_deploy_builds_and_publishes_to_pages_on_main_and_daily():
    on = workflow("deploy.yml")[True]
    assert on["push"]["branches"] == ["main"] and on["schedule"]
    jobs = workflow("deploy.yml")["jobs"]
    assert ["build"] in [args[:1] for args in commands("deploy.yml")]
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_deploy_builds_with_the_github_pages_address():
    # Without an address the sitemap is not published and the feeds' links are relative.
    steps = workflow("deploy.yml")["jobs"]["build"]["steps"]
    names = [step.get("uses", "").split("@")[0] or step.get("name") for step in steps]
    [pages] = [step for step in steps if step.get("uses", "").startswith("actions/configure-pages")]
    build = next(step for step in steps if "build_offer.py build" in step.get("run", ""))
    assert names.index("actions/configure-pages") < steps.index(build)
    assert EXPRESSION.findall(build["run"]) == [f"steps.{pages['id']}.outputs.base_url"]
    args = parser().parse_args(shlex.split(EXPRESSION.sub(PAGES_ADDRESS, build["run"]))[2:])
    assert args.site_url == PAGES_ADDRESS + "/"


# ---- posting the weekly reports, with a stand-in for the gh command line ------------------

FAKE_GH = textwrap.dedent('''\
    #!{python}
    """A stand-in for gh: keeps issues in a JSON file and logs every call."""
    import json, os, sys
    state_file = os.environ["FAKE_GH_STATE"]
    state = json.load(open(state_file))
    args = sys.argv[1:]
    state["calls"].append(args)
    def option(name):
        return args[args.index(name) + 1]
    if args[:2] == ["issue", "list"]:
        print(json.dumps([{{"number": i["number"], "state": i["state"], "body": i["body"]}}
                          for i in state["issues"]]))
    elif args[:2] == ["issue", "create"]:
        number = len(state["issues"]) + 1
        state["issues"].append({{"number": number, "state": "OPEN", "title": option("--title"),
                                "body": open(option("--body-file")).read()}})
    elif args[:2] == ["issue", "edit"]:
        issue = state["issues"][int(args[2]) - 1]
        issue["title"], issue["body"] = option("--title"), open(option("--body-file")).read()
    elif args[:2] in (["issue", "close"], ["issue", "reopen"]):
        state["issues"][int(args[2]) - 1]["state"] = "CLOSED" if args[1] == "close" else "OPEN"
    json.dump(state, open(state_file, "w"))
''')


@pytest.fixture
def fake_gh(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable))
    gh.chmod(0o755)
    state = tmp_path / "gh-state.json"
    state.write_text(json.dumps({"issues": [], "calls": []}))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_GH_STATE", str(state))
    return lambda: json.loads(state.read_text())


def weekly(scratch, today: str, out) -> None:
    from local_offer.cli import main
    assert main(["--project", str(scratch.root), "report", "--today", today,
                 "--out", str(out)]) == 0
    subprocess.run([sys.executable, str(POSTER), str(out)], check=True, capture_output=True)


def test_one_issue_per_owner_updated_week_after_week(scratch, tmp_path, fake_gh):
    from tests.helpers import record_yaml
    scratch.record("late")  # reviewed 3 May 2026, due 3 November 2026
    scratch.record("other", last_reviewed="2026-11-01",
                   owner="{team: Other Team, email: other.team@example.org}")
    weekly(scratch, "2026-11-23", tmp_path / "week1")
    [issue] = fake_gh()["issues"]  # only the team with work gets an issue
    assert issue["title"] == "Local Offer: entries to check for Example Team"
    assert "services/late.yaml" in issue["body"] and issue["state"] == "OPEN"

    weekly(scratch, "2026-11-30", tmp_path / "week2")
    [issue] = fake_gh()["issues"]  # the same issue, updated
    assert "30 November 2026" in issue["body"]

    (scratch.services_dir / "late.yaml").write_text(record_yaml(last_reviewed="2026-12-01"))
    weekly(scratch, "2026-12-07", tmp_path / "week3")
    [issue] = fake_gh()["issues"]  # nothing to do: closed, with the report saying so
    assert issue["state"] == "CLOSED" and "Nothing to do" in issue["body"]

    weekly(scratch, "2027-06-07", tmp_path / "week4")
    state = fake_gh()
    assert [i["state"] for i in state["issues"]] == ["OPEN", "OPEN"]  # reopened, and one new
    assert sum(call[:2] == ["issue", "create"] for call in state["calls"]) == 2
