"""schema.org JSON-LD: describes the service and is safe inside a <script> element."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
from dataclasses import replace

from pyld import jsonld

from local_offer.outputs.common import session_periods
from local_offer.outputs.structured_data import json_ld
from local_offer.records.term_dates import ALL_YEAR, TERM_TIME
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL, ROOT


def script_in_head(html: str) -> str | None:
    head = html[: html.index("</head>")]
    marker = '<script type="application/ld+json">'
    if marker not in head:
        return None
    start = head.index(marker) + len(marker)
    return head[start: head.index("</script>", start)]


def test_a_service_page_describes_the_service_its_provider_address_and_phone(offer_site):
    html = (offer_site / "services/tiny-talkers-strood/index.html").read_text(encoding="utf-8")
    data = json.loads(script_in_head(html))
    assert (data["@context"], data["@type"]) == ("https://schema.org", "Service")
    assert data["name"] == "Tiny Talkers (Strood)"
    assert data["provider"] == {"@type": "Organization",
                                "name": "Medway Community Healthcare (illustrative)",
                                "url": "https://example.org/medway-community-healthcare"}
    channel = data["availableChannel"]
    assert channel["servicePhone"]["telephone"] == "01632 960101"
    place = channel["serviceLocation"][0]
    assert place["address"] == {"@type": "PostalAddress", "streetAddress": "12 Example Road",
                                "addressLocality": "Strood", "postalCode": "ME2 4AA",
                                "addressCountry": "GB"}
    assert place["geo"]["latitude"] == 51.3935
    assert data["audience"]["suggestedMaxAge"] == 4
    assert data["offers"]["price"] == "0"


def test_only_service_pages_carry_it(offer_site):
    for page in ("index.html", "about/index.html", "browse/need/autism/index.html"):
        assert script_in_head((offer_site / page).read_text(encoding="utf-8")) is None, page


def test_markup_in_a_record_cannot_end_the_script(scratch):
    # The validator refuses tags in a record (records/raw_html.py); should one ever reach a
    # record some other way, the script still holds.
    scratch.write("sneaky.yaml", MINIMAL)
    content = build_content(scratch, today="2026-11-23")
    record = replace(content.records[0],
                     summary="</script><script>alert(1)</script> & <!-- more")
    text = json_ld(record, content.taxonomy, "https://offer.example.org/x/")
    assert not set("<>&") & set(text)
    data = json.loads(text)
    assert data["description"] == "</script><script>alert(1)</script> & <!-- more"
    assert data["url"] == "https://offer.example.org/x/"
    assert "url" not in json.loads(json_ld(record, content.taxonomy))


# ---- Opening hours, and every term checked against schema.org's own vocabulary ----

SCHEMA_ORG = ROOT / "tests" / "fixtures" / "schema.org"
VOCAB = "http://schema.org/"


def read_gzip_json(name: str):
    return json.loads(gzip.decompress((SCHEMA_ORG / name).read_bytes()))


@functools.cache
def vocabulary() -> tuple[frozenset, frozenset, dict, dict]:
    """(properties, types and enumeration members, each type's parents, each property's
    types) from schema.org's vocabulary file, as full IRIs."""
    graph = read_gzip_json("schemaorg-current-http.jsonld.gz")["@graph"]

    def iri(value) -> str:
        return value.replace("schema:", VOCAB, 1)

    def listed(value) -> list:
        return [] if value is None else value if isinstance(value, list) else [value]

    properties, terms, parents, domains = set(), set(), {}, {}
    for node in graph:
        kinds = listed(node.get("@type"))
        if "rdf:Property" in kinds:
            properties.add(iri(node["@id"]))
            domains[iri(node["@id"])] = {iri(d["@id"]) for d in listed(
                node.get("schema:domainIncludes"))}
        else:  # a type, or a member of an enumeration (schema:Tuesday)
            terms.add(iri(node["@id"]))
            parents[iri(node["@id"])] = {iri(p["@id"]) for p in listed(
                node.get("rdfs:subClassOf"))}
    return frozenset(properties), frozenset(terms), parents, domains


def ancestors(kind: str, parents: dict) -> set[str]:
    found, todo = set(), [kind]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found | {kind}


