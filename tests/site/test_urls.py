"""Every address on the site is spelled in one place: local_offer/site/urls.py."""

from __future__ import annotations

import re
from pathlib import Path

from local_offer.site import urls

PACKAGE = Path(__file__).resolve().parent.parent / "local_offer"
# A page address written out: services/…, browse/…, or a fixed page's directory URL.
SPELLED_OUT = re.compile(r"""["'](?:services/[{a-z*]|browse/|glossary/|find/|while-you-wait/|my-list/|"""
                         r"""you-said-we-did/|what-the-offer-covers/|about/freshness)""")


def test_services_and_browse_pages_have_one_address_each():
    assert urls.service("tiny-talkers") == "services/tiny-talkers/"
    assert urls.of_source(urls.service_source("tiny-talkers")) == urls.service("tiny-talkers")
    assert urls.service_calendar("x") == "services/x/sessions.ics"
    assert urls.browse() == "browse/"
    assert urls.browse("area") == "browse/area/"
    assert urls.browse("area", "strood") == "browse/area/strood/"
    assert urls.of_source(urls.browse_source("area", "strood")) == urls.browse("area", "strood")
    assert urls.page(urls.HOME) == ""
    assert urls.page(urls.FRESHNESS) == "about/freshness/"


def test_no_template_or_module_spells_a_page_address_itself():
    offenders = []
    for path in [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("template.html")]:
        if path == PACKAGE / "site" / "urls.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if SPELLED_OUT.search(line) and not line.lstrip().startswith(("#", "{#")):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert not offenders, "use local_offer.site.urls instead:\n" + "\n".join(offenders)


def test_full_addresses_only_when_the_site_address_is_known():
    assert urls.absolute("", "services/x/") == "services/x/"
    assert urls.absolute("https://offer.example.org/send", "services/x/") == \
        "https://offer.example.org/send/services/x/"


def test_directions_search_openstreetmap_for_the_address_and_postcode():
    assert urls.directions("1 Example Road, Strood", "ME2 4AA") == (
        "https://www.openstreetmap.org/search?query=1+Example+Road%2C+Strood%2C+ME2+4AA")


def test_another_language_has_every_page_under_its_code_and_files_stay_put():
    assert urls.in_language(urls.service("x"), "") == "services/x/"
    assert urls.in_language(urls.service("x"), "pl") == "pl/services/x/"
    assert urls.in_language(urls.page(urls.HOME), "pl") == "pl/"
    assert urls.in_language(urls.find(need="autism"), "ro") == "ro/find/?need=autism"
    assert urls.in_language(urls.glossary_term("ehcp"), "pl") == "pl/glossary/#ehcp"
    # One feed, one calendar and one open data file serve every language.
    assert urls.in_language(urls.FEED, "pl") == urls.FEED
    assert urls.in_language(urls.service_calendar("x"), "pl") == urls.service_calendar("x")
    assert urls.source_in_language(urls.service_source("x"), "pl") == "pl/services/x.md"
    assert urls.language_prefix("pl/services/x.md", {"pl", "ro"}) == "pl"
    assert urls.language_prefix("services/x.md", {"pl", "ro"}) == ""
    assert urls.language_prefix("pl.md", {"pl"}) == ""
    assert urls.without_language("pl/services/x.md", "pl") == "services/x.md"
    assert urls.file_from_language("services.csv", "pl") == "../services.csv"
