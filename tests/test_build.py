"""A full build of the sample data, and that it grows linearly."""

from __future__ import annotations

import datetime as dt
import shutil

import yaml
from markupsafe import escape

from local_offer.project import Project
from local_offer.synth import write_synthetic

from conftest import ROOT, build_into


def test_every_service_has_a_page_with_its_name(sample_site):
    files = sorted((ROOT / "services").rglob("*.yaml"))
    assert len(files) >= 40
    for path in files:
        page = sample_site / "services" / path.stem / "index.html"
        html = page.read_text(encoding="utf-8")
        name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
        assert f"<h1>{escape(name)}</h1>" in html, path


def test_hand_written_and_browse_pages_are_built(sample_site):
    for page in ("index.html", "how-to-get-help/index.html", "glossary/index.html",
                 "about/index.html", "browse/index.html", "browse/category/index.html",
                 "browse/need/autism/index.html", "browse/age/0-4/index.html",
                 "browse/area/strood/index.html", "browse/a-z/index.html", "404.html"):
        assert (sample_site / page).is_file(), page


def test_home_page_leads_to_every_way_of_browsing(sample_site):
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    for target in ("browse/category/", "browse/need/", "browse/age/", "browse/area/",
                   "browse/a-z/"):
        assert f'href="{target}"' in html, target


def test_service_pages_are_not_in_the_navigation(sample_site):
    html = (sample_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert "services/" not in nav
    assert "Browse services" in nav


def test_nothing_is_written_into_docs(sample_site):
    assert not (ROOT / "docs" / "services").exists()
    assert not (ROOT / "docs" / "browse").exists()
    assert not (ROOT / "docs" / "glossary.md").exists()


def test_no_google_fonts(sample_site):
    for page in ("index.html", "services/tiny-talkers-strood/index.html"):
        html = (sample_site / page).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_service_page_does_not_grow_with_the_number_of_services(tmp_path, sample_site):
    project = tmp_path / "big"
    for folder in ("schema", "data", "docs", "services"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    write_synthetic(2000, project / "services" / "synthetic", Project(ROOT).taxonomy,
                    today=dt.date(2026, 11, 20))
    build_into(project, project / "site")
    page = "services/tiny-talkers-strood/index.html"
    small = (sample_site / page).stat().st_size
    large = (project / "site" / page).stat().st_size
    assert abs(large - small) / small <= 0.10, (small, large)
    assert len(list((project / "site" / "services").iterdir())) >= 2000
