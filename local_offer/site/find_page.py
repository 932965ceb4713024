"""The Find support page: search words and filters over every published service.

The page is a form the Find page script (docs/assets/find.js) brings to life
with the site search index; its state lives in the URL. Without JavaScript
it offers the browse lists instead. Engine-neutral, like the other pages.
"""

from __future__ import annotations

from local_offer.records.taxonomy import ALL_NEEDS, AREA_WIDE
from local_offer.site import urls
from local_offer.site.languages import N_
from local_offer.site.pages import BROWSE_WAYS, GeneratedPage
from local_offer.site.search_data import FAMILY_ROUTES

TITLE = N_("Find support")


def find_page(content):
    taxonomy = content.taxonomy
    search = content.search
    _ = content.renderer.gettext
    browse = [(_(way.title), urls.browse(way.slug), _(way.intro)) for way in BROWSE_WAYS]
    params = dict(
        categories=taxonomy.categories,
        # "All needs" and "the whole area" are not choices: those services match every one.
        needs=[t for t in taxonomy.needs if t.id != ALL_NEEDS],
        areas=[t for t in taxonomy.areas if t.id != AREA_WIDE],
        routes=[t for t in taxonomy.routes if t.id in FAMILY_ROUTES],
        youngest=search.youngest, oldest=search.oldest,
        browse=browse, count=len(content.records))
    return GeneratedPage(urls.FIND, _(TITLE),
                         lambda url: content.renderer.render("find-page", url, **params),
                         kind="find")
