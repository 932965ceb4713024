"""Property-based: whatever a file holds, loading gives a valid record or clean problems.

Never a traceback, never a record together with problems, and every problem says
where (file and a real line) and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local_offer.records.loader import RecordLoader
from local_offer.records.model import Record
from local_offer.records.problems import Problem
from local_offer.records.project import Project
from tests.helpers import MINIMAL, copy_project

# HYPOTHESIS_EXAMPLES=2000 searches longer, on a quiet machine; the suite stays fast.
BOUNDED = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 80)),
                   deadline=dt.timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])

# Pieces of YAML that change how a file is read, to splice into a valid record.
YAML_TOKENS = ["&a ", "*a", "!!python/object/apply:os.system [x]", "!!int ", "!!timestamp ",
               "<<: ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "\t", "\n", "\r\n", "\r",
               '"', "'", "|", ">", "#", "---\n", "...\n", "%YAML 1.1\n", "\\", "\\x00", "\\e",
               "\\ud800", "\ufeff", "\x00", "\x85", "\u2028", "yes", "no", "on", "010",
               "12:30", "2026-02-30", ".nan", "~", "null", "0x1F", "1e400", "é", "👪", "  "]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates().map(str))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12)


@pytest.fixture(scope="module")
def loader(tmp_path_factory):
    root = tmp_path_factory.mktemp("properties")
    copy_project(root)
    return RecordLoader(Project(root))


def load_bytes(loader: RecordLoader, raw: bytes):
    path = loader.project.services_dir / "any-service.yaml"
    path.write_bytes(raw)
    record, problems = loader.load_file(path)
    assert (record is None) == bool(problems), "a record or problems, never both or neither"
    if record is not None:
        assert isinstance(record, Record) and record.id == "any-service"
    lines = raw.count(b"\n") + raw.count(b"\r") + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == "services/any-service.yaml"
        assert 1 <= problem.line <= lines, problem
        assert problem.message and str(problem)
    return record, problems


@BOUNDED
@given(raw=st.binary(max_size=2000))
def test_any_bytes(loader, raw):
    load_bytes(loader, raw)


@BOUNDED
@given(text=st.text(max_size=500))
def test_any_text(loader, text):
    load_bytes(loader, text.encode("utf-8"))


@BOUNDED
@given(data=st.data())
def test_a_valid_record_with_yaml_tokens_spliced_in(loader, data):
    text = MINIMAL
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(st.sampled_from(YAML_TOKENS)) + text[at:]
    load_bytes(loader, text.encode("utf-8"))


@BOUNDED
@given(data=st.data())
def test_any_yaml_document_in_place_of_any_field(loader, data):
    record = yaml.safe_load(MINIMAL)
    for _ in range(data.draw(st.integers(1, 3))):
        field = data.draw(st.sampled_from(sorted(record) + ["description", "locations",
                                                         "sessions", "waiting_time", "extra"]))
        record[field] = data.draw(VALUES)
    text = yaml.safe_dump(record, allow_unicode=data.draw(st.booleans()),
                          default_flow_style=data.draw(st.sampled_from([None, True, False])))
    load_bytes(loader, text.encode("utf-8"))


@BOUNDED
@given(document=VALUES)
def test_any_yaml_document(loader, document):
    load_bytes(loader, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


def test_the_valid_record_itself_loads(loader):
    record, problems = load_bytes(loader, MINIMAL.encode())
    assert problems == [] and record.name == "Minimal Service"
