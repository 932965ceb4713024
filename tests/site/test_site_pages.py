"""Generated pages: browse groupings and URLs, independent of any site engine."""

from __future__ import annotations

import re

from local_offer.records.words import plural
from local_offer.site.build import build_content
from local_offer.site.content import LONG_LIST
from local_offer.site.pages import first_letter
from tests.helpers import MINIMAL, record_yaml


def content_for(scratch, **records):
    for name, text in records.items():
        scratch.write(f"{name}.yaml", text)
    return build_content(scratch)


def band_ids(content, record_id):
    return sorted(band for band, records in content.groups["age"].items()
                  if any(r.id == record_id for r in records))


def test_service_in_every_age_band_its_range_touches(scratch):
    content = content_for(scratch, **{"three-to-twelve": record_yaml(ages="{min: 3, max: 12}")})
    assert band_ids(content, "three-to-twelve") == ["0-4", "11-15", "5-10"]


def test_single_age_and_edges(scratch):
    content = content_for(scratch, four=record_yaml(ages="{min: 4, max: 4}"),
                          adult=record_yaml(ages="{min: 16, max: 25}"))
    assert band_ids(content, "four") == ["0-4"]
    assert band_ids(content, "adult") == ["16-25"]


def test_area_wide_and_all_needs_services_are_under_every_term(scratch):
    content = content_for(scratch, everywhere=MINIMAL,
                          strood=record_yaml(areas="[strood]", needs="[autism]"))
    assert [r.id for r in content.groups["area"]["strood"]] == ["everywhere", "strood"]
    assert [r.id for r in content.groups["area"]["chatham"]] == ["everywhere"]
    assert [r.id for r in content.groups["need"]["autism"]] == ["everywhere", "strood"]
    assert [r.id for r in content.groups["need"]["vision"]] == ["everywhere"]


def test_page_urls_and_kinds(scratch):
    content = content_for(scratch, only=MINIMAL)
    pages = {page.url: page for page in content.pages()}
    assert pages["services/only/"].kind == "service"
    assert pages["services/only/"].title == "Minimal Service"
    for url in ("browse/", "browse/category/", "browse/category/education/", "browse/need/",
                "browse/age/16-25/", "browse/area/strood/", "browse/a-z/", "browse/a-z/M/"):
        assert url in pages, url


def test_browse_page_lists_its_services_only(scratch):
    content = content_for(scratch, school=MINIMAL,
                          health=record_yaml(categories="[health]", name="Health Service"))
    pages = {page.url: page for page in content.pages()}
    html = pages["browse/category/health/"].render("browse/category/health/")
    assert "Health Service" in html and "Minimal Service" not in html
    index = pages["browse/category/"].render("browse/category/")
    assert "Health</a> <span class=\"lo-count\">(1 service)" in index


def test_first_letter():
    assert first_letter("tiny talkers") == "T"
    assert first_letter("1-2-1 support") == "0-9"


LISTED_ID = re.compile(r'<li class="lo-service-item" data-service-id="([\w-]+)"')
GROUP = re.compile(r'<h2 id="([\w-]+)">([^<]+) <span class="lo-count">\((\d+) services?\)')


def test_a_long_browse_list_is_grouped_by_kind_of_help_with_counts(offer_site):
    html = (offer_site / "browse" / "age" / "11-15" / "index.html").read_text(encoding="utf-8")
    listed = LISTED_ID.findall(html)
    assert len(listed) > LONG_LIST and len(set(listed)) == len(listed)  # each service once
    groups = GROUP.findall(html)
    assert len(groups) > 1 and sum(int(count) for _, _, count in groups) == len(listed)
    assert f'<p class="lo-list-count">{len(listed)} services. ' in html
    # The jump list leads to every group; the groups are in the taxonomy's order.
    assert all(f'<a href="#{anchor}">{title}</a>' in html for anchor, title, _ in groups)
    assert [title for _, title, _ in groups][:2] == ["Education", "Health"]
    assert 'href="../../../find/?age=11"' in html


def test_a_short_browse_list_is_one_list_with_a_way_on_to_find(offer_site):
    html = (offer_site / "browse" / "category" / "travel" / "index.html").read_text(encoding="utf-8")
    count = len(LISTED_ID.findall(html))
    assert 0 < count <= LONG_LIST and not GROUP.findall(html)
    assert f'<p class="lo-list-count">{plural(count, "service")}. <a href="../../../find/?category=travel">' \
        in html
