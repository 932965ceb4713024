"""The home page: task first, generated, with the area's name from settings."""

from __future__ import annotations

import re

from tests.helpers import build_into, copy_project


def test_the_home_page_leads_with_search_and_the_wait_then_the_ways_in(offer_site):
    html = (offer_site / "index.html").read_text(encoding="utf-8")
    main = html[html.index('id="main-content"'):]
    order = [main.index(marker) for marker in (
        '<form class="lo-home-search" action="find/"', 'id="waiting"', 'id="ways-in"')]
    assert order == sorted(order)
    tiles = dict((text, href) for href, text in re.findall(
        r'<a class="lo-tile" href="([^"]+)">([^<]+)</a>', main))
    assert tiles == {"By need": "browse/need/", "By kind of help": "browse/category/",
                     "By age": "browse/age/",
                     "Near where you live": "browse/area/", "How to get help": "how-to-get-help/",
                     "My list": "my-list/", "Services from A to Z": "browse/a-z/"}
    assert '<a class="lo-home-wait__link" href="while-you-wait/">' in main
    assert "<title>" + "Medway SEND Local Offer (sample)" + "</title>" in html


def test_the_home_page_takes_the_areas_name_from_settings(tmp_path):
    project = copy_project(tmp_path / "p")
    settings = project.data_dir / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "area_name: Medway", "area_name: Northvale"), encoding="utf-8")
    assert not (project.root / "docs" / "index.md").exists()  # nothing hand-written to edit
    build_into(project.root, tmp_path / "site")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    main = html[html.index('id="main-content"'):]
    assert "Northvale's Local Offer lists" in main and "Medway" not in main
