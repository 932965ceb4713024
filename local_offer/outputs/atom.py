"""feed.xml: an Atom feed of services added or changed, newest first.

"Changed" is the record's last_reviewed date. It is in the record itself, so
the feed is the same on every build of the same data, in a shallow CI clone
and in a folder that is not a git repository at all; git history would be
none of these, and a commit that only fixes a typo is not news to a family
worker. Owners set last_reviewed whenever they check or change an entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from local_offer.outputs.common import Identifiers, xml_bytes, xml_child, xml_root
from local_offer.site import urls

PATH = urls.FEED
ATOM = "http://www.w3.org/2005/Atom"
# A feed reader needs the recent changes, not the whole directory.
FEED_SIZE = 100


def files(content) -> Iterable[tuple[str, bytes]]:
    yield PATH, feed(content)


def newest_first(records) -> list:
    return sorted(records, key=lambda r: (-r.last_reviewed.toordinal(), r.sort_key))


def timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feed(content) -> bytes:
    ids = Identifiers.for_content(content)
    site_name = content.settings.site_name
    records = newest_first(content.records)[:FEED_SIZE]
    updated = records[0].last_reviewed if records else content.today

    root = xml_root("feed", ATOM, **{"xml:lang": "en-GB"})
    xml_child(root, "title", f"{site_name}: new and updated services")
    xml_child(root, "subtitle", "Services added to the Local Offer or checked by their owners, "
                          "newest first.")
    xml_child(root, "id", f"urn:uuid:{ids.of('feed', PATH)}")
    xml_child(root, "updated", timestamp(updated))
    xml_child(root, "link", rel="self", type="application/atom+xml",
        href=urls.absolute(content.site_url, PATH))
    xml_child(root, "link", rel="alternate", type="text/html", href=urls.absolute(content.site_url, "./"))
    xml_child(xml_child(root, "author"), "name", site_name)
    for record in records:
        entry = xml_child(root, "entry")
        xml_child(entry, "title", record.name)
        xml_child(entry, "id", f"urn:uuid:{ids.service(record)}")
        xml_child(entry, "updated", timestamp(record.last_reviewed))
        xml_child(entry, "link", rel="alternate", type="text/html",
            href=urls.absolute(content.site_url, urls.service(record.id)))
        xml_child(entry, "summary", record.summary)
        for category in record.categories:
            xml_child(entry, "category", term=category,
                label=content.taxonomy.label("categories", category))
    return xml_bytes(root)
