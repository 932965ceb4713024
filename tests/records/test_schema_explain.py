"""Schema errors explained keyword by keyword, and $ref read the same way by checks and guide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from referencing import Registry, Resource

from local_offer.records.loader import RecordLoader
from local_offer.records.schema import EXPLAINED_INSIDE, EXPLAINERS, RecordSchema, resolve_ref
from local_offer.records.yaml_source import read_document
from local_offer.site import field_reference
from local_offer.site.field_reference import field_docs
from tests.helpers import MINIMAL, OFFER_TAXONOMY, SCHEMA_PATH

SCHEMA = RecordSchema(SCHEMA_PATH, OFFER_TAXONOMY)
TEMPLATE = "(see the template in schema/service-template.yaml)"


def problems_in(scratch, text: str) -> list[tuple[int, str, str, str]]:
    scratch.write("service.yaml", text)
    return [(p.line, p.field, p.message, p.fix) for p in RecordLoader(scratch).load().problems]


def missing(line: int, field: str) -> tuple[int, str, str, str]:
    name = field.rsplit(".", 1)[-1]
    return (line, field, f"the required field '{name}' is missing", f"add '{name}:' {TEMPLATE}")


# ---- What a service team is told ----

def test_each_missing_field_is_named_once_where_it_belongs(scratch):
    text = """\
        provider: {name: Example Provider}
        categories: [education]
        needs: [all-needs]
        ages: {min: 16, max: 25}
        areas: [area-wide]
        cost: {free: true}
        how_to_get_it: {routes: [self-referral]}
        contact: {email: minimal@example.org}
        last_reviewed: 2026-05-03
        locations:
          - name: Strood Family Hub
        owner:
          team: Example Team
        """
    assert sorted(problems_in(scratch, text)) == [
        missing(1, "name"), missing(1, "summary"),
        missing(11, "locations[1].address"), missing(11, "locations[1].postcode"),
        missing(12, "owner.email"),
    ]


def test_a_field_required_only_sometimes_is_named_beside_one_always_required(scratch):
    text = MINIMAL.replace("cost: {free: true}", "cost:\n  free: false")
    assert problems_in(scratch, text) == [missing(8, "cost.description")]
    text = MINIMAL.replace("cost: {free: true}", "cost: {description: £3 a session}")
    assert problems_in(scratch, text) == [missing(8, "cost.free")]
    # Two `required` keywords at one place (the schema's `if` holds when free is absent).
    text = MINIMAL.replace("cost: {free: true}", "cost: {}")
    assert sorted(problems_in(scratch, text)) == [missing(8, "cost.description"),
                                                  missing(8, "cost.free")]


def test_an_unknown_field_gets_the_field_it_was_probably_meant_to_be(scratch):
    # One message per mistake: the misspelt field is not also "missing" under its right name.
    text = MINIMAL.replace("owner: {team: Example Team, email: example.team@example.org}",
                           "owner:\n  team: Example Team\n  emial: example.team@example.org\n"
                           "  colour: blue") + "sumary: Hello there.\n"
    text = text.replace("summary: A service with only the fields that are required.\n", "")
    assert sorted(problems_in(scratch, text)) == [
        (13, "owner.emial", "'emial' is not a field a service can have", "did you mean 'email'?"),
        (14, "owner.colour", "'colour' is not a field a service can have",
         "use one of: team, email"),
        (15, "sumary", "'sumary' is not a field a service can have", "did you mean 'summary'?"),
    ]


def schema_with(tmp_path: Path, change) -> RecordSchema:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    change(schema)
    path = tmp_path / "service.schema.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    return RecordSchema(path, OFFER_TAXONOMY)


def check(schema: RecordSchema, tmp_path: Path, text: str) -> list[tuple[int, str, str, str]]:
    path = tmp_path / "service.yaml"
    path.write_text(text, encoding="utf-8")
    document, problems = read_document(path, path.name)
    assert problems == []
    return [(p.line, p.field, p.message, p.fix) for p in schema.check(document)]


def test_fields_matched_by_a_pattern_are_not_unknown(tmp_path):
    schema = schema_with(tmp_path, lambda s: s.update(patternProperties={"^x-": {}}))
    assert check(schema, tmp_path, MINIMAL + "x-note: kept by the council\nsumary: Hi\n") == [
        (14, "sumary", "'sumary' is not a field a service can have", "did you mean 'summary'?")]


def test_a_keyword_with_no_explainer_still_says_what_is_wrong(tmp_path):
    assert "maxItems" not in EXPLAINERS
    schema = schema_with(tmp_path, lambda s: s["properties"]["areas"].update(maxItems=1))
    assert check(schema, tmp_path, MINIMAL.replace("[area-wide]", "[strood, chatham]")) == [
        (7, "areas", "['strood', 'chatham'] is too long", "")]


# ---- Every keyword the schema uses has its explanation ----

ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "examples", "default",
               "deprecated"}


def keywords(node: dict) -> set[str]:
    """Every keyword in a subschema and the subschemas in it, but those inside `if`,
    which only chooses whether `then` applies and is never reported itself."""
    found = set(node)
    inside = [*node.get("properties", {}).values(), *node.get("$defs", {}).values(),
              *node.get("patternProperties", {}).values(),
              *(node[key] for key in ("items", "then", "else", "not", "additionalProperties")
                if isinstance(node.get(key), dict)),
              *(sub for key in ("allOf", "anyOf", "oneOf") for sub in node.get(key, []))]
    for sub in inside:
        found |= keywords(sub)
    return found


def test_the_walk_leaves_out_what_is_inside_if():
    assert keywords({"if": {"properties": {"free": {"const": False}}},
                     "then": {"required": ["description"]}}) == {"if", "then", "required"}


def test_every_keyword_the_schema_uses_has_an_explanation():
    used = keywords(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert {"required", "additionalProperties", "pattern", "format", "minProperties",
            "then"} <= used  # the walk reaches the nested fields, $defs and then
    unexplained = used - set(EXPLAINERS) - EXPLAINED_INSIDE - ANNOTATIONS
    assert not unexplained, f"add an explainer to EXPLAINERS for {sorted(unexplained)}"


# ---- $ref: one reading for the validator and the field reference ----

def refs(node: dict, where: tuple = ()):
    """(path as the validator walks it, the node with the $ref) of every $ref."""
    if "$ref" in node:
        yield where, node
    for name, sub in node.get("properties", {}).items():
        yield from refs(sub, where + (name,))
    if isinstance(node.get("items"), dict):
        yield from refs(node["items"], where + (0,))


def test_every_ref_is_reached():
    every = json.dumps(SCHEMA.schema).count('"$ref"')
    assert len(list(refs(SCHEMA.schema))) == every >= 7


@pytest.mark.parametrize("where, node", [
    pytest.param(where, node, id=".".join(map(str, where))) for where, node in refs(SCHEMA.schema)])
def test_the_validator_and_the_field_reference_read_a_ref_alike(monkeypatch, where, node):
    seen = []

    def recording(schema, raw):
        resolved = resolve_ref(schema, raw)
        seen.append((raw, resolved))
        return resolved

    monkeypatch.setattr(field_reference, "resolve_ref", recording)
    field_docs(SCHEMA.schema, OFFER_TAXONOMY)
    in_the_guide = [resolved for raw, resolved in seen if raw is node]
    assert in_the_guide, "the field reference never read this $ref"
    resolved, name = in_the_guide[0]
    assert SCHEMA.schema_at(where) == resolved
    assert name == node["$ref"].removeprefix("#/$defs/")
    # What jsonschema itself validates against, with the field's own words on top.
    target = Registry().with_resource("", Resource.from_contents(SCHEMA.schema)) \
        .resolver().lookup(node["$ref"]).contents
    assert resolved == {**target, **{k: v for k, v in node.items() if k != "$ref"}}
