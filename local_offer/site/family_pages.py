"""Pages families and inspectors asked for, generated from the records and data files.

While you wait (services marked supports_waiting_families), My list (filled in
the browser from services-index.json), You said, we did (data/you-said-we-did.yaml)
and What the offer covers (data/coverage.yaml against what is published).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from local_offer.records.comments import Comments
from local_offer.records.coverage import HeadingCoverage, coverage_of
from local_offer.site import accessibility, urls
from local_offer.site.languages import N_
from local_offer.site.pages import GeneratedPage, ListGroup

if TYPE_CHECKING:
    from local_offer.site.content import SiteContent

def waiting_family_services(content: SiteContent) -> list:
    """Exactly the published records marked as support while families wait."""
    return [record for record in content.records if record.supports_waiting_families]


EVERY_FAMILY = N_("For every family")
HOME_TITLE = N_("Find support for children and young people with SEND")


def waiting_lists(content: SiteContent) -> list[ListGroup]:
    """The waiting families' services grouped by need (data/while-you-wait.yaml), each group
    led by the services the council names and then by age; those for all needs, or for a
    need no group gathers, last. Without the file, one list."""
    records = waiting_family_services(content)
    by_age = lambda record: (record.ages, record.sort_key)  # noqa: E731
    waiting = content.site_data.waiting_groups if content.site_data else None
    if waiting is None or not waiting.groups:
        return [ListGroup("", tuple(sorted(records, key=by_age)))] if records else []
    lists, placed = [], set()
    for group in waiting.groups:
        lead = {service_id: place for place, service_id in enumerate(group.first)}
        members = sorted((r for r in records if set(r.needs) & set(group.needs)),
                         key=lambda r: (lead.get(r.id, len(lead)), *by_age(r)))
        placed.update(record.id for record in members)
        if members:
            lists.append(ListGroup(group.title, tuple(members), urls.find(need=group.need)))
    rest = sorted((r for r in records if r.id not in placed), key=by_age)
    if rest:
        lists.append(ListGroup(content.renderer.gettext(EVERY_FAMILY), tuple(rest)))
    return lists


def offer_coverage(content: SiteContent) -> list[HeadingCoverage] | None:
    coverage = content.site_data.coverage if content.site_data else None
    if coverage is None:
        return None
    generated = {page.src_uri: page.title for page in content.pages()}
    return coverage_of(coverage, content.records, generated)


def family_pages(content: SiteContent) -> Iterable[GeneratedPage]:
    render = content.renderer.render
    _ = content.renderer.gettext
    yield GeneratedPage(urls.HOME, _(HOME_TITLE),
                        lambda url: render("home-page", url, count=len(content.records)),
                        kind="home")
    yield GeneratedPage(
        urls.WHILE_YOU_WAIT, _("Support while you wait"),
        lambda url: render("while-you-wait", url, lists=waiting_lists(content)),
        kind="family")
    yield GeneratedPage(urls.MY_LIST, _("My list"), lambda url: render("my-list", url), kind="family")
    comments = content.site_data.comments if content.site_data else Comments()
    yield GeneratedPage(urls.YOU_SAID_WE_DID, _("You said, we did"),
                        lambda url: render("you-said-we-did", url, comments=comments),
                        kind="family")
    statement = content.site_data.statement if content.site_data else None
    yield GeneratedPage(
        urls.ACCESSIBILITY, _("Accessibility statement"),
        lambda url: render("accessibility-statement", url, statement=statement,
                           page_types=accessibility.PAGE_TYPES_TESTED,
                           checks=accessibility.CHECKS.values(),
                           built=content.today),
        kind="family")
    yield GeneratedPage(
        urls.COVERAGE, _("What the offer covers"),
        lambda url: render("coverage-map", url, results=offer_coverage(content)),
        kind="family")
