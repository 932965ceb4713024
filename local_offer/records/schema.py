"""Checking a document against the record schema, in words a service team can act on.

The JSON Schema file is the one source of truth for what a record may hold;
the controlled lists in it are refreshed from the taxonomy data file, so a
council that edits the lists is checked against its own lists.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
import math
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from local_offer.records import link_policy
from local_offer.records.markdown_text import link_targets
from local_offer.records.period import PERIOD_FIX
from local_offer.records.problems import Problem
from local_offer.records.raw_html import raw_html_problems
from local_offer.records.taxonomy import Taxonomy
from local_offer.records.yaml_source import Document, _dotted

# Link targets as written in Markdown, to find their lines: [text](target),
# ![alt](target), <scheme:...>, [ref]: target. What Markdown really makes of the
# text is checked too (markdown_text.link_targets), so nothing slips past this.
MARKDOWN_LINK = re.compile(
    r"\]\(\s*(?:<([^>\n]*)>|([^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"  # [text](target), ![alt](target)
    r"|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"                          # <scheme:...>
    r"|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)          # [ref]: target
WEB_ADDRESS_FIELDS = ("website", "referral_form")
# A number as people write it; YAML 1.1 also reads 010 (octal), 0x1F and 1:30 (base 60).
PLAIN_NUMBER = re.compile(r"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?$")

# How to write a value that does not match its pattern, by the schema's $defs or field.
PATTERN_FIXES = {
    "date": "write the date as YYYY-MM-DD, like 2026-09-14",
    "time": "write a 24-hour time in quotes, like \"09:30\"",
    "web_address": "write the full address starting https://, like https://example.org/page",
    "phone": "write digits and spaces in quotes, like \"01632 960123\"",
    "email": "write a whole email address, like team@example.org",
    "postcode": "write the postcode in capitals, like ME2 4AA",
    "review_every": PERIOD_FIX,
}

TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
              "boolean": "true or false", "array": "a list", "object": "a group of fields"}


# The schemas (as sorted JSON) found valid so far.
_CHECKED_SCHEMAS: set[str] = set()


class RecordSchema:
    """The record schema with the taxonomy's lists, and the checks that go with it."""

    def __init__(self, schema_path: Path, taxonomy: Taxonomy):
        self.schema = with_taxonomy(json.loads(schema_path.read_text(encoding="utf-8")), taxonomy)
        # Checked against JSON Schema's own schema once a process: every load makes a
        # RecordSchema, and a live preview loads at every rebuild.
        text = json.dumps(self.schema, sort_keys=True)
        if text not in _CHECKED_SCHEMAS:
            Draft202012Validator.check_schema(self.schema)
            _CHECKED_SCHEMAS.add(text)
        self.validator = Draft202012Validator(
            self.schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        # A compiled validator answers "is it valid?" ~100 times faster; only a record it
        # rejects is walked again by jsonschema, whose errors we know how to explain.
        self.quick = jsonschema_rs.Draft202012Validator(self.schema, validate_formats=True)

    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.schema["properties"])

    def check(self, document: Document) -> list[Problem]:
        data = document.data
        errors = [] if self.quick.is_valid(data) else list(self.validator.iter_errors(data))
        # A field written with a typo is told once, as "did you mean", not again as missing.
        misspelt = _misspelt(errors)
        # Plain-English words for each schema error, by the keyword that failed.
        problems = [problem for error in _each_keyword_once(errors)
                    if not self._already_refused(error, document)
                    for problem in EXPLAINERS.get(error.validator, _unexplained)(error, document)
                    if not (error.validator == "required" and problem.field in misspelt)]
        problems += self._converted_dates(document)
        problems += self._converted_numbers(document)
        if isinstance(data, dict):
            problems += self._cross_field(document)
        return problems

    @staticmethod
    def _already_refused(error: ValidationError, document: Document) -> bool:
        """An error about a value the reader refused (and reported), not about its field."""
        where = tuple(error.absolute_path)
        return error.validator != "additionalProperties" and any(
            where[: len(refused)] == refused for refused in document.refused)

    # YAML turns an unquoted 2026-01-01 into a date; only date fields may hold one.
    def _converted_dates(self, document: Document) -> list[Problem]:
        problems = []
        for where, (text, kind) in document.converted.items():
            if kind == "date" and not self._is_date_field(where):
                sub = self.schema_at(where)
                if sub is not None and sub.get("type") == "string":
                    problems.append(Problem(document.path, document.line_of(where),
                                            _dotted(where),
                                            f"'{text}' was read as a date, not as text",
                                            f"put it in quotes: \"{text}\""))
        return problems

    # YAML 1.1 reads 010 as 8 and 0x10 as 16, and .nan as a number that is no number.
    def _converted_numbers(self, document: Document) -> list[Problem]:
        problems = []
        for where, (text, kind) in document.converted.items():
            sub = self.schema_at(where)
            if kind != "number" or not sub or sub.get("type") not in ("integer", "number"):
                continue
            value = _value_at(document.data, where)
            problem = lambda message, fix: Problem(  # noqa: E731
                document.path, document.line_of(where), _dotted(where), message, fix)
            if isinstance(value, float) and not math.isfinite(value):
                problems.append(problem(f"'{text}' is not a real number",
                                        "write a number, like 51.39"))
            elif isinstance(value, int) and not PLAIN_NUMBER.match(text):
                problems.append(problem(f"'{text}' is read as the number {value}",
                                        "write the number as plain digits, without a "
                                        "leading zero, like 10"))
        return problems

    def _is_date_field(self, where: tuple) -> bool:
        sub = self.schema_at(where)
        return bool(sub) and sub.get("format") == "date"

    def schema_at(self, where: tuple) -> dict | None:
        """The (resolved) subschema for a value at a path, or None if there is none."""
        node: dict | None = self.schema
        for part in where:
            if node is None:
                return None
            node, _ = resolve_ref(self.schema, node)
            node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        return None if node is None else resolve_ref(self.schema, node)[0]

    # Checks that span fields, which JSON Schema cannot say plainly.
    def _cross_field(self, document: Document) -> list[Problem]:
        data = document.data
        problems = []
        ages = data.get("ages")
        if isinstance(ages, dict) and isinstance(ages.get("min"), int) \
                and isinstance(ages.get("max"), int) and ages["min"] > ages["max"]:
            problems.append(Problem(document.path, document.line_of(("ages", "min")), "ages",
                                    f"the youngest age ({ages['min']}) is above the oldest "
                                    f"({ages['max']})", "swap min and max"))
        description = data.get("description")
        if isinstance(description, str):
            problems += self._description_links(document, description)
        return problems + raw_html_problems(document)

    # Every link Markdown makes of the description is checked, as the browser would read it;
    # the links as written are used to point at the right line.
    def _description_links(self, document: Document, description: str) -> list[Problem]:
        written = [next(filter(None, match.groups()), "")
                   for match in MARKDOWN_LINK.finditer(description)]
        made = link_targets(description)
        unsafe = [target for target in written if not link_policy.is_allowed(target)]
        unsafe += [target for target in made if not link_policy.is_allowed(target) and not any(
            link_policy.as_browser_reads(target).startswith(link_policy.as_browser_reads(w))
            for w in unsafe)]
        return [Problem(document.path, document.line_of_text(("description",), target),
                        "description",
                        f"the link '{target[:60]}' is not allowed; links must start with "
                        "https://, http://, mailto: or tel:",
                        "use the full web address, like https://example.org/page")
                for target in dict.fromkeys(unsafe)]


