"""Every address on the site, spelled in one place (after datasette's url_builder).

Addresses are directory URLs relative to the site root ("services/tiny-talkers/");
a page's source is what a site engine calls it ("services/tiny-talkers.md").
Python uses these functions; templates get them as ``urls`` and wrap each in
``link()``, which makes it relative to the page it is on.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlencode, urljoin

# The generated pages with a fixed place, by their source.
HOME = "index.md"
FIND = "find.md"
GLOSSARY = "glossary.md"
WHILE_YOU_WAIT = "while-you-wait.md"
MY_LIST = "my-list.md"
YOU_SAID_WE_DID = "you-said-we-did.md"
COVERAGE = "what-the-offer-covers.md"
FRESHNESS = "about/freshness.md"
ACCESSIBILITY = "accessibility.md"
# Hand-written pages that generated ones link to (docs/).
HOW_TO_GET_HELP = "how-to-get-help.md"
ABOUT = "about.md"
OPEN_DATA = "open-data.md"
# Files published beside the pages.
SERVICES_INDEX = "services-index.json"
# Where the council's postcode districts and sectors lie, for a search by postcode.
POSTCODE_PLACES = "postcode-places.json"
FEED = "feed.xml"
SERVICE_CALENDAR = "sessions.ics"
# The built service pages, as a glob from the site folder (what search indexes).
SERVICE_PAGES = "services/**/*.html"


def service_pages(prefixes=()) -> str:
    """The built service pages in every one of the site's languages, as a glob from the site
    folder: Pagefind reads each page's lang and makes one index per language."""
    if not prefixes:
        return SERVICE_PAGES
    folders = ",".join(["services", *(f"{prefix}/services" for prefix in prefixes)])
    return "{" + folders + "}/**/*.html"


def of_source(src_uri: str) -> str:
    """The directory URL a source is published at: about.md -> about/, index.md -> ""."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def page(src_uri: str) -> str:
    """A fixed page's address, from its source (one of the names above)."""
    return of_source(src_uri)


def service_source(service_id: str) -> str:
    return f"services/{service_id}.md"


def service(service_id: str) -> str:
    return of_source(service_source(service_id))


def service_calendar(service_id: str) -> str:
    return service(service_id) + SERVICE_CALENDAR


def easy_read_source(service_id: str) -> str:
    """A service's Easy Read version, a page below its own: services/x/easy-read/."""
    return f"services/{service_id}/easy-read.md"


def easy_read(service_id: str) -> str:
    return of_source(easy_read_source(service_id))


# Hand-written pages' Easy Read versions: docs/easy-read/<the page's path>.
EASY_READ_PAGES = "easy-read/"


def easy_read_page_source(src_uri: str) -> str:
    """A hand-written page's Easy Read version: how-to-get-help.md ->
    easy-read/how-to-get-help.md."""
    return EASY_READ_PAGES + src_uri


def easy_read_original(src_uri: str) -> str:
    """The page a hand-written Easy Read page is the version of ("" when it is none)."""
    return src_uri.removeprefix(EASY_READ_PAGES) if src_uri.startswith(EASY_READ_PAGES) else ""


def easy_read_picture(path: str) -> str:
    """Where an Easy Read picture (data/easy-read/talking.svg) is published."""
    return "assets/easy-read/" + path.rsplit("/", 1)[-1]


def browse_source(way: str = "", term: str = "") -> str:
    if not way:
        return "browse/index.md"
    return f"browse/{way}/{term}.md" if term else f"browse/{way}/index.md"


def browse(way: str = "", term: str = "") -> str:
    return of_source(browse_source(way, term))


def glossary_term(anchor: str) -> str:
    """A term's heading on the glossary page (GlossaryTerm.anchor: stable, so links last)."""
    return f"{page(GLOSSARY)}#{anchor}"


def find(**choices: str) -> str:
    """The Find page with choices made, like find/?need=autism (its state is in the URL)."""
    chosen = {name: value for name, value in choices.items() if value}
    return page(FIND) + (f"?{urlencode(chosen)}" if chosen else "")


def directions(address: str, postcode: str) -> str:
    """A venue on OpenStreetMap's map, found by its address and postcode: a plain link, so
    nothing is requested from OpenStreetMap until a family taps it."""
    return "https://www.openstreetmap.org/search?" + urlencode({"query": f"{address}, {postcode}"})


def in_language(address: str, prefix: str) -> str:
    """A page's address in one of the site's languages: the main language's pages are at
    the site's root (prefix ""), another's under its code (pl/find/). Files stay where they
    are: one feed, one calendar, one open data file for every language."""
    if not prefix:
        return address
    path = address.partition("#")[0].partition("?")[0]
    if path and not path.endswith("/"):
        return address
    return f"{prefix}/{address}"


def source_in_language(src_uri: str, prefix: str) -> str:
    """A page's source in a language: services/x.md -> pl/services/x.md."""
    return f"{prefix}/{src_uri}" if prefix else src_uri


def file_from_language(target: str, prefix: str) -> str:
    """A hand-written page's relative link to a file (services.csv), from its copy in
    another language's folder, where pages are one folder deeper and files are not."""
    return f"../{target}" if prefix else target


def language_prefix(src_uri: str, prefixes) -> str:
    """The language folder a page's source is in ("" for the main language)."""
    first = src_uri.partition("/")[0]
    return first if first in prefixes and "/" in src_uri else ""


def without_language(src_uri: str, prefix: str) -> str:
    """The main language's source of a page in another: pl/services/x.md -> services/x.md."""
    return src_uri.removeprefix(f"{prefix}/") if prefix else src_uri


def relative(from_url: str, to_url: str) -> str:
    """A link from one page's directory URL to another's, both relative to the site root.

    Plain string work, as posixpath.relpath would give but without its calls to
    the file system: browse lists make tens of thousands of these links.
    """
    base = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    base_parts = [part for part in base.split("/") if part not in ("", ".")]
    target_parts = [part for part in (to_url or ".").split("/") if part not in ("", ".")]
    common = 0
    for here, there in zip(base_parts, target_parts):
        if here != there:
            break
        common += 1
    link = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    wants_slash = to_url == "" or to_url.endswith("/")
    return link + "/" if wants_slash and not link.endswith("/") else link


def absolute(site_url: str, path: str) -> str:
    """A path from the site root as a full address when the site's address is known.

    Without one it stays relative to the site root, which feed readers resolve
    against the feed's own address; search engines need the full address.
    """
    if not site_url:
        return path
    return urljoin(site_url.rstrip("/") + "/", path)
