"""The command line: exit codes, and `new` writing a record to fill in."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from local_offer.cli import main
from local_offer.records.loader import RecordLoader
from local_offer.records.project import Project
from tests.helpers import MINIMAL, OFFER, ROOT


def run(scratch, *args):
    return main(["--project", str(scratch.root), *args])


def test_validate_exits_0_when_all_valid(scratch, capsys):
    scratch.write("fine.yaml", MINIMAL)
    assert run(scratch, "validate") == 0
    assert "All 1 records are valid" in capsys.readouterr().out


def test_validate_exits_2_and_lists_every_problem(scratch, capsys):
    scratch.write("a.yaml", MINIMAL + "descripton: x\n")
    scratch.write("b.yaml", MINIMAL + "name: Twice\n")
    scratch.write("c.yaml", MINIMAL.replace("[education]", "education"))
    scratch.write("d.yaml", MINIMAL.replace("summary: A", "summary: 'A"))
    assert run(scratch, "validate") == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("services/a.yaml:13: descripton:")
    assert errors[1].startswith("services/b.yaml:13: name:")
    assert errors[2].startswith("services/c.yaml:4: categories:")
    assert errors[3].startswith("services/d.yaml:2:")
    assert errors[-1] == "4 problems in 4 files"


def test_build_exits_2_on_an_invalid_record(scratch, tmp_path, capsys):
    scratch.write("bad.yaml", MINIMAL.replace("{free: true}", "{free: maybe}"))
    assert run(scratch, "build", "--site-dir", str(tmp_path / "out")) == 2
    assert "services/bad.yaml:8: cost.free:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_wrong_arguments_exit_2(scratch):
    assert run(scratch, "build", "--today", "yesterday") == 2
    assert run(scratch, "no-such-command") == 2


def test_new_writes_the_template_which_is_refused_until_every_placeholder_is_replaced(
        scratch, capsys):
    assert run(scratch, "new", "Sunny Days Club: \"fun\" for all", "--folder", "short-breaks",
               "--today", "2026-11-01") == 0
    path = scratch.services_dir / "short-breaks" / "sunny-days-club-fun-for-all.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schema/service.schema.json")
    assert "last_reviewed: 2026-11-01" in text
    # Unedited, every text the template wrote is refused, and nothing else is.
    assert run(scratch, "validate", "--today", "2026-11-01") == 2
    problems = RecordLoader(scratch).load().problems
    template = yaml.safe_load((ROOT / "schema" / "service-template.yaml").read_text())
    assert {p.field for p in problems} == {
        "summary", "description", "provider.name", "provider.website", "how_to_get_it.steps",
        "contact.phone", "contact.email", "contact.website", "locations[1].name",
        "locations[1].address", "locations[1].accessibility", "sessions[1].description",
        "owner.team", "owner.email"}
    assert all("still the template's text" in p.message for p in problems)
    lines = text.split("\n")
    for problem in problems:
        assert lines[problem.line - 1].split(":")[0].strip(" -") == problem.field.split(".")[-1]
    filled = (text.replace(template["summary"], "Play days for children who need extra help.")
              .replace(template["description"], "Messy play, music and a quiet room.")
              .replace(template["provider"]["name"], "Sunny Days Trust")
              .replace(template["provider"]["website"], "https://example.org/sunny-days")
              .replace(template["how_to_get_it"]["steps"], "Phone us to book a place.")
              .replace(template["contact"]["phone"], "01632 960321")
              .replace("team@example.org", "sunny.days@example.org")
              .replace(template["contact"]["website"], "https://example.org/sunny-days/club")
              .replace(template["locations"][0]["name"], "Sunny Days Centre")
              .replace(template["locations"][0]["address"], "3 Example Street, Chatham")
              .replace(template["locations"][0]["accessibility"], "Step-free, with a lift.")
              .replace(template["sessions"][0]["description"],
                       "Tuesdays 10:00 to 11:30 in term time")
              .replace(template["owner"]["team"], "Sunny Days Team"))
    path.write_text(filled)
    result = RecordLoader(scratch).load()
    assert result.problems == []
    assert result.records[0].name == 'Sunny Days Club: "fun" for all'


def test_new_never_overwrites(scratch, capsys):
    scratch.write("other/sunny-days.yaml", MINIMAL)
    before = (scratch.services_dir / "other" / "sunny-days.yaml").read_text()
    assert run(scratch, "new", "Sunny Days") == 2
    assert "already exists" in capsys.readouterr().err
    assert (scratch.services_dir / "other" / "sunny-days.yaml").read_text() == before
    assert not (scratch.services_dir / "sunny-days.yaml").exists()


def test_the_published_schema_is_as_the_schema_command_writes_it(scratch):
    # Its lists are the council's (data/taxonomy.yaml); the rest of the file is the product's.
    published = (ROOT / "schema" / "service.schema.json").read_text(encoding="utf-8")
    assert published == json.dumps(json.loads(published), indent=2, ensure_ascii=False) + "\n"
    scratch.schema_path.write_text(published, encoding="utf-8")
    assert run(scratch, "schema") == 0
    assert run(scratch, "schema", "--check") == 0
    written = json.loads(scratch.schema_path.read_text(encoding="utf-8"))
    taxonomy = yaml.safe_load(scratch.data_dir.joinpath("taxonomy.yaml").read_text())
    lists = {"categories": written["properties"]["categories"]["items"],
             "needs": written["properties"]["needs"]["items"],
             "areas": written["properties"]["areas"]["items"],
             "routes": written["properties"]["how_to_get_it"]["properties"]["routes"]["items"]}
    expected = json.loads(published)
    for name, items in lists.items():
        assert items["enum"] == [term["id"] for term in taxonomy[name]], name
    expected["properties"]["categories"]["items"] = lists["categories"]
    expected["properties"]["needs"]["items"] = lists["needs"]
    expected["properties"]["areas"]["items"] = lists["areas"]
    expected["properties"]["how_to_get_it"]["properties"]["routes"]["items"] = lists["routes"]
    assert written == expected  # nothing else changed


def test_schema_check_notices_a_changed_taxonomy(scratch):
    taxonomy = scratch.data_dir / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text().replace("id: travel", "id: transport"))
    assert run(scratch, "schema", "--check") == 1
    assert run(scratch, "schema") == 0
    assert run(scratch, "schema", "--check") == 0
    assert '"transport"' in scratch.schema_path.read_text()


def test_after_adding_an_area_the_template_lists_it_and_keeps_its_lines(scratch, capsys):
    template = scratch.root / "schema" / "service-template.yaml"
    assert run(scratch, "schema") == 0  # the fixture offer's lists, as a council's would be
    before = template.read_text(encoding="utf-8")
    taxonomy = scratch.data_dir / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text().replace(
        "areas:\n", "areas:\n  - id: isle-of-grain\n    label: Isle of Grain\n"))
    capsys.readouterr()
    assert run(scratch, "schema", "--check") == 1
    assert "schema/service-template.yaml is out of date" in capsys.readouterr().err
    assert run(scratch, "schema") == 0
    after = template.read_text(encoding="utf-8")
    [areas_line] = [line for line in after.splitlines() if "One or more of: isle-of-grain" in line]
    assert areas_line.endswith(", area-wide.") and areas_line.startswith("# Where it is offered")
    assert len(after.splitlines()) == len(before.splitlines())  # the guide's line numbers hold
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1
    assert run(scratch, "new", "Grain Drop In") == 0
    record = (scratch.services_dir / "grain-drop-in.yaml").read_text(encoding="utf-8")
    assert "isle-of-grain" in record


def test_every_record_of_the_fixture_offer_starts_with_the_schema_line():
    for path in Project(OFFER).service_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        depth = len(path.relative_to(OFFER).parts) - 1
        assert first == "# yaml-language-server: $schema=" + "../" * depth + \
            "schema/service.schema.json", path


def test_build_offer_script_runs():
    done = subprocess.run([sys.executable, str(ROOT / "build_offer.py"), "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "validate" in done.stdout


def test_validate_reports_every_problem_of_every_kind_sorted_with_a_count(scratch, capsys):
    scratch.write("zebra.yaml", MINIMAL + "status: no\ncolour: blue\n")
    scratch.write("health/alpha.yaml", MINIMAL.replace("[education]", "[educaton]")
                  .replace("{min: 16, max: 25}", "{min: 010, max: 25}")
                  + "description: '[x](javascript:alert(1))'\n")
    scratch.write("broken.yaml", MINIMAL.replace("summary: A", "summary: 'A"))
    scratch.write("tabbed.yaml", MINIMAL.replace("contact: {", "contact:\n\t{"))
    scratch.write("latin.yaml", MINIMAL.replace("Example Provider", "Caf\u00e9").encode("latin-1"))
    scratch.write("fine.yaml", MINIMAL)
    assert run(scratch, "validate") == 2
    out = capsys.readouterr()
    lines = out.err.splitlines()
    where = [line.split(" ", 1)[0] for line in lines[:-1]]
    assert where == ["services/broken.yaml:2:", "services/health/alpha.yaml:4:",
                     "services/health/alpha.yaml:6:", "services/health/alpha.yaml:13:",
                     "services/latin.yaml:3:", "services/tabbed.yaml:11:",
                     "services/zebra.yaml:13:", "services/zebra.yaml:14:"]
    assert lines[1] == ("services/health/alpha.yaml:4: categories[1]: 'educaton' is not one of "
                        "the allowed values. How to fix: did you mean 'education'? Allowed: "
                        "education, health, social-care, early-help, short-breaks, "
                        "preparing-for-adulthood, information-advice, childcare-early-years, "
                        "travel")
    assert "ages.min: '010' is read as the number 8." in lines[2]
    assert "description: the link 'javascript:alert(1)' is not allowed" in lines[3]
    assert "the file is not saved as UTF-8 text" in lines[4]
    assert "a tab is used to indent this line" in lines[5]
    assert "status: 'no' was read as yes/no (true or false), not as text" in lines[6]
    assert "colour: 'colour' is not a field a service can have" in lines[7]
    assert lines[-1] == "8 problems in 5 files"
    assert "fine.yaml" not in out.err and out.out == ""


def test_new_never_overwrites_a_file_that_appears_meanwhile(scratch, capsys, monkeypatch):
    # Another editor creates the file between new's check and its write.
    target = scratch.write("sunny-days.yaml", "someone else's work\n")
    monkeypatch.setattr(type(scratch), "service_files", lambda self: [])
    monkeypatch.setattr("local_offer.cli.commands.new.Project", lambda root: scratch)
    assert run(scratch, "new", "Sunny Days") == 2
    assert "services/sunny-days.yaml already exists; it was not changed" in capsys.readouterr().err
    assert target.read_text() == "someone else's work\n"
    assert sorted(p.name for p in scratch.services_dir.iterdir()) == ["sunny-days.yaml"]


def test_new_refuses_a_folder_outside_services(scratch, capsys):
    assert run(scratch, "new", "Sunny Days", "--folder", "../docs") == 2
    assert "must be inside services/" in capsys.readouterr().err
    assert not (scratch.root / "docs" / "sunny-days.yaml").exists()
