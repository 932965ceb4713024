"""postcode-places.json: where the council's postcode districts and sectors lie.

The Find page and the header search (assets/near-me.js) load it only when a family
types a postcode, to order the results by distance. A few kilobytes: the centre of
each district and sector the council covers (data/postcodes.yaml), in metres on the
British National Grid, with the area it is in; and the words the page needs to say
what to type and whose data it is. Not published without data/postcodes.yaml.
"""

from __future__ import annotations

import json
from typing import Iterable

from local_offer.records.postcodes import ATTRIBUTION, LICENCE_URL, parse_postcode
from local_offer.records.taxonomy import AREA_WIDE
from local_offer.site import urls


def places_file(postcodes, taxonomy, area_name: str) -> dict:
    """The file's content: {places: {"ME7 5": [easting, northing, area id]}, ...}."""
    return {
        "area_name": area_name,
        "example": postcodes.example,
        "example_district": parse_postcode(postcodes.example).district if postcodes.example else "",
        "areas": {term.id: term.label for term in taxonomy.areas},
        "area_wide": AREA_WIDE,
        "places": {key: [place.easting, place.northing, place.area]
                   for key, place in sorted(postcodes.places.items())},
        "attribution": ATTRIBUTION,
        "licence": LICENCE_URL,
    }


def files(content) -> Iterable[tuple[str, str]]:
    postcodes = content.site_data.postcodes if content.site_data else None
    if postcodes is None:
        return
    data = places_file(postcodes, content.taxonomy, content.settings.area_name)
    yield urls.POSTCODE_PLACES, json.dumps(data, ensure_ascii=False, separators=(",", ":"))
