"""init turns the sample into a council's own empty offer, that never says the sample's name.

Run on a clean clone of this checkout holding the fixture offer (the Medway sample's
data and records), as a council would run it on its copy of the repository.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import xmlschema
import yaml

from local_offer.cli import main
from local_offer.editing.start_offer import _with_block, scalar
from local_offer.records.project import Project
from tests.helpers import FIXTURE_TODAY, ROOT, build_into, clean_clone

AREAS = "Ashford, Canterbury, Tunbridge Wells"
SITE_URL = "https://localoffer.kent.example.org/"
SITEMAP_SCHEMA = ROOT / "tests" / "fixtures" / "schemas" / "sitemap-0.9.xsd"


def git_changes(clone) -> set[str]:
    out = subprocess.run(["git", "-C", str(clone), "status", "--porcelain",
                          "--untracked-files=all"], capture_output=True, text=True,
                         check=True).stdout
    return {line[3:] for line in out.splitlines()}


def init(clone, *args: str) -> int:
    return main(["--project", str(clone), "init", *args])


@pytest.fixture(scope="module")
def kent(tmp_path_factory):
    """A clean clone after init for Kent, with what init printed."""
    tmp_path = tmp_path_factory.mktemp("kent")
    clone = clean_clone(tmp_path)
    done = subprocess.run([sys.executable, "build_offer.py", "init", "--area", "Kent",
                           "--areas", AREAS, "--site-url", SITE_URL, "--today", FIXTURE_TODAY],
                          cwd=clone,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return clone, done.stdout


def test_init_lists_every_file_it_changed(kent):
    clone, printed = kent
    listed = {line.strip() for line in printed.splitlines() if line.startswith("  ")}
    assert listed == git_changes(clone)
    # (The schema and template change too, unless the checkout already lists Kent's areas.)
    assert {"data/settings.yaml", "data/taxonomy.yaml", "data/you-said-we-did.yaml"} <= listed
    assert not list((clone / "services").rglob("*.yaml"))


def test_after_init_the_offer_is_valid_and_empty_and_lists_only_its_areas(kent):
    clone, _ = kent
    project = Project(clone)
    assert project.data_problems() == []
    settings = project.settings
    assert (settings.site_name, settings.header_name, settings.area_name, settings.site_url) == (
        "Kent SEND Local Offer", "Kent Local Offer", "Kent", SITE_URL)
    assert [(t.id, t.label) for t in project.taxonomy.areas] == [
        ("ashford", "Ashford"), ("canterbury", "Canterbury"),
        ("tunbridge-wells", "Tunbridge Wells"), ("area-wide", "All of Kent")]
    for command in (["validate", "--today", FIXTURE_TODAY], ["schema", "--check"],
                    ["codeowners", "--check"]):
        assert main(["--project", str(clone), *command]) == 0, command
    template = (clone / "schema" / "service-template.yaml").read_text(encoding="utf-8")
    assert "ashford, canterbury, tunbridge-wells, area-wide." in template
    assert "chatham" not in template
    comments = yaml.safe_load((clone / "data" / "you-said-we-did.yaml").read_text())
    assert comments["comments"] == []
    # The data files keep the comments that explain them, and stay lint-clean.
    assert "# How often an entry must be checked" in (clone / "data" / "settings.yaml").read_text()
    lint = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "data",
                           "schema/service-template.yaml"], cwd=clone, capture_output=True,
                          text=True)
    assert lint.returncode == 0, lint.stdout


def test_after_init_the_built_site_never_says_medway(kent, tmp_path):
    clone, _ = kent
    site = tmp_path / "site"
    build_into(clone, site)
    said = [path.relative_to(site).as_posix() for path in site.rglob("*")
            if path.is_file() and b"medway" in path.read_bytes().lower()]
    assert said == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Kent SEND Local Offer</title>" in home and "Kent's Local Offer lists" in home
    # The settings' address: the sitemap is published, valid and in full.
    xmlschema.XMLSchema(str(SITEMAP_SCHEMA)).validate(str(site / "sitemap.xml"))
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)


def test_init_refuses_while_services_or_data_have_uncommitted_changes(tmp_path, capsys):
    clone = clean_clone(tmp_path)
    record = next((clone / "services").rglob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    before = git_changes(clone)
    assert init(clone, "--area", "Kent", "--areas", AREAS) == 2
    err = capsys.readouterr().err
    assert err.startswith("Nothing was changed: ") and "Commit them" in err
    assert record.relative_to(clone).as_posix() in err
    assert git_changes(clone) == before


@pytest.mark.parametrize("areas, words", [
    ("", "give the areas families choose from"),
    (" , ,", "give the areas families choose from"),
    ("Ashford, ashford", "make the same id, 'ashford'"),
    ("Ashford, Area wide", "the name kept for the whole area"),
    ("Ashford, ***", "no letters or digits"),
])
def test_init_refuses_areas_it_cannot_make_ids_from(tmp_path, capsys, areas, words):
    clone = clean_clone(tmp_path)
    assert init(clone, "--area", "Kent", "--areas", areas) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert git_changes(clone) == set()


def test_a_value_is_quoted_only_when_yaml_would_misread_it():
    for value in ("Kent", "Bath & North East Somerset", "St. Helens: North", "Yes", "#1",
                  "2026-01-01", " padded", "Ynys Môn"):
        assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}, value
    assert scalar("Kent") == "Kent" and scalar("Yes") == '"Yes"'


def test_a_block_is_replaced_and_the_next_ones_comments_stay():
    text = "a: 1\nareas:\n  - id: x\n    label: X\n\n# Ways to get a service.\nroutes: []\n"
    assert _with_block(text, "areas", ["areas: []\n"]) == (
        "a: 1\nareas: []\n\n# Ways to get a service.\nroutes: []\n")
    assert _with_block("a: 1\n", "areas", ["areas: []\n"]) == "a: 1\n\nareas: []\n"
