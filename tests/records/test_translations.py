"""A record's translation, in a file beside it, is checked like the record.

The same file, line, field and fix as a record's problems, exit 2 from every
command; and it must translate what the English has, so a page is never half
in one language and half in another.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from local_offer.cli import main
from local_offer.records.loader import RecordLoader
from local_offer.records.project import language_of_file
from local_offer.records.translations import original_of
from tests.helpers import FIXTURE_TODAY, record_yaml

ENGLISH = dict(description="We help with talking.",
               how_to_get_it={"routes": ["drop-in"], "steps": "Just come along."},
               sessions=[{"description": "Tuesdays 10:00 to 11:30"}],
               last_reviewed="2026-10-01")
POLISH = """\
checked: 2026-10-05
name: Mali Mówcy
summary: Zajęcia z zabawą, które pomagają małym dzieciom mówić.
description: Pomagamy w mówieniu.
how_to_get_it:
  steps: Po prostu przyjdź.
sessions:
  - description: Wtorki 10:00–11:30
"""


def project_with(scratch, translation: str, languages: str = "[en, pl]"):
    settings = scratch.data_dir / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"\nlanguages: {languages}\n",
                        encoding="utf-8")
    scratch.record("tiny-talkers", **ENGLISH)
    scratch.write("tiny-talkers.pl.yaml", translation)
    return scratch


def problems_of(project):
    return RecordLoader(project, dt.date.fromisoformat(FIXTURE_TODAY)).load().problems


def test_a_translation_is_named_after_its_record():
    assert language_of_file(Path("tiny-talkers.pl.yaml")) == "pl"
    assert language_of_file(Path("tiny-talkers.yaml")) == ""
    assert language_of_file(Path("tiny-talkers.draft.yaml")) == ""
    assert original_of(Path("a/tiny-talkers.ro.yaml")) == Path("a/tiny-talkers.yaml")


def test_a_valid_translation_loads_beside_its_record_and_is_not_a_record(scratch):
    result = RecordLoader(project_with(scratch, POLISH)).load()
    assert result.problems == []
    assert [record.id for record in result.records] == ["tiny-talkers"]
    [translation] = result.translations
    assert (translation.service_id, translation.language, translation.checked) == (
        "tiny-talkers", "pl", dt.date(2026, 10, 5))
    polish = translation.applied_to(result.records[0])
    assert (polish.name, polish.description, polish.how_to_get_it.steps,
            polish.sessions[0].description) == ("Mali Mówcy", "Pomagamy w mówieniu.",
                                                "Po prostu przyjdź.", "Wtorki 10:00–11:30")
    # Everything else is the record's own: routes, contact, review date.
    assert polish.how_to_get_it.routes == ("drop-in",)
    assert polish.last_reviewed == result.records[0].last_reviewed
    assert not translation.is_older_than(result.records[0])


@pytest.mark.parametrize("change, line, field, words", [
    (("name: Mali Mówcy\n", "nazwa: Mali Mówcy\n"), 2, "nazwa", "not a field"),
    (("summary: Zajęcia z zabawą, które pomagają małym dzieciom mówić.\n", "summary: Krótko\n"),
     3, "summary", "too short"),
    (("checked: 2026-10-05\n", "checked: yesterday\n"), 1, "checked", "yesterday"),
    (("checked: 2026-10-05\n", "checked: 2027-01-01\n"), 1, "checked", "is after today"),
    (("description: Pomagamy w mówieniu.\n", ""), 1, "",
     "the English record has a description; its translation is missing"),
    (("sessions:\n  - description: Wtorki 10:00–11:30\n", "sessions: []\n"), 1, "",
     "the English record has 1 sessions; the translation has 0"),
    (("how_to_get_it:\n  steps: Po prostu przyjdź.\n", "how_to_get_it:\n  routes: [drop-in]\n"),
     6, "how_to_get_it.routes", "not a field"),
    (("description: Pomagamy w mówieniu.\n",
      "description: '[kliknij](javascript:alert(1))'\n"), 4, "description", "is not allowed"),
])
def test_a_wrong_translation_is_told_like_a_record(scratch, change, line, field, words):
    problems = problems_of(project_with(scratch, POLISH.replace(*change)))
    assert problems, "the mistake was not found"
    found = [p for p in problems if words in p.message]
    assert found, [str(p) for p in problems]
    assert (found[0].path, found[0].line, found[0].field) == (
        "services/tiny-talkers.pl.yaml", line, field)
    assert found[0].fix


def test_a_translation_of_no_record_or_in_a_language_the_site_has_not_is_refused(scratch):
    project = project_with(scratch, POLISH, languages="[en]")
    scratch.write("nobody.pl.yaml", POLISH)
    messages = [(p.path, p.message, p.fix) for p in problems_of(project)]
    assert ("services/tiny-talkers.pl.yaml",
            "'pl' is not one of the site's other languages in data/settings.yaml",
            "add pl to languages in data/settings.yaml, like languages: [en, pl]") in messages
    assert any(path == "services/nobody.pl.yaml" and "there is no record 'nobody.yaml'" in m
               for path, m, _ in messages)


def test_validate_and_build_stop_on_a_wrong_translation_with_exit_2(scratch, tmp_path, capsys):
    project = project_with(scratch, POLISH.replace("name: Mali Mówcy\n", "name: M\n"))
    for command in (["validate"], ["build", "--site-dir", str(tmp_path / "site")]):
        code = main(["--project", str(project.root), *command, "--today", FIXTURE_TODAY])
        assert code == 2
        assert "services/tiny-talkers.pl.yaml:2: name: " in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
