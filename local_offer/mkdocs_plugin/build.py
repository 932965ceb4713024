"""Building the site with mkdocs: into a fresh folder, swapped in only when it is whole.

The new site is built beside the old one and swapped in only when the build
has finished, so a failed or killed build leaves the previous site whole. What
a killed build leaves behind is tidied up by the next one, which holds a lock
so that it never mistakes a running build's folder for a leftover.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from local_offer.mkdocs_plugin.plugin import INVALID_PAGE, PLUGIN_NAME, InvalidPage
from local_offer.records.link_policy import UnsafeLink
from local_offer.records.model import Record
from local_offer.records.project import Project


class BuildFailed(Exception):
    """The build stopped; bad_input when a file the council wrote has a mistake."""

    def __init__(self, message: str, bad_input: bool = False):
        super().__init__(message)
        self.bad_input = bad_input


def build_site(project: Project, site_dir: Path, today: dt.date | None = None,
               records: list[Record] | None = None, site_url: str = "") -> str:
    """Build into a fresh folder beside site_dir, then swap it in; the site's address
    the build used ("" when none is known).

    records: the project's records, already loaded and valid, so they are not read twice.
    site_url: where the site is published, over data/settings.yaml's site_url.
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with BuildLock(site_dir):
        tidy_up_after_killed_builds(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        # The build command tells a page's mistakes itself; mkdocs would say them twice.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_invalid_pages)
        if not logging.getLogger().handlers:
            logging.basicConfig(format="%(levelname)s %(message)s")
        try:
            config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(staging))
            config.plugins[PLUGIN_NAME].hand_over(project.root, today, records, site_url)
            build(config)
            _post_build(project, staging, today)
        except (Abort, ConfigurationError, PluginError, OSError, UnsafeLink) as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildFailed(str(error)) from error
        except InvalidPage as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildFailed(str(error), bad_input=True) from error
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        swap_in(staging, site_dir)
    return config.site_url or ""


def _not_invalid_pages(record: logging.LogRecord) -> bool:
    return INVALID_PAGE not in record.getMessage()


def _post_build(project: Project, staging: Path, today: dt.date | None) -> None:
    """Steps that need the finished HTML (search index, link check) run here."""


class BuildLock:
    """One build at a time into a site folder, so each can tidy up after killed ones."""

    def __init__(self, site_dir: Path):
        self.path = site_dir.with_name(f".{site_dir.name}.lock")

    def __enter__(self):
        self.stream = self.path.open("a")
        try:
            fcntl.flock(self.stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.stream.close()
            raise BuildFailed(f"another build into {self.path.with_name(self.path.stem[1:])} "
                              "is running; wait for it to finish") from None
        return self

    def __exit__(self, *exc):
        self.stream.close()  # closing releases the lock; the lock file stays, empty
        return False


def tidy_up_after_killed_builds(site_dir: Path) -> None:
    """Remove what a killed build left beside the site. If one was killed between the two
    renames of swap_in, the site is missing: put the previous one back first."""
    old_sites = sorted(site_dir.parent.glob(f".{site_dir.name}-old-*"),
                       key=lambda path: path.stat().st_mtime)
    if not site_dir.exists() and old_sites:
        old_sites.pop().rename(site_dir)
    for leftover in [*old_sites, *site_dir.parent.glob(f".{site_dir.name}-new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def swap_in(staging: Path, site_dir: Path) -> None:
    # Two renames: the old site is never missing for longer than a rename takes.
    old = site_dir.with_name(f".{site_dir.name}-old-{staging.name.rsplit('-', 1)[-1]}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
