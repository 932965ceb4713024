"""Report a problem: every link names the service id, its page and its owner, as the site chose."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from local_offer.cli import main
from local_offer.records.report_problem import load_problem_report
from local_offer.site.build import build_content
from tests.helpers import FIXTURE_TODAY, MINIMAL, OFFER, component_fixtures

SETTINGS = component_fixtures("report-problem")
HREF = re.compile(r'<a href="([^"]+)" data-report-choice="([a-z]+)">')


def with_settings(scratch, text):
    (scratch.data_dir / "settings.yaml").write_text(text, encoding="utf-8")
    scratch.write("minimal-service.yaml", MINIMAL)
    return scratch


def report_links(page: str) -> dict[str, str]:
    return {choice: html.unescape(href) for href, choice in HREF.findall(page)}


def service_html(scratch, site_url=""):
    content = build_content(scratch, today=FIXTURE_TODAY, site_url=site_url)
    page = content.service_page(content.records[0])
    return page.render(page.url)


def test_email_reports_go_to_the_owner_with_id_page_and_choice(scratch):
    html = service_html(with_settings(scratch, SETTINGS["email"]),
                        site_url="https://offer.example.org/")
    assert "Report a problem with this page" in html
    links = report_links(html)
    assert set(links) == {"contact", "times", "closed", "other"}
    address = urlsplit(links["closed"])
    assert address.scheme == "mailto" and address.path == "example.team@example.org"
    fields = {key: value[0] for key, value in parse_qs(address.query).items()}
    assert fields["cc"] == "localoffer@example.org"
    assert "(minimal-service)" in fields["subject"]
    assert "The service has closed" in fields["subject"]
    assert "Service id: minimal-service" in fields["body"]
    assert "Page: https://offer.example.org/services/minimal-service/" in fields["body"]
    assert "Owner: Example Team (example.team@example.org)" in fields["body"]
    # Spaces are %20 for mail programs, never '+'.
    assert "+" not in links["closed"]


def test_issue_reports_open_a_new_issue_titled_with_id_and_page(scratch):
    html = service_html(with_settings(scratch, SETTINGS["issue"]))
    link = report_links(html)["contact"]
    assert link.startswith("https://example.org/council/local-offer/issues/new?")
    fields = {key: value[0] for key, value in parse_qs(urlsplit(link).query).items()}
    assert fields["title"].startswith("minimal-service: The phone number or email address")
    assert "services/minimal-service/" in fields["title"]
    assert "Owner: Example Team (example.team@example.org)" in fields["body"]
    assert "public repository" in html and "mailto:" not in html.split("lo-report")[1]


def test_mistakes_in_the_settings_are_named_with_line_and_fix(scratch):
    _, problems = load_problem_report(with_settings(scratch, SETTINGS["mistaken"]))
    found = {(p.path, p.line, p.field): p for p in problems}
    assert ("data/settings.yaml", 3, "report_problem.via") in found
    assert "email, issue" in found["data/settings.yaml", 3, "report_problem.via"].fix
    unknown = found["data/settings.yaml", 4, "report_problem.copy_too"]
    assert "copy_to" in unknown.fix
    _, problems = load_problem_report(with_settings(scratch, SETTINGS["issue_without_url"]))
    assert [p.field for p in problems] == ["report_problem.new_issue_url"]


def test_a_mistake_in_the_settings_stops_the_build_with_its_line(scratch, capsys, tmp_path):
    with_settings(scratch, SETTINGS["mistaken"])
    code = main(["--project", str(scratch.root), "build", "--today", FIXTURE_TODAY,
                 "--site-dir", str(tmp_path / "site")])
    assert code == 2
    assert "data/settings.yaml:3: report_problem.via: 'via' is 'github'" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_every_service_page_of_the_offer_reports_to_its_own_owner(offer_site):
    for path in sorted((OFFER / "services").rglob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = offer_site / "services" / path.stem / "index.html"
        if not page.exists():  # unpublished today
            continue
        links = report_links(page.read_text(encoding="utf-8"))
        assert len(links) == 4, path
        for link in links.values():
            assert link.startswith(f"mailto:{record['owner']['email']}?"), path
            assert f"Service id: {path.stem}" in unquote(link), path
