"""The guide for service teams: followed as a new user would, and shown on the site.

CONTRIBUTING.md marks the steps this test carries out, with an HTML comment
before a fenced block (invisible on GitHub and on the site):

- ``<!-- test: run -->`` (or ``run, exit N``) before a ``sh`` block: run each
  command, in order, in a clean clone; each must exit 0 (or N).
- ``<!-- test: output -->`` before a ``text`` block: what the commands of the
  run block before it printed, exactly.
- ``<!-- test: edit FILE -->`` before a ``yaml`` block: in FILE, each line of
  the block replaces the next line (below the one replaced before it) with
  the same field name, as a person editing those lines would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from local_offer.site.guide_pages import site_target
from tests.helpers import MINIMAL, ROOT, build_into, clean_clone

GUIDE = ROOT / "CONTRIBUTING.md"
STEP = re.compile(r"^<!-- test: (?P<what>[^>]*?) -->\n(?P<fence>```+)(?P<lang>\w*)\n"
                  r"(?P<body>.*?)\n(?P=fence)$", re.MULTILINE | re.DOTALL)
KEY = re.compile(r"^\s*(?:- )?(?P<key>[A-Za-z_][A-Za-z0-9_]*):")


def new_user_environment(tmp_path: Path) -> dict:
    """`python` is this test run's interpreter, as if the guide's .venv were activated."""
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    (shims / "python").chmod(0o755)
    who = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
           for part, value in (("NAME", "New User"), ("EMAIL", "new.user@example.org"))}
    return {**os.environ, **who, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": ""}


def edit(file: Path, snippet: str) -> None:
    lines = file.read_text(encoding="utf-8").split("\n")
    position = 0
    for new in snippet.split("\n"):
        wanted = KEY.match(new)
        if not wanted:
            continue
        for index in range(position, len(lines)):
            found = KEY.match(lines[index])
            if found and found.group("key") == wanted.group("key"):
                lines[index], position = new, index + 1
                break
        else:
            pytest.fail(f"the guide edits '{new.strip()}', which {file.name} does not have")
    file.write_text("\n".join(lines), encoding="utf-8")


def test_following_the_guide_from_a_clean_clone_to_a_validated_new_record(tmp_path):
    clone = clean_clone(tmp_path)
    env = new_user_environment(tmp_path)
    steps = list(STEP.finditer(GUIDE.read_text(encoding="utf-8")))
    kinds = [step.group("what").split()[0].rstrip(",") for step in steps]
    assert kinds.count("run") >= 4 and kinds.count("output") >= 4 and kinds.count("edit") >= 3
    printed = None
    for step in steps:
        what, body = step.group("what"), step.group("body")
        if what.startswith("run"):
            expected = int(what.split("exit")[1]) if "exit" in what else 0
            printed = []
            for command in body.splitlines():
                done = subprocess.run(["bash", "-c", command], cwd=clone, env=env, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                assert done.returncode == expected, f"{command}\n{done.stdout}"
                printed += done.stdout.splitlines()
        elif what == "output":
            assert printed is not None, "the guide shows output before any command"
            assert printed == body.splitlines(), "the guide shows different output"
        elif what.startswith("edit "):
            edit(clone / what.removeprefix("edit "), body)
        else:
            pytest.fail(f"unknown test step '{what}'")
    # The guide ends with a new, valid record, proposed on its own branch.
    pushed = subprocess.run(["git", "-C", str(tmp_path / "origin"), "show", "--name-only",
                             "--format=%s", "sensory-play-mornings"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert pushed[-1] == "services/early-years/sensory-play-mornings.yaml"
    assert " ".join(pushed[:-1]) == "Add Sensory Play Mornings"


def github_slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def markdown_slug(heading: str) -> str:
    # Python-Markdown's toc slugify, as mkdocs uses it.
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text).strip().lower())


def test_guide_links_work_on_github_and_on_the_site():
    text = GUIDE.read_text(encoding="utf-8")
    headings = re.findall(r"^#{1,6} (.+)$", re.sub(r"```.*?```", "", text, flags=re.DOTALL),
                          re.MULTILINE)
    slugs = set()
    for heading in headings:
        assert github_slug(heading) == markdown_slug(heading), heading
        slugs.add(github_slug(heading))
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert links
    for target in links:
        if target.startswith("#"):
            assert target[1:] in slugs, target
        elif not re.match(r"https?://", target):
            assert (ROOT / target.split("#")[0]).exists(), target


def test_links_are_pointed_at_the_site():
    assert site_target("docs/about.md", ROOT) == "../about.md"
    assert site_target("docs/about.md#privacy", ROOT) == "../about.md#privacy"
    assert site_target("schema/service.schema.json", ROOT) == "fields.md"
    assert site_target("CONTRIBUTING.md#add-a-new-service", ROOT) == "#add-a-new-service"
    assert site_target("schema/service-template.yaml", ROOT) is None
    assert site_target("https://example.org/x", ROOT) == "https://example.org/x"


def test_guide_is_a_page_under_about_this_site(offer_site):
    html = (offer_site / "about" / "contributing" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<h1 id=\"how-to-keep-your-services-entry-right\">How to keep your service's entry " \
           "right</h1>" in article
    assert "<title>How to keep your service's entry right - " in html
    assert 'href="../fields/"' in article and 'href="../"' in article
    assert '<a href="#when-the-check-fails">' in article
    # The file with no page is named, not linked; the test markers are gone.
    assert "<code>schema/service-template.yaml</code>" in article
    assert "service-template.yaml\"" not in article
    assert "<!-- test" not in html
    assert '<code class="language-yaml">' in article or 'class="language-yaml' in article
    about = (offer_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="contributing/"' in about and 'href="fields/"' in about


def test_without_a_contributing_file_the_guide_page_still_exists(scratch, tmp_path):
    assert not (scratch.root / "CONTRIBUTING.md").exists()
    scratch.write("minimal.yaml", MINIMAL)
    build_into(scratch.root, tmp_path / "site")  # strict: the About page's links resolve
    html = (tmp_path / "site" / "about" / "contributing" / "index.html").read_text()
    assert ">For service teams</h1>" in html and 'href="../fields/"' in html
