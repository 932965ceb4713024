"""The fixture offer built in three languages: every page again under /pl/ and /ro/.

Each with its lang, its words, its navigation and a switcher to the same page in the
others; a record's translation where it has one, the English with a note where not;
and the English-only fixture offer built exactly as before.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from local_offer.outputs import sitemap
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY

OTHER_LANGUAGES = ("pl", "ro")


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def english_pages(site) -> list[str]:
    return sorted(page.parent.relative_to(site).as_posix() for page in site.rglob("index.html")
                  if page.relative_to(site).parts[0] not in OTHER_LANGUAGES)


def test_every_page_is_in_every_language_with_its_lang(languages_site):
    pages = english_pages(languages_site)
    assert len(pages) > 100
    for path in pages:
        english = soup(languages_site, path)
        assert english.html["lang"] == "en"
        for code in OTHER_LANGUAGES:
            where = f"{code}/{path}" if path != "." else code
            translated = soup(languages_site, where)
            assert translated.html["lang"] == code, where
            # The theme's own words are that language's too (Material's translation).
            assert translated.select_one("a.lo-skip-link").get_text(strip=True) != \
                english.select_one("a.lo-skip-link").get_text(strip=True), where


def test_the_switcher_leads_to_the_same_page_in_each_language(languages_site):
    page = soup(languages_site, "pl/services/accessible-swimming")
    switcher = page.select_one("nav.lo-languages")
    links = {a["hreflang"]: a["href"] for a in switcher.select("a")}
    assert links == {"en": "../../../services/accessible-swimming/",
                     "ro": "../../../ro/services/accessible-swimming/"}
    current = switcher.select_one("[aria-current]")
    assert (current.get_text(strip=True), current["lang"]) == ("Polski", "pl")
    names = [item.get_text(strip=True) for item in switcher.select("li")]
    assert names == ["English", "Polski", "Română"]
    # It comes first after the skip link, before the header.
    assert page.body.find_all(["a", "nav", "header"], recursive=True)[1] is switcher


def test_links_and_navigation_stay_in_the_page_language(languages_site):
    page = soup(languages_site, "pl/browse")
    nav = [(a.get_text(" ", strip=True), a["href"]) for a in
           page.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert ("Strona główna", "../") in nav and ("Znajdź wsparcie", "../find/") in nav
    # The footer's pages, the search form, the lists: all in Polish, all under pl/.
    assert page.select_one("form.lo-search__form")["action"] == "../find/"
    footer = [a["href"] for a in page.select("ul.lo-footer-links a")]
    assert footer and all(not href.startswith("../../") for href in footer)
    assert page.h1.get_text(strip=True) == "Przeglądaj usługi"


def test_a_service_with_a_polish_translation_shows_it_with_its_date(languages_site):
    page = soup(languages_site, "pl/services/speech-and-language-therapy")
    assert page.h1.get_text(strip=True) == "Terapia mowy i języka dla dzieci (logopeda)"
    assert "lang" not in page.h1.attrs
    assert page.select_one(".lo-untranslated") is None
    checked = page.select_one(".lo-translation-checked")
    assert checked.get_text(" ", strip=True) == "Tłumaczenie sprawdzono 15 września 2026"
    assert page.title.get_text().startswith("Terapia mowy i języka dla dzieci")
    # The English page is untouched; the Romanian one has no translation.
    assert soup(languages_site, "services/speech-and-language-therapy").h1.get_text(
        strip=True) == "Children's Speech and Language Therapy"
    assert soup(languages_site, "ro/services/speech-and-language-therapy").select_one(
        ".lo-untranslated") is not None


def test_a_service_without_one_shows_the_english_with_the_note_in_polish(languages_site):
    page = soup(languages_site, "pl/services/accessible-swimming")
    note = page.select_one(".lo-untranslated")
    assert note.get_text(" ", strip=True) == "Szczegóły tej usługi są dostępne tylko po angielsku."
    assert page.h1["lang"] == "en" and page.select_one(".lo-summary")["lang"] == "en"
    assert page.select_one("#who-it-is-for").get_text(strip=True) == "Dla kogo"


def test_lists_show_each_service_in_the_page_language(languages_site):
    page = soup(languages_site, "pl/browse/category/health")
    names = [a.get_text(strip=True) for a in page.select(".lo-service-item__name a")]
    assert "Terapia mowy i języka dla dzieci (logopeda)" in names


def test_a_hand_written_page_takes_its_translation_or_says_it_is_english(languages_site):
    about = soup(languages_site, "pl/about")
    assert about.h1.get_text(strip=True) == "O tej stronie"
    assert about.select_one(".lo-untranslated") is None
    assert not (languages_site / "about.pl").exists()
    help_page = soup(languages_site, "ro/how-to-get-help")
    note = help_page.select_one(".lo-untranslated")
    assert note.get_text(strip=True) == "Această pagină este doar în engleză."
    assert note.find_next_sibling("div")["lang"] == "en"
    # Its links to files go up to the one copy of each.
    data = soup(languages_site, "pl/open-data")
    assert data.select_one('a[href$="services.csv"]')["href"] == "../../services.csv"


def test_one_language_builds_as_before(offer_site):
    assert not (offer_site / "pl").exists()
    page = soup(offer_site, "services/accessible-swimming")
    assert page.select_one("nav.lo-languages") is None
    assert page.select_one(".lo-untranslated") is None
    assert not (offer_site / "about.pl").exists()  # the repository's docs/about.pl.md
    assert not re.search(r'hreflang=', (offer_site / "index.html").read_text(encoding="utf-8"))


def test_the_sitemap_links_each_page_to_its_versions(languages_project):
    docs = ["about/", "pl/about/", "ro/about/"]  # as the plugin hands them over
    content = build_content(languages_project, FIXTURE_TODAY,
                            site_url="https://offer.example.org/", docs_page_urls=docs)
    xml = sitemap.sitemap(content).decode()
    entry = xml[xml.index("<loc>https://offer.example.org/pl/about/</loc>"):]
    entry = entry[:entry.index("</url>")]
    assert 'hreflang="en" href="https://offer.example.org/about/"' in entry
    assert 'hreflang="ro" href="https://offer.example.org/ro/about/"' in entry
    assert 'hreflang="x-default" href="https://offer.example.org/about/"' in entry
    assert "<loc>https://offer.example.org/pl/services/accessible-swimming/</loc>" in xml


# ---- Easy Read versions, linked both ways ----

def test_a_service_and_a_hand_written_page_link_to_their_easy_read_versions(offer_site):
    service = soup(offer_site, "services/speech-and-language-therapy")
    assert service.select_one(".lo-easy-read-link a")["href"] == "easy-read/"
    easy = soup(offer_site, "services/speech-and-language-therapy/easy-read")
    assert easy.h1.get_text(strip=True) == "Help with talking"
    pictures = easy.select(".lo-easy-read__line img")
    assert [img["alt"] for img in pictures] == ["A grown-up and a child talking.", "A phone."]
    assert all((offer_site / "services/speech-and-language-therapy/easy-read" / img["src"])
               .resolve().is_file() for img in pictures)
    assert easy.select_one('a[href="../"]') is not None  # back to the full page
    assert easy.select_one("[data-pagefind-body]") is None  # search lists the full page only
    page = soup(offer_site, "how-to-get-help")
    assert page.select_one(".lo-easy-read-link a")["href"] == "../easy-read/how-to-get-help/"
    back = soup(offer_site, "easy-read/how-to-get-help")
    assert back.select_one(".lo-easy-read-link a")["href"] == "../../how-to-get-help/"
    assert back.select_one('img[alt="A phone."]') is not None
    # Other pages have no Easy Read version, so no link to one.
    assert soup(offer_site, "about").select_one(".lo-easy-read-link") is None
    assert soup(offer_site, "services/accessible-swimming").select_one(
        ".lo-easy-read-link") is None
