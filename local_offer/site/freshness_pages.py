"""The pages that keep freshness visible to families and to the council.

The warning at the top of a service page past its review date, the short page
left at the address of an entry that is off the site, and the council's
freshness page under "about this site".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup

from local_offer.freshness.review import State
from local_offer.freshness.stats import STATE_MEANINGS, FreshnessStats
from local_offer.records.model import Record
from local_offer.records.translations import Translation
from local_offer.site import urls
from local_offer.site.pages import GeneratedPage

STATE_ORDER = [State.CURRENT, State.DUE_SOON, State.OVERDUE, State.EXPIRED, State.ENDED,
               State.CLOSED]


@dataclass(frozen=True)
class TranslationState:
    """What a service page in another language says about its translation."""

    language: str
    translation: Translation | None  # None: the page shows the English text, with a note
    english: Record
    english_url: str

    @property
    def out_of_date(self) -> bool:
        """The English was reviewed after the translation was last checked: the page always
        says so (not hidden until a date, like the review warning: it is already true)."""
        return self.translation is not None and self.translation.is_older_than(self.english)

    @property
    def interpreter(self) -> bool:
        """The service arranges an interpreter on request (the record's
        interpreter_on_request; read defensively until every record model has it)."""
        return self.english.interpreter_on_request


def translation_state(content, record: Record,
                      translation: Translation | None) -> TranslationState | None:
    """None on the main language's page; else the translation, or that there is none."""
    if content.language.main:
        return None
    return TranslationState(content.language.code, translation, record,
                            urls.service(record.id))


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
    words = content.language.translations
    stats = FreshnessStats(list(content.reviews.values()), content.taxonomy, content.today,
                           words)
    settings = content.settings
    return content.renderer.render("freshness-summary", url, stats=stats, meanings=[
        (state, words.gettext(STATE_MEANINGS[state])) for state in STATE_ORDER],
        review_every=settings.review_every.in_words(words),
        grace=settings.grace.in_words(words))
