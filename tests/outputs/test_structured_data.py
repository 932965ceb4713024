"""schema.org JSON-LD: describes the service and is safe inside a <script> element."""

from __future__ import annotations

import json
from dataclasses import replace

from local_offer.site.build import build_content
from local_offer.outputs.structured_data import json_ld

from tests.helpers import MINIMAL


def script_in_head(html: str) -> str | None:
    head = html[: html.index("</head>")]
    marker = '<script type="application/ld+json">'
    if marker not in head:
        return None
    start = head.index(marker) + len(marker)
    return head[start: head.index("</script>", start)]


def test_a_service_page_describes_the_service_its_provider_address_and_phone(offer_site):
    html = (offer_site / "services/tiny-talkers-strood/index.html").read_text(encoding="utf-8")
    data = json.loads(script_in_head(html))
    assert (data["@context"], data["@type"]) == ("https://schema.org", "Service")
    assert data["name"] == "Tiny Talkers (Strood)"
    assert data["provider"] == {"@type": "Organization",
                                "name": "Medway Community Healthcare (illustrative)",
                                "url": "https://example.org/medway-community-healthcare"}
    channel = data["availableChannel"]
    assert channel["servicePhone"]["telephone"] == "01632 960101"
    place = channel["serviceLocation"][0]
    assert place["address"] == {"@type": "PostalAddress", "streetAddress": "12 Example Road",
                                "addressLocality": "Strood", "postalCode": "ME2 4AA",
                                "addressCountry": "GB"}
    assert place["geo"]["latitude"] == 51.3935
    assert data["audience"]["suggestedMaxAge"] == 4
    assert data["offers"]["price"] == "0"


def test_only_service_pages_carry_it(offer_site):
    for page in ("index.html", "about/index.html", "browse/need/autism/index.html"):
        assert script_in_head((offer_site / page).read_text(encoding="utf-8")) is None, page


def test_markup_in_a_record_cannot_end_the_script(scratch):
    # The validator refuses tags in a record (records/raw_html.py); should one ever reach a
    # record some other way, the script still holds.
    scratch.write("sneaky.yaml", MINIMAL)
    content = build_content(scratch, today="2026-11-23")
    record = replace(content.records[0],
                     summary="</script><script>alert(1)</script> & <!-- more")
    text = json_ld(record, content.taxonomy, "https://offer.example.org/x/")
    assert not set("<>&") & set(text)
    data = json.loads(text)
    assert data["description"] == "</script><script>alert(1)</script> & <!-- more"
    assert data["url"] == "https://offer.example.org/x/"
    assert "url" not in json.loads(json_ld(record, content.taxonomy))


def test_a_cost_not_known_makes_no_offer(scratch):
    from local_offer.outputs.structured_data import service_data
    scratch.write("unknown.yaml", MINIMAL.replace("{free: true}", "{free: not-known}"))
    scratch.write("paid.yaml", MINIMAL.replace("{free: true}", "{free: false, description: £2}"))
    content = build_content(scratch, today="2026-11-23")
    offers = {record.id: service_data(record, content.taxonomy).get("offers")
              for record in content.records}
    assert offers == {"unknown": None, "paid": {"@type": "Offer", "description": "£2"}}
