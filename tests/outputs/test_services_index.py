"""services-index.json: what My list shows of each service, for published services only."""

from __future__ import annotations

import json

from local_offer.site.build import build_content
from local_offer.records.project import Project

from tests.conftest import ROOT, SAMPLE_TODAY


def test_the_index_holds_every_published_service_with_its_contacts(sample_site):
    content = build_content(Project(ROOT), today=SAMPLE_TODAY)
    index = json.loads((sample_site / "services-index.json").read_text(encoding="utf-8"))
    entries = {entry["id"]: entry for entry in index["services"]}
    assert list(entries) == [record.id for record in content.records]
    assert not set(entries) & {record.id for record in content.unpublished}
    strood = entries["tiny-talkers-strood"]
    assert strood["url"] == "services/tiny-talkers-strood/"
    assert (sample_site / strood["url"] / "index.html").is_file()
    assert strood["phone"].startswith("01632 960") and strood["name"] == "Tiny Talkers (Strood)"
    assert set(strood) == {"id", "name", "url", "summary", "phone", "email", "website"}
    assert entries["accessible-swimming"]["alert"].startswith("Temporarily closed. ")
