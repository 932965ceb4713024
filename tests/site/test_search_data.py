"""What the search index holds about a service, and the hidden component that carries it."""

from __future__ import annotations

import re
from dataclasses import replace

from local_offer.records.taxonomy import AgeBand
from local_offer.site.build import build_content
from local_offer.site.render import Renderer
from local_offer.site.search_data import EVERY_SERVICE, SearchData, SearchFacts
from tests.helpers import OFFER_TAXONOMY as TAXONOMY
from tests.helpers import FIXTURE_TODAY, component_fixtures
from tests.site.test_family_words import record


def filter_values(facts: SearchFacts, name: str) -> list[str]:
    return [value for filter_name, value in facts.filters if filter_name == name]


def test_ages_are_the_youngest_and_oldest_served(scratch):
    facts = SearchData(TAXONOMY, None).facts(record(scratch, **{"{min: 16, max: 25}":
                                                               "{min: 3, max: 12}"}))
    assert filter_values(facts, "age-from") == ["3"]
    assert filter_values(facts, "age-to") == ["12"]
    assert filter_values(facts, "age") == []


def test_ages_beyond_the_bands_are_held_to_them(scratch):
    assert (SearchData(TAXONOMY, None).youngest, SearchData(TAXONOMY, None).oldest) == (0, 25)
    # A council whose browse bands stop at 18: the Find page asks ages 2 to 18.
    narrower = replace(TAXONOMY, age_bands=(AgeBand("2-18", "2 to 18 years", 2, 18),))
    facts = SearchData(narrower, None).facts(record(scratch, **{"{min: 16, max: 25}":
                                                                "{min: 0, max: 25}"}))
    assert filter_values(facts, "age-from") == ["2"] and filter_values(facts, "age-to") == ["18"]


def test_whole_area_and_all_needs_match_every_choice(scratch):
    facts = SearchData(TAXONOMY, None).facts(record(scratch))
    assert filter_values(facts, "area") == [t.id for t in TAXONOMY.areas]
    assert filter_values(facts, "need") == [t.id for t in TAXONOMY.needs]


def test_named_areas_and_needs_only_match_themselves(scratch):
    facts = SearchData(TAXONOMY, None).facts(record(scratch, **{
        "[area-wide]": "[strood, chatham]", "[all-needs]": "[autism]"}))
    assert filter_values(facts, "area") == ["strood", "chatham"]
    assert filter_values(facts, "need") == ["autism"]


def test_free_routes_and_categories(scratch):
    data = SearchData(TAXONOMY, None)
    free = data.facts(record(scratch, "free", **{"[self-referral]": "[drop-in, ehc-plan]"}))
    paid = data.facts(record(scratch, "paid", **{
        "{free: true}": "{free: false, description: £3 a session.}"}))
    assert filter_values(free, "free") == ["yes"] and filter_values(paid, "free") == []
    assert filter_values(free, "route") == ["drop-in", "ehc-plan"]
    assert filter_values(free, "category") == ["education"]
    assert dict(paid.meta)["cost"] == "£3 a session."
    assert dict(free.meta)["cost"] == "Free"


def test_a_result_shows_summary_ages_areas_cost_and_last_reviewed(scratch):
    facts = SearchData(TAXONOMY, None).facts(record(scratch, **{"[area-wide]": "[strood, rainham]"}))
    assert dict(facts.meta) == {"summary": "A service with only the fields that are required.",
                                "ages": "Ages 16 to 25 years", "areas": "Strood, Rainham",
                                "cost": "Free", "reviewed": "Last reviewed 3 May 2026"}
    assert facts.sort_name == "minimal service"


def test_a_result_is_in_the_language_of_the_pages_it_is_for(scratch):
    """The Polish pages' index shows its result lines in Polish; the record's own text (its
    summary, its cost's description) is as the record, or its translation, has it."""
    shown = record(scratch, **{"owner:": "status: temporarily-closed\nowner:"})
    facts = SearchData(TAXONOMY, None, language="pl").facts(shown)
    assert dict(facts.meta) == {"summary": "A service with only the fields that are required.",
                                "ages": "Wiek: od 16 do 25 lat", "areas": "Medway-wide",
                                "cost": "Bezpłatne", "reviewed": "Ostatnio sprawdzono 3 maja 2026",
                                "closed": "Tymczasowo zamknięte"}
    romanian = dict(SearchData(TAXONOMY, None, language="ro").facts(shown).meta)
    assert romanian["cost"] == "Gratuit" and romanian["reviewed"].startswith("Verificat ultima")


def test_a_temporarily_closed_service_says_so_in_its_result(scratch):
    facts = SearchData(TAXONOMY, None).facts(record(scratch, **{
        "owner:": "status: temporarily-closed\nowner:"}))
    assert dict(facts.meta)["closed"] == "Temporarily closed"


def render_search_data(facts) -> str:
    return Renderer(TAXONOMY).render("search-data", "services/x/", search=facts)


def facts_from_fixture(name: str) -> SearchFacts:
    data = component_fixtures("search-data")[name]
    return SearchFacts(filters=tuple(map(tuple, data["filters"])), meta=tuple(map(tuple, data["meta"])),
                       sort_name=data["sort_name"],
                       word_groups=tuple((w, tuple(words)) for w, words in data["word_groups"]))


