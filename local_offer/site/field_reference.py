"""The field reference: every field of a record, read from the schema itself.

The descriptions, examples, limits and required fields come from
schema/service.schema.json, and the allowed values from data/taxonomy.yaml
(as the validator uses them), so the guide and the validator cannot disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from local_offer.records.schema import PATTERN_FIXES, TYPE_WORDS, resolve_ref
from local_offer.records.taxonomy import Taxonomy

# The $defs a field may point to, as a reader would call them.
SHARED_KINDS = {"date": "a date", "time": "a time", "web_address": "a web address"}
# Fields whose allowed values come from the taxonomy, by the list they come from.
TAXONOMY_KINDS = {"categories": "categories", "needs": "needs", "areas": "areas",
                  "how_to_get_it.routes": "routes"}


@dataclass(frozen=True)
class FieldDoc:
    """One field of a record, as the field reference shows it."""

    path: str  # as written in a problem: contact.phone, sessions[].start
    name: str  # the key a record writes
    depth: int  # 0 for a top-level field
    description: str
    required: str  # "Yes", "No" or when it is required
    kind: str  # what sort of value, in words
    rules: tuple[str, ...]  # limits, in words
    allowed: tuple[tuple[str, str], ...]  # (value, what it means)
    default: str
    example: str  # YAML, as a record would write it

    @property
    def anchor(self) -> str:
        return self.path.replace("[]", "").replace(".", "-").replace("_", "-")


def field_docs(schema: dict, taxonomy: Taxonomy) -> list[FieldDoc]:
    """Every field in the schema's order, each nested field after its parent.

    `schema` is the validator's own (RecordSchema.schema, lists from the taxonomy).
    """
    return list(_walk(schema, schema, (), taxonomy))


def _walk(schema: dict, parent: dict, ancestors: tuple[tuple[str, bool], ...],
          taxonomy: Taxonomy):
    """ancestors: (name, is a list) of each field this one sits in, outermost first."""
    required = set(parent.get("required", ()))
    conditional = _conditionally_required(parent)
    prefix = "".join(f"{name}[]." if is_list else f"{name}." for name, is_list in ancestors)
    for name, raw in parent.get("properties", {}).items():
        node, shared = resolve_ref(schema, raw)
        path = f"{prefix}{name}"
        items, _ = resolve_ref(schema, node.get("items", {}))
        yield FieldDoc(
            path=path, name=name, depth=len(ancestors), description=node.get("description", ""),
            required="Yes" if name in required else conditional.get(name, "No"),
            kind=_kind(node, items, shared), rules=_rules(name, node, items, shared),
            allowed=_allowed(path, node, items, taxonomy),
            default=_scalar(node["default"], node) if "default" in node else "",
            example=_in_context(_example(schema, name, node), ancestors))
        if node.get("type") == "object":
            yield from _walk(schema, node, ancestors + ((name, False),), taxonomy)
        elif items.get("type") == "object":
            yield from _walk(schema, items, ancestors + ((name, True),), taxonomy)


def _conditionally_required(node: dict) -> dict[str, str]:
    """'if free is false, then description is required', said as words per field."""
    condition, then = node.get("if", {}).get("properties", {}), node.get("then", {})
    if not condition or "required" not in then:
        return {}
    when = " and ".join(f"{key} is {json.dumps(rule['const'])}"
                        for key, rule in condition.items() if "const" in rule)
    return {name: f"When {when}" for name in then["required"]}


def _kind(node: dict, items: dict, shared: str | None) -> str:
    if shared:
        return SHARED_KINDS.get(shared, shared)
    kind = node.get("type", "")
    if kind == "array":
        item_kind = items.get("type", "")
        if item_kind == "object":
            return "a list; each item is a group of the fields below"
        if "enum" in items:
            return "a list of values from the allowed values"
        return f"a list of {TYPE_WORDS.get(item_kind, item_kind)}"
    if kind == "object":
        return "a group of the fields below"
    if "enum" in node and kind in ("string", ""):  # a string, or a mix such as true/false/not-known
        return "one of the allowed values"
    return TYPE_WORDS.get(kind, kind)


def _rules(name: str, node: dict, items: dict, shared: str | None) -> tuple[str, ...]:
    rules = []
    # The same advice the validator gives when the value is not in the right form.
    advice = PATTERN_FIXES.get(name) or PATTERN_FIXES.get(shared)
    if "pattern" in node and advice:
        rules.append(advice[0].upper() + advice[1:])
    low, high = node.get("minLength"), node.get("maxLength")
    if low and high:
        rules.append(f"{low} to {high} characters")
    elif high:
        rules.append(f"at most {high} characters")
    if "minimum" in node or "maximum" in node:
        rules.append(f"from {node.get('minimum')} to {node.get('maximum')}")
    if node.get("minItems"):
        rules.append(f"at least {node['minItems']} item{'s' if node['minItems'] > 1 else ''}")
    if node.get("uniqueItems"):
        rules.append("each item only once")
    if node.get("minProperties"):
        rules.append(f"at least {node['minProperties']} of the fields below")
    item_low, item_high = items.get("minLength"), items.get("maxLength")
    if item_high:
        rules.append(f"each {item_low or 1} to {item_high} characters")
    return tuple(rules)


def _allowed(path: str, node: dict, items: dict, taxonomy: Taxonomy) -> tuple[tuple[str, str], ...]:
    values = node.get("enum") or items.get("enum") or ()
    kind = TAXONOMY_KINDS.get(path)
    if kind is None:
        return tuple((_scalar(value, node), "") for value in values)
    terms = {term.id: term for term in getattr(taxonomy, kind)}
    return tuple((value, ". ".join(filter(None, [terms[value].label, terms[value].description])))
                 for value in values)


# ---- Examples, written the way a record writes them ----

def _example(schema: dict, name: str, node: dict) -> str:
    examples = node.get("examples") or []
    return "\n# or\n".join(_yaml_lines(schema, name, example, node) for example in examples)


def _in_context(example: str, ancestors: tuple[tuple[str, bool], ...]) -> str:
    """A nested field's example inside its parents, so it shows where the field goes."""
    for name, is_list in reversed(ancestors):
        lines = example.split("\n")
        if is_list:
            lines = [f"  - {lines[0]}", *(f"    {line}" if line else "" for line in lines[1:])]
        else:
            lines = [f"  {line}" if line else "" for line in lines]
        example = "\n".join([f"{name}:", *lines])
    return example


