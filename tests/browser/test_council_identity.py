"""The council's short name fits the header of a 320 px screen, in the council's colour.

SHORT_NAME_MAX (records/settings.py) comes from this measurement: in Chromium at
320 px the header's name has about 236 px, which a typical 22-character name
fills ("Shropshire Local Offer" is 227 px, "Southampton Local Offer", 23, is cut).
"""

from __future__ import annotations

import pytest

from local_offer.records.settings import SHORT_NAME_MAX
from tests.browser.sites import axe_violations, describe
from tests.helpers import SiteServer, build_into, copy_project

LONG_NAME = "Shropshire Council Special Educational Needs and Disabilities Local Offer"
SHORT_NAME = "Shropshire Local Offer"
HEADER_NAME = ("() => { const name = document.querySelector('.md-header__topic .md-ellipsis');"
               " return [name.textContent.trim(), name.scrollWidth, name.clientWidth,"
               " getComputedStyle(document.querySelector('.md-header')).backgroundColor,"
               " document.documentElement.scrollWidth]; }")


@pytest.fixture(scope="module")
def council_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("council")
    project = copy_project(root)
    settings = project.data_dir / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("site_name: Medway SEND Local Offer (sample)", f"site_name: {LONG_NAME}")
    text = text.replace("short_name: Medway Local Offer", f"short_name: {SHORT_NAME}")
    text = text.replace('primary_colour: "#1d4f91"', 'primary_colour: "#00703c"')
    settings.write_text(text, encoding="utf-8")
    project.record("only")
    build_into(root, root / "site")
    server = SiteServer(root / "site")
    yield server
    server.close()


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640},
                                      {"width": 1280, "height": 800}], ids=["320px", "1280px"])
def test_the_header_shows_the_whole_short_name_in_the_councils_colour(browser, council_server,
                                                                       viewport):
    assert len(SHORT_NAME) == SHORT_NAME_MAX  # the longest a council may write
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(council_server.url + "about/")
    name, needed, has, colour, page_width = page.evaluate(HEADER_NAME)
    assert name == SHORT_NAME and needed <= has, f"{needed} px in {has} px"
    assert colour == "rgb(0, 112, 60)"
    assert page_width <= viewport["width"]  # no sideways scrolling
    assert page.title() == f"About this site - {LONG_NAME}"
    violations = [v for v in axe_violations(page, within=".md-header")
                  if v["id"] == "color-contrast"]
    assert violations == [], describe(violations)
    context.close()
