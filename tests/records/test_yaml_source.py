"""Reading files safely: encodings, tabs, tags, aliases, YAML 1.1 conversions, size."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from local_offer.records import yaml_source
from local_offer.records.loader import RecordLoader
from local_offer.records.yaml_source import MAX_FILE_BYTES
from tests.helpers import MINIMAL, ROOT
from tests.records.test_records import only_problem


def test_byte_order_mark_and_windows_line_endings_are_accepted(scratch):
    scratch.write("windows.yaml", b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode())
    result = RecordLoader(scratch).load()
    assert result.problems == [] and result.records[0].name == "Minimal Service"


def test_file_not_in_utf8_is_named(scratch):
    scratch.write("latin1.yaml", MINIMAL.replace("Example Provider", "Café Provider")
                  .encode("latin-1"))
    problem = only_problem(scratch)
    assert (problem.path, problem.line) == ("services/latin1.yaml", 3)
    assert "not saved as UTF-8" in problem.message


def test_tab_indentation_says_so(scratch):
    scratch.write("tabs.yaml", MINIMAL.replace("contact: {email: minimal@example.org}",
                                               "contact:\n\temail: minimal@example.org"))
    problem = only_problem(scratch)
    assert problem.line == 11
    assert "tab" in problem.message and "spaces" in problem.fix


def test_tags_that_construct_objects_are_refused(scratch):
    scratch.write("tag.yaml", MINIMAL.replace("name: Minimal Service",
                                              "name: !!python/object/apply:os.system [echo hi]"))
    problem = only_problem(scratch)
    assert problem.line == 1 and "tag" in problem.message


def test_alias_bomb_is_rejected_quickly(scratch):
    layers = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        layers.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    scratch.write("bomb.yaml", MINIMAL + "\n".join(layers) + "\n")
    started = time.perf_counter()
    problems = RecordLoader(scratch).load().problems
    assert time.perf_counter() - started < 2
    assert any("aliases" in p.message for p in problems)


def test_file_over_the_size_limit(scratch):
    scratch.write("huge.yaml", MINIMAL + "description: |\n" +
                  ("  words words words words\n" * (MAX_FILE_BYTES // 20)))
    problem = only_problem(scratch)
    assert "limit" in problem.message


def test_empty_file(scratch):
    scratch.write("empty.yaml", "# nothing yet\n")
    assert "empty" in only_problem(scratch).message


def test_yes_no_where_text_is_expected(scratch):
    scratch.write("norway.yaml", MINIMAL + "languages: [Polish, no]\n")
    problem = only_problem(scratch)
    assert problem.field == "languages[2]"
    assert "'no' was read as yes/no" in problem.message and 'quotes: "no"' in problem.fix


def test_phone_number_with_leading_zero(scratch):
    scratch.write("phone.yaml", MINIMAL.replace("contact: {email: minimal@example.org}",
                                                "contact: {phone: 016320470}"))
    problem = only_problem(scratch)
    assert problem.field == "contact.phone"
    assert "'016320470' was read as a number" in problem.message
    assert 'put it in quotes: "016320470"' in problem.fix


def test_time_read_as_a_number(scratch):
    scratch.write("time.yaml", MINIMAL + "sessions:\n  - description: Mondays\n"
                  "    days: [monday]\n    start: 12:30\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (16, "sessions[1].start")
    assert "'12:30' was read as a number" in problem.message


def test_date_where_text_is_expected(scratch):
    scratch.write("date.yaml", MINIMAL + "alert: 2026-12-24\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (13, "alert")
    assert "read as a date" in problem.message


def test_dangerous_link_in_description_is_named(scratch):
    scratch.write("js.yaml", MINIMAL + "description: |\n  Hello.\n\n"
                  "  [Click](javascript:alert(1))\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (16, "description")
    assert "javascript:alert" in problem.message


def test_dangerous_web_address_is_named(scratch):
    scratch.write("data.yaml", MINIMAL.replace("contact: {email: minimal@example.org}",
                                               "contact: {website: 'data:text/html,hi'}"))
    problem = only_problem(scratch)
    assert problem.field == "contact.website"


# ---- More ways a file can be wrong, each with its file, line and message ----

def problems_of(scratch):
    return RecordLoader(scratch).load().problems


def test_old_mac_line_endings_are_accepted(scratch):
    scratch.write("mac.yaml", MINIMAL.replace("\n", "\r").encode())
    result = RecordLoader(scratch).load()
    assert result.problems == [] and result.records[0].summary.startswith("A service")


def test_utf16_file_is_named(scratch):
    scratch.write("notepad.yaml", MINIMAL.encode("utf-16"))
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.field) == ("services/notepad.yaml", 1, "")
    assert problem.message == "the file is not saved as UTF-8 text"
    assert "UTF-8" in problem.fix


def test_tab_after_windows_line_endings_names_the_line(scratch):
    text = MINIMAL.replace("owner: {team: Example Team, email: example.team@example.org}",
                           "owner:\n\tteam: Example Team\n\temail: example.team@example.org")
    scratch.write("tabs.yaml", text.replace("\n", "\r\n").encode())
    problems = problems_of(scratch)
    assert [(p.line, p.field) for p in problems] == [(13, ""), (14, "")]
    assert problems[0].message == "a tab is used to indent this line; YAML only allows spaces"
    assert problems[0].fix == "replace the tab with spaces"


def test_control_character_in_the_file(scratch):
    scratch.write("nul.yaml", (MINIMAL + "alert: Closed\x00 today\n").encode())
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.field) == ("services/nul.yaml", 13, "")
    assert problem.message == ("this line contains an invisible character (U+0000) that "
                               "cannot be used in a record")


def test_line_break_that_editors_do_not_show(scratch):
    scratch.write("nel.yaml", MINIMAL + "alert: Closed\u2028today\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (13, "")
    assert "invisible character (U+2028)" in problem.message


def test_control_character_written_as_an_escape(scratch):
    scratch.write("escape.yaml", MINIMAL + 'alert: "Closed\\e today"\n')
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (13, "alert")
    assert problem.message == "this text contains an invisible control character (U+001B)"


def test_nesting_too_deep_is_refused_before_parsing(scratch):
    depth = 100_000  # this deep, the C parser would crash the process
    scratch.write("deep.yaml", MINIMAL + "alert: " + "[" * depth + "]" * depth + "\n")
    started = time.perf_counter()
    problem = only_problem(scratch)
    assert time.perf_counter() - started < 2
    assert (problem.line, problem.field) == (13, "")
    assert problem.message == "the values are nested more than 12 levels deep"


def test_deep_indentation_is_refused_too(scratch):
    nested = "".join(" " * (2 * level) + f"k{level}:\n" for level in range(40))
    scratch.write("indent.yaml", MINIMAL + "alert:\n" + "\n".join(
        "  " + line for line in nested.splitlines()) + "\n")
    problem = only_problem(scratch)
    assert problem.line == 25 and "nested more than 12 levels" in problem.message


@pytest.mark.parametrize("value, shown", [
    ("!!python/object/apply:os.system [echo hi]", "!!python/object/apply:os.system"),
    ("!!python/object/new:os.system {}", "!!python/object/new:os.system"),
    ("!!python/name:os.system ''", "!!python/name:os.system"),
    ("!!binary aGk=", "!!binary"),
    ("!!set {a, b}", "!!set"),
    ("!custom thing", "!custom"),
    ("!!int not-a-number", "!!int"),
    ("!!bool maybe", "!!bool"),
    ("!!float nope", "!!float"),
    ("!!timestamp never", "!!timestamp"),
])
def test_every_tag_but_plain_text_is_refused(scratch, value, shown):
    scratch.write("tag.yaml", MINIMAL + f"alert: {value}\n")
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.field) == ("services/tag.yaml", 13, "alert")
    assert problem.message == f"the YAML tag '{shown}' is not allowed"


def test_explicit_text_tag_is_harmless(scratch):
    scratch.write("str.yaml", MINIMAL + "alert: !!str 12:30\n")
    result = RecordLoader(scratch).load()
    assert result.problems == [] and result.records[0].alert == "12:30"


def test_alias_bomb_is_rejected_without_exhausting_memory(scratch):
    # Ten layers of ten aliases each: 10**10 strings if expanded.
    layers = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    layers += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 11)]
    scratch.write("bomb.yaml", MINIMAL + "\n".join(layers) + "\n")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problems = problems_of(scratch)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 5 * 1024 * 1024, f"peak {peak} bytes"
    aliases = [p for p in problems if "aliases" in p.message]
    assert [(p.line, p.field) for p in aliases] == [(14 + i, f"a{i + 1}[1]") for i in range(10)]


def test_alias_is_reported_on_its_own_line(scratch):
    scratch.write("alias.yaml", MINIMAL + "alert: &note Closed today\nsummary_again: *note\n")
    problems = problems_of(scratch)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (14, "summary_again", "'summary_again' is not a field a service can have"),
        (14, "summary_again", "anchors and aliases (& and *) are not allowed")]


def test_merge_key_is_refused(scratch):
    scratch.write("merge.yaml", MINIMAL.replace("owner: {team: Example Team, email: "
                                                "example.team@example.org}",
                                                "owner:\n  <<: {team: A Team}\n"
                                                "  email: a@example.org"))
    problems = problems_of(scratch)
    merge = [p for p in problems if "merge" in p.message]
    assert [(p.line, p.field, p.message) for p in merge] == [
        (13, "owner", "merge keys ('<<') are not allowed")]


def test_field_name_that_is_not_a_word(scratch):
    scratch.write("key.yaml", MINIMAL + "[a, b]: value\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (13, "")
    assert problem.message == "a field name must be a plain word"


def test_file_over_the_size_limit_names_file_and_limit(scratch):
    scratch.write("big.yaml", MINIMAL + "# " + "x" * MAX_FILE_BYTES + "\n")
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.field) == ("services/big.yaml", 1, "")
    assert problem.message == "the file is over the 256 KB limit for one service"


def test_link_to_an_endless_file_is_refused_quickly(scratch):
    (scratch.services_dir / "endless.yaml").symlink_to("/dev/zero")
    started = time.perf_counter()
    problem = only_problem(scratch)
    assert time.perf_counter() - started < 2
    assert (problem.path, problem.line) == ("services/endless.yaml", 1)
    assert problem.message == "this is not an ordinary file (it is a link or a folder)"


def test_folder_named_like_a_record_is_refused(scratch):
    (scratch.services_dir / "folder.yaml").mkdir()
    assert only_problem(scratch).message.startswith("this is not an ordinary file")


# ---- YAML 1.1 conversions where text or a plain number is expected ----

@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "On", "OFF", "Yes", "y"])
def test_yes_no_on_off_where_text_is_expected(scratch, word):
    scratch.write("words.yaml", MINIMAL + f"alert: {word}\n")
    result = RecordLoader(scratch).load()
    if word == "y":  # PyYAML does not read y as yes: it stays text
        assert result.problems == [] and result.records[0].alert == "y"
        return
    [problem] = result.problems
    assert (problem.line, problem.field) == (13, "alert")
    assert problem.message == f"'{word}' was read as yes/no (true or false), not as text"
    assert problem.fix == f'put it in quotes: "{word}"'


def test_yes_and_on_in_one_list_are_not_also_called_repeats(scratch):
    scratch.write("langs.yaml", MINIMAL + "languages: [yes, On, off]\n")
    problems = problems_of(scratch)
    assert [p.field for p in problems] == ["languages[1]", "languages[2]", "languages[3]"]


def test_no_where_a_choice_is_expected_gets_one_problem(scratch):
    scratch.write("status.yaml", MINIMAL + "status: off\n")
    problem = only_problem(scratch)
    assert problem.message == "'off' was read as yes/no (true or false), not as text"


def test_phone_number_with_a_plus_is_read_as_a_number(scratch):
    scratch.write("plus.yaml", MINIMAL.replace("contact: {email: minimal@example.org}",
                                               "contact: {phone: +441632960123}"))
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (10, "contact.phone")
    assert problem.message == "'+441632960123' was read as a number, not as text"


@pytest.mark.parametrize("written, read", [("010", 8), ("0x10", 16), ("0o10", None), ("1:30", 90)])
def test_number_that_yaml_reads_differently(scratch, written, read):
    scratch.write("weeks.yaml", MINIMAL + f"waiting_time: {{weeks: {written}, "
                  "measured: 2026-09-01}\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (13, "waiting_time.weeks")
    if read is None:  # YAML 1.1 has no 0o: it stays text, which is not a number
        assert problem.message == "this should be a whole number, not text"
    else:
        assert problem.message == f"'{written}' is read as the number {read}"
        assert "without a leading zero" in problem.fix


def test_not_a_number_is_refused(scratch):
    scratch.write("nan.yaml", MINIMAL + "locations:\n  - name: Hub\n    address: 1 Road\n"
                  "    postcode: ME2 4AA\n    latitude: .nan\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (17, "locations[1].latitude")
    assert problem.message == "'.nan' is not a real number"


def test_date_that_does_not_exist(scratch):
    scratch.write("feb.yaml", MINIMAL.replace("last_reviewed: 2026-05-03",
                                              "last_reviewed: 2026-02-30"))
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (11, "last_reviewed")
    assert problem.message == "'2026-02-30' is not a real date"


def test_date_in_a_list_of_text(scratch):
    scratch.write("dates.yaml", MINIMAL + "languages:\n  - Polish\n  - 2026-12-24\n")
    problem = only_problem(scratch)
    assert (problem.line, problem.field) == (15, "languages[2]")
    assert problem.message == "'2026-12-24' was read as a date, not as text"


# ---- Syntax errors: the line to look at, and advice a non-developer can follow ----

SYNTAX_ERRORS = {
    "colon in text": (MINIMAL.replace("summary: A service with only the fields that are "
                                      "required.", "summary: Open: 10:00 to 12:00"), 2,
                      "mapping values are not allowed", 'needs quotes around it'),
    "missing colon": (MINIMAL.replace("cost: {free: true}", "cost"), 9,
                      "could not find expected ':'", "each line needs 'field: value'"),
    "unclosed quote": (MINIMAL + 'alert: "Closed today\n', 13, "found unexpected end of stream",
                       "add the closing quote"),
    "indentation": (MINIMAL.replace("owner: {team: Example Team, email: example.team@example"
                                    ".org}", "owner:\n  team: Example Team\n email: a@example.org"),
                    14, "did not find expected key", "fields at the same level must line up"),
    "undefined alias": (MINIMAL + "alert: *nothing\n", 13, "found undefined alias",
                        "remove the '*'"),
    "at sign": (MINIMAL + "alert: @team\n", 13, "cannot start any token",
                "a value starting with @ or ` needs quotes"),
    "two documents": (MINIMAL + "---\nname: Another\n", 13, "expected a single document",
                      "remove the '---' line"),
    "unclosed list": (MINIMAL.replace("categories: [education]", "categories: [education"), 4,
                      "did not find expected ',' or ']'", "needs a closing ]"),
    "unclosed group": (MINIMAL.replace("cost: {free: true}", "cost: {free: true"), 8,
                       "did not find expected ',' or '}'", "need a closing }"),
}


@pytest.mark.parametrize("kind", SYNTAX_ERRORS)
def test_syntax_error_points_at_the_line_and_says_what_to_do(scratch, kind):
    text, line, what, fix = SYNTAX_ERRORS[kind]
    scratch.write("syntax.yaml", text)
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.field) == ("services/syntax.yaml", line, "")
    assert problem.message.startswith("this is not valid YAML (") and what in problem.message
    assert fix in problem.fix


def test_unreadable_file_is_named(scratch, monkeypatch):
    scratch.write("locked.yaml", MINIMAL)
    original = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    problem = only_problem(scratch)
    assert (problem.path, problem.line) == ("services/locked.yaml", 1)
    assert problem.message == "the file could not be read (Permission denied)"


def test_empty_file_says_how_to_start(scratch):
    scratch.write("blank.yaml", "\n")
    problem = only_problem(scratch)
    assert (problem.path, problem.line, problem.message) == ("services/blank.yaml", 1,
                                                             "the file is empty")
    assert "schema/service-template.yaml" in problem.fix and (ROOT / "schema" /
                                                              "service-template.yaml").is_file()


NESTINGS = {  # name: (text, nested deeper than MAX_DEPTH)
    "flow, 13 deep on one line": ("a: " + "[" * 13 + "]" * 13 + "\n", True),
    "flow, 12 deep": ("a: " + "[" * 11 + "]" * 11 + "\n", False),
    "indented maps, 14 deep": ("".join(" " * level + f"k{level}:\n" for level in range(14))
                               + " " * 14 + "x\n", True),
    "lists under keys, 16 deep": ("k0:\n" + "".join(f"{'  ' * i}- k{i + 1}:\n" for i in range(7))
                                  + "  " * 7 + "- x\n", True),
    "compact lists, 13 deep": ("- " * 13 + "x\n", True),
    "complex keys, 13 deep": ("? " * 13 + "x\n", True),
    "an alias of a deep list": ("a: &deep " + "[" * 11 + "]" * 11 + "\nb: [*deep, *deep]\n",
                                False),
    "an alias nested deeper": ("a: &deep " + "[" * 11 + "]" * 11 + "\nb: [[*deep]]\n", False),
    "a record": (MINIMAL, False),
}


@pytest.mark.parametrize("name", sorted(NESTINGS))
def test_composed_first_or_not_the_same_nesting_is_found(name):
    text, too_deep = NESTINGS[name]
    events = yaml_source._nesting_problems(text, "x.yaml")
    nodes = yaml_source._node_nesting_problems(yaml.compose(text, Loader=yaml_source.Loader),
                                               "x.yaml")
    assert nodes == events and bool(events) == too_deep
    assert yaml_source._nesting_bound(text) > yaml_source.MAX_DEPTH or not too_deep


def test_only_a_file_that_could_nest_deep_is_walked_before_it_is_composed():
    # A record is composed at once; brackets or indentation that could go deep enough to
    # crash the composer are walked event by event first.
    assert yaml_source._nesting_bound(MINIMAL) <= yaml_source.SAFE_TO_COMPOSE
    assert yaml_source._nesting_bound("a: " + "[" * 120 + "]" * 120) > yaml_source.SAFE_TO_COMPOSE
    assert yaml_source._nesting_bound("k:\n" + " " * 60 + "x\n") > yaml_source.SAFE_TO_COMPOSE
