"""Every kind of schema problem, and every way to sneak in a link, with file, line and message."""

from __future__ import annotations

import pytest

from local_offer.records.loader import RecordLoader
from tests.helpers import MINIMAL

CONTACT = "contact: {email: minimal@example.org}"


def replaced(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


# (record text, line, field, message, a word the fix must contain)
SCHEMA_PROBLEMS = {
    "required": (replaced("provider: {name: Example Provider}\n", ""), 1, "provider",
                 "the required field 'provider' is missing", "add 'provider:'"),
    "required, nested": (replaced("{min: 16, max: 25}", "{min: 16}"), 6, "ages.max",
                         "the required field 'max' is missing", "add 'max:'"),
    "unknown field": (MINIMAL + "sumary: Hello there.\n", 13, "sumary",
                      "'sumary' is not a field a service can have", "did you mean 'summary'?"),
    "unknown nested field": (replaced(CONTACT, "contact: {email: a@example.org, fax: '1'}"), 10,
                             "contact.fax", "'fax' is not a field a service can have",
                             "use one of: phone, email, website"),
    "type": (MINIMAL + "supports_waiting_families: maybe\n", 13, "supports_waiting_families",
             "this should be true or false, not text", "write true or false"),
    "enum, cost": (replaced("{free: true}", "{free: maybe}"), 8, "cost.free",
                   "'maybe' is not one of the allowed values",
                   "Allowed: true, false, not-known"),
    "type, list": (replaced("[area-wide]", "area-wide"), 7, "areas",
                   "this should be a list, not text", "one '- item' per line"),
    "type, group": (replaced(CONTACT, "contact: minimal@example.org"), 10, "contact",
                    "this should be a group of fields, not text", "indented by two spaces"),
    "enum": (replaced("[area-wide]", "[stroud]"), 7, "areas[1]",
             "'stroud' is not one of the allowed values", "did you mean 'strood'?"),
    "pattern, phone": (replaced(CONTACT, "contact: {phone: 'call us'}"), 10, "contact.phone",
                       "'call us' is not in the right form", "\"01632 960123\""),
    "pattern, email": (replaced(CONTACT, "contact: {email: nobody}"), 10, "contact.email",
                       "'nobody' is not in the right form", "team@example.org"),
    "pattern, time": (MINIMAL + "sessions:\n  - description: Mornings\n    start: '9am'\n", 15,
                      "sessions[1].start", "'9am' is not in the right form", "24-hour time"),
    "pattern, review period": (MINIMAL + "review_every: sometimes\n", 13, "review_every",
                               "'sometimes' is not in the right form", "6 months"),
    "format, date": (replaced("2026-05-03", "'2026-13-01'"), 11, "last_reviewed",
                     "'2026-13-01' is not a real date", "YYYY-MM-DD"),
    "maxLength": (replaced("Minimal Service", "M" * 101), 1, "name",
                  "this is 101 characters; at most 100 are allowed", "shorten it"),
    "minLength": (replaced("Minimal Service", "Mi"), 1, "name",
                  "this is too short (at least 3 characters)", "write a little more"),
    "maximum": (replaced("{min: 16, max: 25}", "{min: 16, max: 26}"), 6, "ages.max",
                "26 is outside the allowed range", "from 0 to 25"),
    "minimum": (MINIMAL + "waiting_time: {weeks: -1, measured: 2026-09-01}\n", 13,
                "waiting_time.weeks", "-1 is outside the allowed range", "from 0 to 260"),
    "minItems": (replaced("[area-wide]", "[]"), 7, "areas", "the list is empty",
                 "add at least one item"),
    "uniqueItems": (replaced("[education]", "[education, education]"), 4, "categories",
                    "the same item is listed twice", "remove the repeat"),
    "minProperties": (replaced(CONTACT, "contact: {}"), 10, "contact",
                      "no way to get in touch is given", "phone, email or website"),
    "if/then, cost": (replaced("{free: true}", "{free: false}"), 8, "cost.description",
                      "the required field 'description' is missing", "add 'description:'"),
    "ages the wrong way round": (replaced("{min: 16, max: 25}", "{min: 20, max: 5}"), 6, "ages",
                                 "the youngest age (20) is above the oldest (5)",
                                 "swap min and max"),
}


@pytest.mark.parametrize("kind", SCHEMA_PROBLEMS)
def test_each_kind_of_schema_problem(scratch, kind):
    text, line, field, message, fix = SCHEMA_PROBLEMS[kind]
    scratch.write("kind.yaml", text)
    problems = RecordLoader(scratch).load().problems
    assert [(p.path, p.line, p.field, p.message) for p in problems] == [
        ("services/kind.yaml", line, field, message)]
    assert fix in problems[0].fix


def test_file_and_record_level_problems(scratch):
    scratch.write("Bad_Name.yaml", MINIMAL + "colour: blue\n")
    scratch.write("a/twin.yaml", MINIMAL)
    scratch.write("b/twin.yaml", MINIMAL)
    problems = RecordLoader(scratch).load().problems
    assert [(p.path, p.line, p.field, p.message) for p in problems] == [
        ("services/Bad_Name.yaml", 1, "",
         "the file name 'Bad_Name.yaml' is not a valid service id"),
        ("services/Bad_Name.yaml", 13, "colour", "'colour' is not a field a service can have"),
        ("services/b/twin.yaml", 1, "", "another file has the same id 'twin': "
                                        "services/a/twin.yaml"),
    ]


# ---- Links: only http, https, mailto and tel, however they are spelt ----

WEB_ADDRESS_FIELDS = {
    "contact.website": (CONTACT, "contact: {{website: '{url}'}}", 10),
    "provider.website": ("provider: {name: Example Provider}",
                         "provider: {{name: Example Provider, website: '{url}'}}", 3),
    "how_to_get_it.referral_form": ("how_to_get_it: {routes: [self-referral]}",
                                    "how_to_get_it: {{routes: [self-referral], "
                                    "referral_form: '{url}'}}", 9),
}
HOSTILE_ADDRESSES = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)",
                     "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
                     "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                     "\tjavascript:alert(1)"]


