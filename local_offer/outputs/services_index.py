"""services-index.json: what "My list" shows of each published service.

The My list page (assets/my-list.js) reads it to show saved services with
their contacts, in this browser or from a share link on another device. Only
published services are in it, so an unpublished one drops out of every list.
"""

from __future__ import annotations

import json
from typing import Iterable

from local_offer.site import urls

INDEX_FILE = urls.SERVICES_INDEX


def service_entry(record) -> dict:
    entry = {"id": record.id, "name": record.name, "url": urls.service(record.id),
             "summary": record.summary, "phone": record.contact.phone,
             "email": record.contact.email, "website": record.contact.website}
    if record.status == "temporarily-closed":
        entry["alert"] = "Temporarily closed. " + (record.alert or "")
    elif record.alert:
        entry["alert"] = record.alert
    return entry


def files(content) -> Iterable[tuple[str, str]]:
    services = [service_entry(record) for record in content.records]
    # Compact: families often load it on a phone with little data.
    yield INDEX_FILE, json.dumps({"services": services}, ensure_ascii=False,
                                 separators=(",", ":"))
