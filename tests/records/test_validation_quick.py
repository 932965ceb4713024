"""The compiled validator that lets valid records skip jsonschema never lets a bad one through."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local_offer.records.schema import RecordSchema
from local_offer.records.yaml_source import read_document
from tests.helpers import OFFER_TAXONOMY, ROOT, component_fixtures

SCHEMA = RecordSchema(ROOT / "schema" / "service.schema.json", OFFER_TAXONOMY)


def fixture_data(name: str):
    """A fixture's data exactly as records see it (dates as text, lines remembered)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.yaml"
        path.write_text(component_fixtures("service-page")[name], encoding="utf-8")
        document, problems = read_document(path, path.name)
    assert problems == []
    return document.data


FULL = fixture_data("full")


def paths(value, where=()):
    yield where
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, where + (index,))


ALL_PATHS = [p for p in paths(FULL) if p]
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=False),
    st.sampled_from(["", "x", "2026-02-30", "2026-13-01", "26-1-1", "10:00", "25:00",
                     "01632 960123", "+44 1632 960123", "not an email", "a@b", "a@b.org",
                     "ME2 4AA", "me2 4aa", "https://example.org", "ftp://example.org",
                     "https://", "6 months", "0 months", "every year", "health", "autism",
                     "area-wide", "drop-in", "active", "closed", "x" * 600, "tuesday"]),
    st.lists(st.sampled_from(["health", "autism", "x", "strood"]), max_size=3),
    st.dictionaries(st.sampled_from(["min", "max", "free", "team", "email", "weeks"]),
                    st.integers(0, 30), max_size=2),
)


def mutate(data, where, value, delete):
    data = copy.deepcopy(data)
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    return data


def test_the_fixture_is_valid_for_both():
    assert SCHEMA.quick.is_valid(FULL)
    assert list(SCHEMA.validator.iter_errors(FULL)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), ODD_VALUES, st.booleans()),
                min_size=1, max_size=3))
def test_quick_valid_means_jsonschema_finds_nothing(changes):
    data = FULL
    for where, value, delete in changes:
        try:
            data = mutate(data, where, value, delete)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this path
    if SCHEMA.quick.is_valid(data):
        assert list(SCHEMA.validator.iter_errors(data)) == []
