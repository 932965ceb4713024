"""A report of problems: sorted by file then line, each with where, what and how, then a count."""

from __future__ import annotations

from local_offer.records.problems import InvalidRecords, Problem, report, summary_line


def test_report_is_sorted_by_file_then_line_and_counts():
    problems = [Problem("services/b.yaml", 3, "name", "is wrong", "fix it"),
                Problem("services/a.yaml", 12, "", "is not valid YAML", "add a quote"),
                Problem("services/a.yaml", 2, "ages.min", "is too big")]
    assert report(problems).splitlines() == [
        "services/a.yaml:2: ages.min: is too big.",
        "services/a.yaml:12: is not valid YAML. How to fix: add a quote",
        "services/b.yaml:3: name: is wrong. How to fix: fix it",
        "3 problems in 2 files"]


def test_line_ten_comes_after_line_nine():
    problems = [Problem("s/a.yaml", 10, "", "ten"), Problem("s/a.yaml", 9, "", "nine")]
    assert [p.message for p in InvalidRecords(problems).problems] == ["nine", "ten"]


def test_summary_line_says_one_problem_plainly():
    assert summary_line([Problem("services/a.yaml", 1, "", "x")]) == "1 problem in 1 file"
