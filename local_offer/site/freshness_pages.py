"""The pages that keep freshness visible to families and to the council.

The warning at the top of a service page past its review date, the short page
left at the address of an entry that is off the site, and the council's
freshness page under "about this site".
"""

from __future__ import annotations

from typing import Iterable

from markupsafe import Markup

from local_offer.freshness.review import State
from local_offer.freshness.stats import STATE_MEANINGS, FreshnessStats
from local_offer.records.model import Record
from local_offer.site import urls
from local_offer.site.pages import GeneratedPage

STATE_ORDER = [State.CURRENT, State.DUE_SOON, State.OVERDUE, State.EXPIRED, State.ENDED,
               State.CLOSED]


def notice(content, record: Record, url: str) -> Markup:
    """The out-of-date warning for a service page (hidden until due; see its README)."""
    return Markup(content.renderer.render("freshness-notice", url,
                                          review=content.reviews[record.id]))


def pages(content) -> Iterable[GeneratedPage]:
    for record in content.unpublished:
        review = content.reviews[record.id]
        yield GeneratedPage(
            urls.service_source(record.id), record.name,
            lambda url, review=review: content.renderer.render("unpublished-page", url,
                                                               review=review),
            kind="unpublished", record=record)
    title = content.renderer.gettext("How up to date the offer is")
    yield GeneratedPage(urls.FRESHNESS, title,
                                   lambda url: render_freshness_page(content, url),
                                   kind="freshness")


def render_freshness_page(content, url: str) -> str:
    stats = FreshnessStats(list(content.reviews.values()), content.taxonomy, content.today)
    return content.renderer.render("freshness-summary", url, stats=stats, meanings=[
        (state, STATE_MEANINGS[state]) for state in STATE_ORDER])
