"""Glossary terms explained where they first appear on a service page.

The first use of each glossary term (or of an acronym it lists as another
word) becomes a link to its explanation in a "Words used on this page" list
at the end of the page. The link is described by the explanation
(aria-describedby), so a screen reader reads the meaning at the word itself;
keyboard users follow the link; nothing depends on hovering or on JavaScript,
and the explanations print with the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from local_offer.records.glossary import Glossary, GlossaryTerm, is_proper_name
from local_offer.site.languages import N_
from local_offer.site.render import Renderer

# Text inside these is never linked: links cannot nest, headings stay plain,
# addresses, times and code are not prose, and a closed <details> is not seen.
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "dfn", "code", "pre", "address",
           "time", "script", "style", "button", "label", "summary", "details"}
# Said after a term's link by screen readers: its meaning is the link's description.
WHAT_IT_MEANS = N_("(what it means)")
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# An element a family cannot see (the search words): nothing in it is explained, so the
# list of words on a page holds only words the page shows.
HIDDEN = re.compile(r"\shidden(?:[\s>/=]|$)")


@dataclass(frozen=True)
class Explained:
    """A glossary term as it was first written on the page."""

    written: str
    term: GlossaryTerm
    id: str  # the id of its explanation on the page: term-<glossary anchor>


class TermExplainer:
    """Finds each glossary term's first use in a page's HTML and explains it."""

    def __init__(self, glossary: Glossary, renderer: Renderer):
        self.renderer = renderer
        self.by_word: dict[str, GlossaryTerm] = {}
        exact, folded = [], []
        for term in glossary.terms:
            # The term itself, and the acronyms and names people use for it (ASD for
            # autism), matched with their case; other "also" words are search synonyms,
            # too loose to explain.
            for word in (term.term, *filter(is_proper_name, (*term.also, *term.search))):
                key = word if is_proper_name(word) else word.casefold()
                self.by_word.setdefault(key, term)
                (exact if is_proper_name(word) else folded).append(word)
        # Longest first, so "SEN support" wins over "SEN"; an "s" may follow (MHSTs).
        self.exact = _pattern(exact, 0)
        self.folded = _pattern(folded, re.IGNORECASE)
        # The terms in each distinct text, found once: the same sentences (a provider's
        # name, an address's access notes, a session's times) recur on many pages.
        self.found: dict[str, tuple[str, tuple[tuple[int, int, str, GlossaryTerm], ...]]] = {}
        # In the page's language, for screen readers; not for search, which would send
        # them again in every result.
        self.hidden_words = ('<span class="lo-visually-hidden" data-pagefind-ignore>'
                             f' {html.escape(renderer.gettext(WHAT_IT_MEANS), quote=False)}'
                             '</span>')

    def term_for(self, written: str) -> GlossaryTerm | None:
        word = written[:-1] if written.endswith("s") and written not in self.by_word \
            and written.casefold() not in self.by_word else written
        return self.by_word.get(word) or self.by_word.get(word.casefold())

    def mark_first_uses(self, page_html: str) -> tuple[str, list[Explained]]:
        """The HTML with each term's first use linked, and the terms in the order met."""
        explained: list[Explained] = []
        seen: set[str] = set()
        skipping = 0
        hidden: list[str] = []  # the hidden element's name, once per level of its nesting
        parts = TAG.split(page_html)  # text, tag, text, ..., text
        for index, part in enumerate(parts):
            if index % 2:  # a tag
                kind = _tag_kind(part)
                if kind is None:
                    continue
                closing, name, hides = kind
                if hidden and name == hidden[-1]:
                    hidden.pop() if closing else hidden.append(name)
                elif hides:
                    hidden.append(name)
                if name in SKIPPED:
                    skipping += -1 if closing else 1
                continue
            if skipping or hidden or not part.strip():
                continue
            parts[index] = self._mark_text(part, seen, explained)
        return "".join(parts), explained

    def terms_in(self, escaped: str) -> tuple[str, tuple[tuple[int, int, str, GlossaryTerm], ...]]:
        """A text's words unescaped, and (start, end, as written, term) of each use of a
        term in it, in order: the same for every page, so found once per distinct text."""
        found = self.found.get(escaped)
        if found is None:
            text = html.unescape(escaped)
            matches = sorted([*self.exact.finditer(text), *self.folded.finditer(text)],
                             key=lambda m: (m.start(), -len(m.group())))
            uses = tuple((m.start(), m.end(), m.group(), term) for m in matches
                         if (term := self.term_for(m.group())) is not None)
            found = self.found[escaped] = (text, uses)
        return found

    def _mark_text(self, escaped: str, seen: set[str], explained: list[Explained]) -> str:
        text, uses = self.terms_in(escaped)
        pieces, position = [], 0
        for start, end, written, term in uses:
            if term.term in seen or start < position:
                continue
            seen.add(term.term)
            use = Explained(written, term, "term-" + term.anchor)
            explained.append(use)
            pieces.append(html.escape(text[position:start], quote=False))
            # The hidden words keep the link's name apart from a browse link of the same word.
            pieces.append(f'<a class="lo-term" href="#{use.id}" '
                          f'aria-describedby="{use.id}-meaning">'
                          f'{html.escape(use.written, quote=False)}{self.hidden_words}</a>')
            position = end
        if not pieces:
            return escaped
        pieces.append(html.escape(text[position:], quote=False))
        return "".join(pieces)

    def explain(self, page_html: str, page_url: str) -> str:
        """The page with its terms linked and the words-explained list before it ends."""
        marked, explained = self.mark_first_uses(page_html)
        if not explained:
            return page_html
        words = self.renderer.render("words-explained", page_url, explained=explained)
        head, closing, tail = marked.rpartition("</article>")
        if not closing:
            return marked + words
        return head + words + closing + tail


@lru_cache(maxsize=4096)
def _tag_kind(tag: str) -> tuple[bool, str, bool] | None:
    """(closes, its name in lower case, hides what it holds) for a tag that opens or closes
    an element; None for one that does neither (self-closing, a comment). The same few
    hundred tags make every page."""
    match = TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return None
    closing = bool(match.group(1))
    return closing, match.group(2).lower(), not closing and bool(HIDDEN.search(tag))


def _pattern(words: list[str], flags: int) -> re.Pattern:
    ordered = sorted(set(words), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in ordered) or r"(?!x)x"
    return re.compile(rf"(?<![\w@/.-])(?:{alternatives})s?(?![\w@-])", flags)


def with_terms_explained(page, explainer: TermExplainer | None):
    """A generated page whose HTML has its glossary terms explained."""
    if explainer is None:
        return page
    render = page.render
    return replace(page, render=lambda url: explainer.explain(render(url), url))
