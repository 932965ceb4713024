"""Pages families asked for: while you wait, my list, and the links that lead to them."""

from __future__ import annotations

import re

from local_offer.site.build import build_content
from local_offer.site.family_pages import waiting_family_services

from tests.helpers import COMPONENTS, FIXTURE_TODAY, component_fixtures

WAITING = component_fixtures("while-you-wait")
LISTED = re.compile(r'<li class="lo-service-item" data-service-id="([a-z0-9-]+)"')


def pages_of(scratch):
    content = build_content(scratch, today=FIXTURE_TODAY)
    return content, {page.url: page for page in content.pages()}


def rendered(pages, url):
    return pages[url].render(url)


def test_while_you_wait_lists_exactly_the_published_records_marked_for_it(scratch):
    scratch.write("waiting-families-group.yaml", WAITING["marked"])
    scratch.write("assessment-clinic.yaml", WAITING["not_marked"])
    scratch.write("old-group.yaml", WAITING["marked"].replace(
        "Waiting Families Group", "Old Group").replace("2026-10-01", "2024-01-01"))
    scratch.write("closed-group.yaml", WAITING["marked"].replace(
        "Waiting Families Group", "Closed Group") + "status: closed\n")
    _, pages = pages_of(scratch)
    html = rendered(pages, "while-you-wait/")
    assert LISTED.findall(html) == ["waiting-families-group"]
    assert 'href="../how-to-get-help/#while-you-wait"' in html


def test_a_service_with_a_waiting_time_links_to_support_while_you_wait(scratch):
    scratch.write("waiting-families-group.yaml", WAITING["marked"])
    scratch.write("assessment-clinic.yaml", WAITING["not_marked"])
    _, pages = pages_of(scratch)
    clinic = rendered(pages, "services/assessment-clinic/")
    assert "Typical wait: about 40 weeks, as of October 2026." in clinic
    assert '<a href="../../while-you-wait/">Support for families while they wait</a>' in clinic
    assert "while-you-wait/" not in rendered(pages, "services/waiting-families-group/")


def test_the_while_you_wait_page_matches_the_marked_records(offer_project, offer_site):
    content = build_content(offer_project, today=FIXTURE_TODAY)
    expected = [record.id for record in waiting_family_services(content)]
    assert len(expected) >= 10
    html = (offer_site / "while-you-wait" / "index.html").read_text(encoding="utf-8")
    assert LISTED.findall(html) == expected
    for record in content.records:
        page = (offer_site / "services" / record.id / "index.html").read_text(encoding="utf-8")
        assert ('href="../../while-you-wait/"' in page) == bool(record.waiting_time), record.id


def test_while_you_wait_is_linked_from_home_and_the_guide(offer_site):
    assert 'href="while-you-wait/"' in (offer_site / "index.html").read_text(encoding="utf-8")
    guide = (offer_site / "how-to-get-help" / "index.html").read_text(encoding="utf-8")
    assert 'href="../while-you-wait/"' in guide


def test_my_list_page_explains_itself_without_javascript(offer_site):
    html = (offer_site / "my-list" / "index.html").read_text(encoding="utf-8")
    assert 'data-my-list data-index="../services-index.json"' in html
    assert "JavaScript needs to be turned on" in html
    # The only control on the page without JavaScript is the site's own furniture.
    body = html.split('data-my-list')[1].split("</div>")[0]
    assert "<button" not in body and "<input" not in body
    assert 'href="my-list/"' in (offer_site / "index.html").read_text(encoding="utf-8")


def test_scripts_are_external_files_never_inline(offer_site):
    html = (offer_site / "my-list" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/my-list.js"></script>' in html
    assert (offer_site / "assets" / "my-list.js").is_file()
    for name in ("my-list", "report-problem", "while-you-wait", "you-said-we-did",
                 "coverage-map", "service-page", "service-list"):
        template = (COMPONENTS / name / "template.html").read_text(encoding="utf-8")
        assert "<script" not in template and "style=" not in template, name
        assert not re.search(r"\son[a-z]+\s*=", template), name
