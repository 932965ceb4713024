"""The older Open Referral UK list shape, as PlaceCube's Open Place Directory and others serve it.

A "content" array (or a bare list) of services with id, name, description in
HTML, url, email, fees, attending_type, attending_access, assured_date (often
day first: 03/05/2026 10:30:00) and organization; fuller bodies add contacts
with phones, eligibilitys with ages, service_at_locations with physical
addresses, regular_schedules, cost_options, service_taxonomys and languages.
"""

from __future__ import annotations

from local_offer.editing.importing.source import (
    SourceCost,
    SourceLocation,
    SourceSchedule,
    SourceService,
    days_from_codes,
    items,
    open_referral_location,
    term_names,
    text,
    unused,
)

NAME = "oruk-list"
LABEL = "Open Referral UK, the older list shape"
MARKS = {"organization", "attending_type", "attending_access", "deliverable_type",
         "assured_date", "eligibilitys", "service_taxonomys", "fees"}
READ = {"id", "name", "description", "url", "email", "status", "fees", "attending_access",
        "assured_date", "organization", "contacts", "eligibilitys", "service_at_locations",
        "regular_schedules", "cost_options", "service_taxonomys", "service_areas", "languages"}


def looks_like(service: dict) -> bool:
    return bool(MARKS & set(service))


def read(service: dict, file: str) -> SourceService:
    organization = (items(service.get("organization")) or [{}])[0]
    ages = items(service.get("eligibilitys"))
    low = [a.get("minimum_age") for a in ages if isinstance(a.get("minimum_age"), int)]
    high = [a.get("maximum_age") for a in ages if isinstance(a.get("maximum_age"), int)]
    places = items(service.get("service_at_locations"))
    schedules = items(service.get("regular_schedules")) + [
        schedule for place in places for schedule in items(place.get("regular_schedules"))]
    return SourceService(
        format=NAME, file=file, source_id=str(service.get("id", "")),
        name=text(service.get("name")), description=text(service.get("description")),
        url=text(service.get("url")), email=text(service.get("email")),
        phones=tuple(filter(None, (text(phone.get("number"))
                                   for contact in items(service.get("contacts"))
                                   for phone in items(contact.get("phones"))))),
        organisation=text(organization.get("name")),
        organisation_url=text(organization.get("url")) or text(organization.get("website")),
        organisation_email=text(organization.get("email")),
        min_age=min(low) if low else None, max_age=max(high) if high else None,
        fees=text(service.get("fees")),
        costs=tuple(SourceCost(text(c.get("option")), c.get("amount"),
                               text(c.get("amount_description")))
                    for c in items(service.get("cost_options"))),
        locations=tuple(_location(items(place.get("location"))[0])
                        for place in places if items(place.get("location"))),
        schedules=tuple(SourceSchedule(days_from_codes(s.get("byday")), text(s.get("opens_at")),
                                       text(s.get("closes_at")), text(s.get("description")))
                        for s in schedules),
        terms=term_names([t.get("taxonomy") for t in items(service.get("service_taxonomys"))],
                         "name")
        + term_names(service.get("service_areas"), "service_area"),
        access=tuple(filter(None, [text(service.get("attending_access"))])),
        languages=term_names(service.get("languages"), "language"),
        status=text(service.get("status")), assured=text(service.get("assured_date")),
        unused=unused(service, READ))


def _location(location: dict) -> SourceLocation:
    return open_referral_location(
        location, "physical_addresses",
        term_names(location.get("accessibility_for_disabilities"), "accessibility"))
