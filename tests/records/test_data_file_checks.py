"""The controlled lists and the glossary are checked like records: file, line, field, fix."""

from __future__ import annotations

import pytest

from local_offer.cli import main
from local_offer.records.project import Project
from tests.helpers import FIXTURE_TODAY, MINIMAL


def replace_in(scratch, name: str, old: str, new: str) -> None:
    path = scratch.data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture {name} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(scratch, capsys, command: str = "validate") -> list[str]:
    code = main(["--project", str(scratch.root), command, "--today", FIXTURE_TODAY]) \
        if command != "lint" else main(["--project", str(scratch.root), "lint"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    return err.splitlines()[:-1]


@pytest.mark.parametrize("command", ["validate", "build", "check", "lint"])
def test_a_misspelt_field_in_the_lists_is_told_once_with_did_you_mean(scratch, capsys, command):
    scratch.write("only.yaml", MINIMAL)
    replace_in(scratch, "taxonomy.yaml", "  - id: health\n    label: Health",
               "  - id: health\n    labl: Health")
    [problem] = problems_of(scratch, capsys, command)
    assert problem.startswith("data/taxonomy.yaml:")
    assert "categories[2].labl: 'labl' is not a field this file uses" in problem
    assert "did you mean 'label'?" in problem


def test_wrong_values_in_the_lists_name_their_lines(scratch, capsys):
    scratch.write("only.yaml", MINIMAL)
    replace_in(scratch, "taxonomy.yaml", "  - id: health\n", "  - id: Health Services\n")
    replace_in(scratch, "taxonomy.yaml", "    min: 0\n", "    min: none\n")
    problems = problems_of(scratch, capsys)
    assert any("categories[2].id: 'Health Services' is not an id" in p for p in problems)
    assert any("age_bands[1].min: 'min' is 'none', not a whole number" in p for p in problems)
    # Records are not checked against lists that could not be read.
    assert all(p.startswith("data/") for p in problems)


def test_an_id_used_twice_and_a_missing_list(scratch, capsys):
    replace_in(scratch, "taxonomy.yaml", "  - id: health\n", "  - id: education\n")
    text = (scratch.data_dir / "taxonomy.yaml").read_text(encoding="utf-8")
    (scratch.data_dir / "taxonomy.yaml").write_text(text.replace("routes:", "old_routes:"),
                                                    encoding="utf-8")
    taxonomy_problems = Project(scratch.root).taxonomy_problems
    messages = [p.message for p in taxonomy_problems]
    assert any("the id 'education' is used twice (first on line" in m for m in messages)
    assert "the list 'routes' is missing or empty" in messages


def test_a_glossary_term_naming_a_need_that_does_not_exist(scratch, capsys):
    scratch.write("only.yaml", MINIMAL)
    path = scratch.data_dir / "glossary.yaml"
    path.write_text("terms:\n  - term: EHCP\n    meaning: A plan.\n    need: ehcp-need\n"
                    "  - term: EHCP\n    meaning: The same again.\n  - term: OT\n",
                    encoding="utf-8")
    problems = problems_of(scratch, capsys)
    assert any(p.startswith("data/glossary.yaml:4: terms[1].need: 'need' is 'ehcp-need'")
               for p in problems), problems
    assert any("data/glossary.yaml:5: terms[2].term: 'EHCP' is in the glossary twice "
               "(first on line 2)" in p for p in problems), problems
    assert any("data/glossary.yaml:7: terms[3].meaning: 'meaning' is missing" in p
               for p in problems), problems


def test_the_fixture_offers_lists_and_glossary_are_valid(offer_project):
    project = Project(offer_project.root)
    assert project.data_problems() == []
    assert project.taxonomy.categories and project.glossary.terms
