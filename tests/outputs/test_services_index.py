"""services-index.json: what My list shows of each service, for published services only."""

from __future__ import annotations

import json

from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY


def test_the_index_holds_every_published_service_with_its_contacts(offer_project, offer_site):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    index = json.loads((offer_site / "services-index.json").read_text(encoding="utf-8"))
    entries = {entry["id"]: entry for entry in index["services"]}
    assert list(entries) == [record.id for record in content.records]
    assert not set(entries) & {record.id for record in content.unpublished}
    strood = entries["tiny-talkers-strood"]
    assert strood["url"] == "services/tiny-talkers-strood/"
    assert (offer_site / strood["url"] / "index.html").is_file()
    assert strood["phone"].startswith("01632 960") and strood["name"] == "Tiny Talkers (Strood)"
    assert set(strood) == {"id", "name", "url", "summary", "phone", "email", "website"}
    assert entries["accessible-swimming"]["alert"].startswith("Temporarily closed. ")
