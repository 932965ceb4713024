"""The words our scripts write (docs/assets/*.js), in the page's language.

A script writes its words as gettext messages, as the templates do: _("Search is not
working at the moment.") and ngettext("%(count)s service", "%(count)s services", count)
(docs/assets/words.js). `make catalogues` extracts them (babel.cfg) into the same .po
files as the templates' words, so translators have one set. A page in another language
carries the translations its scripts need in a data block the theme writes
(docs/overrides/partials/script-words.html: JSON, no inline script, which the
Content-Security-Policy forbids): this module makes it, reading the messages from the
scripts themselves, so a message added to a script is carried with nothing else to change.
A page in the main language carries no block: the scripts write their messages as they are.
A page carries the words of the scripts it runs: every page the header search's, the menu's
and My list's buttons'; the Find page also Find's; the My list page also the words only it
shows, which my-list.js writes under their own names (listPage_("…")) so that the other
pages, a phone's everyday reading, are not made to carry them.

A plural carries one form for each of the language's CLDR plural categories (Polish: one,
few, many), which the browser's Intl.PluralRules picks for a count; each is the form the
catalogue's Plural-Forms rule gives for a number in that category.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.extract import extract_from_file

from local_offer.site import urls
from local_offer.site.languages import Language

# The functions our scripts call for their words (docs/assets/words.js), and those
# my-list.js calls for the My list page's own; `make catalogues` extracts both.
KEYWORDS = {
    "words": {"_": None, "ngettext": (1, 2)},
    "list-page": {"listPage_": None, "listPageNgettext": (1, 2)},
}
# The scripts whose words every page needs (the header search, My list's buttons, the
# menu), and those a page adds, by its source (site/urls.py), each with its keywords.
EVERY_PAGE = (("search.js", "words"), ("near-me.js", "words"), ("my-list.js", "words"),
              ("menu-button.js", "words"))
PAGE_SCRIPTS = {
    urls.FIND: (("find.js", "words"), ("find-words.js", "words"), ("family-words.js", "words")),
    urls.MY_LIST: (("my-list.js", "list-page"),),
}
# The counts whose plural categories are looked for (CLDR's samples fall well inside).
_SAMPLES = range(0, 200)

Message = str | tuple[str, str]


Script = tuple[Path, str]  # a script, and which of KEYWORDS it writes the words with


def messages_in(script: Path, keywords: str = "words") -> tuple[Message, ...]:
    """The messages a script writes with some keywords, each once, in the order it writes
    them; () for a script the site does not have."""
    if not script.is_file():
        return ()
    return _messages(script, keywords, script.stat().st_mtime_ns)


@cache
def _messages(script: Path, keywords: str, _changed: int) -> tuple[Message, ...]:
    found = extract_from_file("javascript", script, keywords=KEYWORDS[keywords])
    return tuple(dict.fromkeys(message for _, message, _, _ in found))


def plural_samples(code: str) -> dict[str, int]:
    """A count in each of a language's plural categories: {"one": 1, "few": 2, "many": 0}."""
    rule = Locale.parse(code).plural_form
    samples: dict[str, int] = {}
    for count in _SAMPLES:
        samples.setdefault(rule(count), count)
    return samples


def words(language: Language, scripts: tuple[Script, ...]) -> dict[str, str | dict[str, str]]:
    """{message: its translation} for the scripts' messages that the language's catalogue
    translates; a plural is under its singular, {category: form}. Empty in the main
    language, and for messages not translated yet (they show in English)."""
    if language.main:
        return {}
    catalogue = language.translations
    samples = plural_samples(language.code)
    found: dict[str, str | dict[str, str]] = {}
    for script, keywords in scripts:
        for message in messages_in(script, keywords):
            if isinstance(message, tuple):
                singular, plural = message
                forms = {category: catalogue.ngettext(singular, plural, count)
                         for category, count in samples.items()}
                if set(forms.values()) - {singular, plural}:
                    found[singular] = forms
            elif (translated := catalogue.gettext(message)) != message:
                found[message] = translated
    return found


def page_scripts(assets: Path, source: str) -> tuple[Script, ...]:
    """The scripts whose words a page needs, in the site's assets folder; source: the
    page's source in the main language (urls.FIND)."""
    return tuple((assets / name, keywords)
                 for name, keywords in EVERY_PAGE + PAGE_SCRIPTS.get(source, ()))