@pytest.mark.parametrize("field", WEB_ADDRESS_FIELDS)
@pytest.mark.parametrize("url", HOSTILE_ADDRESSES)
def test_hostile_web_address_is_refused_naming_the_field(scratch, field, url):
    old, new, line = WEB_ADDRESS_FIELDS[field]
    scratch.write("link.yaml", replaced(old, new.format(url=url.replace("'", "''"))))
    problems = RecordLoader(scratch).load().problems
    assert [(p.path, p.line, p.field) for p in problems] == [("services/link.yaml", line, field)]
    if url.lstrip().lower().startswith(("javascript:", "data:", "vbscript:")):
        assert problems[0].message == (f"the link '{url[:60]}' is not allowed; a web address "
                                       "must start with https:// or http://")
    else:  # disguised: not a link at all as written, so "not in the right form"
        assert url[:20] in problems[0].message
    assert str(problems[0]).startswith(f"services/link.yaml:{line}: {field}: ")


@pytest.mark.parametrize("field", WEB_ADDRESS_FIELDS)
def test_ordinary_web_address_is_accepted(scratch, field):
    old, new, _ = WEB_ADDRESS_FIELDS[field]
    scratch.write("link.yaml", replaced(old, new.format(url="https://example.org/a?b=c&d=e")))
    assert RecordLoader(scratch).load().problems == []


def description(*lines: str) -> str:
    return MINIMAL + "description: |\n" + "".join(f"  {line}\n" for line in lines)


