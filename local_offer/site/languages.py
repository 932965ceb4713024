"""The site's languages: their names, and the catalogues of the site's own words in each.

The words our templates and pages write (site/components/*/template.html,
docs/overrides/, the titles made in Python, and what our scripts write, docs/assets/*.js,
carried to a page by site/script_words.py) are gettext messages: `make catalogues`
extracts them into site/locales/messages.pot, and each language has its
site/locales/<code>/LC_MESSAGES/messages.po, which translators edit with ordinary tools
(Poedit, Weblate). The .po files are read as they are at build time, with Babel: no
compiled .mo file is kept in the repository to drift from its .po, a translator's pull
request is the text they changed, and a fuzzy (unchecked) translation is never shown.
A word with no translation yet shows in English.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale, localedata
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from local_offer.records.project import Settings
from local_offer.records.words import mark
from local_offer.site import urls

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "messages"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"


@dataclass(frozen=True)
class Language:
    code: str
    # Its name as its readers write it, for the language switcher: "Polski".
    name: str
    # The language records and docs/ are written in, published at the site's root.
    main: bool = False

    @property
    def prefix(self) -> str:
        """The folder its pages are published under: "" for the main language, else "pl"."""
        return "" if self.main else self.code

    @property
    def translations(self) -> gettext.NullTranslations:
        return translations(self.code)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)


def language(code: str, main: bool = False) -> Language:
    name = Locale.parse(code).get_display_name(code) or code
    return Language(code, name[:1].upper() + name[1:], main)


def site_languages(settings: Settings) -> tuple[Language, ...]:
    """The settings' languages, the main one first."""
    return tuple(language(code, main=index == 0)
                 for index, code in enumerate(settings.languages))


def translation_of(src_uri: str) -> tuple[str, str]:
    """(the page it translates, language code) for a hand-written page's translation
    beside it (about.pl.md: ("about.md", "pl")); ("", "") for any other page."""
    stem, dot, code = src_uri.removesuffix(".md").rpartition(".")
    if not (dot and src_uri.endswith(".md") and code.isascii() and code.isalpha()
            and localedata.exists(code)):
        return "", ""
    return f"{stem}.md", code


def catalogue(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The site's words in one language; English (the messages themselves) without one."""
    path = catalogue(code)
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        messages = read_po(po, locale=code, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, messages)  # leaves out fuzzy messages
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


# A Markdown link to a file of the site, relative ([feed.xml](feed.xml)): not a page (.md),
# a web address, an anchor or a path from the root.
_FILE_LINK = re.compile(r"(\]\()(?![a-z][a-z0-9+.-]*:|#|/)([^)\s#]+)(?<!\.md)((?:#[^)\s]*)?\))")


def page_in_language(markdown: str, prefix: str) -> str:
    """A hand-written page's Markdown, as published in another language's folder: links to
    pages stay as they are (each has its copy there), links to files go up to them."""
    if not prefix:
        return markdown
    return _FILE_LINK.sub(lambda found: found.group(1) + urls.file_from_language(
        found.group(2), prefix) + found.group(3), markdown)


# A message to translate later, where it is used: records and freshness mark theirs too.
N_ = mark
