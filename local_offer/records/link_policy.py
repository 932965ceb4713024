"""Which links a record may hold: http, https, mailto and tel, and nothing else.

A link is judged the way a browser reads it, not as it looks: character
references decoded, tabs and newlines inside it removed, leading spaces and
control characters dropped, case ignored. So " JaVaScRiPt:", "java&#x09;script:"
and "&#106;avascript:" are all seen as the javascript: links they are.
"""

from __future__ import annotations

import html
import re

# Links a family's browser may follow from a record.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# A record's web addresses (website, referral form) are web pages only.
WEB_SCHEMES = frozenset({"http", "https"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# The URL standard removes these anywhere in a link, and these around it.
_REMOVED_INSIDE = re.compile(r"[\t\n\r]")
_STRIPPED_AROUND = "".join(map(chr, range(0x21)))


class UnsafeLink(ValueError):
    """A link that is not http, https, mailto or tel reached a page."""


def as_browser_reads(url: str) -> str:
    return _REMOVED_INSIDE.sub("", html.unescape(url)).strip(_STRIPPED_AROUND)


def scheme_of(url: str) -> str | None:
    """The link's scheme in lower case, or None for a link without one (relative)."""
    found = _SCHEME.match(as_browser_reads(url))
    return found.group(1).lower() if found else None


def is_allowed(url: str, schemes: frozenset[str] = ALLOWED_SCHEMES) -> bool:
    return scheme_of(url) in schemes


def checked_web_address(url: str) -> str:
    """The address unchanged if it is http(s); a page never links anywhere else."""
    if not is_allowed(url, WEB_SCHEMES):
        raise UnsafeLink(f"not a web address: {url[:80]!r}")
    return url