def offline_loader(url: str, options=None) -> dict:
    """PyLD's document loader, without the network: schema.org's context from the fixture."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url,
                "document": read_gzip_json("schemaorgcontext.jsonld.gz")}
    raise jsonld.JsonLdError(f"not available offline: {url}", "jsonld.LoadDocumentError",
                             code="loading document failed")


def unknown_terms(data: dict) -> list[str]:
    """Every term of the expanded data that schema.org does not have, or uses on a type that
    cannot have it: [] when all are right."""
    properties, terms, parents, domains = vocabulary()
    expanded = jsonld.expand(data, {"documentLoader": offline_loader})
    wrong = []

    def visit(node: dict) -> None:
        kinds = set(node.get("@type", ()))
        wrong.extend(f"type {kind}" for kind in kinds - terms)
        every = set().union(*(ancestors(kind, parents) for kind in kinds)) if kinds else set()
        for key, values in node.items():
            if key == "@id" and values.replace("https://", "http://", 1).startswith(VOCAB):
                if values.replace("https://", "http://", 1) not in terms:
                    wrong.append(f"value {values}")
            if key.startswith("@"):
                continue
            if key not in properties:
                wrong.append(f"property {key}")
            elif kinds and kinds <= terms and not domains[key] & every:
                wrong.append(f"property {key} on {sorted(kinds)}")
            for value in values:
                if isinstance(value, dict) and "@value" not in value:
                    visit(value)

    for node in expanded:
        visit(node)
    return wrong


def page_data(site, record_id: str) -> dict:
    html = (site / "services" / record_id / "index.html").read_text(encoding="utf-8")
    return json.loads(script_in_head(html))


def test_the_vocabulary_check_catches_a_made_up_term_or_a_misplaced_one():
    good = {"@context": "https://schema.org", "@type": "Service", "name": "A service",
            "hoursAvailable": {"@type": "OpeningHoursSpecification",
                               "dayOfWeek": {"@id": "https://schema.org/Tuesday"},
                               "opens": "10:00", "closes": "11:30"}}
    assert unknown_terms(good) == []
    assert unknown_terms({**good, "openingTimes": "10:00"}) == [f"property {VOCAB}openingTimes"]
    assert unknown_terms({**good, "@type": "Servise"}) == [f"type {VOCAB}Servise"]
    assert unknown_terms({**good, "opens": "10:00"}) == [
        f"property {VOCAB}opens on ['{VOCAB}Service']"]
    assert unknown_terms({**good, "hoursAvailable": {
        "@type": "OpeningHoursSpecification", "dayOfWeek": {"@id": "https://schema.org/Tuesdai"}}}
    ) == ["value https://schema.org/Tuesdai"]


def test_every_service_page_uses_only_schema_org_terms(offer_project, offer_site):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    wrong = {record.id: unknown_terms(page_data(offer_site, record.id))
             for record in content.records}
    assert {key: value for key, value in wrong.items() if value} == {}


def test_every_service_page_with_sessions_on_set_days_gives_its_opening_hours(offer_project,
                                                                               offer_site):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    dates = content.term_dates
    with_days = [r for r in content.records if any(s.days for s in r.sessions)]
    assert len(with_days) >= 20
    for record in content.records:
        hours = page_data(offer_site, record.id).get("hoursAvailable", [])
        assert bool(hours) == (record in with_days), record.id
        expected = [(session, period) for session in record.sessions if session.days
                    for period in session_periods(dates, record, session)
                    if period.first(session.days)]
        assert len(hours) == len(expected), record.id
        for spec, (session, period) in zip(hours, expected):
            assert spec["@type"] == "OpeningHoursSpecification"
            assert spec["dayOfWeek"] == [{"@id": f"https://schema.org/{day.title()}"}
                                         for day in session.days]
            assert (spec.get("opens"), spec.get("closes")) == (session.start or None,
                                                               session.end or None)
            if session.runs == ALL_YEAR:
                assert "validFrom" not in spec
                assert spec.get("validThrough") == (record.valid_until.isoformat()
                                                    if record.valid_until else None)
                continue
            first, last = (dt.date.fromisoformat(spec[key]) for key in ("validFrom",
                                                                          "validThrough"))
            held_in = dates.terms if session.runs == TERM_TIME else dates.holidays
            assert any(first in span and last in span for span in held_in), (record.id, spec)
    strood = page_data(offer_site, "tiny-talkers-strood")["hoursAvailable"]
    assert {"@type": "OpeningHoursSpecification",
            "dayOfWeek": [{"@id": "https://schema.org/Tuesday"}], "opens": "10:00",
            "closes": "11:30", "validFrom": "2026-11-02", "validThrough": "2026-12-18"} in strood


def test_a_cost_not_known_makes_no_offer(scratch):
    from local_offer.outputs.structured_data import service_data
    scratch.write("unknown.yaml", MINIMAL.replace("{free: true}", "{free: not-known}"))
    scratch.write("paid.yaml", MINIMAL.replace("{free: true}", "{free: false, description: £2}"))
    content = build_content(scratch, today="2026-11-23")
    offers = {record.id: service_data(record, content.taxonomy).get("offers")
              for record in content.records}
    assert offers == {"unknown": None, "paid": {"@type": "Offer", "description": "£2"}}
