"""data/settings.yaml is read once, into typed values, and checked like a record.

Every mistake is told as file, line, setting and how to fix it, with exit 2,
by every command that reads the settings; none ends in a traceback.
"""

from __future__ import annotations

import pytest

from local_offer.cli import main
from local_offer.freshness import review
from local_offer.records import data_files, period
from local_offer.records.period import Period
from local_offer.records.problems import InvalidRecords
from local_offer.records.settings import Settings, load_settings
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL

VALID = """\
site_name: Example Local Offer
area_name: Exampleshire
review_every: 1 year
review_every_by_category:
  short-breaks: 3 months
due_soon_days: 14
grace: 6 weeks
report_problem:
  via: email
comments:
  email: offer@example.org
"""


def with_settings(scratch, text: str):
    (scratch.data_dir / "settings.yaml").write_text(text, encoding="utf-8")
    scratch.write("minimal-service.yaml", MINIMAL)
    return scratch


def run(scratch, tmp_path, command: str) -> int:
    """One command through the real command line, as a person would type it."""
    arguments = {
        "validate": ["validate", "--today", FIXTURE_TODAY],
        "check": ["check", "--today", FIXTURE_TODAY],
        "build": ["build", "--today", FIXTURE_TODAY, "--site-dir", str(tmp_path / "site")],
        "report": ["report", "--today", FIXTURE_TODAY, "--out", str(tmp_path / "reports")],
        "coverage": ["coverage", "--today", FIXTURE_TODAY],
        "diff": ["diff"],
        "reviewed": ["reviewed", "minimal-service", "--today", FIXTURE_TODAY],
    }[command]
    return main(["--project", str(scratch.root), *arguments])


