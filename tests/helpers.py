"""What many tests share: the fixture offer, scratch projects, the record factory, a web server.

The tests never read the repository's own services/ or data/: a council
replaces those with its own, and its tests must still pass. They read the
fixture offer in tests/fixtures/offer instead (records and data files the
tests own), with the product itself (schema/, docs/, mkdocs.yml) taken from
the repository.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import subprocess
import textwrap
import threading
from pathlib import Path

import yaml

from local_offer.records.glossary import load_glossary
from local_offer.records.project import Project
from local_offer.records.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
OFFER = ROOT / "tests" / "fixtures" / "offer"
COMPONENTS = ROOT / "local_offer" / "site" / "components"
# The fixture offer's review dates were set around this day; tests pin it.
FIXTURE_TODAY = "2026-11-23"
OFFER_TAXONOMY, _problems = load_taxonomy(OFFER / "data" / "taxonomy.yaml")
assert not _problems, _problems
OFFER_GLOSSARY, _problems = load_glossary(OFFER / "data" / "glossary.yaml", OFFER_TAXONOMY)
assert not _problems, _problems
# The product's own record schema (not council data: it ships with the generator).
SCHEMA_PATH = ROOT / "schema" / "service.schema.json"


def component_fixtures(component: str) -> dict[str, str]:
    return yaml.safe_load((COMPONENTS / component / "fixtures.yaml").read_text(encoding="utf-8"))


# ---- The record factory ----

# The minimal valid record, one field a line, in the order records are written.
MINIMAL_FIELDS = {
    "name": "Minimal Service",
    "summary": "A service with only the fields that are required.",
    "provider": "{name: Example Provider}",
    "categories": "[education]",
    "needs": "[all-needs]",
    "ages": "{min: 16, max: 25}",
    "areas": "[area-wide]",
    "cost": "{free: true}",
    "how_to_get_it": "{routes: [self-referral]}",
    "contact": "{email: minimal@example.org}",
    "last_reviewed": "2026-05-03",
    "owner": "{team: Example Team, email: example.team@example.org}",
}


def record_yaml(**fields) -> str:
    """A valid record's YAML text: the minimal record with the fields given.

    A field the minimal record has is written on its own line, so every other
    field keeps its line number; a new field is added at the end, in the order
    given; None leaves a field out. A str is YAML as a record writes it
    ("[health]", "2026-11-01", '"Name: with, commas"'); any other value (a list,
    a dict, a number, true/false, a date) is written in YAML's flow style.
    """
    values = {**MINIMAL_FIELDS, **fields}
    return "".join(f"{name}: {_yaml_value(value)}\n" for name, value in values.items()
                   if value is not None)


def _yaml_value(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False,
                          width=10_000)
    return text.removesuffix("\n").removesuffix("\n...")


MINIMAL = record_yaml()


# ---- Projects ----

class ScratchProject(Project):
    """A project made by copy_project, to write records into."""

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.services_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def record(self, service_id: str, **fields) -> Path:
        """services/<service_id>.yaml, written by the record factory (record_yaml)."""
        return self.write(f"{service_id}.yaml", record_yaml(**fields))


def copy_project(root: Path, offer: bool = False) -> ScratchProject:
    """A project in root: the product from the repository (schema/, docs/, mkdocs.yml) and the
    fixture offer's data/, with services/ empty or holding the fixture offer's records.

    The schema's lists are refreshed from the fixture offer's taxonomy, as
    `build_offer.py schema` does after a council changes its lists.
    """
    from local_offer.cli.commands.schema import schema_text

    root.mkdir(parents=True, exist_ok=True)
    for folder in ("schema", "docs"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(OFFER / "data", root / "data")
    if offer:
        shutil.copytree(OFFER / "services", root / "services")
    else:
        (root / "services").mkdir()
    project = ScratchProject(root)
    project.schema_path.write_text(schema_text(project), encoding="utf-8")
    return project


def build_into(project_root: Path, site_dir: Path, today: str = FIXTURE_TODAY,
               site_url: str = "") -> None:
    """Build a project's site into site_dir with the real command line; site_url: where it
    is published (none: the fixture offer's settings give none either)."""
    from local_offer.cli import main
    where = ["--site-url", site_url] if site_url else []
    code = main(["--project", str(project_root), "build", "--today", today,
                 "--site-dir", str(site_dir), *where])
    assert code == 0, f"build failed with exit code {code}"


def clean_clone(tmp_path: Path) -> Path:
    """A clone of this checkout as it is now (committed or not), as a new user would get it,
    holding the fixture offer's services/ and data/ in place of the checkout's own."""
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others",
                            "--exclude-standard"], capture_output=True, check=True).stdout
    origin = tmp_path / "origin"
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith(("services/", "data/")):
            (origin / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, origin / name)
    for folder in ("services", "data"):
        shutil.copytree(OFFER / folder, origin / folder)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run([*git, "init", "-q", "--initial-branch=main", str(origin)], check=True)
    subprocess.run([*git, "-C", str(origin), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(origin), "commit", "-qm", "the offer"], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(tmp_path / "local-offer")],
                   check=True)
    return tmp_path / "local-offer"


# ---- The local web server ----

class SiteServer:
    """A web server on 127.0.0.1 in a background thread, on a free port.

    SiteServer(site) serves a built site's files. SiteServer(handler=Handler)
    answers with a test's own http.server.BaseHTTPRequestHandler subclass.
    """

    def __init__(self, site: Path | None = None, handler=None):
        if handler is None:
            assert site is not None, "give the site to serve, or a handler"
            handler = functools.partial(_QuietFiles, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.block_on_close = False  # closing never waits out a slow answer
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + "/"
        # Polled often, so that closing never waits long.
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass
