"""Open Referral UK 3.0 as static files: the bodies of GET /, GET /services and GET /services/{id}.

Every published record becomes one fully nested service. The mapping from our
fields to ORUK's is documented in docs/open-data.md; a test checks that every
field written here is listed there.
"""

from __future__ import annotations

import json
from typing import Iterable

from local_offer.outputs.common import (
    DAY_CODES,
    Identifiers,
    session_periods,
    split_address,
    without_empty,
)
from local_offer.records.term_dates import ALL_YEAR, RUNS_WORDS
from local_offer.site import urls

FOLDER = "openreferral/v3"
API_DETAILS = {
    # "HSDS-UK-3.0" is how ORUK's own OpenAPI names this version; its validator reads it.
    "version": "HSDS-UK-3.0",
    "profile": "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
    "openapi_url": "https://openreferraluk.org/specifications/3.0/openapi.json",
}
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}


def files(content) -> Iterable[tuple[str, str]]:
    oruk = OpenReferral(content)
    services = [oruk.service(record) for record in content.records]
    yield f"{FOLDER}/index.json", as_json(API_DETAILS)
    yield f"{FOLDER}/services.json", as_json(service_list(services))
    for service in services:
        yield f"{FOLDER}/services/{service['id']}.json", as_json(service)


def as_json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def service_list(services: list[dict]) -> dict:
    """One page holding every service: a static file cannot page, so first is last."""
    return {"total_items": len(services), "total_pages": 1, "page_number": 1,
            "size": len(services), "first_page": True, "last_page": True,
            "empty": not services,
            # The list carries one-to-one fields only, as ORUK's GET /services does.
            "contents": [{key: value for key, value in service.items()
                          if not isinstance(value, list)} for service in services]}


class OpenReferral:
    """Maps one record to one ORUK service, with every nested object."""

    def __init__(self, content):
        self.content = content
        self.taxonomy = content.taxonomy
        self.settings = content.settings
        self.ids = Identifiers.for_content(content)

    def service(self, record) -> dict:
        service_id = self.ids.service(record)
        organization = self.organization(record)
        description = record.summary + (f"\n\n{record.description.strip()}"
                                        if record.description else "")
        url = record.contact.website or (urls.absolute(self.content.site_url, urls.service(record.id))
                                         if self.content.site_url else "")
        return without_empty({
            "id": service_id,
            "organization_id": organization["id"],
            "name": record.name,
            "description": description,
            "url": url,
            "email": record.contact.email,
            "status": STATUS[record.status],
            "minimum_age": record.ages[0],
            "maximum_age": record.ages[1],
            "assured_date": record.last_reviewed.isoformat(),
            "assurer_email": record.owner.email,
            "alert": record.alert,
            # HSDS 3.0's own field; ORUK allows fields beyond its profile.
            "application_process": self.application_process(record),
            "organization": organization,
            "service_areas": [self.service_area(record, service_id, area)
                              for area in record.areas],
            "service_at_locations": [self.service_at_location(record, service_id, location)
                                     for location in record.locations],
            "schedules": [schedule for index, session in enumerate(record.sessions)
                          for schedule in self.schedules(record, service_id, index, session)],
            "cost_options": self.cost_options(record, service_id),
            "languages": [{"id": self.ids.of("language", record.id, name.casefold()),
                           "service_id": service_id, "name": name,
                           # HSDS 3.0's ISO 639 code, from data/languages.yaml.
                           "code": "en" if name == "English" else self.language_code(name)}
                          for name in ("English", *record.languages)],
            "contacts": self.contacts(record, service_id),
            "attributes": [self.attribute(record, service_id, kind, term_id)
                           for kind in ("categories", "needs")
                           for term_id in getattr(record, kind)],
        })

    def language_code(self, name: str) -> str:
        language = self.content.languages.by_name(name)
        return language.id if language else ""

    def attending_type(self, record) -> str:
        """How a family takes part, in words: ORUK's attending_type is free text, on a
        schedule. A service that has not said has none."""
        return ", ".join(self.taxonomy.label("attending", way) for way in record.attending)

    def organization(self, record) -> dict:
        name = record.provider.name
        return {"id": self.ids.organization(name), "name": name,
                # ORUK requires a description; we know only what the provider runs here.
                "description": f"{name} provides services listed in the "
                               f"{self.settings.site_name}.",
                "website": record.provider.website}

    def application_process(self, record) -> str:
        routes = ", ".join(self.taxonomy.label("routes", route)
                           for route in record.how_to_get_it.routes)
        steps = record.how_to_get_it.steps
        form = record.how_to_get_it.referral_form
        return " ".join(part for part in (f"{routes}.", steps,
                                          f"Referral form: {form}" if form else "") if part)

    def service_area(self, record, service_id: str, area: str) -> dict:
        return {"id": self.ids.of("service-area", record.id, area), "service_id": service_id,
                "name": self.taxonomy.label("areas", area)}

    def service_at_location(self, record, service_id: str, location) -> dict:
        location_id = self.ids.location(location)
        street, town = split_address(location.address)
        return {
            "id": self.ids.of("service-at-location", record.id, location_id),
            "service_id": service_id,
            "location_id": location_id,
            "location": {
                "id": location_id,
                "location_type": "physical",
                "name": location.name,
                "latitude": location.latitude,
                "longitude": location.longitude,
                "addresses": [{
                    "id": self.ids.of("address", location_id),
                    "location_id": location_id,
                    "address_1": street,
                    "city": town or self.settings.area_name or street,
                    "state_province": self.settings.area_name or town or street,
                    "postal_code": location.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }],
                "accessibility": [{"id": self.ids.of("accessibility", location_id),
                                   "location_id": location_id,
                                   "description": location.accessibility}]
                if location.accessibility else [],
            },
        }

    def schedules(self, record, service_id: str, index: int, session) -> list[dict]:
        """One schedule for a session all year; for a term-time or holiday session, one for
        each term or holiday it runs in (valid_from to valid_to), so no schedule says
        "weekly" across weeks it does not run."""
        if session.runs == ALL_YEAR:
            return [self.schedule(record, service_id, index, session)]
        return [self.schedule(record, service_id, index, session, period)
                for period in session_periods(self.content.term_dates, record, session)
                if not session.days or period.first(session.days)]

    def schedule(self, record, service_id: str, index: int, session, period=None) -> dict:
        valid_to = period.end if period else record.valid_until
        return {
            "id": self.ids.schedule(record, index, period),
            "service_id": service_id,
            "valid_from": period.start.isoformat() if period else "",
            "valid_to": valid_to.isoformat() if valid_to else "",
            # FREQ=WEEKLY;BYDAY=TU,TH in RRULE terms, where the days are known.
            "freq": "WEEKLY" if session.days else "",
            "byday": ",".join(DAY_CODES[day] for day in session.days),
            "opens_at": session.start,
            "closes_at": session.end,
            "description": session.description,
            "notes": f"{RUNS_WORDS[session.runs]}: {period.name}." if period else "",
            "attending_type": self.attending_type(record),
        }

    def cost_options(self, record, service_id: str) -> list[dict]:
        """Free, or what it costs in words; none when the cost is not known and nothing is
        said about it (ORUK has no "not known": a feed says nothing it does not know)."""
        cost = record.cost
        if not (cost.known or cost.description):
            return []
        option = {"id": self.ids.of("cost-option", record.id), "service_id": service_id,
                  # What it costs, in the owner's words: amounts are not parsed out of text.
                  "amount_description": cost.description}
        if record.is_free:
            option.update(option="Free", amount=0)
        return [option]

    def contacts(self, record, service_id: str) -> list[dict]:
        contact = record.contact
        if not (contact.phone or contact.email):
            return []
        contact_id = self.ids.of("contact", record.id)
        return [{
            "id": contact_id,
            "service_id": service_id,
            "name": record.name,
            # email and phones are HSDS 3.0 contact fields beyond ORUK's profile.
            "email": contact.email,
            "phones": [{"id": self.ids.of("phone", record.id), "contact_id": contact_id,
                        "number": contact.phone}] if contact.phone else [],
        }]

    def attribute(self, record, service_id: str, kind: str, term_id: str) -> dict:
        term = next(t for t in getattr(self.taxonomy, kind) if t.id == term_id)
        term_uuid = self.ids.of("taxonomy-term", kind, term_id)
        return {
            "id": self.ids.of("attribute", record.id, kind, term_id),
            "link_id": service_id,
            "taxonomy_term_id": term_uuid,
            "taxonomy_term": {
                "id": term_uuid,
                "name": term.label,
                "description": term.description or term.label,
                "taxonomy": f"{self.settings.site_name}: {kind}",
                "taxonomy_id": self.ids.of("taxonomy", kind),
                "term": term_id,
            },
        }
