"""Open Referral UK 3.0 files: valid against the standard's own schemas, complete, documented."""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from local_offer.outputs import oruk
from local_offer.outputs.common import Identifiers
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, ROOT

SCHEMA_BASE = "https://openreferraluk.org/specifications/3.0/schema/"


def oruk_dir() -> Path:
    """The shared copy of the ORUK 3.0 specification: beside the checkout, or where told."""
    candidates = [os.environ.get("LOCAL_OFFER_ORUK_DIR"), ROOT.parent / "shared" / "oruk-3.0",
                  "/work/shared/oruk-3.0"]
    for candidate in filter(None, candidates):
        if (Path(candidate) / "schema" / "service.json").is_file():
            return Path(candidate)
    raise AssertionError("The ORUK 3.0 schemas were not found: put them in ../shared/oruk-3.0 "
                         "beside the checkout, or set LOCAL_OFFER_ORUK_DIR")


class OrukSchemas:
    """Every schema file registered under its published URL, so $refs resolve offline."""

    def __init__(self, folder: Path):
        self.folder = folder / "schema"
        self.registry = Registry().with_resources(
            (SCHEMA_BASE + path.name,
             Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                    default_specification=DRAFT202012))
            for path in self.folder.glob("*.json"))

    def validator(self, name: str, definition: str | None = None) -> Draft202012Validator:
        schema = json.loads((self.folder / name).read_text(encoding="utf-8"))
        if definition:
            schema = {**schema["definitions"][definition], "definitions": schema["definitions"]}
        return Draft202012Validator(schema, registry=self.registry,
                                    format_checker=Draft202012Validator.FORMAT_CHECKER)

    def errors(self, name: str, document, definition: str | None = None) -> list[str]:
        return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
                for error in self.validator(name, definition).iter_errors(document)]


@pytest.fixture(scope="module")
def schemas() -> OrukSchemas:
    return OrukSchemas(oruk_dir())


@pytest.fixture(scope="module")
def offer_content(offer_project):
    return build_content(offer_project, today=FIXTURE_TODAY)


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_schemas_catch_what_they_should(schemas):
    # The standard's own example passes; a service without status, or with a bad id, fails.
    example = read_json(oruk_dir() / "examples" / "service_full.json")
    assert schemas.errors("service_with_definitions.json", example) == []
    broken = {key: value for key, value in example.items() if key != "status"}
    assert schemas.errors("service_with_definitions.json", broken)
    assert schemas.errors("service_with_definitions.json", {**example, "id": "tiny-talkers"})
    assert schemas.errors("api_details.json", {"version": "HSDS-UK-3.0"})


def test_every_oruk_file_of_the_built_site_is_valid(offer_site, offer_content, schemas):
    folder = offer_site / "openreferral" / "v3"
    problems = schemas.errors("api_details.json", read_json(folder / "index.json"))
    listing = read_json(folder / "services.json")
    problems += schemas.errors("service_list.json", listing)
    files = sorted((folder / "services").glob("*.json"))
    for path in files:
        service = read_json(path)
        problems += [f"{path.name}: {error}"
                     for error in schemas.errors("service_with_definitions.json", service)]
        # Fields beyond ORUK's profile still follow their HSDS definitions.
        for contact in service.get("contacts", []):
            for phone in contact.get("phones", []):
                problems += schemas.errors("service_with_definitions.json", phone, "phone")
    assert problems == []

    published = len(offer_content.records)
    assert published >= 40
    assert len(files) == published
    assert listing["total_items"] == listing["size"] == len(listing["contents"]) == published
    assert (listing["page_number"], listing["total_pages"]) == (1, 1)
    assert listing["first_page"] and listing["last_page"] and not listing["empty"]
    assert {item["id"] + ".json" for item in listing["contents"]} == {p.name for p in files}
    # The list carries one-to-one fields only; the service's own file has the lists.
    assert not any(isinstance(value, list) for item in listing["contents"]
                   for value in item.values())


