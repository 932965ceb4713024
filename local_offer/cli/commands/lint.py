"""lint: point out records whose words are hard for families to read."""

from __future__ import annotations

import sys

from local_offer.editing.plain_english import (EasyReadCheck, EasyReadLimits, Limits,
                                              PlainEnglishCheck)
from local_offer.records.consistency import contact_warnings
from local_offer.records.problems import report, summary_line
from local_offer.records.project import Project
from local_offer.records.yaml_source import _dotted, read_document

ORDER = 15


def add_parser(commands) -> None:
    limits = Limits()
    command = commands.add_parser(
        "lint", help="check that records are written in plain English",
        description="Point out long sentences, text that is hard to read, summaries that are "
                    "too long, acronyms the glossary does not explain, and phone numbers or "
                    "email addresses in the text that are not the record's contact, with file "
                    "and line. Warnings only (exit 0) unless --strict is given.")
    command.add_argument("--strict", action="store_true",
                         help="exit 1 when there is anything to improve (for CI)")
    command.add_argument("--sentence-words", type=int, default=limits.sentence_words,
                         help=f"longest sentence allowed, in words (default "
                              f"{limits.sentence_words})")
    command.add_argument("--reading-ease", type=float, default=limits.reading_ease,
                         help=f"lowest Flesch reading ease allowed (default "
                              f"{limits.reading_ease:.0f})")
    command.add_argument("--easy-read", action="store_true",
                         help="check the Easy Read versions instead (services/…/"
                              "<id>.easy-read.yaml and docs/easy-read/), by stricter rules: "
                              f"sentences of {EasyReadLimits().sentence_words} words or fewer, "
                              "one sentence and one idea a line, no word left unexplained")
    command.set_defaults(run=run)


def run(args) -> int:
    project = Project(args.project)
    if project.data_problems():  # the glossary says which acronyms are explained
        print(report(project.data_problems()), file=sys.stderr)
        return 2
    if args.easy_read:
        return run_easy_read(project, args.strict)
    check = PlainEnglishCheck(project.glossary, Limits(sentence_words=args.sentence_words,
                                               reading_ease=args.reading_ease))
    files = project.service_files()
    found = []
    for file in files:
        document, _ = read_document(file, project.shown(file))
        if document is not None:  # `validate` explains files that cannot be read
            found += check.check(document) + contact_warnings(document)
    return tell_warnings(found, f"All {len(files)} records read plainly.", "Plain English",
                         args.strict)


def run_easy_read(project: Project, strict: bool) -> int:
    check = EasyReadCheck(project.glossary)
    found, checked = [], 0
    for file in project.easy_read_files():
        document, problems = read_document(file, project.shown(file))
        checked += 1
        if document is None or not isinstance(document.data, dict):
            found += problems
            continue
        lines = [(document.line_of(("lines", index, "text")), _dotted(("lines", index, "text")),
                  item["text"]) for index, item in enumerate(document.data.get("lines") or [])
                 if isinstance(item, dict) and isinstance(item.get("text"), str)]
        title = document.data.get("title")
        if isinstance(title, str):
            lines.insert(0, (document.line_of(("title",)), "title", title))
        found += check.check(project.shown(file), lines)
    pages = project.root / "docs" / "easy-read"
    for page in sorted(pages.rglob("*.md")) if pages.is_dir() else []:
        checked += 1
        lines = [(number, "", text) for number, text in
                 check.lines_of_markdown(page.read_text(encoding="utf-8"))]
        found += check.check(project.shown(page), lines)
    return tell_warnings(found, f"All {checked} Easy Read versions keep to Easy Read's rules.",
                         "Easy Read", strict)


def tell_warnings(found, all_well: str, rules: str, strict: bool) -> int:
    """Tell the lint's warnings (or that there are none); 1 with --strict when there are."""
    if not found:
        print(all_well)
        return 0
    for problem in sorted(found):
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{rules}: {summary_line(found)}.", file=sys.stderr)
    return 1 if strict else 0
