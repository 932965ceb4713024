"""Pages families and inspectors asked for, generated from the records and data files.

While you wait (services marked supports_waiting_families), My list (filled in
the browser from services-index.json), You said, we did (data/you-said-we-did.yaml)
and What the offer covers (data/coverage.yaml against what is published).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from local_offer.records.comments import Comments
from local_offer.records.coverage import HeadingCoverage, coverage_of
from local_offer.site import urls
from local_offer.site.pages import GeneratedPage

if TYPE_CHECKING:
    from local_offer.site.content import SiteContent

def waiting_family_services(content: SiteContent) -> list:
    """Exactly the published records marked as support while families wait."""
    return [record for record in content.records if record.supports_waiting_families]


def offer_coverage(content: SiteContent) -> list[HeadingCoverage] | None:
    coverage = content.site_data.coverage if content.site_data else None
    if coverage is None:
        return None
    generated = {page.src_uri: page.title for page in content.pages()}
    return coverage_of(coverage, content.records, generated)


def family_pages(content: SiteContent) -> Iterable[GeneratedPage]:
    render = content.renderer.render
    yield GeneratedPage(
        urls.WHILE_YOU_WAIT, "Support while you wait",
        lambda url: render("while-you-wait", url, records=waiting_family_services(content)),
        kind="family")
    yield GeneratedPage(urls.MY_LIST, "My list", lambda url: render("my-list", url), kind="family")
    comments = content.site_data.comments if content.site_data else Comments()
    yield GeneratedPage(urls.YOU_SAID_WE_DID, "You said, we did",
                        lambda url: render("you-said-we-did", url, comments=comments),
                        kind="family")
    yield GeneratedPage(
        urls.COVERAGE, "What the offer covers",
        lambda url: render("coverage-map", url, results=offer_coverage(content)),
        kind="family")
