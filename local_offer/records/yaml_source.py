"""Reading one YAML file safely, remembering the line of every value.

PyYAML's own loaders lose line numbers, keep the last of two duplicate keys
and expand aliases without limit. Here a file is composed into nodes (no
object is ever constructed from a tag) and walked once, so that every value
keeps its line, duplicates and aliases become problems, and YAML 1.1's
surprising conversions (``no`` to false, ``12:30`` to 750, an unquoted date)
are remembered so the schema check can explain them.

Hostile files are stopped before they cost anything: a file is read only up
to the size limit, must be an ordinary file (not a link to one elsewhere),
may not nest deeper than a record ever needs (deep nesting crashes the C
parser), and may not carry control characters or tags other than the plain
YAML ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from local_offer.records.problems import Problem

MAX_FILE_BYTES = 256 * 1024
# A record nests four levels at most (locations -> item -> field); anything far
# deeper is a mistake or an attack on the parser, which recurses per level.
MAX_DEPTH = 12
# A file that cannot nest deeper than this is safe to compose before its depth is checked.
SAFE_TO_COMPOSE = 100
# Characters YAML refuses in a file (it allows tab, newline and carriage return), and
# the rare line breaks (U+0085, U+2028, U+2029) it counts but editors do not.
FILE_CONTROL_CHARACTERS = re.compile("[^\x09\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF"
                                     "\uE000-\uFFFD\U00010000-\U0010FFFF]")
# Characters a double-quoted escape (like "\\0" or "\\e") can put into a value,
# that no page can show.
VALUE_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F"
                                      "\uD800-\uDFFF\uFFFE\uFFFF]")

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()

TAG = "tag:yaml.org,2002:"
STR, MAP, SEQ, MERGE = TAG + "str", TAG + "map", TAG + "seq", TAG + "merge"
KEY_TAGS = (STR, TAG + "int", TAG + "bool")  # the plain words a field name may be
# Scalars YAML converts from plain text, with the word a person would use.
IMPLICIT_KINDS = {TAG + "bool": "yes/no", TAG + "int": "number", TAG + "float": "number",
                  TAG + "timestamp": "date", TAG + "null": "empty"}


@dataclass
class Document:
    """A file's data as plain JSON-like values, with where each value came from."""

    path: str
    data: Any = None
    lines: dict[tuple, int] = field(default_factory=dict)
    # path -> (text as written, kind) for scalars YAML converted from plain text
    converted: dict[tuple, tuple[str, str]] = field(default_factory=dict)
    # paths whose value was refused (an alias, a tag) and left empty, already reported
    refused: set[tuple] = field(default_factory=set)
    text: str = ""

    def line_of(self, where: tuple) -> int:
        """The line of a value, or of its closest parent that has one."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)

    def line_of_text(self, where: tuple, text: str) -> int:
        """The line, at or after the value's own, where `text` is written (a value's own
        line if it is not found): a link or a phone number inside a long description."""
        start = self.line_of(where)
        offset = sum(len(line) + 1 for line in self.text.split("\n")[: start - 1])
        found = self.text.find(text[:40], offset) if text else -1
        return start if found < 0 else self.text.count("\n", 0, found) + 1


def read_document(file: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Read and compose one file. Returns (document, problems)."""
    if file.is_symlink() or not file.is_file():
        return None, [Problem(shown_as, 1, "", "this is not an ordinary file (it is a link or "
                              "a folder)", "replace it with the record's own YAML file")]
    try:
        with file.open("rb") as stream:  # never more than the limit, whatever the file is
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(shown_as, 1, "", f"the file could not be read ({error.strerror})",
                              "check the file's permissions")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(shown_as, 1, "", f"the file is over the {MAX_FILE_BYTES // 1024} "
                              "KB limit for one service",
                              "shorten the description; one service needs far less")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "", "the file is not saved as UTF-8 text",
                              "save it as UTF-8 in your editor (in VS Code: 'Save with Encoding')")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = _character_problems(text, shown_as) or _tab_problems(text, shown_as)
    if problems:
        return None, problems
    try:
        # A file that could nest deep enough to crash the composer is walked event by event
        # first; any other is composed at once (a second pass over every file was a quarter
        # of reading the records) and its nodes' depth checked after.
        too_deep = (_nesting_problems(text, shown_as)
                    if _nesting_bound(text) > SAFE_TO_COMPOSE else [])
        if too_deep:
            return None, too_deep
        root = yaml.compose(text, Loader=Loader)
        too_deep = _node_nesting_problems(root, shown_as)
        if too_deep:
            return None, too_deep
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, shown_as, last_line=text.rstrip("\n").count("\n") + 1)]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks all it raises
        return None, [Problem(shown_as, 1, "", f"the YAML could not be read ({error})", "")]
    document = Document(shown_as, text=text)
    problems = []
    if root is None:
        return document, [Problem(shown_as, 1, "", "the file is empty",
                                  "fill it in from schema/service-template.yaml, or run: "
                                  "python build_offer.py new \"Service name\"")]
    document.data = _Walker(document, problems).value(root, ())
    return document, problems