def walk(value, path=""):
    """(dotted path without list positions, value) of every field, at every depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, path)
    yield path, value


def test_no_field_is_null_or_empty(offer_site):
    for path in (offer_site / "openreferral" / "v3").rglob("*.json"):
        for field, value in walk(read_json(path)):
            assert value not in (None, "", [], {}), f"{path.name}: {field} is empty"


def test_every_id_is_a_uuid_and_the_same_on_another_build(offer_site, offer_content):
    again = dict(oruk.files(offer_content))
    built = sorted((offer_site / "openreferral" / "v3").rglob("*.json"))
    assert {str(p.relative_to(offer_site)) for p in built} == set(again)
    for path in built:
        text = path.read_text(encoding="utf-8")
        assert text == again[str(path.relative_to(offer_site))], path.name
        for field, value in walk(json.loads(text)):
            if field == "id" or field.endswith(("_id", ".id")):
                assert uuid.UUID(value).version == 5, (path.name, field, value)


def test_ids_are_derived_from_the_area_and_the_record(offer_content):
    record = offer_content.records[0]
    medway, again, kent = Identifiers("Medway"), Identifiers(" medway "), Identifiers("Kent")
    assert medway.service(record) == again.service(record)
    assert medway.service(record) != kent.service(record)
    assert medway.service(record) != medway.service(offer_content.records[1])


def service_for(scratch, text: str, name: str = "every-field") -> dict:
    scratch.write(f"{name}.yaml", text)
    content = build_content(scratch, today="2026-11-23")
    return oruk.OpenReferral(content).service(content.records[0])


def test_a_full_record_maps_to_every_oruk_object(scratch, service_fixtures, schemas):
    text = service_fixtures["full"]
    service = service_for(scratch, text)
    assert schemas.errors("service_with_definitions.json", service) == []
    assert service["name"] == "Every Field Service"
    assert service["description"].startswith("A service that fills in every field")
    assert "**friendly**" in service["description"]
    assert (service["minimum_age"], service["maximum_age"]) == (3, 12)
    assert service["assured_date"] == "2026-05-03"
    assert service["assurer_email"] == "example.team@example.org"
    assert service["organization"]["name"] == "Example Provider"
    assert service["organization"]["website"] == "https://example.org/provider"
    assert service["organization_id"] == service["organization"]["id"]
    assert [a["name"] for a in service["service_areas"]] == ["Strood", "Chatham"]

    locations = [s["location"] for s in service["service_at_locations"]]
    assert [loc["name"] for loc in locations] == ["Strood Example Hub", "Chatham Example Centre"]
    address = locations[0]["addresses"][0]
    assert (address["address_1"], address["city"], address["postal_code"],
            address["country"]) == ("1 Example Road", "Strood", "ME2 4AA", "GB")
    assert locations[0]["accessibility"][0]["description"] == \
        "Step-free entrance and a quiet room."

    # Term time only: one weekly schedule for each term from the review date (3 May 2026)
    # to the last term known, none across a holiday.
    schedules = service["schedules"]
    assert [(s["valid_from"], s["valid_to"]) for s in schedules] == [
        ("2026-05-03", "2026-05-22"), ("2026-06-01", "2026-07-22"),
        ("2026-09-02", "2026-10-23"), ("2026-11-02", "2026-12-18"),
        ("2027-01-04", "2027-02-12"), ("2027-02-22", "2027-03-25"),
        ("2027-04-12", "2027-05-28"), ("2027-06-07", "2027-07-21")]
    for schedule in schedules:
        assert (schedule["freq"], schedule["byday"], schedule["opens_at"],
                schedule["closes_at"]) == ("WEEKLY", "TU", "10:00", "11:30")
        assert schedule["description"] == "Tuesdays 10:00 to 11:30, term time"
        assert schedule["notes"].startswith("Term time only: ")
    assert schedules[2]["notes"] == "Term time only: Autumn term (first half)."
    assert len({s["id"] for s in schedules}) == len(schedules)

    cost = service["cost_options"][0]
    assert cost["amount_description"] == "£3 a session; free for families on a low income."
    assert "amount" not in cost
    assert [lang["name"] for lang in service["languages"]] == \
        ["English", "Polish", "British Sign Language"]
    assert [lang["code"] for lang in service["languages"]] == ["en", "pl", "bfi"]
    assert {s["attending_type"] for s in schedules} == {"In person, Online"}
    contact = service["contacts"][0]
    assert contact["email"] == "every.field@example.org"
    assert contact["phones"][0]["number"] == "01632 960999"
    terms = [a["taxonomy_term"]["term"] for a in service["attributes"]]
    assert terms == ["health", "early-help", "speech-language-communication", "autism"]
    assert service["application_process"].startswith("Drop in, Referral by a professional.")


def test_status_alert_and_free_cost(scratch, service_fixtures):
    text = service_fixtures["full"].replace("status: active", "status: temporarily-closed")
    text = text.replace("free: false", "free: true")
    assert "status: temporarily-closed" in text
    service = service_for(scratch, text)
    assert service["status"] == "temporarily closed"
    assert service["alert"] == "Parking is limited during building work."
    assert service["cost_options"][0]["amount"] == 0
    assert service["cost_options"][0]["option"] == "Free"


def test_a_cost_not_known_claims_neither_free_nor_a_price(scratch, schemas):
    from tests.helpers import MINIMAL
    silent = service_for(scratch, MINIMAL.replace("{free: true}", "{free: not-known}"), "silent")
    assert schemas.errors("service_with_definitions.json", silent) == []
    assert "cost_options" not in silent
    said = service_for(scratch, MINIMAL.replace(
        "{free: true}", "{free: not-known, description: Ask about trips.}"), "said")
    assert schemas.errors("service_with_definitions.json", said) == []
    [option] = said["cost_options"]
    assert option["amount_description"] == "Ask about trips."
    assert "amount" not in option and "option" not in option


def test_a_minimal_record_leaves_out_what_it_does_not_have(scratch, schemas):
    from tests.helpers import MINIMAL
    service = service_for(scratch, MINIMAL, "minimal")
    assert schemas.errors("service_with_definitions.json", service) == []
    for absent in ("service_at_locations", "schedules", "alert", "url"):
        assert absent not in service, absent
    assert [lang["name"] for lang in service["languages"]] == ["English"]


def test_every_field_written_is_in_the_documented_mapping(offer_site):
    documented = set(re.findall(r"^\| `([a-z0-9_.]+)` \|", (ROOT / "docs" / "open-data.md")
                                .read_text(encoding="utf-8"), re.MULTILINE))
    written = {field for path in (offer_site / "openreferral" / "v3" / "services").glob("*.json")
               for field, value in walk(read_json(path))
               if field and not isinstance(value, (dict, list))}
    assert written - documented == set(), "add these to the table in docs/open-data.md"
    assert documented - written <= {"alert", "url"}


def test_a_session_all_year_has_one_schedule_to_its_end(scratch, service_fixtures, schemas):
    text = service_fixtures["full"].replace("    runs: term-time\n", "").replace(
        "Tuesdays 10:00 to 11:30, term time", "Tuesdays 10:00 to 11:30")
    service = service_for(scratch, text)
    assert schemas.errors("service_with_definitions.json", service) == []
    [schedule] = service["schedules"]
    assert schedule["valid_to"] == "2030-03-31" and "valid_from" not in schedule
    assert "notes" not in schedule


def test_an_empty_offer_is_a_valid_empty_list(schemas):
    listing = oruk.service_list([])
    assert schemas.errors("service_list.json", listing) == []
    assert listing["empty"] and listing["total_items"] == 0 and listing["contents"] == []
