"""The Find support page: search words and filters over every published service.

The page is a form the Find page script (docs/assets/find.js) brings to life
with the site search index; its state lives in the URL. Without JavaScript
it offers the browse lists instead. Engine-neutral, like the other pages.
"""

from __future__ import annotations

import json

from local_offer.records.taxonomy import ALL_NEEDS, AREA_WIDE, Term
from local_offer.site import urls
from local_offer.site.pages import GeneratedPage
from local_offer.site.search_data import FAMILY_ROUTES

TITLE = "Find support"


def age_words_json(content) -> str:
    """Families' words for ages and the site's youngest and oldest, for the one parser of
    typed phrases (docs/assets/family-words.js), which the header search and Find share."""
    search = content.search
    return json.dumps({"youngest": search.youngest, "oldest": search.oldest,
                       "words": [{"words": list(entry.words), "min": entry.min, "max": entry.max}
                                 for entry in content.age_words]},
                      ensure_ascii=False, separators=(",", ":"))


def offered_languages(content) -> list[Term]:
    """The languages some service offers, by English name, each with its own name."""
    used = {language_id for record in content.records
            for language_id in content.languages.ids_of(record.languages)}
    languages = sorted((lang for lang in content.languages.entries if lang.id in used),
                       key=lambda lang: lang.name.casefold())
    return [Term(lang.id, f"{lang.name} ({lang.own_name})" if lang.own_name else lang.name)
            for lang in languages]


def find_page(content):
    taxonomy = content.taxonomy
    search = content.search
    postcodes = content.site_data.postcodes if content.site_data else None
    browse = [(way.title, urls.browse(way.slug), way.intro) for way in content.browse_ways]
    params = dict(
        categories=taxonomy.categories,
        # "All needs" and "the whole area" are not choices: those services match every one.
        needs=[t for t in taxonomy.needs if t.id != ALL_NEEDS],
        areas=[t for t in taxonomy.areas if t.id != AREA_WIDE],
        routes=[t for t in taxonomy.routes if t.id in FAMILY_ROUTES],
        attending=taxonomy.attending, when=taxonomy.when,
        languages=offered_languages(content),
        interpreter=any(record.interpreter_on_request for record in content.records),
        age_words=age_words_json(content),
        youngest=search.youngest, oldest=search.oldest,
        browse=browse, count=len(content.records),
        postcode_example=postcodes.example if postcodes else "")
    return GeneratedPage(urls.FIND, TITLE,
                         lambda url: content.renderer.render("find-page", url, **params),
                         kind="find")
