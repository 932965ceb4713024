"""Reading files safely: encodings, tabs, tags, aliases, YAML 1.1 conversions, size."""

from __future__ import annotations

import time

from local_offer.records import RecordLoader
from local_offer.yaml_source import MAX_FILE_BYTES

from test_records import MINIMAL, only_problem


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
