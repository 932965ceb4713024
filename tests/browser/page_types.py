"""The one list of page types the browser suite checks: axe, structure and privacy.

A new kind of page joins every check with one line: its name, the site it is
on and its path there. OFFER is the fixture offer (tests/fixtures/offer) as
built for `make test`; COMPONENTS is a small site built from the service-page
component's fixture records, for the cases the fixture offer lacks.
"""

from __future__ import annotations

from typing import NamedTuple

OFFER = "offer"
COMPONENTS = "components"
# The fixture offer in English, Polish and Romanian (tests/conftest.py languages_site).
LANGUAGES = "languages"

# Records of the COMPONENTS site: service id -> fixture in components/service-page/fixtures.yaml.
COMPONENT_RECORDS = {"every-field": "full", "minimal": "minimal", "long-ago": "expired"}


class PageType(NamedTuple):
    site: str
    path: str
    published: bool = True  # False: an unpublished entry's short "being checked" page
    ready: str = ""  # for a page that draws with JavaScript: what shows once it has drawn
    language: str = "en"  # its <html lang>

    @property
    def is_service(self) -> bool:
        """A published service's page, which must show its contacts, times and places."""
        return self.path.startswith("services/") and self.published


PAGE_TYPES = {
    "home": PageType(OFFER, ""),
    "service with every field": PageType(COMPONENTS, "services/every-field/"),
    "minimal service": PageType(COMPONENTS, "services/minimal/"),
    "temporarily closed service": PageType(OFFER, "services/accessible-swimming/"),
    "browse index": PageType(OFFER, "browse/"),
    "category index": PageType(OFFER, "browse/category/"),
    "category": PageType(OFFER, "browse/category/short-breaks/"),
    "need index": PageType(OFFER, "browse/need/"),
    "need": PageType(OFFER, "browse/need/autism/"),
    "age index": PageType(OFFER, "browse/age/"),
    "age": PageType(OFFER, "browse/age/0-4/"),
    "area index": PageType(OFFER, "browse/area/"),
    "area": PageType(OFFER, "browse/area/strood/"),
    "taking part index": PageType(OFFER, "browse/taking-part/"),
    "taking part": PageType(OFFER, "browse/taking-part/online/"),
    "when index": PageType(OFFER, "browse/when/"),
    "when": PageType(OFFER, "browse/when/school-holidays/"),
    "language index": PageType(OFFER, "browse/language/"),
    "language": PageType(OFFER, "browse/language/pl/"),
    "a-z index": PageType(OFFER, "browse/a-z/"),
    "a-z letter": PageType(OFFER, "browse/a-z/T/"),
    "glossary": PageType(OFFER, "glossary/"),
    "how to get help": PageType(OFFER, "how-to-get-help/"),
    "about": PageType(OFFER, "about/"),
    "page not found": PageType(OFFER, "404.html"),
    "find support": PageType(OFFER, "find/"),
    "search results": PageType(OFFER, "find/?q=speech+therapy&age=3",
                               ready="[data-lo-find-list] .lo-result"),
    "results by the new filters": PageType(
        OFFER, "find/?age=teenager&attending=in-person&when=weekdays&language=pl&interpreter=yes",
        ready="[data-lo-find-list] .lo-result"),
    # The every-field fixture was reviewed 2026-05-03: overdue on the pinned day, so its
    # page above also carries the freshness warning.
    "being checked (unpublished)": PageType(COMPONENTS, "services/long-ago/", published=False),
    "freshness report": PageType(OFFER, "about/freshness/"),
    "my list": PageType(OFFER, "my-list/"),
    "while you wait": PageType(OFFER, "while-you-wait/"),
    "you said, we did": PageType(OFFER, "you-said-we-did/"),
    "what the offer covers": PageType(OFFER, "what-the-offer-covers/"),
    "open data": PageType(OFFER, "open-data/"),
    "contributing guide": PageType(OFFER, "about/contributing/"),
    "field reference": PageType(OFFER, "about/fields/"),
    "accessibility statement": PageType(OFFER, "accessibility/"),
    "Easy Read service": PageType(OFFER, "services/speech-and-language-therapy/easy-read/"),
    "Easy Read page": PageType(OFFER, "easy-read/how-to-get-help/"),
    # The same pages in the site's other languages.
    "home in Polish": PageType(LANGUAGES, "pl/", language="pl"),
    "translated service in Polish": PageType(LANGUAGES, "pl/services/speech-and-language-therapy/",
                                             language="pl"),
    "service only in English, on the Polish site": PageType(
        LANGUAGES, "pl/services/accessible-swimming/", language="pl"),
    "find support in Polish": PageType(LANGUAGES, "pl/find/", language="pl"),
    "need in Romanian": PageType(LANGUAGES, "ro/browse/need/autism/", language="ro"),
    "hand-written page in Polish": PageType(LANGUAGES, "pl/about/", language="pl"),
    "hand-written page only in English, on the Romanian site": PageType(
        LANGUAGES, "ro/how-to-get-help/", language="ro"),
    "freshness report in Polish": PageType(LANGUAGES, "pl/about/freshness/", language="pl"),
    "accessibility statement in Romanian": PageType(LANGUAGES, "ro/accessibility/",
                                                    language="ro"),
    "page not found in Polish": PageType(LANGUAGES, "pl/404.html", language="pl"),
}

SERVICE_PAGE_TYPES = {name: kind for name, kind in PAGE_TYPES.items() if kind.is_service}