def _each_keyword_once(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """The errors, with an explained keyword's repeats at the same place left out.

    jsonschema gives `required` one error per missing name, all alike but for the
    English message; its explainer names every missing field from the first. A value
    in the wrong form fails its pattern and its format (14/09/2026 is neither
    YYYY-MM-DD nor a date): it is told once, by the first.
    """
    seen = set()
    for error in errors:
        where = tuple(error.absolute_path)
        place = ((where, "form") if error.validator in FORM_KEYWORDS
                 else (where, tuple(error.absolute_schema_path)))
        if error.validator in EXPLAINERS and place in seen:
            continue
        seen.add(place)
        yield error


def _misspelt(errors: list[ValidationError]) -> set[str]:
    """The fields (as problems name them) that an unknown field was probably meant to be."""
    guessed = set()
    for error in errors:
        if error.validator == "additionalProperties":
            where = tuple(error.absolute_path)
            guessed.update(_dotted(where + (guess,)) for guess, _ in _unknown_fields(error)
                           if guess)
    return guessed


def _last_name(where: tuple) -> str:
    names = [part for part in where if isinstance(part, str)]
    return names[-1] if names else ""


def _value_at(data: Any, where: tuple) -> Any:
    for part in where:
        data = data[part]
    return data


# ---- One explainer per JSON Schema keyword: what failed, in words, and how to fix it ----
# Each takes jsonschema's error and the document, and reads what it needs from the
# error's own fields (its instance, the keyword's value, the subschema), never its message.

def _one_problem(error: ValidationError, document: Document, message: str,
                 fix: str = "") -> list[Problem]:
    """The one problem with the value the error is about."""
    where = tuple(error.absolute_path)
    return [Problem(document.path, document.line_of(where), _dotted(where), message, fix)]


def _required(error: ValidationError, document: Document) -> list[Problem]:
    # jsonschema gives one error per missing name; check() explains each `required` once.
    where = tuple(error.absolute_path)
    line = document.line_of(where)
    return [Problem(document.path, line, _dotted(where + (missing,)),
                    f"the required field '{missing}' is missing",
                    f"add '{missing}:' (see the template in schema/service-template.yaml)")
            for missing in error.validator_value if missing not in error.instance]


def _unknown_fields(error: ValidationError) -> list[tuple[str | None, str]]:
    """(the allowed field it is probably meant to be, or None; the unknown field)."""
    allowed = list(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    extra = [key for key in error.instance if key not in allowed
             and not any(re.search(pattern, key) for pattern in patterns)]
    return [(next(iter(difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)), None), key)
            for key in extra]


def _additional_properties(error: ValidationError, document: Document) -> list[Problem]:
    where = tuple(error.absolute_path)
    allowed = list(error.schema.get("properties", {}))
    problems = []
    for guess, key in _unknown_fields(error):
        fix = f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(allowed)}"
        problems.append(Problem(document.path, document.line_of(where + (key,)),
                                _dotted(where + (key,)),
                                f"'{key}' is not a field a service can have", fix))
    return problems


