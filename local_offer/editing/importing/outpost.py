"""Outpost's API pages: "content" with organisation, locations, contacts and send_needs.

Outpost (used by several councils for their Local Offer) writes weekday names
in its regular_schedules, ages as min_age and max_age, free as true, false or
null, needs_referral, and a local_offer object whose survey answers say how
the service supports children with SEND: those become sections of the
description.
"""

from __future__ import annotations

from local_offer.editing.importing.source import (
    SourceCost,
    SourceLocation,
    SourceSchedule,
    SourceService,
    items,
    term_names,
    text,
    unused,
)

NAME = "outpost"
LABEL = "Outpost API"
MARKS = {"organisation", "send_needs", "local_offer", "suitabilities", "needs_referral"}
READ = {"id", "name", "description", "url", "email", "min_age", "max_age", "free",
        "needs_referral", "status", "updated_at", "organisation", "locations", "contacts",
        "regular_schedules", "cost_options", "taxonomies", "send_needs", "suitabilities",
        "local_offer", "visible_to"}
SEND_SUPPORT = "How the service supports children and young people with SEND"


def looks_like(service: dict) -> bool:
    return bool(MARKS & set(service)) or any(
        "weekday" in schedule for schedule in items(service.get("regular_schedules")))


def read(service: dict, file: str) -> SourceService:
    organisation = (items(service.get("organisation")) or [{}])[0]
    contacts = items(service.get("contacts"))
    free = service.get("free")
    return SourceService(
        format=NAME, file=file, source_id=str(service.get("id", "")),
        name=text(service.get("name")), description=text(service.get("description")),
        sections=_local_offer(items(service.get("local_offer"))),
        url=text(service.get("url")),
        email=text(service.get("email")) or next(
            (text(c.get("email")) for c in contacts if text(c.get("email"))), ""),
        phones=tuple(filter(None, (text(c.get("phone")) for c in contacts))),
        organisation=text(organisation.get("name")),
        organisation_url=text(organisation.get("url")),
        organisation_email=text(organisation.get("email")),
        min_age=service.get("min_age"), max_age=service.get("max_age"),
        free=free if isinstance(free, bool) else None,
        costs=tuple(SourceCost(text(c.get("option")), c.get("amount"), text(c.get("cost_type")))
                    for c in items(service.get("cost_options"))),
        locations=tuple(_location(place) for place in items(service.get("locations"))),
        schedules=tuple(SourceSchedule(_weekday(s.get("weekday")), text(s.get("opens_at")),
                                       text(s.get("closes_at")), text(s.get("description")))
                        for s in items(service.get("regular_schedules"))),
        terms=term_names(service.get("taxonomies"), "name", "slug")
        + term_names(service.get("send_needs"), "name", "slug")
        + term_names(service.get("suitabilities"), "name", "slug"),
        referral=service.get("needs_referral")
        if isinstance(service.get("needs_referral"), bool) else None,
        status=text(service.get("status")),
        changed=_date_text(service.get("updated_at")), ends=_date_text(service.get("visible_to")),
        unused=unused(service, READ))


def _weekday(value) -> tuple[str, ...]:
    day = text(value).strip().lower()
    return (day,) if day else ()


def _date_text(value) -> str:
    """Outpost writes dates as text, or (straight from its database) as {"$date": text}."""
    if isinstance(value, dict):
        value = value.get("$date")
    return text(value)


def _local_offer(local_offer: list[dict]) -> tuple[tuple[str, str], ...]:
    if not local_offer:
        return ()
    offer = local_offer[0]
    sections = [(SEND_SUPPORT, text(offer.get("description")))]
    sections += [(text(answer.get("question")), text(answer.get("answer")))
                 for answer in items(offer.get("survey_answers"))]
    return tuple((heading, body) for heading, body in sections if body.strip())


def _location(place: dict) -> SourceLocation:
    geometry = (items(place.get("geometry")) or [{}])[0]
    point = geometry.get("coordinates")
    longitude, latitude = point if isinstance(point, list) and len(point) == 2 else (None, None)
    return SourceLocation(
        name=text(place.get("name")), street=text(place.get("address_1")),
        town=text(place.get("city")), postcode=text(place.get("postal_code")),
        latitude=latitude, longitude=longitude,
        accessibility=term_names(place.get("accessibilities"), "name"))
