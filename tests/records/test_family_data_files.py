"""The data files behind the filters families use: languages, families' words for ages,
the optional lists (how you take part, when), and what records may write with them."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from local_offer.records.age_words import load_age_words
from local_offer.records.languages import load_languages
from local_offer.records.loader import RecordLoader
from local_offer.records.model import Record, Session
from local_offer.records.taxonomy import load_taxonomy
from local_offer.records.when import when_of
from tests.helpers import OFFER


def written(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def where(problems):
    return [(p.line, p.field) for p in problems]


# ---- data/languages.yaml ----

def test_the_fixture_languages_are_read_with_every_name():
    languages, problems = load_languages(OFFER / "data" / "languages.yaml")
    assert problems == []
    polish = languages.by_name("polish")
    assert (polish.id, polish.own_name) == ("pl", "polski")
    assert languages.called("BSL").name == "British Sign Language"
    assert languages.called("ਪੰਜਾਬੀ").id == "pa"
    assert languages.ids_of(["Polish", "British Sign Language", "Klingon"]) == ("pl", "bfi")


def test_language_mistakes_are_told_with_file_line_field_and_fix(tmp_path):
    path = written(tmp_path, "languages.yaml", """
        languages:
          - id: pl
            name: Polish
            own_name: polski
          - id: pl
            name: Polski
          - name: Welsh
          - id: lt
            name: Lithuanian
            nickname: lt
          - id: "l t!"
            name: Latvian
        """)
    languages, problems = load_languages(path, "data/languages.yaml")
    assert where(problems) == [(5, "languages[2].id"), (6, "languages[2].name"),
                               (7, "languages[3].id"), (10, "languages[4].nickname"),
                               (11, "languages[5].id")]
    assert all(p.path == "data/languages.yaml" and p.fix for p in problems)
    assert "used twice (first on line 2)" in problems[0].message
    assert [lang.id for lang in languages.entries] == ["pl", "lt"]


def test_no_languages_file_leaves_languages_free_text(tmp_path):
    languages, problems = load_languages(tmp_path / "languages.yaml")
    assert problems == [] and not languages.known


@pytest.mark.parametrize("written_name, message, fix", [
    ("BSL", "'BSL' is another name for British Sign Language", "write 'British Sign Language'"),
    ("polski", "'polski' is another name for Polish", "write 'Polish'"),
    ("Polsh", "'Polsh' is not a language in data/languages.yaml", "did you mean 'Polish'?"),
    ("Klingon", "'Klingon' is not a language in data/languages.yaml", "add the language"),
])
def test_a_record_names_a_language_by_its_english_name(scratch, written_name, message, fix):
    scratch.record("speaks", languages=f"[Polish, {written_name}]")
    result = RecordLoader(scratch).load()
    (problem,) = result.problems
    assert (problem.path, problem.line, problem.field) == ("services/speaks.yaml", 13,
                                                           "languages[2]")
    assert message in problem.message and fix in problem.fix


def test_english_names_in_any_case_are_the_language(scratch):
    scratch.record("speaks", languages="[polish, British Sign Language]")
    assert RecordLoader(scratch).load().problems == []


# ---- data/family-words.yaml ----

def test_the_fixture_age_words_are_read():
    words, problems = load_age_words(OFFER / "data" / "family-words.yaml")
    assert problems == []
    teen = next(entry for entry in words if "teenager" in entry.words)
    assert (teen.min, teen.max) == (13, 19)


def test_age_word_mistakes_are_told_with_file_line_field_and_fix(tmp_path):
    path = written(tmp_path, "family-words.yaml", """
        ages:
          - words: [teenager]
            min: 13
            max: 19
          - words: [Teenager, 7 year old]
            min: 19
            max: 13
          - words: []
            min: 0
            max: two
          - word: [baby]
            min: 0
            max: 1
        """)
    words, problems = load_age_words(path, "data/family-words.yaml")
    assert where(problems) == [(6, "ages[2].min"), (8, "ages[3].words"), (10, "ages[3].max"),
                               (11, "ages[4].word")]
    assert "above the oldest" in problems[0].message
    assert [entry.words for entry in words] == [("teenager",)]


def test_a_word_twice_or_with_a_number_is_told(tmp_path):
    path = written(tmp_path, "family-words.yaml", """
        ages:
          - words: [teenager, teens]
            min: 13
            max: 19
          - words: [Teens, 7 year old]
            min: 12
            max: 18
        """)
    _, problems = load_age_words(path, "data/family-words.yaml")
    assert [(p.line, p.field) for p in problems] == [(5, "ages[2].words")] * 2
    assert "used twice (first on line 2)" in problems[0].message
    assert "has a number in it" in problems[1].message


def test_a_project_reports_its_new_data_files_problems(scratch):
    (scratch.data_dir / "languages.yaml").write_text("languages: nothing\n", encoding="utf-8")
    (scratch.data_dir / "family-words.yaml").write_text("ages:\n  - min: 1\n",
                                                        encoding="utf-8")
    fields = [p.field for p in scratch.data_problems()]
    assert "languages" in fields and "ages[1].words" in fields


# ---- taxonomy: how you take part and when ----

def test_attending_and_when_are_optional_lists_of_known_ids(tmp_path):
    text = (OFFER / "data" / "taxonomy.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\nattending:")[0], text.split("\n# Age bands")[1]
    path = written(tmp_path, "taxonomy.yaml", "")
    path.write_text(head + "\nattending:\n  - id: in-person\n    label: In person\n"
                    "  - id: by-pigeon\n    label: By pigeon\n# Age bands" + rest,
                    encoding="utf-8")
    taxonomy, problems = load_taxonomy(path, "data/taxonomy.yaml")
    assert [t.id for t in taxonomy.attending] == ["in-person"] and taxonomy.when == ()
    (problem,) = problems
    assert problem.field == "attending[2].id" and "in-person, online, phone, home-visit" in \
        problem.fix


def test_a_record_says_how_you_take_part_from_the_list(scratch):
    scratch.record("online", attending="[online, phone]", interpreter_on_request="true")
    scratch.record("pigeon", attending="[by-pigeon]")
    result = RecordLoader(scratch).load()
    (record,) = result.records
    assert record.attending == ("online", "phone") and record.interpreter_on_request
    (problem,) = result.problems
    assert (problem.path, problem.field) == ("services/pigeon.yaml", "attending[1]")
    assert "Allowed: in-person, online, phone, home-visit" in problem.fix


# ---- when a service runs ----

def service(*sessions: Session) -> Record:
    from local_offer.records.model import Access, Contact, Cost, Owner, Provider
    return Record(id="x", path="x.yaml", name="X", summary="X.", provider=Provider("P"),
                  categories=("health",), needs=("autism",), ages=(0, 25), areas=("chatham",),
                  cost=Cost(True), how_to_get_it=Access(("drop-in",)), contact=Contact(),
                  last_reviewed=dt.date(2026, 1, 1), owner=Owner("T", "t@example.org"),
                  sessions=sessions)


@pytest.mark.parametrize("session, expected", [
    (Session("Tue", ("tuesday",), "10:00", "11:30", "term-time"), ("weekdays",)),
    (Session("Tue", ("tuesday",), "10:00", "11:30"), ("weekdays", "school-holidays")),
    (Session("Sat", ("saturday",), "10:00", "12:00", "term-time"), ("weekends",)),
    (Session("Thu eve", ("thursday",), "18:30", "20:30", "term-time"),
     ("weekdays", "after-school")),
    (Session("Day", ("monday",), "09:00", "17:00", "term-time"), ("weekdays", "after-school")),
    (Session("Until 4", ("monday",), "09:00", "16:00", "term-time"), ("weekdays",)),
    (Session("Late start", ("monday",), "15:30", "", "term-time"), ("weekdays", "after-school")),
    (Session("Holiday", ("monday",), "10:00", "15:00", "school-holidays"),
     ("weekdays", "school-holidays")),
    (Session("Sat eve", ("saturday",), "18:00", "20:00", "term-time"), ("weekends",)),
    (Session("By arrangement"), ()),
])
def test_when_a_service_runs_comes_from_its_sessions(session, expected):
    assert when_of(service(session)) == expected


def test_when_gathers_every_session_in_the_lists_order():
    assert when_of(service(Session("Sat", ("saturday",), runs="term-time"),
                           Session("Mon", ("monday",), "18:00", "19:00", "term-time"))) == \
        ("weekdays", "weekends", "after-school")