def _type(error: ValidationError, document: Document) -> list[Problem]:
    expected = error.validator_value
    converted = document.converted.get(tuple(error.absolute_path))
    if converted and expected == "string":
        text, was = converted
        return _one_problem(error, document, f"'{text}' was read as {_as_kind(was)}, not as text",
                            f"put it in quotes: \"{text}\"")
    words = TYPE_WORDS.get(expected, expected)
    return _one_problem(error, document, f"this should be {words}, not {_describe(error.instance)}",
                        _type_fix(expected))


def _enum(error: ValidationError, document: Document) -> list[Problem]:
    if tuple(error.absolute_path) in document.converted:
        return []  # 'no' read as false: the type error says so
    value = error.instance
    allowed = [json.dumps(v) if isinstance(v, bool) else str(v) for v in error.validator_value]
    guess = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return _one_problem(error, document, f"'{value}' is not one of the allowed values",
                        f"{hint}Allowed: {', '.join(allowed)}")


def _pattern(error: ValidationError, document: Document) -> list[Problem]:
    value, last = error.instance, _last_name(tuple(error.absolute_path))
    if error.schema.get("format") == "date":
        return _date(error, document)
    if last in WEB_ADDRESS_FIELDS and \
            link_policy.scheme_of(value) not in (None, *link_policy.WEB_SCHEMES):
        return _one_problem(error, document, f"the link '{value[:60]}' is not allowed; a web "
                            "address must start with https:// or http://",
                            PATTERN_FIXES["web_address"])
    return _one_problem(error, document, f"'{value}' is not in the right form",
                        _pattern_fix(last))


def _pattern_fix(last: str) -> str:
    """How to write a value of the field named `last`."""
    if last in WEB_ADDRESS_FIELDS:
        return PATTERN_FIXES["web_address"]
    if last in ("start", "end"):
        return PATTERN_FIXES["time"]
    if last in ("last_reviewed", "valid_until", "measured"):
        return PATTERN_FIXES["date"]
    return PATTERN_FIXES.get(last, "compare it with the example in the template")


def _format(error: ValidationError, document: Document) -> list[Problem]:
    kind = error.validator_value
    if kind == "date":
        return _date(error, document)
    return _one_problem(error, document, f"'{error.instance}' is not a real {kind}",
                        PATTERN_FIXES.get(kind, ""))


# 14/09/2026 or 14.9.26 as people write dates in the UK: day, month, year.
UK_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _date(error: ValidationError, document: Document) -> list[Problem]:
    """One message for a date, whichever of its pattern and format failed first."""
    value = error.instance
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _one_problem(error, document, f"'{value}' is not a real date",
                            "check the day and the month: " + PATTERN_FIXES["date"])
    fix = PATTERN_FIXES["date"]
    found = UK_DATE.match(value)
    if found:
        day, month, year = (int(part) for part in found.groups())
        try:
            fix = f"write it year first, as {dt.date(year, month, day).isoformat()}"
        except ValueError:
            pass
    return _one_problem(error, document, f"'{value}' is not a date written YYYY-MM-DD", fix)


