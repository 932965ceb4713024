"""A full build of the fixture offer, and that it grows linearly."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import signal
import subprocess
import sys
import time

import pytest
import yaml
from markupsafe import escape

from local_offer.cli import main
from local_offer.editing.synth import write_synthetic
from local_offer.mkdocs_plugin.build import BuildFailed, BuildLock, build_site
from local_offer.records.project import Project
from tests.helpers import FIXTURE_TODAY, OFFER, ROOT, build_into, copy_project


def test_every_service_has_a_page_with_its_name(offer_site):
    files = Project(OFFER).service_files()
    assert len(files) >= 40
    for path in files:
        page = offer_site / "services" / path.stem / "index.html"
        html = page.read_text(encoding="utf-8")
        name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
        assert f"<h1>{escape(name)}</h1>" in html, path


def test_hand_written_and_browse_pages_are_built(offer_site):
    for page in ("index.html", "how-to-get-help/index.html", "glossary/index.html",
                 "about/index.html", "browse/index.html", "browse/category/index.html",
                 "browse/need/autism/index.html", "browse/age/0-4/index.html",
                 "browse/area/strood/index.html", "browse/a-z/index.html", "404.html"):
        assert (offer_site / page).is_file(), page


def test_home_page_leads_to_every_way_of_browsing(offer_site):
    html = (offer_site / "index.html").read_text(encoding="utf-8")
    for target in ("browse/category/", "browse/need/", "browse/age/", "browse/area/",
                   "browse/a-z/"):
        assert f'href="{target}"' in html, target


def test_service_pages_are_not_in_the_navigation(offer_site):
    html = (offer_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert "services/" not in nav
    assert "Browse services" in nav


def test_nothing_is_written_into_docs(offer_project, offer_site):
    docs = offer_project.root / "docs"
    assert (docs / "about.md").is_file()
    assert not (docs / "services").exists()
    assert not (docs / "browse").exists()
    assert not (docs / "glossary.md").exists()


def test_no_google_fonts(offer_site):
    for page in ("index.html", "services/tiny-talkers-strood/index.html"):
        html = (offer_site / page).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


@pytest.mark.slow  # builds 2,000 more services
def test_service_page_does_not_grow_with_the_number_of_services(tmp_path, offer_site):
    project = tmp_path / "big"
    project.mkdir()
    big = copy_project(project, offer=True)
    write_synthetic(2000, big.services_dir / "synthetic", big.taxonomy,
                    today=dt.date(2026, 11, 20))
    build_into(project, project / "site")
    page = "services/tiny-talkers-strood/index.html"
    small = (offer_site / page).stat().st_size
    large = (project / "site" / page).stat().st_size
    assert abs(large - small) / small <= 0.10, (small, large)
    assert len(list((project / "site" / "services").iterdir())) >= 2000


# ---- Nothing lost: a failed, killed or concurrent build leaves the previous site whole ----

def site_snapshot(site) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def beside(site, kind: str) -> list:
    return sorted(site.parent.glob(f".{site.name}-{kind}-*"))


@pytest.fixture
def built(scratch):
    """A scratch project with three records, built once into site/."""
    for name in ("alpha", "beta", "gamma"):
        scratch.record(name, name=f"Service {name}")
    site = scratch.root / "site"
    build_into(scratch.root, site)
    return scratch, site


@pytest.mark.slow  # builds three times, one of them with 200 services
def test_a_killed_build_leaves_the_previous_site_intact(built):
    scratch, site = built
    before = site_snapshot(site)
    assert "services/alpha/index.html" in before
    write_synthetic(200, scratch.services_dir / "synthetic", scratch.taxonomy,
                    today=dt.date(2026, 11, 20))
    build = subprocess.Popen([sys.executable, str(ROOT / "build_offer.py"), "--project",
                              str(scratch.root), "build", "--today", FIXTURE_TODAY],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:  # kill it once it has written some service pages into its staging folder
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and build.poll() is None:
            staging = beside(site, "new")
            if staging and len(list((staging[0] / "services").glob("*"))) >= 5:
                build.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
    finally:
        if build.poll() is None:
            build.kill()
        build.wait()
    assert build.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    [staging] = beside(site, "new")
    assert 5 <= len(list((staging / "services").glob("*"))) < 200  # killed part-way
    assert site_snapshot(site) == before
    # The next build tidies up after the killed one and swaps in as usual.
    shutil.rmtree(scratch.services_dir / "synthetic")
    scratch.record("delta", name="Service delta")
    build_into(scratch.root, site)
    assert beside(site, "new") == [] and beside(site, "old") == []
    assert (site / "services" / "delta" / "index.html").is_file()


def disk_full(*args):
    raise OSError(28, "No space left on device")


def test_a_failed_build_leaves_the_site_and_no_leftovers(built, monkeypatch):
    scratch, site = built
    before = site_snapshot(site)
    monkeypatch.setattr("local_offer.mkdocs_plugin.build._post_build", disk_full)
    with pytest.raises(BuildFailed, match="No space left"):
        build_site(scratch, site, today=FIXTURE_TODAY)
    assert site_snapshot(site) == before
    assert beside(site, "new") == []


def test_a_site_missing_after_a_kill_between_renames_is_put_back(built, monkeypatch):
    scratch, site = built
    before = site_snapshot(site)
    site.rename(site.with_name(".site-old-abc123"))  # killed between swap_in's two renames
    (site.parent / ".site-new-abc123").mkdir()
    monkeypatch.setattr("local_offer.mkdocs_plugin.build._post_build", disk_full)
    with pytest.raises(BuildFailed):
        build_site(scratch, site, today=FIXTURE_TODAY)
    assert site_snapshot(site) == before
    assert beside(site, "new") == [] and beside(site, "old") == []


def test_a_second_build_at_the_same_time_is_refused(built, capsys):
    scratch, site = built
    before = site_snapshot(site)
    with BuildLock(site):
        code = main(["--project", str(scratch.root), "build", "--today", FIXTURE_TODAY])
    assert code == 1
    assert "another build into" in capsys.readouterr().err
    assert site_snapshot(site) == before


def test_leftovers_of_another_site_folder_are_not_touched(built):
    scratch, site = built
    other = scratch.root / ".preview-new-abc123"  # a build into preview/ may be running
    other.mkdir()
    build_into(scratch.root, site)
    assert other.is_dir()


def test_the_build_counts_what_is_published_what_is_being_checked_and_what_is_closed(
        tmp_path, capsys):
    scratch = copy_project(tmp_path / "project")
    scratch.record("fresh", name="Fresh Club", last_reviewed="2026-11-01")
    scratch.record("late", name="Late Club", last_reviewed="2026-04-23")  # overdue: shown
    scratch.record("old", name="Old Club", last_reviewed="2025-11-01")  # expired: off the site
    scratch.record("shut", name="Shut Club", last_reviewed="2026-11-01", status="closed")
    scratch.record("done", name="Done Club", last_reviewed="2026-10-01",
                   valid_until="2026-10-31")
    site = tmp_path / "site"
    assert main(["--project", str(scratch.root), "build", "--today", FIXTURE_TODAY,
                 "--site-dir", str(site)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("Built 5 services: 2 published, 1 being checked (off the site until "
                     "reviewed), 2 closed (1 of them past their valid_until date).")
    assert (site / "services" / "late" / "index.html").is_file()