def told(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error:" not in err, err
    return err


COMMANDS = ("validate", "check", "build", "report", "coverage", "diff", "reviewed")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_misspelt_setting_stops_every_command_with_did_you_mean(scratch, tmp_path, capsys,
                                                                  command):
    with_settings(scratch, "site_name: Example Local Offer\nreview_evry: 6 months\n")
    before = (scratch.services_dir / "minimal-service.yaml").read_bytes()
    assert run(scratch, tmp_path, command) == 2
    err = told(capsys)
    assert "data/settings.yaml:2: review_evry: " in err
    assert "did you mean 'review_every'?" in err
    assert not (tmp_path / "site").exists() and not (tmp_path / "reports").exists()
    assert (scratch.services_dir / "minimal-service.yaml").read_bytes() == before


@pytest.mark.parametrize("command", ("validate", "check", "build"))
def test_a_period_in_words_names_its_line_and_how_to_write_one(scratch, tmp_path, capsys,
                                                               command):
    with_settings(scratch, "site_name: Example Local Offer\nreview_every: six months\n")
    assert run(scratch, tmp_path, command) == 2
    err = told(capsys)
    assert ("data/settings.yaml:2: review_every: 'review_every' is 'six months', not a "
            "period. How to fix: write a number and a unit, like 6 months or 1 year") in err


@pytest.mark.parametrize("text, line, field, words", [
    ("due_soon_days: soon\n", 1, "due_soon_days", "'soon', not a whole number"),
    ("due_soon_days: -1\n", 1, "due_soon_days", "-1, less than 0"),
    ("due_soon_days: true\n", 1, "due_soon_days", "not a whole number"),
    ("grace: 3\n", 1, "grace", "not a period"),
    ("grace:\n", 1, "grace", "missing or empty"),
    ("site_name: [A, B]\n", 1, "site_name", "must be text"),
    ("area_name: 12\n", 1, "area_name", "must be text"),
    ("review_every_by_category: 3 months\n", 1, "review_every_by_category",
     "must be a group of categories"),
    ("review_every_by_category:\n  short-breaks: often\n", 2,
     "review_every_by_category.short-breaks", "'often', not a period"),
])
def test_a_wrong_value_is_named_with_its_line(scratch, tmp_path, capsys, text, line, field,
                                              words):
    with_settings(scratch, text)
    assert run(scratch, tmp_path, "validate") == 2
    err = told(capsys)
    assert f"data/settings.yaml:{line}: {field}: " in err
    assert words in err


def test_an_unknown_category_is_named_with_the_nearest_one(scratch, tmp_path, capsys):
    with_settings(scratch, "review_every_by_category:\n  education: 1 year\n"
                           "  short-breakz: 3 months\n")
    assert run(scratch, tmp_path, "check") == 2
    err = told(capsys)
    assert ("data/settings.yaml:3: review_every_by_category.short-breakz: 'short-breakz' is "
            "not one of the categories in data/taxonomy.yaml. How to fix: did you mean "
            "'short-breaks'?") in err
    settings, problems = load_settings(scratch)
    assert dict(settings.review_every_by_category) == {"education": Period(1, "year")}
    assert len(problems) == 1


def test_a_valid_file_loads_into_typed_settings(scratch):
    settings, problems = load_settings(with_settings(scratch, VALID))
    assert problems == []
    assert settings == Settings(site_name="Example Local Offer", area_name="Exampleshire",
                                review_every=Period(1, "year"),
                                review_every_by_category={"short-breaks": Period(3, "month")},
                                due_soon_days=14, grace=Period(6, "week"),
                                report_problem={"via": "email"},
                                comments={"email": "offer@example.org"})
    assert str(settings.review_every) == "1 year" and str(settings.grace) == "6 weeks"
    with pytest.raises(TypeError):  # typed and frozen: no one changes them after checking
        settings.review_every_by_category["education"] = Period(1, "day")
    assert scratch.settings == settings and scratch.settings_problems == []


def test_the_sample_settings_are_valid_and_typed(scratch):
    # scratch holds a copy of the project's own data/.
    settings, problems = load_settings(scratch)
    assert problems == []
    assert isinstance(settings.review_every, Period) and isinstance(settings.due_soon_days, int)


def test_no_settings_file_keeps_the_defaults(scratch, tmp_path, capsys):
    with_settings(scratch, "")
    (scratch.data_dir / "settings.yaml").unlink()
    assert load_settings(scratch) == (Settings(), [])
    assert run(scratch, tmp_path, "validate") == 0
    assert Settings().review_every == Period(6, "month") and Settings().grace == Period(3, "month")


def test_an_empty_settings_file_keeps_the_defaults(scratch):
    settings, problems = load_settings(with_settings(scratch, "# nothing set yet\n"))
    assert (settings, problems) == (Settings(), [])


def test_a_file_that_is_not_settings_is_told_once(scratch, tmp_path, capsys):
    with_settings(scratch, "- review_every: 6 months\n")
    assert run(scratch, tmp_path, "validate") == 2
    err = told(capsys)
    assert "data/settings.yaml:1: the file must hold settings" in err
    assert "1 problem in 1 file" in err


def test_the_file_is_read_once_and_a_syntax_error_told_once(scratch, tmp_path, capsys,
                                                           monkeypatch):
    reads = []
    real = data_files.read_document

    def counting(path, shown):
        reads.append(path.name)
        return real(path, shown)

    monkeypatch.setattr(data_files, "read_document", counting)
    with_settings(scratch, "site_name: \"Example\n")
    assert run(scratch, tmp_path, "validate") == 2
    err = told(capsys)
    assert err.count("data/settings.yaml:") == 1 and "not valid YAML" in err
    assert reads.count("settings.yaml") == 1


def test_the_site_build_refuses_wrong_settings(scratch):
    # The mkdocs plugin builds its content through build_content.
    with_settings(scratch, "due_soon_days: soon\n")
    with pytest.raises(InvalidRecords) as raised:
        build_content(scratch, today=FIXTURE_TODAY)
    assert [(p.path, p.line, p.field) for p in raised.value.problems] == [
        ("data/settings.yaml", 1, "due_soon_days")]


def test_a_period_has_one_owner():
    # freshness counts with the records' own rule for what a period is.
    assert review.Period is period.Period
    assert Period.parse("1 months") == Period(1, "month")
    with pytest.raises(ValueError):
        Period.parse("half a year")


# ---- the council's identity ----

@pytest.mark.parametrize("text, line, field, words", [
    ('primary_colour: "#4a90d9"\n', 1, "primary_colour",
     "the header's white text on #4a90d9 has a contrast of 3.34:1, 1.16 short of the 4.5:1 "
     'that WCAG 2.2 AA needs. How to fix: choose a darker colour; the nearest darker shade '
     'that passes is "#3e79b6"'),
    ('primary_colour: "#ffdd00"\n', 1, "primary_colour", "contrast of 1.34:1, 3.16 short"),
    ("primary_colour: blue\n", 1, "primary_colour", "'blue' is not a colour"),
    ('primary_colour: "#12345"\n', 1, "primary_colour", "not a colour"),
    ("site_name: Exampleshire County Council SEND Local Offer\n", 1, "site_name",
     "is 44 characters, too long for the header of a phone's screen (at most 22)"),
    ("site_name: Example\nshort_name: Exampleshire County Council Offer\n", 2, "short_name",
     "too long for the header"),
    ("logo: data/missing.svg\n", 1, "logo", "there is no file 'data/missing.svg'"),
    ("logo: ../../etc/hostname\n", 1, "logo", "there is no file '../../etc/hostname' in the "
                                              "project folder"),
    ("logo: data/taxonomy.yaml\n", 1, "logo", "is not an image browsers show everywhere"),
    ("contact_email: the team\n", 1, "contact_email", "'the team' is not an email address"),
    ("site_url: localoffer.example.org\n", 1, "site_url", "is not a web address"),
    ("short_name: [A]\n", 1, "short_name", "must be text"),
])
def test_a_wrong_identity_setting_is_named_with_its_line(scratch, tmp_path, capsys, text, line,
                                                         field, words):
    with_settings(scratch, text)
    assert run(scratch, tmp_path, "build") == 2
    err = told(capsys)
    assert f"data/settings.yaml:{line}: {field}: " in err
    assert words in err
    assert not (tmp_path / "site").exists()


def test_the_identity_settings_load_typed(scratch):
    (scratch.data_dir / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    settings, problems = load_settings(with_settings(scratch, (
        "site_name: Exampleshire County Council SEND Local Offer\n"
        "short_name: Exampleshire Offer\narea_name: Exampleshire\n"
        "logo: data/logo.svg\nprimary_colour: \"#00703C\"\n"
        "contact_email: offer@example.org\nsite_url: https://offer.example.org/send\n")))
    assert problems == []
    assert (settings.header_name, settings.logo, settings.primary_colour, settings.site_url) == (
        "Exampleshire Offer", "data/logo.svg", "#00703c", "https://offer.example.org/send/")
    # A short site name is the header's name too.
    settings, problems = load_settings(with_settings(scratch, "site_name: Short Offer\n"))
    assert problems == [] and settings.header_name == "Short Offer"


@pytest.mark.parametrize("text, words", [
    ("languages: [en, klingon]\n", "'klingon' is not a language code"),
    ("languages: [en, pl, pl]\n", "a language is listed twice"),
    ("languages: en\n", "'languages' must be a list of words"),
    ("languages: []\n", "'languages' needs at least one language"),
    ("languages: [en, ../pl]\n", "'../pl' is not a language code"),
])
def test_a_wrong_language_is_named_with_its_line_and_how_to_write_them(scratch, tmp_path,
                                                                       capsys, text, words):
    with_settings(scratch, "site_name: Example\n" + text)
    assert run(scratch, tmp_path, "build") == 2
    err = told(capsys)
    assert "data/settings.yaml:2: languages: " in err
    assert words in err and "like languages: [en, pl, ro]" in err
    assert not (tmp_path / "site").exists()


def test_the_languages_load_main_first_and_default_to_english_alone(scratch):
    settings, problems = load_settings(with_settings(scratch, "languages: [en, pl, ro]\n"))
    assert problems == [] and settings.languages == ("en", "pl", "ro")
    assert Settings().languages == ("en",)
