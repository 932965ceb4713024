"""Open Referral UK 3.0: a /services page ("contents") or /services/{id} bodies.

Fields beyond ORUK's profile that HSDS 3.0 has (contacts' email and phones, a
service's phones, languages' names, application_process) are read too: feeds
publish them, and this generator's own feed does.
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

NAME = "oruk3"
LABEL = "Open Referral UK 3.0"
MARKS = {"schedules", "minimum_age", "maximum_age", "last_modified", "attributes",
         "assurer_email", "funding"}
READ = {"id", "organization_id", "name", "description", "url", "email", "status", "fees",
        "minimum_age", "maximum_age", "assured_date", "last_modified", "alert", "schedules",
        "service_areas", "service_at_locations", "languages", "organization", "cost_options",
        "contacts", "attributes", "phones", "application_process", "assurer_email"}


def looks_like(service: dict) -> bool:
    return bool(MARKS & set(service)) or any(
        "addresses" in items(place.get("location"))[0]
        for place in items(service.get("service_at_locations")) if items(place.get("location")))


def read(service: dict, file: str) -> SourceService:
    organization = (items(service.get("organization")) or [{}])[0]
    contacts = items(service.get("contacts"))
    phones = [text(phone.get("number")) for holder in [service, *contacts]
              for phone in items(holder.get("phones"))]
    places = items(service.get("service_at_locations"))
    schedules = items(service.get("schedules")) + [
        schedule for place in places for schedule in items(place.get("schedules"))]
    return SourceService(
        format=NAME, file=file, source_id=str(service.get("id", "")),
        name=text(service.get("name")), description=text(service.get("description")),
        url=text(service.get("url")),
        email=text(service.get("email")) or next(
            (text(c.get("email")) for c in contacts if text(c.get("email"))), ""),
        phones=tuple(filter(None, phones)),
        organisation=text(organization.get("name")),
        organisation_url=text(organization.get("website")) or text(organization.get("url")),
        organisation_email=text(organization.get("email")),
        min_age=service.get("minimum_age"), max_age=service.get("maximum_age"),
        fees=text(service.get("fees")),
        costs=tuple(SourceCost(text(c.get("option")), c.get("amount"),
                               text(c.get("amount_description")))
                    for c in items(service.get("cost_options"))),
        locations=tuple(_location(items(place.get("location"))[0])
                        for place in places if items(place.get("location"))),
        schedules=tuple(SourceSchedule(days_from_codes(s.get("byday")), text(s.get("opens_at")),
                                       text(s.get("closes_at")), text(s.get("description")),
                                       text(s.get("notes"))) for s in schedules),
        terms=term_names([a.get("taxonomy_term") for a in items(service.get("attributes"))],
                         "name", "term")
        + term_names(service.get("service_areas"), "name", "service_area"),
        steps=text(service.get("application_process")),
        languages=term_names(service.get("languages"), "name"),
        attending=tuple(dict.fromkeys(filter(None, (text(s.get("attending_type"))
                                                    for s in schedules)))),
        status=text(service.get("status")), alert=text(service.get("alert")),
        assured=text(service.get("assured_date")), changed=text(service.get("last_modified")),
        unused=unused(service, READ))


def _location(location: dict) -> SourceLocation:
    return open_referral_location(
        location, "addresses", term_names(location.get("accessibility"), "description")
        or term_names(location.get("accessibility"), "accessibility"))
