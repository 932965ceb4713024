"""The theme's page around service pages' bodies, rendered once per language.

Every service page sits at the same depth (services/<id>/) and outside the navigation,
so the theme writes the same page around each body: the same header, navigation, footer
and scripts, with the same relative links. Only four things differ: the title, the
body, the schema.org data in the head and the service's id in its own addresses (the
canonical link, the language switcher). Rendering Material's templates for 10,000 such
pages took longer than everything else on them together.

So the chrome is rendered once for a stand-in service whose four parts are markers, and
each page is the chrome with its own parts put in. Nothing is assumed about the theme:
the first service page of each language is rendered by mkdocs in full as usual, and the
chrome is used for the rest only when filling it in for that page gives the very same
bytes. Otherwise (a theme or plugin that writes something else of a page into it) every
page is rendered in full, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from local_offer.site import urls

# The template a service page is written through once its language's chrome holds: the
# page, filled in by the plugin (on_page_context), as it is.
FILLED_TEMPLATE = "local-offer-filled-page.html"
FILLED_SOURCE = "{{ lo_filled_page }}"

# Upper case never appears in a service's id (schema: lower-case letters, digits and
# hyphens), a title is escaped before it is put in, and the markers are plain letters
# that no URL function or filter changes.
ID = "LOCHROMEXID"
TITLE = "LOCHROMEXTITLE"
# Material writes the page's title as a heading when the body has none: a service's body
# always has its own, and so has the stand-in's.
BODY = "<h1>LOCHROMEXBODY</h1>"
JSON_LD = "LOCHROMEXJSONLD"
MARKERS = re.compile("(" + "|".join(map(re.escape, (ID, TITLE, BODY, JSON_LD))) + ")")


@dataclass(frozen=True)
class Chrome:
    """One language's chrome, split at its markers: even items are the theme's text, odd
    items the markers."""

    parts: tuple[str, ...]

    def fill(self, record_id: str, title: str, body: str, json_ld: str) -> str:
        values = {ID: record_id, TITLE: title, BODY: body, JSON_LD: json_ld}
        return "".join(values[part] if index % 2 else part
                       for index, part in enumerate(self.parts))


def parts_of(page: Page, record_id: str) -> tuple[str, str, str, str]:
    """A service page's own parts, as the theme writes them: its id, its title (escaped
    once, by the plugin), its body and its schema.org data."""
    return (record_id, str(page.meta.get("title", "")), page.content or "",
            page.meta.get("local_offer_json_ld", ""))


class ServicePageChrome:
    """Decides, language by language, whether service pages are filled-in chrome, and
    fills them in (the plugin's on_post_page and on_page_context)."""

    def __init__(self):
        self.chromes: dict[str, Chrome | None] = {}  # by language prefix; None: not usable

    def settled(self, prefix: str) -> bool:
        return prefix in self.chromes

    def filled(self, prefix: str, page: Page, record_id: str) -> str | None:
        """The page as the chrome of its language makes it, or None where it does not hold."""
        chrome = self.chromes.get(prefix)
        return chrome.fill(*parts_of(page, record_id)) if chrome else None

    def settle(self, prefix: str, page: Page, record_id: str, written: str, config, nav,
               env, files) -> bool:
        """After the language's first service page is written in full (`written`): render
        the chrome once for a stand-in, and keep it if it gives this page's very bytes."""
        chrome = Chrome(tuple(MARKERS.split(self._stand_in(prefix, page, config, nav, env,
                                                           files))))
        holds = chrome.fill(*parts_of(page, record_id)) == written and len(chrome.parts) > 1
        self.chromes[prefix] = chrome if holds else None
        return holds

    @staticmethod
    def _stand_in(prefix: str, page: Page, config, nav, env, files) -> str:
        """The theme's page for a stand-in service, as mkdocs renders it (_build_page),
        with markers for its own parts."""
        source = urls.source_in_language(urls.service_source(ID), prefix)
        stand_in = Page(None, File.generated(config, source, content=""), config)
        stand_in.meta = {**page.meta, "title": Markup(TITLE), "local_offer_json_ld": JSON_LD}
        stand_in.meta.pop("template", None)
        stand_in.content = BODY
        stand_in.toc = page.toc
        stand_in.active = True
        context = get_context(nav, files, config, stand_in)
        context = config.plugins.on_page_context(context, page=stand_in, config=config,
                                                 nav=nav)
        output = env.get_template("main.html").render(context)
        return config.plugins.on_post_page(output, page=stand_in, config=config)
