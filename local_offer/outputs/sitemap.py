"""sitemap.xml: every page of the site, for search engines, and only published services.

It replaces the sitemap mkdocs writes (the plugin turns theirs off), so each
service page carries its last_reviewed date as lastmod and one list of pages
serves both. The sitemaps protocol needs full addresses, so without the site's
address (site_url) no sitemap is published at all: one of relative addresses
would be refused by every search engine.

On a site in more than one language each page lists its versions in the others
(hreflang alternates, as search engines read them from a sitemap), with the main
language as the default. They are here, with full addresses, rather than in each
page's <head>: Material's script fetches a sitemap.xml beside every <link
rel="alternate"> it finds there, and hreflang needs the full addresses only the
sitemap has.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable

from local_offer.outputs.common import xml_bytes, xml_child, xml_root
from local_offer.site import urls

PATH = "sitemap.xml"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def files(content) -> Iterable[tuple[str, Callable[[], bytes]]]:
    if content.site_url:  # made when written, on the other core: it lists every page
        yield PATH, partial(sitemap, content)


def pages(content) -> Iterable[tuple[str, str]]:
    """(URL from the site root, lastmod or "") of every page: hand-written, then generated.

    An unpublished entry keeps a short "being checked" page for old links, but search
    engines are not sent to it."""
    for url in content.docs_page_urls:
        yield url, ""
    for page in content.pages():
        if page.kind == "unpublished":
            continue
        yield page.url, page.record.last_reviewed.isoformat() if page.record else ""


def sitemap(content) -> bytes:
    languages = content.languages
    several = len(languages) > 1
    root = xml_root("urlset", SITEMAP, **({"xmlns:xhtml": XHTML} if several else {}))
    for url, lastmod in pages(content):
        entry = xml_child(root, "url")
        xml_child(entry, "loc", urls.absolute(content.site_url, url))
        if lastmod:
            xml_child(entry, "lastmod", lastmod)
        if several:
            for hreflang, address in versions(url, languages):
                xml_child(entry, "xhtml:link", rel="alternate", hreflang=hreflang,
                          href=urls.absolute(content.site_url, address))
    return xml_bytes(root)


def versions(url: str, languages) -> Iterable[tuple[str, str]]:
    """(hreflang, address) of a page in each of the site's languages, then the default."""
    prefix = urls.language_prefix(url, {language.prefix for language in languages[1:]})
    main = urls.without_language(url, prefix)
    for language in languages:
        yield language.code, urls.in_language(main, language.prefix)
    yield "x-default", main
