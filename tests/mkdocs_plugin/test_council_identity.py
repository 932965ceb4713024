"""The council's identity reaches every page from data/settings.yaml, and only from there.

mkdocs.yml's site_name is replaced by the settings' one, the header shows the
short name, the logo and the primary colour (a stylesheet of its own, so the
Content-Security-Policy stays strict) are the council's, and hand-written pages
show settings through placeholders, as plain text.
"""

from __future__ import annotations

import re

import pytest

from local_offer.cli import main
from local_offer.records.settings import Settings
from local_offer.site.identity import fill_placeholders, stylesheet
from tests.helpers import FIXTURE_TODAY, build_into
from tests.site.test_content_security_policy import PageScan

SETTINGS = """\
site_name: Bath & North East Somerset SEND Local Offer
short_name: B&NES Local Offer
area_name: Bath & *North* <East>
logo: data/logo.svg
primary_colour: "#00703C"
contact_email: send_offer@example.org
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


@pytest.fixture
def council(scratch, tmp_path):
    """A scratch project with another council's settings, and mkdocs.yml's own name left."""
    settings = scratch.data_dir / "settings.yaml"
    kept = "".join(line for line in settings.read_text(encoding="utf-8").splitlines(True)
                   if not line.startswith(("site_name:", "short_name:", "area_name:",
                                           "primary_colour:", "contact_email:")))
    settings.write_text(SETTINGS + kept, encoding="utf-8")
    (scratch.data_dir / "logo.svg").write_text(LOGO, encoding="utf-8")
    mkdocs = scratch.root / "mkdocs.yml"
    mkdocs.write_text(re.sub(r"(?m)^site_name: .*$", "site_name: Leftover Name",
                             mkdocs.read_text(encoding="utf-8")), encoding="utf-8")
    scratch.record("only")
    build_into(scratch.root, tmp_path / "site")
    return tmp_path / "site"


def header_name(html: str) -> str:
    topic = re.search(r'<div class="md-header__topic">\s*<span class="md-ellipsis">\s*(.*?)\s*'
                      r"</span>", html, re.DOTALL)
    return topic.group(1)


def test_the_names_come_from_settings_not_mkdocs_yml(council):
    for page in council.rglob("*.html"):
        assert "Leftover Name" not in page.read_text(encoding="utf-8"), page
    home = (council / "index.html").read_text(encoding="utf-8")
    assert "<title>Bath &amp; North East Somerset SEND Local Offer</title>" in home
    assert header_name(home) == "B&amp;NES Local Offer"
    about = (council / "about" / "index.html").read_text(encoding="utf-8")
    assert header_name(about) == "B&amp;NES Local Offer"
    assert "<title>About this site - Bath &amp; North East Somerset SEND Local Offer</title>" \
        in about


def test_placeholders_show_the_settings_as_plain_text(council):
    about = (council / "about" / "index.html").read_text(encoding="utf-8")
    assert "Postcodes look like Bath &amp; *North* &lt;East&gt; postcodes" in about
    assert "<em>North</em>" not in about and "<East>" not in about
    assert "send_offer@example.org" in about
    assert "{{" not in about
    # The generated home page takes the area's name from the same setting, escaped.
    home = (council / "index.html").read_text(encoding="utf-8")
    assert "Bath &amp; *North* &lt;East&gt;'s Local Offer lists" in home
    guide = (council / "about" / "publishing" / "index.html").read_text(encoding="utf-8")
    assert "{{ area_name }}" in guide  # written \{{ area_name }}: the placeholder itself


def test_the_colour_and_logo_are_the_councils_and_the_policy_stays_strict(council):
    home = (council / "index.html").read_text(encoding="utf-8")
    css = (council / "assets" / "council.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #00703c;" in css
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', home)
    assert sheets.index("assets/council.css") > sheets.index("assets/local-offer.css")
    assert '<img src="assets/council-logo.svg" alt="logo">' in home
    assert (council / "assets" / "council-logo.svg").read_text(encoding="utf-8") == LOGO
    scan = PageScan(home)
    assert scan.styles == [] and "style-src 'self';" in scan.policies[0]


def test_a_page_with_an_unknown_placeholder_stops_the_build_with_its_line(scratch, tmp_path,
                                                                          capsys):
    (scratch.root / "docs" / "extra.md").write_text("# Extra\n\nWe cover {{ area }}.\n",
                                                     encoding="utf-8")
    scratch.record("only")
    code = main(["--project", str(scratch.root), "build", "--today", FIXTURE_TODAY,
                 "--site-dir", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert ("docs/extra.md:3: '{{ area }}' is not a setting a page can show. How to fix: "
            "write one of: {{ site_name }}, {{ short_name }}, {{ area_name }}, "
            "{{ contact_email }}") in err
    assert not (tmp_path / "site").exists()


def test_a_placeholder_for_a_setting_not_given_is_told():
    text, problems = fill_placeholders("Hello\n{{area_name}} and {{ contact_email }}\n",
                                       Settings(), "docs/index.md")
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("docs/index.md", 2, "the page shows {{ area_name }}, but data/settings.yaml has no "
                             "area_name"),
        ("docs/index.md", 2, "the page shows {{ contact_email }}, but data/settings.yaml has "
                             "no contact_email")]
    text, problems = fill_placeholders(r"\{{ area_name }} is Kent: {{ area_name }}",
                                       Settings(area_name="Kent"), "docs/x.md")
    assert (text, problems) == ("{{ area_name }} is Kent: Kent", [])


def test_the_stylesheet_darkens_the_colour_for_hover_and_search():
    css = stylesheet(Settings(primary_colour="#1d4f91"))
    assert "--md-primary-fg-color: #1d4f91;" in css and "--md-typeset-a-color: #1d4f91;" in css
    assert "--md-primary-fg-color--dark: #13335e;" in css
