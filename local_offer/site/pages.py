"""A generated page, engine-neutral: its source name, title and a function that renders it.

Also the ways to browse, which several pages list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from local_offer.records.model import Record
from local_offer.records.words import anchor
from local_offer.site import urls
from local_offer.site.languages import N_, Language


@dataclass
class GeneratedPage:
    src_uri: str  # as mkdocs names a source file, e.g. services/tiny-talkers.md
    title: str
    render: Callable[[str], str] | None = field(default=None, repr=False)  # URL -> HTML body
    kind: str = "page"
    record: Record | None = None
    markdown: str | None = None  # instead of render: Markdown the site engine renders itself
    language: Language | None = None  # None: the site's main language
    # The services a list of services shows: what a live preview compares to know that
    # the list need not be made again.
    records: tuple[Record, ...] = ()

    @property
    def url(self) -> str:
        """The directory URL the page is published at, relative to the site root."""
        return urls.of_source(self.src_uri)


@dataclass(frozen=True)
class BrowseWay:
    """One way to browse: by category, need, age, area or letter."""

    slug: str
    title: str
    intro: str


# Titles and introductions in English, translated where they are shown (N_ marks them).
BROWSE_WAYS = (
    BrowseWay("category", N_("Services by category"),
              N_("Choose the kind of help you are looking for.")),
    BrowseWay("need", N_("Services by need"),
              N_("Choose the need. Services for all needs are listed under every need.")),
    BrowseWay("age", N_("Services by age"),
              N_("Choose your child's age. A service is listed under every age group it "
                 "covers.")),
    BrowseWay("area", N_("Services by area"),
              N_("Choose where you live. Services that cover the whole area are listed under "
                 "every area.")),
    BrowseWay("taking-part", N_("Services by how you take part"),
              N_("Choose how you would like to take part: in person, online, by phone or at "
                 "home. Services that have not said are not listed here; find them by "
                 "category, need, age or area.")),
    BrowseWay("when", N_("Services by when they run"),
              N_("Choose when you can go. This comes from each service's session times; "
                 "services without set days are not listed here.")),
    BrowseWay("language", N_("Services by language"),
              N_("Choose a language other than English. Services can also arrange an "
                 "interpreter: it says so on each service's page.")),
    BrowseWay("a-z", N_("Services from A to Z"),
              N_("Choose the first letter of the service's name.")),
)
# The Find page's filter each browse way chooses, where its name is another.
FIND_FILTER = {"taking-part": "attending"}


def first_letter(name: str) -> str:
    letter = name.strip()[:1].upper()
    return letter if "A" <= letter <= "Z" else "0-9"


@dataclass(frozen=True)
class ListGroup:
    """Some services of a list under one heading ("" for a list with no groups), with the
    Find page for them when there is one (site/components/service-groups)."""

    title: str
    records: tuple[Record, ...]
    find_url: str = ""

    @property
    def anchor(self) -> str:
        return anchor(self.title)
