"""Reading every record of a project: each file read, checked and typed, every problem in one pass.

A file is checked by the schema (records/schema.py) and by the checks the
schema cannot make (records/consistency.py: a record contradicting itself, the
template's text, a review date after `today`), all at once; the warnings
(a phone number in the text that is not the contact's) come back beside the
problems and stop nothing.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from local_offer.records.both_cores import on_both_cores
from local_offer.records.consistency import RecordChecks
from local_offer.records.easy_read import EasyRead, load_easy_read
from local_offer.records.model import Record, record_from
from local_offer.records.problems import InvalidRecords, Problem
from local_offer.records.project import EASY_READ, Project, language_of_file
from local_offer.records.record_cache import RecordCache
from local_offer.records.schema import RecordSchema
from local_offer.records.translations import (Translation, TranslationSchema, check_translation,
                                              original_of)
from local_offer.records.words import SLUG, slug
from local_offer.records.yaml_source import read_document

# Files read a batch at a time on each core; fewer than SHARED_FROM are read here, where
# a second process would cost more than it saves.
BATCH = 50
SHARED_FROM = 400

# A service's id is its file's name, written as every id is (records/words.py).
SERVICE_ID = SLUG
service_id_for = slug


@dataclass
class LoadResult:
    records: list[Record]
    problems: list[Problem]
    # Worth a look, but not wrong: listed by validate and lint, never stopping a build.
    warnings: list[Problem] = field(default_factory=list)
    # The valid translations beside the records (records/translations.py).
    translations: list[Translation] = field(default_factory=list)
    # The valid Easy Read versions beside the records (records/easy_read.py).
    easy_reads: list[EasyRead] = field(default_factory=list)


class RecordLoader:
    """Reads every service file of a project, collecting every problem in one pass.

    today: the day review dates are checked against (None: not checked).
    cache: keep valid records in the project's .cache/ (records/record_cache.py), so an
    unchanged file is not read and checked again by the next load.
    in_background: a large offer's files are shared with a forked process (both_cores.py);
    False in a process with threads of its own (mkdocs serve)."""

    def __init__(self, project: Project, today: dt.date | None = None, cache: bool = True,
                 in_background: bool = True):
        self.project = project
        self.today = today
        self.cache = cache
        self.in_background = in_background
        self.schema = RecordSchema(project.schema_path, project.taxonomy)
        self.checks = RecordChecks(self.schema, project.template_path)

    def load_file(self, file: Path, shown: str = "") -> tuple[Record | None, list[Problem]]:
        record, problems, _ = self.check_file(file, shown)
        return record, problems

    def check_file(self, file: Path, shown: str = "") -> tuple[Record | None, list[Problem],
                                                              list[Problem]]:
        """(the record or None, its problems, its warnings)."""
        shown = shown or self.project.shown(file)
        service_id = file.stem
        document, problems = read_document(file, shown)
        if not SERVICE_ID.match(service_id):
            problems.append(Problem(shown, 1, "", f"the file name '{file.name}' is not a valid "
                                    "service id", "rename it with lowercase letters, digits and "
                                    "hyphens only, like tiny-talkers-strood.yaml"))
        if document is None or (document.data is None and problems):  # unreadable or empty
            return None, problems, []
        # Reading problems (a duplicate, an alias, a tag) do not hide the schema's, nor the
        # schema's the record's other checks: every problem in one run.
        problems += self.schema.check(document)
        problems += self.checks.problems(document, self.today)
        problems += self.project.languages.record_problems(document)
        warnings = self.checks.warnings(document)
        if problems:
            return None, problems, warnings
        return record_from(service_id, document), [], warnings

    def load(self, files: list[Path] | None = None) -> LoadResult:
        if self.project.taxonomy_problems:  # records choose from lists that cannot be read
            return LoadResult([], self.project.taxonomy_problems)
        with _cycle_collector_paused():
            return self._load(files)

    def _load(self, files: list[Path] | None) -> LoadResult:
        records: list[Record] = []
        problems: list[Problem] = []
        warnings: list[Problem] = []
        first_file: dict[str, str] = {}
        cache = RecordCache(self.project, self.today) if self.cache else None
        files = files if files is not None else self.project.service_and_translation_files()
        translation_files = [file for file in files if language_of_file(file)]
        by_path: dict[Path, Record | None] = {}
        # Each record file once: from the cache, or read and checked (below, on both cores).
        read: list[tuple[Path, str, str | None, tuple | None]] = []
        for file in files:
            if language_of_file(file) or file.name.endswith(EASY_READ):
                continue  # a translation or an Easy Read version: checked after the records
            shown = self.project.shown(file)
            if file.stem in first_file:
                problems.append(Problem(shown, 1, "", f"another file has the same id "
                                        f"'{file.stem}': {first_file[file.stem]}",
                                        "rename one of the two files; ids must be unique"))
                continue
            first_file[file.stem] = shown
            digest = cache.digest(file) if cache else None
            kept = cache.get(shown, digest) if cache else None
            read.append((file, shown, digest, (kept[0], [], kept[1]) if kept else None))
        checked = self._check_files([(file, shown) for file, shown, _, kept in read
                                     if kept is None])
        for file, shown, digest, kept in read:
            if kept:
                record, found, noticed = kept
            else:
                record, found, noticed = next(checked)
                if cache and record and not found:
                    cache.put(shown, digest, record, noticed)
            problems += found
            warnings += noticed
            by_path[file.resolve()] = record
            if record:
                records.append(record)
        if cache:
            cache.save()
        translations, found = self.check_translations(translation_files, by_path)
        problems += found
        easy_reads, found = load_easy_reads(self.project, self.project.easy_read_files(),
                                            first_file)
        problems += found
        records.sort(key=lambda r: r.sort_key)
        return LoadResult(records, sorted(problems), sorted(warnings), translations,
                          easy_reads)

    def _check_files(self, files: list[tuple[Path, str]]):
        """check_file of each (file, shown), in order: on both cores for a large offer."""
        if len(files) < SHARED_FROM or not self.in_background:
            return (self.check_file(file, shown) for file, shown in files)
        # A failure on the other core (a fault of ours, never of a record) is WorkFailed.
        return iter(on_both_cores(files, lambda job: self.check_file(*job), BATCH,
                                  "a record could not be read"))

    def check_translations(self, files: list[Path], records: dict[Path, Record | None],
                           ) -> tuple[list[Translation], list[Problem]]:
        """Each translation checked against its record (read now when it was not among the
        files), like a record: file, line, field and how to fix it."""
        if not files:
            return [], []
        schema = TranslationSchema(self.schema)
        languages = self.project.settings.languages
        translations, found = [], []
        for file in files:
            original = original_of(file).resolve()
            if original not in records:
                records[original] = (self.load_file(original)[0] if original.is_file()
                                     else None)
            english = records[original]
            shown = self.project.shown(file)
            if english is None and original.is_file():
                continue  # the record's own problems are told; its translation waits for it
            translation, wrong = check_translation(schema, file, shown, english, languages,
                                                   self.today)
            found += wrong
            if translation:
                translations.append(translation)
        return translations, found


@contextmanager
def _cycle_collector_paused():
    """Python's cycle collector off while records are read: every record read is kept, so
    each collection would walk all the records read before it, a fifth of the loading's
    CPU at 2,000 records. Records, documents and YAML nodes hold no cycles; whatever
    garbage has them (an error's traceback) is collected once the loading is done."""
    if not gc.isenabled():  # paused by the caller already: theirs to switch on again
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def load_translations(project: Project, records: list[Record],
                      today: dt.date | None = None) -> list[Translation]:
    """Every valid record's translations; raises InvalidRecords listing their problems."""
    loader = RecordLoader(project, today)
    by_path = {(project.root / record.path).resolve(): record for record in records}
    translations, problems = loader.check_translations(project.translation_files(), by_path)
    if problems:
        raise InvalidRecords(sorted(problems))
    return translations


def load_easy_reads(project: Project, files: list[Path], record_ids) -> tuple[list[EasyRead],
                                                                           list[Problem]]:
    easy_reads, problems = [], []
    for file in files:
        easy_read, found = load_easy_read(project, file, record_ids)
        problems += found
        if easy_read:
            easy_reads.append(easy_read)
    return easy_reads, problems


def load_records(project: Project, today: dt.date | None = None,
                 in_background: bool = True) -> list[Record]:
    """Every record of the project; raises InvalidRecords listing all problems (with review
    dates after `today`, when it is given)."""
    result = RecordLoader(project, today, in_background=in_background).load()
    if result.problems:
        raise InvalidRecords(result.problems)
    return result.records
