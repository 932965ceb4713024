"""The Find support page and the header search box, as built (no browser)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from local_offer.records.project import Settings
from local_offer.records.taxonomy import Term
from local_offer.site.build import build_content
from local_offer.site.find_page import find_page
from local_offer.site.render import Renderer
from tests.helpers import FIXTURE_TODAY, OFFER_TAXONOMY, component_fixtures


def render_fixture(name: str, area_name: str = "Medway") -> str:
    params = dict(component_fixtures("find-page")[name])
    for kind in ("categories", "needs", "areas", "routes"):
        params[kind] = [Term(**term) for term in params[kind]]
    renderer = Renderer(OFFER_TAXONOMY, {"settings": Settings(area_name=area_name)})
    return renderer.render("find-page", "find/", **params)


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.DOTALL)
    assert select, name
    return re.findall(r'<option value="([^"]*)"', select.group(1))


def test_filters_offer_the_taxonomy_choices(offer_project):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    page = find_page(content)
    html = page.render(page.url)
    taxonomy = content.taxonomy
    assert page.url == "find/" and page.title == "Find support"
    assert options(html, "category") == [""] + [t.id for t in taxonomy.categories]
    # "All needs" and the whole area are not choices: those services match every choice.
    assert options(html, "need") == [""] + [t.id for t in taxonomy.needs if t.id != "all-needs"]
    assert options(html, "area") == [""] + [t.id for t in taxonomy.areas if t.id != "area-wide"]
    assert "Anywhere in Medway" in html
    assert re.search(r'<input[^>]*name="age" type="text"', html)  # takes "7" or "teenager"
    assert re.findall(r'name="route" value="([^"]+)"', html) == ["drop-in", "self-referral"]
    assert re.findall(r'name="attending" value="([^"]+)"', html) == [
        t.id for t in taxonomy.attending]
    assert re.findall(r'name="when" value="([^"]+)"', html) == [t.id for t in taxonomy.when]
    # Only the languages some service offers, with their own names.
    assert options(html, "language") == ["", "bfi", "lt", "ne", "pl", "pa", "ro", "ur"]
    assert ">Polish (polski)</option>" in html
    assert 'name="interpreter" value="yes"' in html
    assert "&#34;teenager&#34;" in html  # the words for ages, for family-words.js
    assert 'name="free" value="yes"' in html
    assert 'src="../assets/find.js"' in html


def test_find_page_works_without_javascript_through_the_browse_lists(offer_site):
    html = (offer_site / "find" / "index.html").read_text(encoding="utf-8")
    assert "data-lo-find-form" in html  # search.css shows it only where scripts run
    assert "need JavaScript" in html
    for target in ("browse/category/", "browse/need/", "browse/age/", "browse/area/",
                   "browse/a-z/"):
        assert f'href="../{target}"' in html, target


def test_home_page_and_navigation_lead_to_find_support(offer_site):
    home = (offer_site / "index.html").read_text(encoding="utf-8")
    assert 'href="find/"' in home
    about = (offer_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = about[about.index('<nav class="md-nav md-nav--primary"'):]
    assert 'href="../find/"' in nav[: nav.index("</nav>")]


def test_every_page_has_the_header_search_with_a_browse_link_without_javascript(offer_site):
    for url in ("", "about/", "services/tiny-talkers-strood/", "browse/area/strood/"):
        html = (offer_site / url / "index.html").read_text(encoding="utf-8")
        page = "http://site/" + url

        def resolved(attribute: str, tag: str) -> str:
            found = re.search(rf'<{tag}[^>]*{attribute}="([^"]*)"[^>]*>', html)
            assert found, (url, tag)
            return urljoin(page, found.group(1))

        form = re.search(r'<form class="lo-search__form"[^>]*>', html)
        assert form, url  # search.css shows it only where scripts run (test_search.py)
        assert resolved("action", 'form class="lo-search__form"') == "http://site/find/"
        fallback = re.search(r'data-lo-search-fallback>\s*<a href="([^"]*)">Browse all services',
                             html)
        assert fallback and urljoin(page, fallback.group(1)) == "http://site/browse/", url
        assert resolved("src", 'script type="module"') == "http://site/assets/search.js"
        # Material's own search (and its index) is not used.
        assert 'data-md-component="search"' not in html


def test_no_material_search_index_and_no_third_party_requests(offer_site):
    assert not (offer_site / "search" / "search_index.json").exists()
    for path in ("assets/search.js", "assets/find.js"):
        script = (offer_site / path).read_text(encoding="utf-8")
        assert not re.search(r"https?://", script), path


def test_component_escapes_labels_and_uses_the_ages_it_is_given():
    html = render_fixture("one_route")
    assert '<option value="travel">Travel &amp; transport</option>' in html
    assert "from 0 to 19" in html
    assert 'data-lo-age-words="{&#34;youngest&#34;:0,&#34;oldest&#34;:19,' in html
    assert "teen\\&#34;ager" in html  # escaped in the attribute
    assert "At home &amp; more" in html and ">Polish (polski)</option>" in html
    assert "How you can get it" in html
    assert "Tick more than one to see services you can get" not in html  # one way to get it
    assert '<a href="../browse/area/">Services by area</a>' in html
    assert "Search words or a postcode</label>" in html
    assert "For example: speech or ME7 5HT</p>" in html


def test_component_without_routes_or_area_name_leaves_them_out():
    html = render_fixture("no_routes", area_name="")
    assert "How you can get it" not in html and 'name="route"' not in html
    for left_out in ("How you take part", 'name="when"', 'name="language"', "Interpreter"):
        assert left_out not in html
    assert "postcode" not in html  # no search by postcode without the council's postcodes
    assert '<option value="">Anywhere</option>' in html
