"""The accessibility statement: the model statement's sections, and testing made from the suite."""

from __future__ import annotations

import re
from pathlib import Path

from local_offer.cli import main
from local_offer.site import accessibility
from tests.browser.page_types import PAGE_TYPES
from tests.helpers import FIXTURE_TODAY, ROOT, build_into, copy_project

BROWSER_TESTS = Path(__file__).resolve().parent.parent / "browser"
SECTIONS = ["compliance-status", "non-accessible-content", "what-we-do-to-test",
            "feedback-and-contact", "enforcement-procedure", "preparation-of-this-statement"]


def test_the_statement_promises_exactly_what_the_browser_suite_runs():
    assert list(accessibility.PAGE_TYPES_TESTED) == list(PAGE_TYPES)
    modules = sorted(path.stem for path in BROWSER_TESTS.glob("test_*.py"))
    assert sorted(accessibility.CHECKS) == modules


def test_the_statement_has_the_model_sections_and_the_councils_words(offer_site):
    html = (offer_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([\w-]+)"', html)
    assert [i for i in ids if not i.startswith("__")][:6] == SECTIONS
    assert "Medway Council (sample) runs" in html
    assert "partially compliant" in html
    assert "have not checked them" in html  # a known problem from data/accessibility.yaml
    assert 'href="mailto:localoffer@example.org"' in html and "10 working days" in html
    # Made from the suite: every page type, and the pinned versions of its tools.
    for name in PAGE_TYPES:
        assert f"<li>{name.replace(',', ',')}</li>" in html.replace("&#39;", "'"), name
    axe = re.search(r'"node_modules/axe-core": \{\s*"version": "([\d.]+)"',
                    (ROOT / "package-lock.json").read_text(encoding="utf-8")).group(1)
    assert f"axe-core {axe}:" in html
    assert "built on 23 November 2026" in html


def test_a_partly_compliant_site_must_say_what_is_not_accessible(scratch, capsys):
    statement = scratch.data_dir / "accessibility.yaml"
    text = statement.read_text(encoding="utf-8")
    start = text.index("known_problems:")
    end = text.index("# How families")
    statement.write_text(text[:start] + text[end:].replace("contact_email: localoffer@example.org",
                                                           "contact_email: localoffer"),
                         encoding="utf-8")
    assert main(["--project", str(scratch.root), "validate", "--today", FIXTURE_TODAY]) == 2
    err = capsys.readouterr().err
    assert re.search(r"data/accessibility.yaml:\d+: known_problems: a partly compliant site "
                     r"must say what is not accessible", err)
    assert "contact_email: 'localoffer' is not an email address" in err


def test_without_the_file_the_page_says_it_is_not_written_yet(tmp_path):
    project = copy_project(tmp_path / "p")
    (project.data_dir / "accessibility.yaml").unlink()
    build_into(project.root, tmp_path / "site")
    html = (tmp_path / "site" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "has not been written yet" in html
