"""What every open-data file shares: only published records, stable ids, safe text.

Two small scratch builds go through mkdocs end to end; the helpers are tested alone.
"""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import icalendar
import pytest

from local_offer.outputs.common import Identifiers, split_address, without_empty
from local_offer.site.urls import absolute
from tests.helpers import MINIMAL, build_into, copy_project

TODAY = "2026-11-23"
# Published somewhere, so the sitemap is published too (without an address it is not).
SITE_URL = "https://localoffer.example.org/"
# Awkward characters on purpose: they must survive every format intact and harmless. (A tag
# such as </script> is refused by the validator: records/raw_html.py.)
CURRENT = MINIMAL.replace("Minimal Service", "Chips & Dips <3 Club").replace(
    "last_reviewed: 2026-05-03", "last_reviewed: 2026-10-01") + """\
sessions:
  - description: Tuesdays 16:00 to 17:30
    days: [tuesday]
    start: "16:00"
    end: "17:30"
"""
# Reviewed two years before today: long past its review date and grace, so unpublished.
EXPIRED = CURRENT.replace("Chips & Dips <3 Club", "Long Forgotten Group").replace(
    "last_reviewed: 2026-10-01", "last_reviewed: 2024-11-23")
ADDED = MINIMAL.replace("Minimal Service", "Added Later Service")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Build 1: a current and an expired record. Build 2: the same, plus one more record."""

    root = tmp_path_factory.mktemp("open-data")
    project = copy_project(root)
    project.write("chips-and-dips.yaml", CURRENT)
    project.write("long-forgotten.yaml", EXPIRED)
    build_into(root, root / "first", TODAY, site_url=SITE_URL)
    project.write("added-later.yaml", ADDED)
    build_into(root, root / "second", TODAY, site_url=SITE_URL)
    return root / "first", root / "second"


def every_open_data_file(site):
    for pattern in ("openreferral/**/*.json", "services.csv", "feed.xml", "sitemap.xml",
                    "**/*.ics"):
        yield from site.glob(pattern)


def test_an_expired_record_is_in_no_file_and_the_current_one_is_in_each(two_builds):
    first, _ = two_builds
    ids = Identifiers("Medway")
    expired = ids.of("service", "long-forgotten")
    current = ids.of("service", "chips-and-dips")
    texts = {path.relative_to(first).as_posix(): path.read_text(encoding="utf-8")
             for path in every_open_data_file(first)}
    assert set(texts) >= {"openreferral/v3/index.json", "openreferral/v3/services.json",
                          f"openreferral/v3/services/{current}.json", "services.csv",
                          "feed.xml", "sitemap.xml", "services/chips-and-dips/sessions.ics"}
    for path, text in texts.items():
        for trace in ("long-forgotten", "Long Forgotten Group", expired):
            assert trace not in text, f"{trace} is in {path}"
    # Only the short "being checked" page stays, so old links do not 404 silently.
    assert [p.name for p in (first / "services" / "long-forgotten").iterdir()] == ["index.html"]
    listing = json.loads(texts["openreferral/v3/services.json"])
    assert [item["id"] for item in listing["contents"]] == [current]
    for path in ("services.csv", "feed.xml", "sitemap.xml"):
        assert "chips-and-dips" in texts[path], path


def test_two_builds_give_the_same_ids_and_files(two_builds):
    first, second = two_builds
    for path in every_open_data_file(first):
        relative = path.relative_to(first)
        if relative.as_posix() in ("openreferral/v3/services.json", "services.csv",
                                   "feed.xml", "sitemap.xml"):
            continue  # these list the added record too
        assert (second / relative).read_bytes() == path.read_bytes(), relative
    added = Identifiers("Medway").of("service", "added-later")
    assert (second / "openreferral" / "v3" / "services" / f"{added}.json").is_file()
    first_ids = [i["id"] for i in json.loads(
        (first / "openreferral/v3/services.json").read_text(encoding="utf-8"))["contents"]]
    second_ids = [i["id"] for i in json.loads(
        (second / "openreferral/v3/services.json").read_text(encoding="utf-8"))["contents"]]
    assert set(first_ids) < set(second_ids)


def test_awkward_text_survives_every_format(two_builds):
    first, _ = two_builds
    name = "Chips & Dips <3 Club"
    service = next((first / "openreferral/v3/services").glob("*.json"))
    assert json.loads(service.read_text(encoding="utf-8"))["name"] == name
    rows = list(csv.DictReader(io.StringIO(
        (first / "services.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["Name"] == name
    feed = ET.parse(first / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert name in titles
    calendar = icalendar.Calendar.from_ical(
        (first / "services/chips-and-dips/sessions.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [name]
    # In the page's <head> the name is in JSON-LD: no raw < or & to end the script early.
    html = (first / "services/chips-and-dips/index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    start = head.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">')
    script = head[start: head.index("</script>", start)]
    assert "<" not in script and "&" not in script
    assert json.loads(script)["name"] == name


def test_split_address_takes_the_town_from_the_last_part():
    assert split_address("12 Example Road, Strood") == ("12 Example Road", "Strood")
    assert split_address("6 Pattern Road, Rainham, Gillingham") == (
        "6 Pattern Road, Rainham", "Gillingham")
    assert split_address("The Old School House") == ("The Old School House", "")


def test_without_empty_keeps_zero_and_false():
    assert without_empty({"a": None, "b": "", "c": [], "d": {}, "e": 0, "f": False,
                          "g": [{"h": None}, {"i": "x"}]}) == {"e": 0, "f": False,
                                                              "g": [{"i": "x"}]}


def test_site_address_is_full_only_when_the_site_url_is_known():
    assert absolute("", "services/x/") == "services/x/"
    assert absolute("https://offer.example.org/send", "services/x/") == \
        "https://offer.example.org/send/services/x/"
    assert absolute("https://offer.example.org/send/", "./") == \
        "https://offer.example.org/send/"
