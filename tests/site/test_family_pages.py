"""Pages families asked for: while you wait, my list, and the links that lead to them."""

from __future__ import annotations

import re

from local_offer.cli import main
from local_offer.site.build import build_content
from local_offer.site.family_pages import waiting_family_services
from tests.helpers import COMPONENTS, FIXTURE_TODAY, build_into, component_fixtures, copy_project

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
    # A service for two needs is in both groups; every marked one is somewhere.
    assert sorted(set(LISTED.findall(html))) == sorted(expected)
    for record in content.records:
        page = (offer_site / "services" / record.id / "index.html").read_text(encoding="utf-8")
        article = page[page.index('<article class="lo-service"'):page.index("</article>")]
        # (Every page's menu leads there too; the page's own words only with a wait.)
        assert ('href="../../while-you-wait/"' in article) == bool(record.waiting_time), record.id


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


def test_while_you_wait_is_grouped_by_need_in_the_councils_order(tmp_path):
    project = copy_project(tmp_path / "offer", offer=True)
    groups = project.data_dir / "while-you-wait.yaml"
    groups.write_text(groups.read_text(encoding="utf-8").replace(
        "    need: autism\n", "    need: autism\n    first: [waiting-well]\n"), encoding="utf-8")
    build_into(project.root, tmp_path / "site")
    html = (tmp_path / "site" / "while-you-wait" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([\w-]+)">([^<]+) <span class="lo-count">\((\d+) services?\)',
                          html)
    assert [title for _, title, _ in headings] == [
        "Speech and language", "Autism and ADHD assessment",
        "Emotional wellbeing and mental health", "For every family"]
    sections = dict(zip([anchor for anchor, _, _ in headings],
                        re.split(r'<h2 id="[\w-]+">', html)[1:]))
    for anchor, _, count in headings:
        assert len(LISTED.findall(sections[anchor])) == int(count), anchor
    # Each group opens the Find page with its need chosen; the jump list leads to each.
    assert 'href="../find/?need=speech-language-communication"' in sections["speech-and-language"]
    assert all(f'href="#{anchor}"' in html for anchor, _, _ in headings)
    # The programme for families awaiting an assessment leads its group.
    assert LISTED.findall(sections["autism-and-adhd-assessment"])[0] == "waiting-well"
    # A service for all needs is for every family, not in one need's group.
    assert "chatham-family-hub" in LISTED.findall(sections["for-every-family"])
    assert "chatham-family-hub" not in LISTED.findall(sections["speech-and-language"])


def test_a_group_led_by_a_service_that_does_not_exist_is_an_error(scratch, capsys):
    scratch.write("waiting-families-group.yaml", WAITING["marked"])
    (scratch.data_dir / "while-you-wait.yaml").write_text(
        "groups:\n  - title: Speech and language\n    need: speech-language-communication\n"
        "    first: [talking-togethr]\n  - title: Hearing\n    need: hearring\n",
        encoding="utf-8")
    assert main(["--project", str(scratch.root), "validate", "--today", FIXTURE_TODAY]) == 2
    err = capsys.readouterr().err
    assert "data/while-you-wait.yaml:2: first: 'talking-togethr' is not a service id" in err
    assert "data/while-you-wait.yaml:6: groups[2].need: 'need' is 'hearring'" in err


def test_without_groups_the_page_is_one_list(scratch):
    (scratch.data_dir / "while-you-wait.yaml").unlink()
    scratch.write("waiting-families-group.yaml", WAITING["marked"])
    scratch.write("second-group.yaml", WAITING["marked"].replace("Waiting Families Group",
                                                                 "Second Group"))
    _, pages = pages_of(scratch)
    html = rendered(pages, "while-you-wait/")
    assert LISTED.findall(html) == ["second-group", "waiting-families-group"]
    assert "<h2 id=" not in html