def _character_problems(text: str, shown_as: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = FILE_CONTROL_CHARACTERS.search(line)
        if found:
            problems.append(Problem(shown_as, number, "", "this line contains an invisible "
                                    f"character ({_code_point(found.group())}) that cannot be "
                                    "used in a record", "delete it, or retype the line by hand"))
    return problems


def _code_point(character: str) -> str:
    return f"U+{ord(character):04X}"


def _nesting_bound(text: str) -> int:
    """More than the deepest a file can nest: every level is a bracket, or a deeper
    indentation (two levels at one: a key and the list under it), or a '-' or '?' that
    opens a collection on the same line."""
    lines = text.split("\n")
    indentation = max(len(line) - len(line.lstrip(" ")) for line in lines)
    on_one_line = max(line.count("-") + line.count("?") for line in lines)
    return 2 * (indentation + 1) + on_one_line + text.count("[") + text.count("{") + 1


def _nesting_problems(text: str, shown_as: str) -> list[Problem]:
    """Stop at the first value nested deeper than MAX_DEPTH, before composing."""
    depth = 0
    parser = Loader(text)  # its events one by one, as yaml.parse gives them, with less overhead
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return [_too_deep(shown_as, event.start_mark)]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        parser.dispose()
    return []


def _node_nesting_problems(root, shown_as: str) -> list[Problem]:
    """The first collection nested deeper than MAX_DEPTH, in the file's order, as the
    events would find it. A node met again is an alias, which nests nothing."""
    seen: set[int] = set()
    stack = [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or not isinstance(node, yaml.CollectionNode):
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return [_too_deep(shown_as, node.start_mark)]
        children = ([part for pair in node.value for part in pair]
                    if isinstance(node, yaml.MappingNode) else node.value)
        stack.extend((child, depth + 1) for child in reversed(children))
    return []


def _too_deep(shown_as: str, mark) -> Problem:
    return Problem(shown_as, mark.line + 1, "",
                   f"the values are nested more than {MAX_DEPTH} levels deep",
                   "check the brackets [ ] and { } and the indentation; "
                   "a service needs only a few levels")


def _tab_problems(text: str, shown_as: str) -> list[Problem]:
    if "\t" not in text:  # the usual case, without a pass over every line
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(shown_as, number, "", "a tab is used to indent this line; "
                                    "YAML only allows spaces", "replace the tab with spaces"))
    return problems


# What a non-developer can do about PyYAML's most common syntax errors.
SYNTAX_FIXES = {
    "mapping values are not allowed": "text with a colon in it needs quotes around it, "
                                      "like \"Open: 10:00\"",
    "could not find expected ':'": "each line needs 'field: value'; check the line above for a "
                                   "missing colon or an unclosed quote",
    "found unexpected end of stream": "a quote was opened and not closed; add the closing quote",
    "did not find expected key": "check the indentation: fields at the same level must line up",
    "expected <block end>": "check the indentation: fields at the same level must line up",
    "found undefined alias": "remove the '*' at the start of the value or put the value in quotes",
    "found character that cannot start any token": "a value starting with @ or ` needs quotes",
    "expected a single document": "remove the '---' line; one file holds one service",
    "expected ',' or ']'": "a list in [ ] needs a closing ]; check for a missing comma or ]",
    "expected ',' or '}'": "fields in { } need a closing }; check for a missing comma or }",
}


def _syntax_problem(error: yaml.MarkedYAMLError, shown_as: str, last_line: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    # An unclosed quote or bracket is only found later: point where it opened.
    if error.context_mark and ("end of stream" in (error.problem or "")
                               or "flow" in (error.context or "")):
        mark = error.context_mark
    # The end of the file is marked on the line after the last one: point at the last.
    line = min(mark.line + 1, last_line) if mark else 1
    what = " ".join(filter(None, [error.context, error.problem]))
    fix = next((advice for key, advice in SYNTAX_FIXES.items() if key in what),
               "compare this line with the template and the lines around it")
    return Problem(shown_as, line, "", f"this is not valid YAML ({what})", fix)


class _Walker:
    """Turns a node tree into plain values, recording lines and problems."""

    def __init__(self, document: Document, problems: list[Problem]):
        self.document = document
        self.problems = problems
        self.seen: set[int] = set()
        self.reported: set[int] = set()

    def problem(self, node: yaml.Node, where: tuple, message: str, fix: str) -> None:
        self.problems.append(Problem(self.document.path, node.start_mark.line + 1,
                                     _dotted(where), message, fix))

    def value(self, node: yaml.Node, where: tuple) -> Any:
        # An alias is the same node object met twice: refusing it stops "billion laughs".
        # Each reused value is reported once, so a bomb gives a short list, not a long one.
        if id(node) in self.seen:
            self.document.refused.add(where)
            if id(node) not in self.reported:
                self.reported.add(id(node))
                # The node is where the anchor was; the alias is on its field's line.
                self.problems.append(Problem(
                    self.document.path, self.document.line_of(where), _dotted(where),
                    "anchors and aliases (& and *) are not allowed", "write the value out in full"))
            return None
        self.document.lines.setdefault(where, node.start_mark.line + 1)
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ:
                return self.bad_tag(node, where)
            return [self.value(item, where + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, where)

    def mapping(self, node: yaml.MappingNode, where: tuple) -> dict:
        if node.tag != MAP:
            return self.bad_tag(node, where)
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                self.problem(key_node, where, "merge keys ('<<') are not allowed",
                             "write the fields out in full")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in KEY_TAGS:
                self.problem(key_node, where, "a field name must be a plain word",
                             "write the field as 'name: value'")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in result:
                self.problem(key_node, where + (key,),
                             f"'{key}' appears twice (first on line {first_line[key]}); "
                             "only one would be kept", "delete one of them, keeping the right value")
                continue
            first_line[key] = line
            self.document.lines[where + (key,)] = line
            result[key] = self.value(value_node, where + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode, where: tuple) -> Any:
        tag = node.tag
        if tag == STR:
            return self.text(node, where)
        # Only what YAML reads by itself from plain text; "!!int abc" and the like are refused.
        implicit = _resolver.resolve(yaml.ScalarNode, node.value, (True, False)) \
            if not node.style else STR
        if tag not in IMPLICIT_KINDS or tag != implicit:
            return self.bad_tag(node, where)
        try:
            value = _constructor.construct_object(node)
        except ValueError:  # a date that does not exist, like 2026-02-30: the schema says so
            return node.value
        if tag != TAG + "null":
            self.document.converted[where] = (node.value, IMPLICIT_KINDS[tag])
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return value

    def text(self, node: yaml.ScalarNode, where: tuple) -> str:
        found = VALUE_CONTROL_CHARACTERS.search(node.value)
        if found:
            self.problem(node, where, "this text contains an invisible control character "
                         f"({_code_point(found.group())})",
                         "remove the backslash code (like \\0 or \\x07); to write a "
                         "backslash, use single quotes or write it twice")
        return node.value

    def bad_tag(self, node: yaml.Node, where: tuple) -> None:
        self.document.refused.add(where)
        shown = node.tag.replace(TAG, "!!", 1)
        self.problem(node, where, f"the YAML tag '{shown}' is not allowed",
                     "remove the part starting with '!'")
        return None


def _dotted(where: tuple) -> str:
    text = ""
    for part in where:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
