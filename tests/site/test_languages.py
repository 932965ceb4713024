"""The site's own words in each language: gettext catalogues read with Babel.

Every message the templates, theme overrides and Python titles write is in the
committed catalogue template (make catalogues), every language's .po parses
and keeps each message's placeholders, and a page renders in the language's
words, dates and addresses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from babel.messages.frontend import CommandLineInterface
from bs4 import BeautifulSoup
from babel.messages.pofile import read_po

from local_offer.records.loader import RecordLoader
from local_offer.records.model import Record
from local_offer.records.project import Settings
from local_offer.records.translations import Translation
from local_offer.site import languages
from local_offer.site.languages import (catalogue, language, page_in_language, site_languages,
                                        translation_of, translations)
from local_offer.site.freshness_pages import TranslationState
from local_offer.site.script_words import KEYWORDS
from local_offer.site.render import Renderer
from tests.helpers import ROOT

SAMPLE_LANGUAGES = ("pl", "ro")


def _messages(path):
    with open(path, "rb") as po:
        return {message.id: message for message in read_po(po) if message.id}


def test_every_message_the_site_writes_is_in_the_catalogue_template(tmp_path):
    extracted = tmp_path / "messages.pot"
    # As `make catalogues` runs it: N_ and the My list page's words (site/script_words.py).
    keywords = ["N_", "listPage_", "listPageNgettext:1,2"]
    assert {keyword.partition(":")[0] for keyword in keywords[1:]} == set(KEYWORDS["list-page"])
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"),
                                *[f"-k{keyword}" for keyword in keywords],
                                "--no-location", "--omit-header",
                                "-o", str(extracted), str(ROOT)])
    now, committed = set(_messages(extracted)), set(_messages(languages.TEMPLATE))
    assert now, "no message was extracted"
    assert now - committed == set(), "run `make catalogues`: new messages are not in the .pot"
    assert committed - now == set(), "run `make catalogues`: the .pot has messages no one uses"
    # The words a family meets first are among them.
    assert {"Who it is for", "Skip to main content", "This page is only in English."} <= now
    # And those the scripts write, on every page and on the My list page alone.
    assert {"Search is not working at the moment.", "Save to my list",
            "Share your list"} <= now


def test_each_language_parses_and_keeps_every_placeholder():
    template = _messages(languages.TEMPLATE)
    for code in SAMPLE_LANGUAGES:
        translated = _messages(catalogue(code))
        assert set(translated) == set(template), f"{code}: run `make catalogues`"
        for message in translated.values():
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(strings), f"{code}: {message.id!r} is not translated"
            assert not message.fuzzy, f"{code}: {message.id!r} is fuzzy"
            for string in strings:
                assert not message.check(), f"{code}: {message.id!r}: {message.check()}"
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                for placeholder in _placeholders(ids[-1]):
                    assert placeholder in string, f"{code}: {placeholder} lost in {string!r}"


def _placeholders(text: str) -> set[str]:
    import re
    return set(re.findall(r"%\(\w+\)[sd]|\{\w+\}", text))


def test_a_language_has_its_own_name_and_its_words():
    assert [(l.code, l.name, l.prefix) for l in site_languages(Settings(
        languages=("en", "pl", "ro")))] == [("en", "English", ""), ("pl", "Polski", "pl"),
                                            ("ro", "Română", "ro")]
    assert translations("pl").gettext("Who it is for") == "Dla kogo"
    assert translations("pl").ngettext("%(num)d service", "%(num)d services", 5) == "%(num)d usług"
    assert translations("ro").ngettext("%(num)d service", "%(num)d services", 20) == \
        "%(num)d de servicii"
    # A language with no catalogue yet shows the English words.
    assert translations("cy").gettext("Who it is for") == "Who it is for"


def test_a_fuzzy_translation_is_never_shown(tmp_path, monkeypatch):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\nmsgid "Cost"\nmsgstr "Koszt?"\n\nmsgid "When"\nmsgstr "Kiedy"\n',
        encoding="utf-8")
    monkeypatch.setattr(languages, "LOCALES", tmp_path)
    translations.cache_clear()
    try:
        words = translations("xx")
        assert (words.gettext("Cost"), words.gettext("When")) == ("Cost", "Kiedy")
    finally:
        translations.cache_clear()


def test_a_page_renders_in_its_language_with_its_dates_and_addresses(offer_project):
    renderer = Renderer(offer_project.taxonomy).in_language(language("pl"))
    html = renderer.render("service-list", "pl/browse/", records=[])
    assert "Obecnie nie ma tu żadnych usług" in html
    assert 'href="a-z/"' in html  # pl/browse/ -> pl/browse/a-z/: the same language
    assert renderer.env.filters["long_date"](dt.date(2026, 3, 5)) == "5 marca 2026"
    english = Renderer(offer_project.taxonomy).render("service-list", "browse/", records=[])
    assert "There are no services here at the moment" in english and 'href="a-z/"' in english


def test_a_hand_written_translation_is_named_beside_its_page():
    assert translation_of("about.pl.md") == ("about.md", "pl")
    assert translation_of("about/publishing.ro.md") == ("about/publishing.md", "ro")
    assert translation_of("about.md") == ("", "")
    assert translation_of("release.notes.md") == ("", "")


def test_a_copy_in_another_language_links_up_to_files_and_keeps_page_links():
    markdown = "[the spreadsheet](services.csv), [help](how-to-get-help.md#ask), [top](#top)"
    assert page_in_language(markdown, "pl") == (
        "[the spreadsheet](../services.csv), [help](how-to-get-help.md#ask), [top](#top)")
    assert page_in_language(markdown, "") == markdown


def _polish_page(scratch, record, translation=None):
    renderer = Renderer(scratch.taxonomy).in_language(language("pl"))
    state = TranslationState("pl", translation, record, "services/x/")
    return renderer.render("service-page", "pl/services/x/", record=record, translation=state)


def test_the_note_offers_an_interpreter_only_when_the_record_says_it_arranges_one(
        scratch, service_fixtures):
    scratch.write("every-field.yaml", service_fixtures["full"])
    [record] = RecordLoader(scratch).load().records

    plain = _polish_page(scratch, dataclasses.replace(record, interpreter_on_request=False))
    assert "Szczegóły tej usługi są dostępne tylko po angielsku." in plain
    assert "tłumacza" not in plain
    offered = _polish_page(scratch, dataclasses.replace(record, interpreter_on_request=True))
    phone = record.contact.phone
    assert (f'Zadzwoń pod numer <a href="tel:{phone.replace(" ", "")}">{phone}</a> '
            "i poproś o tłumacza.") in offered


def test_an_out_of_date_translation_always_says_so_with_a_way_to_the_english(
        scratch, service_fixtures):
    scratch.write("every-field.yaml", service_fixtures["full"])
    [record] = RecordLoader(scratch).load().records
    older = Translation("every-field", "pl", "services/every-field.pl.yaml",
                        checked=record.last_reviewed - dt.timedelta(days=1),
                        name="Nazwa", summary="Podsumowanie usługi.")
    html = _polish_page(scratch, older.applied_to(record), older)
    page = BeautifulSoup(html, "html.parser")
    warning = page.select_one(".lo-translation-old")
    assert warning is not None and not warning.has_attr("hidden")
    assert "To tłumaczenie może być nieaktualne" in warning.get_text()
    assert warning.select_one('a[hreflang="en"]')["href"] == "../../../services/x/"
    current = dataclasses.replace(older, checked=record.last_reviewed)
    assert "lo-translation-old" not in _polish_page(scratch, current.applied_to(record), current)
