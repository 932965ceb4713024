"""What every open-data file shares: stable ids, full web addresses, plain postal addresses.

The files themselves are made in ``outputs/`` (one module per format) and the
schema.org data in ``structured_data.py``; docs/open-data.md describes them all.
"""

from __future__ import annotations

import uuid
from xml.etree import ElementTree as ET

from local_offer.records.dates import WEEKDAYS
from local_offer.records.model import Location, Record, Session
from local_offer.records.term_dates import ALL_YEAR, Span, TermDates

# Fixed for ever: every id this tool publishes derives from it. Changing it changes them all.
LOCAL_OFFER_NAMESPACE = uuid.UUID("2abc4dd6-f9e0-482b-9e60-7024ed3b0d36")

# iCalendar's two-letter day codes, used by ORUK's byday and by RRULE.
DAY_CODES = {day: day[:2].upper() for day in WEEKDAYS}


class Identifiers:
    """UUIDs (version 5) derived from our own names, so they are the same on every build.

    Each council gets its own namespace, from its area's name, so two councils that both
    have a "tiny-talkers" record still publish different ids to a national directory.
    """

    def __init__(self, area: str):
        self.namespace = uuid.uuid5(LOCAL_OFFER_NAMESPACE, area.strip().casefold())

    @classmethod
    def for_content(cls, content) -> "Identifiers":
        settings = content.settings
        return cls(settings.area_name or settings.site_name)

    def of(self, kind: str, *parts: str) -> str:
        return str(uuid.uuid5(self.namespace, "/".join((kind, *parts))))

    def service(self, record) -> str:
        return self.of("service", record.id)

    def schedule(self, record, index: int, period: Span | None = None) -> str:
        """A session's id: its position in the record (the ORUK schedule and the .ics event),
        and for a term-time or holiday session the first day of the term or holiday."""
        if period is None or period.kind == ALL_YEAR:
            return self.of("schedule", record.id, str(index))
        return self.of("schedule", record.id, str(index), period.start.isoformat())

    def location(self, location: Location) -> str:
        """One building, one id, whichever services meet there."""
        return self.of("location", location.postcode.replace(" ", "").upper(),
                       location.name.strip().casefold())

    def organization(self, name: str) -> str:
        return self.of("organization", " ".join(name.split()).casefold())


def session_periods(term_dates: TermDates, record: Record, session: Session) -> tuple[Span, ...]:
    """The stretches of days a session runs in, from the day its times were confirmed
    (last_reviewed, so every build says the same) to its end (valid_until): the terms, the
    holidays, or one stretch all year. The calendars, the open data's schedules and the
    pages' opening hours all say these."""
    return term_dates.periods(session.runs, record.last_reviewed, record.valid_until)


def split_address(address: str) -> tuple[str, str]:
    """(street, town) from "12 Example Road, Strood": the town is the last part."""
    street, _, town = address.rpartition(",")
    if not street:
        return address.strip(), ""
    return street.strip(), town.strip()


def without_empty(value):
    """Drop None, empty strings, lists and objects, at every depth (ORUK: omit, never null)."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            if isinstance(item, _NESTED):
                item = without_empty(item)
            if not _empty(item):
                kept[key] = item
        return kept
    if isinstance(value, _NESTED):
        return [item for item in map(without_empty, value) if not _empty(item)]
    return value


_NESTED = (dict, list, tuple)  # what without_empty looks inside (a tuple comes out a list)
_MAY_BE_EMPTY = (str, list, dict)


def _empty(item) -> bool:
    """None, "", [] or {}: what without_empty drops (an empty tuple is a list by then)."""
    return item is None or (not item and isinstance(item, _MAY_BE_EMPTY))



def xml_root(name: str, namespace: str, **attributes) -> ET.Element:
    """The root of an XML file (Atom, sitemap), declaring its namespace as the default one.

    Children are plain names under it; serialised, they are in the root's namespace.
    """
    return ET.Element(name, {"xmlns": namespace, **attributes})


def xml_child(parent: ET.Element, name: str, text: str | None = None,
              **attributes) -> ET.Element:
    element = ET.SubElement(parent, name, attributes)
    element.text = text
    return element


def xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
