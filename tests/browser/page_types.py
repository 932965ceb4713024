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
FIXTURE_RECORDS = {"every-field": "full", "minimal": "minimal"}


class PageType(NamedTuple):
    site: str
    path: str

    @property
    def is_service(self) -> bool:
        return self.path.startswith("services/")


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
    # Page types from other issues join here, one line each, for example:
    # "search results": PageType(SAMPLE, "search/?q=speech"),
}

SERVICE_PAGE_TYPES = {name: kind for name, kind in PAGE_TYPES.items() if kind.is_service}
