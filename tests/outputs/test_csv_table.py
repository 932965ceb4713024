"""services.csv: opens in a spreadsheet as it should, one row per published service."""

from __future__ import annotations

import csv
import io

from local_offer.outputs import csv_table
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_built_file_has_a_row_for_each_published_service(offer_project, offer_site):
    raw = (offer_site / "services.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark, for Excel"
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    content = build_content(offer_project, today=FIXTURE_TODAY)
    assert [row["Id"] for row in rows] == [record.id for record in content.records]
    assert list(rows[0]) == [heading for heading, _ in csv_table.columns(content)]
    # Every field quoted, every row ended with CRLF.
    lines = text.split("\r\n")
    assert lines[-1] == "" and all(line.startswith('"') and line.endswith('"')
                                   for line in lines[:-1])
    strood = next(row for row in rows if row["Id"] == "tiny-talkers-strood")
    assert strood["Name"] == "Tiny Talkers (Strood)"
    assert strood["Categories"] == "Health; Early help and family support; " \
                                   "Childcare and early years"
    assert (strood["Youngest age"], strood["Oldest age"]) == ("0", "4")
    assert strood["Phone"] == "01632 960101"
    assert strood["Last reviewed"] == "2026-09-14"
    assert strood["Owner email"] == "slt.team@example.org"
    assert strood["Page"] == "services/tiny-talkers-strood/"
    paying = next(row for row in rows if row["Free"] == "No")
    assert paying["Cost"].startswith("£")


def test_commas_quotes_and_formulas_stay_in_their_cell(scratch):
    scratch.write("awkward.yaml", MINIMAL.replace(
        "Minimal Service", '"Say \\"hello\\", then wave"').replace(
        "contact: {email: minimal@example.org}", 'contact: {phone: "+44 1632 960000"}'))
    content = build_content(scratch, today="2026-11-23", site_url="https://offer.example.org/")
    row = rows_of(csv_table.table(content))[0]
    assert row["Name"] == 'Say "hello", then wave'
    assert row["Phone"] == "'+44 1632 960000"
    assert row["Page"] == "https://offer.example.org/services/awkward/"
    assert csv_table.cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_table.cell("Plain") == "Plain"


def test_a_cost_not_known_says_so(scratch):
    scratch.write("unknown.yaml", MINIMAL.replace("{free: true}", "{free: not-known}"))
    row = rows_of(csv_table.table(build_content(scratch, today="2026-11-23")))[0]
    assert (row["Free"], row["Cost"]) == ("Not known", "")
