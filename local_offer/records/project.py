"""Where a Local Offer project keeps its data, and its site-wide settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from babel import localedata

from local_offer.records.age_words import FAMILY_WORDS_FILE, AgeWords, load_age_words
from local_offer.records.glossary import Glossary, load_glossary
from local_offer.records.languages import LANGUAGES_FILE, Languages, load_languages
from local_offer.records.problems import Problem

# Settings is also imported from here, where it used to live.
from local_offer.records.settings import SETTINGS_FILE, Settings, load_settings
from local_offer.records.taxonomy import (
    Taxonomy,
    load_taxonomy,
    load_taxonomy_translation,
    taxonomy_translation_file,
)
from local_offer.records.term_dates import TERM_DATES_FILE, TermDates, load_term_dates

TAXONOMY_FILE = "taxonomy.yaml"
# The end of a record's Easy Read version's name (records/easy_read.py).
EASY_READ = ".easy-read.yaml"


def language_of_file(path: Path) -> str:
    """The language a file beside a record translates it into (x.pl.yaml: "pl"; see
    records/translations.py), or "" for a record itself."""
    stem, dot, code = path.stem.rpartition(".")
    if dot and stem and code.isascii() and code.isalpha() and localedata.exists(code):
        return code
    return ""
GLOSSARY_FILE = "glossary.yaml"


@dataclass
class Project:
    """The files of one Local Offer: services, schema, data files."""

    root: Path
    # (the file's version, what load_settings made of it)
    _settings_read: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        self.root = Path(self.root).resolve()

    @property
    def services_dir(self) -> Path:
        return self.root / "services"

    @property
    def schema_path(self) -> Path:
        return self.root / "schema" / "service.schema.json"

    @property
    def template_path(self) -> Path:
        """The template a new record starts from; its text is what a record must replace."""
        return self.root / "schema" / "service-template.yaml"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def data_stamp(self) -> tuple:
        """Every data and schema file by name, size and time of change: what the site is
        made from besides the records and hand-written pages (a live preview remakes a
        service page it has made before only when this or its record changes)."""
        return tuple(sorted((path.relative_to(self.root).as_posix(), stat.st_size,
                             stat.st_mtime_ns)
                            for folder in (self.data_dir, self.schema_path.parent)
                            for path in folder.rglob("*") if path.is_file()
                            for stat in (path.stat(),)))

    @cached_property
    def _taxonomy(self) -> tuple[Taxonomy, list[Problem]]:
        path = self.data_dir / TAXONOMY_FILE
        return load_taxonomy(path, self.shown(path))

    @property
    def taxonomy(self) -> Taxonomy:
        """The controlled lists; with mistakes (taxonomy_problems), what could be read."""
        return self._taxonomy[0]

    @property
    def taxonomy_problems(self) -> list[Problem]:
        return list(self._taxonomy[1])

    @cached_property
    def _taxonomy_translations(self) -> dict[str, tuple[Taxonomy, list[Problem]]]:
        """Each data/taxonomy.<code>.yaml there is, read against taxonomy.yaml's ids."""
        return {code: load_taxonomy_translation(path, self.taxonomy, self.shown(path))
                for code, path in self.taxonomy_translation_files().items()}

    def taxonomy_translation_files(self) -> dict[str, Path]:
        """data/taxonomy.<code>.yaml, by language code."""
        return {code: path for path in sorted(self.data_dir.glob(taxonomy_translation_file("*")))
                if (code := language_of_file(path))}

    def taxonomy_in(self, code: str) -> Taxonomy:
        """The controlled lists in one of the site's languages: the words in
        data/taxonomy.<code>.yaml, the English where that file does not translate one."""
        return self._taxonomy_translations.get(code, (self.taxonomy, []))[0]

    @cached_property
    def _glossary(self) -> tuple[Glossary | None, list[Problem]]:
        path = self.data_dir / GLOSSARY_FILE
        return load_glossary(path, self.taxonomy, self.shown(path))

    @property
    def glossary(self) -> Glossary | None:
        """The glossary, or None when the project has none."""
        return self._glossary[0]

    @cached_property
    def _term_dates(self) -> tuple[TermDates, list[Problem]]:
        path = self.data_dir / TERM_DATES_FILE
        return load_term_dates(path, self.shown(path))

    @property
    def term_dates(self) -> TermDates:
        """The school terms and holidays (none when the project has no term dates file)."""
        return self._term_dates[0]

    @cached_property
    def _languages(self) -> tuple[Languages, list[Problem]]:
        path = self.data_dir / LANGUAGES_FILE
        return load_languages(path, self.shown(path))

    @property
    def languages(self) -> Languages:
        """The languages records name (none listed when the project has no languages file)."""
        return self._languages[0]

    @cached_property
    def _age_words(self) -> tuple[tuple[AgeWords, ...], list[Problem]]:
        path = self.data_dir / FAMILY_WORDS_FILE
        return load_age_words(path, self.shown(path))

    @property
    def age_words(self) -> tuple[AgeWords, ...]:
        """Families' words for ages, like teenager (data/family-words.yaml)."""
        return self._age_words[0]

    def data_problems(self) -> list[Problem]:
        """Every mistake in the data files that records and pages are made with."""
        translated = [problem for _, problems in self._taxonomy_translations.values()
                      for problem in problems]
        return (self.taxonomy_problems + translated + self._glossary[1] + self.settings_problems
                + self._term_dates[1] + self._languages[1] + self._age_words[1])

    @property
    def _settings(self) -> tuple[Settings, list[Problem]]:
        """data/settings.yaml, read once, and again only if the file has changed since."""
        try:
            found = (self.data_dir / SETTINGS_FILE).stat()
            version = (found.st_mtime_ns, found.st_size, found.st_ino)
        except OSError:
            version = None
        if self._settings_read is None or self._settings_read[0] != version:
            self._settings_read = (version, load_settings(self))
        return self._settings_read[1]

    @property
    def settings(self) -> Settings:
        """The site's settings; a setting with a mistake keeps its default (see
        settings_problems, which every command that reads settings reports)."""
        return self._settings[0]

    @property
    def settings_problems(self) -> list[Problem]:
        return list(self._settings[1])

    def service_and_translation_files(self) -> list[Path]:
        """Every file in services/: the records and the translations beside them."""
        return sorted(self.services_dir.rglob("*.yaml"))

    def service_files(self) -> list[Path]:
        """Every record's file: not the translations or Easy Read versions beside them
        (x.pl.yaml, x.easy-read.yaml)."""
        return [path for path in self.service_and_translation_files()
                if not language_of_file(path) and not path.name.endswith(EASY_READ)]

    def easy_read_files(self) -> list[Path]:
        """Every record's Easy Read version, beside it: services/…/x.easy-read.yaml."""
        return sorted(self.services_dir.rglob(f"*{EASY_READ}"))

    def translation_files(self) -> list[Path]:
        """Every translation of a record, beside it: services/…/x.pl.yaml."""
        return [path for path in sorted(self.services_dir.rglob("*.*.yaml"))
                if language_of_file(path)]

    def shown(self, path: Path) -> str:
        """A file's path as people see it in the repository."""
        try:  # not resolved: a link is shown where it is, not where it points
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