def _yaml_lines(schema: dict, key: str, value: Any, node: dict, indent: str = "") -> str:
    """`node` is the field's subschema, its $ref resolved."""
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for sub_key, sub_value in value.items():
            lines.append(_yaml_lines(schema, sub_key, sub_value, _child(schema, node, sub_key),
                                     indent + "  "))
        return "\n".join(lines)
    if isinstance(value, list):
        items, _ = resolve_ref(schema, node.get("items", {}))
        if not any(isinstance(item, dict) for item in value):
            return f"{indent}{key}: [{', '.join(_scalar(item, items) for item in value)}]"
        lines = [f"{indent}{key}:"]
        for item in value:
            first, *rest = [_yaml_lines(schema, k, v, _child(schema, items, k), indent + "    ")
                            for k, v in item.items()]
            lines.append(f"{indent}  - {first.lstrip()}")
            lines += rest
        return "\n".join(lines)
    if isinstance(value, str) and "\n" in value:
        body = "\n".join(f"{indent}  {line}" if line else "" for line in value.split("\n"))
        return f"{indent}{key}: |\n{body}"
    return f"{indent}{key}: {_scalar(value, node)}"


def _child(schema: dict, node: dict, key: str) -> dict:
    return resolve_ref(schema, node.get("properties", {}).get(key, {}))[0]


def _scalar(value: Any, node: dict) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    # Dates are written plainly; what the schema asks to quote, and what YAML
    # would misread (a time, yes/no, a colon), is written in quotes.
    if node.get("format") == "date":
        return value
    reads_back = yaml.safe_load(f"k: {value}") if value else None
    if "in quotes" in node.get("description", "") or reads_back != {"k": value}:
        return json.dumps(value, ensure_ascii=False)
    return value
