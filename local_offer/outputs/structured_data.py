"""schema.org data (JSON-LD) for a service page's <head>, so search engines describe it well.

The mkdocs plugin puts ``json_ld(...)`` into the page's meta and the theme
partial docs/overrides/partials/open-data-head.html writes it out unchanged,
so the text must be safe inside <script>: no <, > or & survive as themselves.
"""

from __future__ import annotations

import json

from local_offer.outputs.common import split_address, without_empty
from local_offer.records.model import Record
from local_offer.records.taxonomy import Taxonomy

# Inside <script>, "</script>" or "<!--" in a value would end or change the script.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(record: Record, taxonomy: Taxonomy, page_url: str | None = None) -> str:
    """The JSON-LD text of one service, ready to sit between <script> tags."""
    text = json.dumps(service_data(record, taxonomy, page_url), ensure_ascii=False,
                      separators=(",", ":"))
    return text.translate(SCRIPT_SAFE)


def service_data(record: Record, taxonomy: Taxonomy, page_url: str | None = None) -> dict:
    contact = record.contact
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
    })


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
