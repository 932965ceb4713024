"""Import, validate, build: the imported offer's pages and feeds show no tag, and the Open
Referral UK feed still validates against the standard."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from local_offer.cli import main
from local_offer.records.raw_html import tags_in
from tests.editing.importing.helpers import run_import, with_feeds
from tests.helpers import FIXTURE_TODAY, build_into, copy_project
from tests.outputs.test_oruk import OrukSchemas, oruk_dir

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("imported") / "project")
    with_feeds(project)
    run_import(project, "feeds")
    assert main(["--project", str(project.root), "validate", "--today", FIXTURE_TODAY]) == 0
    build_into(project.root, project.root / "site")
    return project.root / "site"


class PageText(HTMLParser):
    """The text a page shows, outside scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def shown_text(html: str) -> str:
    parser = PageText()
    parser.feed(html)
    return " ".join(parser.parts)


def test_every_imported_service_has_a_page_with_no_tag_in_its_text(imported_site):
    pages = sorted((imported_site / "services").glob("*/index.html"))
    assert len(pages) == 43
    for page in pages:
        text = shown_text(page.read_text(encoding="utf-8"))
        assert tags_in(text) == [], page
        assert "&lt;" not in text and "&amp;" not in text and "\u200b" not in text, page
    swim = shown_text((imported_site / "services" / "swim-together" / "index.html")
                      .read_text(encoding="utf-8"))
    assert "Swimming sessions for disabled children" in swim


def test_no_feed_holds_a_tag_as_text(imported_site):
    feeds = [*(imported_site / "openreferral" / "v3").rglob("*.json"),
             imported_site / "services.csv", imported_site / "feed.xml"]
    for feed in feeds:
        text = feed.read_text(encoding="utf-8-sig")
        if feed.suffix == ".json":
            values = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
            assert not [v for v in values if tags_in(json.loads(f'"{v}"'))], feed
        elif feed.suffix == ".csv":
            assert tags_in(text) == [], feed
        else:  # Atom: its own markup is XML; the text inside holds no tag, even escaped
            assert "&lt;p" not in text and "&lt;br" not in text and "&lt;script" not in text


def test_the_open_referral_feed_still_validates(imported_site):
    schemas = OrukSchemas(oruk_dir())
    folder = imported_site / "openreferral" / "v3"
    listing = json.loads((folder / "services.json").read_text(encoding="utf-8"))
    assert schemas.errors("service_list.json", listing) == []
    assert listing["total_items"] == 43
    for body in sorted((folder / "services").glob("*.json")):
        service = json.loads(body.read_text(encoding="utf-8"))
        assert schemas.errors("service_with_definitions.json", service) == [], body.name
