"""What the offer covers: each heading against what is published, in the command and on the site."""

from __future__ import annotations

from local_offer.cli import main
from local_offer.records.coverage import load_coverage
from local_offer.site.build import build_content
from local_offer.site.family_pages import offer_coverage
from tests.helpers import FIXTURE_TODAY, MINIMAL, component_fixtures, record_yaml

MAPS = component_fixtures("coverage-map")
HEALTH = record_yaml(name="Health Clinic", categories="[health]")
MEDIATION = record_yaml(name="Mediation Service", categories="[information-advice]")


def project_with(scratch, coverage_map):
    (scratch.data_dir / "coverage.yaml").write_text(coverage_map, encoding="utf-8")
    health = scratch.write("health-clinic.yaml", HEALTH)
    mediation = scratch.write("mediation-service.yaml", MEDIATION)
    return health, mediation


def coverage(scratch, *extra, capsys):
    code = main(["--project", str(scratch.root), "coverage", "--today", FIXTURE_TODAY, *extra])
    return code, capsys.readouterr()


def test_every_heading_answered_passes_strict(scratch, capsys):
    project_with(scratch, MAPS["two_headings"])
    code, out = coverage(scratch, "--strict", capsys=capsys)
    assert code == 0, out.err
    assert "ok       Health provision (1 service)" in out.out
    assert "ok       Complaints, mediation and appeals (1 service)" in out.out
    assert "ok       Information, advice and support (1 page)" in out.out
    assert "3 of 3 headings have something published." in out.out


def test_coverage_names_a_heading_once_its_records_are_removed(scratch, capsys):
    health, mediation = project_with(scratch, MAPS["two_headings"])
    health.unlink()
    mediation.unlink()
    scratch.write("other.yaml", MINIMAL)  # the site still has a service, elsewhere
    code, out = coverage(scratch, capsys=capsys)
    assert code == 0  # reports, but only --strict fails
    assert "NOTHING  Health provision" in out.out
    assert "NOTHING  Complaints, mediation and appeals" in out.out
    assert "listed but not published: service mediation-service" in out.out
    assert "2 headings have nothing published:" in out.out
    assert "  - Health provision (data/coverage.yaml:2)" in out.out
    assert "ok       Information, advice and support" in out.out
    code, _ = coverage(scratch, "--strict", capsys=capsys)
    assert code == 1


def test_an_expired_record_answers_nothing(scratch, capsys):
    health, _ = project_with(scratch, MAPS["two_headings"])
    health.write_text(record_yaml(name="Health Clinic", categories="[health]",
                                  last_reviewed="2024-01-10"), encoding="utf-8")
    code, out = coverage(scratch, "--strict", capsys=capsys)
    assert code == 1
    assert "NOTHING  Health provision" in out.out


def test_mistakes_in_the_map_are_named_with_line_and_fix(scratch, capsys):
    project_with(scratch, MAPS["mistakes"])
    _, problems = load_coverage(scratch)
    shown = [str(p) for p in problems]
    assert any(s.startswith("data/coverage.yaml:3: headings[1].categories[1]: 'helth' is not "
                            "one of the categories") and "'health'" in s for s in shown), shown
    assert any(s.startswith("data/coverage.yaml:4: headings[2].heading: 'Health provision' is "
                            "listed twice (first on line 2)") for s in shown), shown
    assert any(s.startswith("data/coverage.yaml:5: headings[2].pages[1]: 'how-to-get-help' is "
                            "not a page's file name") for s in shown), shown
    assert any(s.startswith("data/coverage.yaml:6: headings[3].title:") for s in shown), shown
    assert any("headings[3].heading: 'heading' is missing" in s for s in shown), shown
    code, out = coverage(scratch, capsys=capsys)
    assert code == 2 and "data/coverage.yaml:3:" in out.err


def test_the_page_links_what_answers_and_says_what_is_missing(scratch):
    health, mediation = project_with(scratch, MAPS["two_headings"])
    mediation.unlink()
    content = build_content(scratch, today=FIXTURE_TODAY)
    page = {p.url: p for p in content.pages()}["what-the-offer-covers/"]
    html = page.render(page.url)
    assert '<h2 id="health-provision">Health provision</h2>' in html
    assert '<a href="../browse/category/health/">Health</a>' in html
    assert '<a href="../how-to-get-help/">How to get help for your child</a>' in html
    complaints = html.split('id="complaints-mediation-and-appeals"')[1].split("<h2")[0]
    assert "Nothing is published for this part at the moment." in complaints
    assert "Today 2 of the 3 parts have services or information published." in html


def test_the_fixture_offer_covers_every_heading_of_schedule_2(offer_project, offer_site):
    results = offer_coverage(build_content(offer_project, today=FIXTURE_TODAY))
    assert len(results) == 14
    assert all(item.answered for item in results), [i.heading.title for i in results
                                                    if not i.answered]
    html = (offer_site / "what-the-offer-covers" / "index.html").read_text(encoding="utf-8")
    for item in results:
        assert f'id="{item.heading.anchor}"' in html
