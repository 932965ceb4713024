"""The one list of page types the browser suite checks: axe, structure and privacy.

A new kind of page joins every check with one line: its name, the site it is
on and its path there. SAMPLE is the sample data as built for `make test`;
FIXTURES is a small site built from the service-page component's fixture
records, for the cases the sample lacks.
"""

from __future__ import annotations

from typing import NamedTuple

SAMPLE = "sample"
FIXTURES = "fixtures"

# Records of the FIXTURES site: service id -> fixture in components/service-page/fixtures.yaml.
FIXTURE_RECORDS = {"every-field": "full", "minimal": "minimal", "long-ago": "expired"}


class PageType(NamedTuple):
    site: str
    path: str
    published: bool = True  # False: an unpublished entry's short "being checked" page
    ready: str = ""  # for a page that draws with JavaScript: what shows once it has drawn

    @property
    def is_service(self) -> bool:
        """A published service's page, which must show its contacts, times and places."""
        return self.path.startswith("services/") and self.published


PAGE_TYPES = {
    "home": PageType(SAMPLE, ""),
    "service with every field": PageType(FIXTURES, "services/every-field/"),
    "minimal service": PageType(FIXTURES, "services/minimal/"),
    "temporarily closed service": PageType(SAMPLE, "services/accessible-swimming/"),
    "browse index": PageType(SAMPLE, "browse/"),
    "category index": PageType(SAMPLE, "browse/category/"),
    "category": PageType(SAMPLE, "browse/category/short-breaks/"),
    "need index": PageType(SAMPLE, "browse/need/"),
    "need": PageType(SAMPLE, "browse/need/autism/"),
    "age index": PageType(SAMPLE, "browse/age/"),
    "age": PageType(SAMPLE, "browse/age/0-4/"),
    "area index": PageType(SAMPLE, "browse/area/"),
    "area": PageType(SAMPLE, "browse/area/strood/"),
    "a-z index": PageType(SAMPLE, "browse/a-z/"),
    "a-z letter": PageType(SAMPLE, "browse/a-z/T/"),
    "glossary": PageType(SAMPLE, "glossary/"),
    "how to get help": PageType(SAMPLE, "how-to-get-help/"),
    "about": PageType(SAMPLE, "about/"),
    "page not found": PageType(SAMPLE, "404.html"),
    "find support": PageType(SAMPLE, "find/"),
    "search results": PageType(SAMPLE, "find/?q=speech+therapy&age=3",
                               ready="[data-lo-find-list] .lo-result"),
    # The every-field fixture was reviewed 2026-05-03: overdue on the pinned day, so its
    # page above also carries the freshness warning.
    "being checked (unpublished)": PageType(FIXTURES, "services/long-ago/", published=False),
    "freshness report": PageType(SAMPLE, "about/freshness/"),
    "my list": PageType(SAMPLE, "my-list/"),
    "while you wait": PageType(SAMPLE, "while-you-wait/"),
    "you said, we did": PageType(SAMPLE, "you-said-we-did/"),
    "what the offer covers": PageType(SAMPLE, "what-the-offer-covers/"),
    "open data": PageType(SAMPLE, "open-data/"),
    "contributing guide": PageType(SAMPLE, "about/contributing/"),
    "field reference": PageType(SAMPLE, "about/fields/"),
}

SERVICE_PAGE_TYPES = {name: kind for name, kind in PAGE_TYPES.items() if kind.is_service}
