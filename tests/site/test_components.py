"""Components render their fixtures: every field shows, nothing is empty, values are escaped."""

from __future__ import annotations

import re
from dataclasses import replace

from local_offer.records.loader import RecordLoader
from local_offer.site.render import Renderer
from tests.helpers import OFFER_TAXONOMY, record_yaml


def load_fixture(scratch, text, name="fixture"):
    scratch.write(f"{name}.yaml", text)
    result = RecordLoader(scratch).load()
    assert result.problems == []
    return result.records[0]


def render_page(scratch, record):
    return Renderer(OFFER_TAXONOMY).render("service-page", f"services/{record.id}/",
                                                   record=record)


HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)


def outline(html: str) -> list[tuple[str, str]]:
    """Each heading's text with the text that follows it up to the next heading."""
    parts = HEADING.split(html)
    return [(parts[i], re.sub(r"<[^>]+>", "", parts[i + 1]).strip())
            for i in range(1, len(parts) - 1, 2)]


def test_full_record_shows_every_field_in_order(scratch, service_fixtures):
    record = load_fixture(scratch, service_fixtures["full"], "every-field")
    html = render_page(scratch, record)
    expected_in_order = [
        "<h1>Every Field Service</h1>", "Parking is limited during building work.",
        "A service that fills in every field", "What it is", "<strong>friendly</strong>",
        '<a href="https://example.org/more" rel="noopener">more about us</a>',
        "<li>songs and rhymes</li>", "Who it is for", "3 to 12 years",
        "Speech, language and communication", "Autism", "Strood", "Chatham",
        "How to get it", "Drop in", "Referral by a professional",
        "ask your health visitor to refer you", "https://example.org/referral-form",
        "Typical wait: about 18 weeks, as of September 2026",
        "When and where", "Tuesdays 10:00 to 11:30, term time", "Strood Example Hub",
        "1 Example Road, Strood", "ME2 4AA", "Chatham Example Centre",
        "Cost", "£3 a session; free for families on a low income.",
        "Contact", 'href="tel:01632960999"', "01632 960999",
        'href="mailto:every.field@example.org"', ">Every Field Service website</a>",
        "Accessibility", "Strood Example Hub: Step-free entrance and a quiet room.",
        "Chatham Example Centre: Lift to every floor.",
        "Languages", "Polish, British Sign Language",
        "Who provides it", '<a href="https://example.org/provider">Example Provider</a>',
        "Last reviewed", "3 May 2026",
    ]
    position = 0
    for text in expected_in_order:
        found = html.find(text, position)
        assert found >= 0, f"{text!r} missing or out of order"
        position = found
    assert 'href="../../browse/need/autism/"' in html


def test_minimal_record_has_no_empty_headings(scratch, service_fixtures):
    record = load_fixture(scratch, service_fixtures["minimal"], "minimal")
    html = render_page(scratch, record)
    sections = outline(html)
    headings = [text for text, _ in sections]
    assert "What it is" not in headings
    assert "When and where" not in headings
    assert "Accessibility" not in headings and "Languages" not in headings
    for text, after in sections:
        assert after, f"heading {text!r} has nothing under it"
    assert "Free." in html and "16 to 25 years" in html


def test_temporarily_closed_shows_its_alert_first(scratch, service_fixtures):
    record = load_fixture(scratch, service_fixtures["temporarily_closed"], "closed-for-now")
    html = render_page(scratch, record)
    assert html.index("Temporarily closed") < html.index(record.summary)
    assert "Closed for building work until 6 January 2027." in html


def test_values_are_escaped(scratch, service_fixtures):
    # The validator refuses tags in a record (records/raw_html.py); should one ever reach a
    # record some other way, the page still shows it as text.
    record = replace(load_fixture(scratch, service_fixtures["minimal"], "escaped"),
                     name="<script>alert(1)</script> & Co")
    html = render_page(scratch, record)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_service_list_shows_closure_and_facts(scratch, service_fixtures):
    closed = load_fixture(scratch, service_fixtures["temporarily_closed"], "closed-for-now")
    html = Renderer(OFFER_TAXONOMY).render("service-list", "browse/area/gillingham/",
                                                   records=[closed])
    assert 'href="../../../services/closed-for-now/"' in html
    assert "Temporarily closed." in html and "Ages 5 to 10 years" in html


def test_empty_service_list_points_elsewhere():
    html = Renderer(OFFER_TAXONOMY).render("service-list", "browse/area/strood/",
                                                   records=[])
    assert "no services here" in html and 'href="../../a-z/"' in html


NOT_KNOWN = "cost: {free: not-known}"


def test_a_cost_not_known_tells_families_to_ask(scratch, service_fixtures):
    text = service_fixtures["minimal"]
    assert "cost: {free: true}" in text
    record = load_fixture(scratch, text.replace("cost: {free: true}", NOT_KNOWN), "unknown")
    assert not record.cost.known and not record.is_free and not record.has_cost
    assert dict(outline(render_page(scratch, record)))["Cost"] == \
        "Not known yet: ask the service before you go."
    said = load_fixture(scratch, text.replace("cost: {free: true}", "cost: {free: not-known, "
                                              "description: Ask the club about trips.}"), "said")
    assert dict(outline(render_page(scratch, said)))["Cost"] == \
        "Not known yet: ask the service before you go. Ask the club about trips."
    html = Renderer(OFFER_TAXONOMY).render("service-list", "browse/a-z/U/", records=[record])
    assert "Cost not known." in html and "Costs." not in html and "Free." not in html


def test_a_service_on_many_lists_is_made_once_for_each_link_to_it(scratch):
    first = load_fixture(scratch, record_yaml(name="First Service"), "first")
    renderer = Renderer(OFFER_TAXONOMY)
    made = []
    render = renderer.env.get_template("service-list/item.html").render

    def counting(**values):
        made.append((values["record"].id, values["href"]))
        return render(**values)

    renderer.env.get_template("service-list/item.html").render = counting
    one = renderer.render("service-list", "browse/area/strood/", records=[first])
    two = renderer.render("service-list", "browse/need/autism/", records=[first])
    top = renderer.render("service-list", "browse/a-z/", records=[first])
    assert made == [("first", "../../../services/first/"), ("first", "../../services/first/")]
    assert one == two and top == one.replace("../../../services/", "../../services/")
    assert '<a href="../../../services/first/">First' in one
