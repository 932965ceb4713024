"""Rendering components to HTML with Jinja, escaping every value.

Each component lives in its own folder under ``components/`` with its
template, a README of its parameters and the fixtures it is tested with
(after govuk-frontend). Templates receive records and plain values only.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import (BytecodeCache, Environment, FileSystemLoader, StrictUndefined, pass_context,
                    select_autoescape)
from markupsafe import Markup

from local_offer.records.dates import ENGLISH, long_date, month_year
from local_offer.records.link_policy import checked_web_address
from local_offer.records.markdown_text import markdown_to_html
from local_offer.records.model import Record
from local_offer.records.taxonomy import Taxonomy
from local_offer.records.words import plural
from local_offer.site import urls
from local_offer.site.languages import N_, Language

COMPONENTS = Path(__file__).parent / "components"


def phone_href(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def age_range(ages: tuple[int, int], gettext=None) -> str:
    """0 to 18 years; in another language through its catalogue (gettext)."""
    low, high = ages
    if gettext is not None:
        return (gettext(N_("%(low)s years")) % {"low": low} if low == high else
                gettext(N_("%(low)s to %(high)s years")) % {"low": low, "high": high})
    if low == high:
        return f"{low} years"
    return f"{low} to {high} years"


def _remembering_gettext(translate):
    """Jinja's own newstyle gettext (jinja2.ext: the message translated, marked safe when
    escaping, then formatted with its variables, even with none), that keeps each message
    without variables as it came out: a page asks for the same thirty or so headings and
    labels, and a renderer's language never changes."""
    done: dict[tuple[str, bool], str] = {}

    @pass_context
    def gettext(context, message: str, **variables) -> str:
        escaping = context.eval_ctx.autoescape
        if variables or (message, escaping) not in done:
            translated = Markup(translate(message)) if escaping else translate(message)
            if variables:
                return translated % variables
            done[message, escaping] = translated % variables
        return done[message, escaping]

    return gettext


class CompiledTemplates(BytecodeCache):
    """Templates compiled once a process, for every Jinja environment given this cache.
    A live preview makes new environments at every rebuild (mkdocs the theme's, the site
    content its renderers), and compiling every template again took about a third of a
    second of each rebuild at 1,000 services. Jinja keys each template by its name and file and checks its source's hash,
    so an edited template is compiled anew. One cache serves environments made alike."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPONENTS_COMPILED = CompiledTemplates()  # every Renderer's environment is made alike


class Renderer:
    """Renders components for pages whose URL is known, so links stay relative.

    In one of the site's languages: its words from that language's catalogue (gettext,
    Jinja's i18n extension), its dates in its own form, and every link to a page goes to
    that page in the same language."""

    def __init__(self, taxonomy: Taxonomy, extra_globals: dict | None = None,
                 language: Language | None = None):
        self.taxonomy = taxonomy
        self.extra_globals = extra_globals or {}
        self.language = language or Language(ENGLISH, "English", main=True)
        self.gettext = self.language.gettext
        self.env = Environment(loader=FileSystemLoader(str(COMPONENTS)),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               extensions=["jinja2.ext.i18n"],
                               bytecode_cache=COMPONENTS_COMPILED)
        self.env.install_gettext_translations(self.language.translations, newstyle=True)
        self.env.globals["gettext"] = self.env.globals["_"] = _remembering_gettext(
            self.language.translations.gettext)
        code = self.language.code
        self.env.filters.update(long_date=lambda day: long_date(day, code),
                                month_year=lambda day: month_year(day, code),
                                phone_href=phone_href, plural=plural,
                                age_range=lambda ages: age_range(ages, self.gettext),
                                markdown=lambda text: Markup(markdown_to_html(text)),
                                web_address=checked_web_address,
                                label=lambda term_id, kind: taxonomy.label(kind, term_id))
        self.env.globals.update({"taxonomy": taxonomy, "urls": urls, "language": self.language,
                                 "translated": lambda record: record, **self.extra_globals,
                                 "service_item": self._service_item})
        # Each service's item in lists, by the record, where it links and its heading level.
        self._items: dict[tuple[int, str, int], tuple[Record, Markup]] = {}

    def in_language(self, language: Language, taxonomy: Taxonomy | None = None,
                    **more_globals) -> "Renderer":
        """The same renderer writing in another of the site's languages (with the globals
        that language's pages add, like `translated`, a record in that language, and the
        controlled lists' words in that language)."""
        taxonomy = taxonomy or self.taxonomy
        if language == self.language and taxonomy == self.taxonomy and not more_globals:
            return self
        return Renderer(taxonomy, {**self.extra_globals, **more_globals}, language)

    def compile_templates(self) -> None:
        """Every component's templates compiled now, into COMPONENTS_COMPILED: before the
        pages are shared with a forked process, which then has them without compiling."""
        for name in self.env.list_templates(filter_func=lambda name: name.endswith(".html")):
            self.env.get_template(name)

    def _service_item(self, english: Record, href: str, level: int) -> Markup:
        """A service's item in a list of services (service-list/item.html), made once for
        every list that shows it with the same link: a service is on many lists. The
        record is kept beside its item, so its id is never taken for another's."""
        key = (id(english), href, level)
        kept = self._items.get(key)
        if kept is None or kept[0] is not english:
            item = self.env.get_template("service-list/item.html").render(
                record=self.env.globals["translated"](english), href=href, level=level)
            kept = self._items[key] = (english, Markup(item))
        return kept[1]

    def render(self, component: str, page_url: str, **params) -> str:
        template = self.env.get_template(f"{component}/template.html")
        prefix = self.language.prefix
        link = lambda to_url: urls.relative(page_url, urls.in_language(to_url, prefix))  # noqa: E731
        # A link to a page in the main language (a translation's English original).
        link_in_main = lambda to_url: urls.relative(page_url, to_url)  # noqa: E731
        return template.render(link=link, link_in_main=link_in_main, **params)
