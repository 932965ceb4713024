"""The words our scripts write, carried to a page in its language (site/script_words.py).

The messages come from the scripts themselves, a page in the main language carries
none, a translated one carries its translation and an untranslated one stays out (it
shows in English), and a plural carries a form for each of the language's plural
categories that is the catalogue's own form for every count in that category.
"""

from __future__ import annotations

from babel import Locale

from local_offer.site import urls
from local_offer.site.languages import language
from local_offer.site.script_words import (EVERY_PAGE, messages_in, page_scripts, plural_samples,
                                           words)

SCRIPT = """
status.textContent = _("Search is not working at the moment.");
const line = ngettext("%(count)s service", "%(count)s services", count);
const twice = _("Search is not working at the moment.");
const fresh = _("A message no catalogue has yet");
const page = listPage_("Share your list");
"""


def script(tmp_path, text=SCRIPT):
    path = tmp_path / "a.js"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_scripts_messages_are_read_from_it_each_once(tmp_path):
    path = script(tmp_path)
    assert messages_in(path) == ("Search is not working at the moment.",
                                 ("%(count)s service", "%(count)s services"),
                                 "A message no catalogue has yet")
    # The My list page's own words are under their own names.
    assert messages_in(path, "list-page") == ("Share your list",)
    assert messages_in(tmp_path / "missing.js") == ()


def test_an_edited_script_brings_its_new_words(tmp_path):
    path = script(tmp_path, '_("Copy the link");')
    assert messages_in(path) == ("Copy the link",)
    path.write_text('_("Copy the link"); _("Share your list");', encoding="utf-8")
    import os
    os.utime(path, ns=(1, 1))  # a different time, however quick the edit
    assert messages_in(path) == ("Copy the link", "Share your list")


def test_a_page_in_the_main_language_carries_no_words(tmp_path):
    assert words(language("en", main=True), ((script(tmp_path), "words"),)) == {}


def test_a_page_in_polish_carries_the_translated_words_only(tmp_path):
    found = words(language("pl"), ((script(tmp_path), "words"),))
    assert found["Search is not working at the moment."] == "Wyszukiwanie teraz nie działa."
    # Polish has three forms: 1 usługa, 2 usługi, 5 usług.
    assert found["%(count)s service"] == {"one": "%(count)s usługa", "few": "%(count)s usługi",
                                          "many": "%(count)s usług"}
    assert "A message no catalogue has yet" not in found
    assert "Share your list" not in found  # the My list page's own words


def test_romanian_plurals_have_their_three_forms(tmp_path):
    found = words(language("ro"), ((script(tmp_path), "words"),))
    assert found["%(count)s service"] == {"one": "%(count)s serviciu", "few": "%(count)s servicii",
                                          "other": "%(count)s de servicii"}


def test_each_plural_category_takes_the_catalogues_form_for_every_count_in_it():
    """The browser picks a form by the count's CLDR category (Intl.PluralRules): for every
    count, that is the form the catalogue's own Plural-Forms rule gives."""
    singular, plural = "%(count)s service", "%(count)s services"
    for code in ("pl", "ro"):
        catalogue = language(code).translations
        samples = plural_samples(code)
        category_of = Locale.parse(code).plural_form
        for count in (*range(0, 130), 1001, 1002, 1005, 1011, 1022):
            picked = catalogue.ngettext(singular, plural, samples[category_of(count)])
            assert picked == catalogue.ngettext(singular, plural, count), (code, count)


def test_a_page_carries_the_words_of_the_scripts_it_runs(tmp_path):
    every = page_scripts(tmp_path, "index.md")
    assert every == tuple((tmp_path / name, keywords) for name, keywords in EVERY_PAGE)
    find = page_scripts(tmp_path, urls.FIND)
    assert (tmp_path / "find.js", "words") in find and set(every) < set(find)
    assert page_scripts(tmp_path, urls.MY_LIST) == every + ((tmp_path / "my-list.js",
                                                              "list-page"),)