def _max_length(error: ValidationError, document: Document) -> list[Problem]:
    return _one_problem(error, document, f"this is {len(error.instance)} characters; at most "
                        f"{error.validator_value} are allowed", "shorten it")


def _min_length(error: ValidationError, document: Document) -> list[Problem]:
    return _one_problem(error, document, f"this is too short (at least {error.validator_value} "
                        "characters)", "write a little more")


def _range(error: ValidationError, document: Document) -> list[Problem]:
    sub = error.schema
    return _one_problem(error, document, f"{error.instance} is outside the allowed range",
                        f"use a number from {sub.get('minimum')} to {sub.get('maximum')}")


def _min_items(error: ValidationError, document: Document) -> list[Problem]:
    return _one_problem(error, document, "the list is empty", "add at least one item")


def _unique_items(error: ValidationError, document: Document) -> list[Problem]:
    where = tuple(error.absolute_path)
    if any(part[: len(where)] == where for part in document.converted):
        return []  # yes and on are both read as true: the type errors say so
    return _one_problem(error, document, "the same item is listed twice", "remove the repeat")


def _min_properties(error: ValidationError, document: Document) -> list[Problem]:
    return _one_problem(error, document, "no way to get in touch is given",
                        "give at least one of phone, email or website")


def _unexplained(error: ValidationError, document: Document) -> list[Problem]:
    """A keyword with no explainer yet: jsonschema's own words, not lost."""
    return _one_problem(error, document, error.message)


EXPLAINERS = {
    "required": _required,
    "additionalProperties": _additional_properties,
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "format": _format,
    "maxLength": _max_length,
    "minLength": _min_length,
    "minimum": _range,
    "maximum": _range,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "minProperties": _min_properties,
}
# Keywords that fail only through the keywords inside them, whose explainers say what
# is wrong: a property's type, an item's enum, a $def's pattern, `then`'s required.
# `if` only chooses whether `then` applies: nothing inside it is ever reported.
# Keywords that say a value is in the wrong form: one message per value, whichever fails.
FORM_KEYWORDS = frozenset({"pattern", "format"})
EXPLAINED_INSIDE = frozenset({"properties", "items", "$ref", "if", "then"})


def resolve_ref(schema: dict, node: dict) -> tuple[dict, str | None]:
    """The node with what its $ref points to merged in, and the name of the $def it used.

    The node's own keywords (its description, examples) win over the shared ones.
    A node without a $ref comes back as it is, with None for the name. This is the
    one place a $ref is read: the validator's checks and the field reference use it.
    """
    if "$ref" not in node:
        return node, None
    ref = node["$ref"]
    if not ref.startswith("#/"):
        raise ValueError(f"the schema may only point within itself, not to {ref}")
    parts = [part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/")]
    target = schema
    for part in parts:
        target = target[part]
    name = parts[1] if len(parts) == 2 and parts[0] == "$defs" else None
    return {**target, **{key: value for key, value in node.items() if key != "$ref"}}, name


def with_taxonomy(schema: dict, taxonomy: Taxonomy) -> dict:
    """The schema with its controlled lists taken from the taxonomy."""
    schema = copy.deepcopy(schema)
    props = schema["properties"]
    choices = taxonomy.choices()
    for name in ("categories", "needs", "areas"):
        props[name]["items"]["enum"] = list(choices[name])
    props["how_to_get_it"]["properties"]["routes"]["items"]["enum"] = list(choices["routes"])
    if choices["attending"] and "attending" in props:  # a council may offer fewer ways
        props["attending"]["items"]["enum"] = list(choices["attending"])
    return schema


def _as_kind(kind: str) -> str:
    return {"yes/no": "yes/no (true or false)", "number": "a number", "date": "a date"}.get(kind, kind)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if value is None:
        return "empty"
    return "text"


def _type_fix(expected: str) -> str:
    return {"array": "write it as a list, like [one, two], or one '- item' per line",
            "object": "put the fields under it, indented by two spaces",
            "string": "write the text after the colon",
            "boolean": "write true or false",
            "integer": "write a whole number without quotes"}.get(expected, "")