def test_component_hides_its_data_and_marks_it_for_pagefind():
    html = render_search_data(facts_from_fixture("speech_service"))
    data_block = re.search(r"<div hidden data-pagefind-ignore>(.*?)</div>", html, re.DOTALL)
    assert data_block, html
    block = data_block.group(1)
    assert 'data-pagefind-sort' not in block  # A to Z comes from the filter tables
    assert '<span data-pagefind-filter="age-from:0"></span>' in block
    assert '<span data-pagefind-filter="area:strood"></span>' in block
    assert ('<span data-pagefind-meta="summary">Play sessions &lt;for&gt; talking &amp; '
            'listening.</span>') in block
    assert '<p hidden data-pagefind-weight="4.0">SaLT, SALT, speech therapy</p>' in html
    assert '<p hidden data-pagefind-weight="0.5">my child won&#39;t talk</p>' in html
    # The family words are searched, so they must not sit in the ignored block.
    assert "speech therapy" not in block


def test_component_without_words_has_no_empty_paragraph():
    html = render_search_data(facts_from_fixture("no_words"))
    # Only the word every service has (a search by postcode lists every service with it).
    assert re.findall(r"<p[^>]*>[^<]*</p>", html) == [
        f'<p hidden data-pagefind-weight="0.1">{EVERY_SERVICE}</p>']
    assert 'data-pagefind-filter="category:travel"' in html


def test_service_page_is_searchable_only_when_given_search_facts(scratch):
    minimal = record(scratch)
    renderer = Renderer(TAXONOMY)
    plain = renderer.render("service-page", "services/service/", record=minimal)
    searchable = renderer.render("service-page", "services/service/", record=minimal,
                                 search=SearchData(TAXONOMY, None).facts(minimal))
    assert "data-pagefind" not in plain
    article = searchable[searchable.index("<article"):searchable.index(">", searchable.index("<article"))]
    assert " data-pagefind-body" in article
    assert 'data-pagefind-meta="service_id[data-service-id]"' in article
    # Search skips only the repeats: the key facts (the sections say the same), the
    # review line and the hidden search data's block.
    skipped = re.findall(r"<(\w+)([^>]*) data-pagefind-ignore", searchable)
    assert [(tag, re.sub(r'\s*(class|id)="([^"]*)"', r"\2 ", rest).strip())
            for tag, rest in skipped] == [
        ("h2", "key-facts lo-visually-hidden"), ("dl", "lo-summary-list"),
        ("p", "lo-reviewed"), ("div", "hidden")]


def test_a_cost_not_known_is_neither_free_nor_a_cost(scratch):
    facts = SearchData(TAXONOMY, None).facts(record(scratch, "unknown", **{
        "{free: true}": "{free: not-known}"}))
    assert filter_values(facts, "free") == []
    assert dict(facts.meta)["cost"] == "Cost not known"


def test_the_filters_families_use(scratch):
    from local_offer.records.model import Session
    made = replace(record(scratch), attending=("online", "phone"), interpreter_on_request=True,
                   languages=("Polish", "British Sign Language"),
                   sessions=(Session("Saturdays 10:00 to 12:00", ("saturday",), "10:00",
                                     "12:00", "term-time"),))
    facts = SearchData(TAXONOMY, None, scratch.languages).facts(made)
    assert filter_values(facts, "attending") == ["online", "phone"]
    assert filter_values(facts, "when") == ["weekends"]
    assert filter_values(facts, "language") == ["pl", "bfi"]
    assert filter_values(facts, "interpreter") == ["yes"]
    # Every name of its languages finds it: English, their own and their other names.
    words = {word for _, group in facts.word_groups for word in group}
    assert {"Polish", "polski", "British Sign Language", "BSL", "interpreter"} <= words


def test_a_service_that_has_not_said_has_none_of_them(scratch):
    facts = SearchData(TAXONOMY, None, scratch.languages).facts(record(scratch))
    for name in ("attending", "when", "language", "interpreter"):
        assert filter_values(facts, name) == [], name


def test_language_words_join_the_glossarys_without_repeating_one():
    from local_offer.site.search_data import with_words
    groups = ((4.0, ("speech",)), (1.0, ("BSL",)))
    assert with_words(groups, 1.0, ("BSL", "polski")) == ((4.0, ("speech",)),
                                                         (1.0, ("BSL", "polski")))
    assert with_words(groups, 2.0, ("polski",))[1] == (2.0, ("polski",))
    assert with_words(groups, 1.0, ()) == groups


def test_the_find_pages_tables_leave_out_where_venues_are(offer_project):
    """Venues go to Pagefind a postcode district at a time (near-me.js); a table of them
    would hold a value for every venue of the offer."""
    content = build_content(offer_project, today=FIXTURE_TODAY)
    record = next(r for r in content.records if r.locations)
    every = dict.fromkeys(name for name, _ in content.search.filters(record))
    tabled = dict.fromkeys(name for name, _ in content.search.tabled_filters(record))
    assert [name for name in every if name.startswith("near-")]
    assert list(tabled) == [name for name in every if not name.startswith("near-")]
