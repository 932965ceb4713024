"""Where a Local Offer project keeps its data, and its site-wide settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from local_offer.records.taxonomy import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class Settings:
    site_name: str = "SEND Local Offer"
    area_name: str = ""
    review_every: str = "6 months"
    review_every_by_category: dict = field(default_factory=dict)
    due_soon_days: int = 30
    grace: str = "3 months"
    # Checked by report_problem.py and comments.py, which know their lines in the file.
    report_problem: dict = field(default_factory=dict)
    comments: dict = field(default_factory=dict)


@dataclass
class Project:
    """The files of one Local Offer: services, schema, data files."""

    root: Path

    def __post_init__(self):
        self.root = Path(self.root).resolve()

    @property
    def services_dir(self) -> Path:
        return self.root / "services"

    @property
    def schema_path(self) -> Path:
        return self.root / "schema" / "service.schema.json"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @cached_property
    def taxonomy(self) -> Taxonomy:
        return load_taxonomy(self.data_dir / "taxonomy.yaml")

    @cached_property
    def settings(self) -> Settings:
        path = self.data_dir / "settings.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        return Settings(**(data or {}))

    def service_files(self) -> list[Path]:
        return sorted(self.services_dir.rglob("*.yaml"))

    def shown(self, path: Path) -> str:
        """A file's path as people see it in the repository."""
        try:  # not resolved: a link is shown where it is, not where it points
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
