"""services.csv: one row per published service, for people who work in a spreadsheet.

UTF-8 with a byte order mark, so Excel reads £ and accents correctly; every
field quoted and rows ended with CRLF (RFC 4180), so commas and line breaks in
text stay in their cell.
"""

from __future__ import annotations

import csv
import io
from functools import partial
from typing import Callable, Iterable

from local_offer.outputs.common import Identifiers
from local_offer.site import urls

PATH = "services.csv"
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def files(content) -> Iterable[tuple[str, Callable[[], str]]]:
    yield PATH, partial(table, content)  # made when written, on the other core


def columns(content) -> list[tuple[str, object]]:
    """(heading, value of a record) for each column, in order."""
    taxonomy = content.taxonomy
    ids = Identifiers.for_content(content)

    def labels(kind):
        return lambda r: "; ".join(taxonomy.label(kind, term) for term in getattr(r, kind))

    return [
        ("Id", lambda r: r.id),
        ("Name", lambda r: r.name),
        ("Summary", lambda r: r.summary),
        ("Categories", labels("categories")),
        ("Needs", labels("needs")),
        ("Youngest age", lambda r: r.ages[0]),
        ("Oldest age", lambda r: r.ages[1]),
        ("Areas", labels("areas")),
        ("Free", lambda r: "Yes" if r.is_free else "No" if r.has_cost else "Not known"),
        ("Cost", lambda r: r.cost.description),
        ("Phone", lambda r: r.contact.phone),
        ("Email", lambda r: r.contact.email),
        ("Website", lambda r: r.contact.website),
        ("Provider", lambda r: r.provider.name),
        ("Status", lambda r: r.status.replace("-", " ")),
        ("Last reviewed", lambda r: r.last_reviewed.isoformat()),
        ("Owner team", lambda r: r.owner.team),
        ("Owner email", lambda r: r.owner.email),
        ("Page", lambda r: urls.absolute(content.site_url, urls.service(r.id))),
        ("Open Referral id", ids.service),
    ]


def table(content) -> str:
    chosen = columns(content)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(heading for heading, _ in chosen)
    for record in content.records:
        writer.writerow(cell(value(record)) for _, value in chosen)
    return "\ufeff" + out.getvalue()


def cell(value) -> str:
    text = str(value)
    # A leading apostrophe keeps a phone number like +44 1632 960000 as text, not a formula.
    return "'" + text if text.startswith(FORMULA_START) else text
