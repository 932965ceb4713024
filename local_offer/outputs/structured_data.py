"""schema.org data (JSON-LD) for a service page's <head>, so search engines describe it well.

The mkdocs plugin puts ``json_ld(...)`` into the page's meta and the theme
partial docs/overrides/partials/open-data-head.html writes it out unchanged,
so the text must be safe inside <script>: no <, > or & survive as themselves.

A service's sessions with set days are its opening hours (hoursAvailable): one
OpeningHoursSpecification for a session all year, one for each term or holiday
(validFrom to validThrough) for a term-time or holiday session, the same
stretches as its calendar file and its open data (common.session_periods).
"""

from __future__ import annotations

import json

from local_offer.outputs.common import session_periods, split_address, without_empty
from local_offer.records.dates import WEEKDAYS
from local_offer.records.model import Record, Session
from local_offer.records.taxonomy import Taxonomy
from local_offer.records.term_dates import ALL_YEAR, TermDates

# Inside <script>, "</script>" or "<!--" in a value would end or change the script.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


# schema.org's days of the week (DayOfWeek), by the names records use.
SCHEMA_DAYS = {day: f"https://schema.org/{day.title()}" for day in WEEKDAYS}


def json_ld(record: Record, taxonomy: Taxonomy, page_url: str | None = None,
            term_dates: TermDates | None = None) -> str:
    """The JSON-LD text of one service, ready to sit between <script> tags."""
    text = json.dumps(service_data(record, taxonomy, page_url, term_dates), ensure_ascii=False,
                      separators=(",", ":"))
    return text.translate(SCRIPT_SAFE)


def service_data(record: Record, taxonomy: Taxonomy, page_url: str | None = None,
                 term_dates: TermDates | None = None) -> dict:
    contact = record.contact
    term_dates = term_dates or TermDates()
    return without_empty({
        "@context": "https://schema.org",
        "@type": "Service",
        "name": record.name,
        "description": record.summary,
        "url": page_url,
        "category": [taxonomy.label("categories", c) for c in record.categories],
        "provider": {"@type": "Organization", "name": record.provider.name,
                     "url": record.provider.website},
        "areaServed": [{"@type": "AdministrativeArea", "name": taxonomy.label("areas", area)}
                       for area in record.areas],
        "audience": {"@type": "PeopleAudience", "suggestedMinAge": record.ages[0],
                     "suggestedMaxAge": record.ages[1]},
        "offers": offer(record),
        "availableChannel": {
            "@type": "ServiceChannel",
            "serviceUrl": contact.website,
            "availableLanguage": ["English", *record.languages],
            "servicePhone": {"@type": "ContactPoint", "telephone": contact.phone,
                             "email": contact.email}
            if contact.phone or contact.email else None,
            "serviceLocation": [place(location) for location in record.locations],
        },
        "hoursAvailable": [hours for session in record.sessions
                           for hours in opening_hours(term_dates, record, session)],
    })


def opening_hours(term_dates: TermDates, record: Record, session: Session) -> list[dict]:
    """The session's days and times, for each stretch of days it runs in."""
    if not session.days:
        return []
    return [{
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [{"@id": SCHEMA_DAYS[day]} for day in session.days],
        "opens": session.start,
        "closes": session.end,
        "validFrom": period.start.isoformat() if period.kind != ALL_YEAR else None,
        "validThrough": period.end.isoformat() if period.end else None,
    } for period in session_periods(term_dates, record, session) if period.first(session.days)]


def offer(record: Record) -> dict | None:
    """Free, or what it costs; nothing when nobody has said yet whether it costs anything."""
    if record.is_free:
        return {"@type": "Offer", "price": "0", "priceCurrency": "GBP"}
    return {"@type": "Offer", "description": record.cost.description} if record.has_cost else None


def place(location) -> dict:
    street, town = split_address(location.address)
    has_geo = location.latitude is not None and location.longitude is not None
    return {
        "@type": "Place",
        "name": location.name,
        "address": {"@type": "PostalAddress", "streetAddress": street, "addressLocality": town,
                    "postalCode": location.postcode, "addressCountry": "GB"},
        "geo": {"@type": "GeoCoordinates", "latitude": location.latitude,
                "longitude": location.longitude} if has_geo else None,
    }