# (description lines, the link shown in the message, its line in the file)
HOSTILE_MARKDOWN = {
    "inline link": (["Hello.", "", "[Click](javascript:alert(1))"], "javascript:alert(1)", 16),
    "odd case and space": (["[Click]( JaVaScRiPt:alert(1))"], "JaVaScRiPt:alert(1)", 14),
    "tab as an entity": (["[Click](java&#x09;script:alert(1))"], "java&#x09;script:alert(1)",
                         14),
    "letter as an entity": (["[Click](&#106;avascript:alert(1))"], "&#106;avascript:alert(1)",
                            14),
    "colon as an entity": (["[Click](javascript&colon;alert(1))"], "javascript&colon;alert(1)",
                           14),
    "in angle brackets": (["[Click](<javascript:alert(1)>)"], "javascript:alert(1)", 14),
    "reference-style": (["Read [the form][form].", "", "[form]: javascript:alert(1)"],
                        "javascript:alert(1)", 16),
    "autolink": (["Go to <javascript:alert(1)>."], "javascript:alert(1)", 14),
    "image": (["![Logo](data:image/svg+xml;base64,PHN2Zz4=)"],
              "data:image/svg+xml;base64,PHN2Zz4=", 14),
    "image inside a link": (["[![Logo](javascript:alert(1))](https://example.org)"],
                            "javascript:alert(1)", 14),
    "vbscript": (["[Run](vbscript:msgbox(1))"], "vbscript:msgbox(1)", 14),
    "data page": (["[Open](data:text/html;base64,PHNjcmlwdD4=)"],
                  "data:text/html;base64,PHNjcmlwdD4=", 14),
    "relative link": (["[Our page](/about)"], "/about", 14),
}


@pytest.mark.parametrize("kind", HOSTILE_MARKDOWN)
def test_hostile_link_in_the_description_is_refused(scratch, kind):
    lines, shown, line = HOSTILE_MARKDOWN[kind]
    scratch.write("md.yaml", description(*lines))
    problems = RecordLoader(scratch).load().problems
    assert [(p.path, p.line, p.field) for p in problems] == [("services/md.yaml", line,
                                                              "description")]
    assert problems[0].message == (f"the link '{shown}' is not allowed; links must start with "
                                   "https://, http://, mailto: or tel:")


def test_link_hidden_from_the_written_form_is_still_found(scratch):
    # A tab inside the link, written as a real tab in a quoted string: Markdown makes it a
    # link, and browsers ignore the tab. Found from what Markdown makes of the text.
    scratch.write("md.yaml", MINIMAL + 'description: "[Click](java\\tscript:alert(1))"\n')
    problem = RecordLoader(scratch).load().problems[0]
    assert (problem.line, problem.field) == (13, "description")
    assert "is not allowed" in problem.message


def test_every_bad_link_in_a_description_is_listed(scratch):
    scratch.write("md.yaml", description("[a](javascript:one())", "", "[b](vbscript:two)", "",
                                         "<data:three>"))
    problems = RecordLoader(scratch).load().problems
    assert [p.line for p in problems] == [14, 16, 18]


def test_safe_links_in_a_description_are_accepted(scratch):
    scratch.write("md.yaml", description(
        "[Web](https://example.org/a) [plain](http://example.org) <https://example.org/b>",
        "[Mail](mailto:team@example.org) <team@example.org> [Call](tel:+441632960000)",
        "[ref][r]", "", "[r]: https://example.org/ref", "",
        "javascript:alert(1) in plain words"))
    assert RecordLoader(scratch).load().problems == []


def test_a_cost_not_known_is_valid_with_or_without_words(scratch):
    scratch.write("unknown.yaml", replaced("{free: true}", "{free: not-known}"))
    scratch.write("said.yaml", replaced("{free: true}",
                                        "{free: not-known, description: Ask the club.}"))
    result = RecordLoader(scratch).load()
    assert result.problems == []
    assert [(r.cost.free, r.cost.known) for r in result.records] == [
        ("not-known", False), ("not-known", False)]
