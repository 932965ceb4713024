"""The site-wide settings in data/settings.yaml: read once, into typed values, checked like records.

The file is read with yaml_source (every value keeps its line) and each
setting is checked by a FieldChecker, so a typo in a name, a period written
in words or a category that does not exist is told as file, line, setting
and how to fix it, never as a traceback. A setting with a mistake keeps its
default, so nothing that reads the settings can fail on it; the commands
stop on the problems before they act.

The report_problem and comments groups are kept as they were written, with
the document they came from: report_problem.py and comments.py check their
own group (Settings.group) from this one reading of the file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from babel import Locale, UnknownLocaleError

from local_offer.records import colour
from local_offer.records.data_files import FieldChecker, read_data_file, value_at
from local_offer.records.period import Period
from local_offer.records.problems import Problem
from local_offer.records.yaml_source import Document

if TYPE_CHECKING:  # project.py reads its settings through this module
    from local_offer.records.project import Project

SETTINGS_FILE = "settings.yaml"
# The groups other modules check, each from this module's one reading of the file.
GROUPS = ("report_problem", "comments")
# The council's identity: what families read on every page, and where the site lives.
IDENTITY = ("site_name", "short_name", "area_name", "logo", "primary_colour",
            "contact_email", "site_url")
KNOWN = IDENTITY + ("languages", "translators", "review_every", "review_every_by_category", "due_soon_days",
                    "grace", "term_dates_notice") + GROUPS
# The settings that are periods, like 6 months.
PERIODS = ("review_every", "grace", "term_dates_notice")
BY_CATEGORY_EXAMPLE = "review_every_by_category:\n  short-breaks: 3 months"
# The longest name that fits the header of a 320 px wide phone screen beside the menu
# button (measured in Chromium: tests/browser/test_council_identity.py).
SHORT_NAME_MAX = 22
LOGO_TYPES = (".svg", ".png", ".webp", ".jpg", ".jpeg")
DEFAULT_COLOUR = "#1d4f91"
LANGUAGES_FIX = ("write the languages as their two-letter codes, the one records are written "
                 "in first, like languages: [en, pl, ro]")


@dataclass(frozen=True)
class Settings:
    site_name: str = "SEND Local Offer"
    # The name in the header; empty: the site name, which is then short enough.
    short_name: str = ""
    area_name: str = ""
    # A path from the project folder, like data/logo.svg; empty: the theme's icon.
    logo: str = ""
    primary_colour: str = DEFAULT_COLOUR
    contact_email: str = ""
    # Where the site is published, ending "/"; empty when not known.
    site_url: str = ""
    # The site's languages, by code: the first is the one records and docs/ are written in
    # (published at the site's root); each other one is published under /<code>/.
    languages: tuple[str, ...] = ("en",)
    # Who keeps each language's translations of records: code -> (team, email). A language
    # not listed: the record's own owner is told when its translation falls behind.
    translators: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    review_every: Period = Period(6, "month")
    review_every_by_category: Mapping[str, Period] = field(default_factory=dict)
    due_soon_days: int = 30
    grace: Period = Period(3, "month")
    # `check` says the term dates are due this long before the last date they give.
    term_dates_notice: Period = Period(6, "month")
    # Checked by report_problem.py and comments.py, which know what their fields mean.
    report_problem: dict = field(default_factory=dict)
    comments: dict = field(default_factory=dict)
    # The document the settings were read from, so a group's problems name their lines.
    source: Document | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        # Periods may be given as people write them ("1 year"), as in tests and tools.
        for name in PERIODS:
            value = getattr(self, name)
            if not isinstance(value, Period):
                object.__setattr__(self, name, Period.parse(value))
        object.__setattr__(self, "review_every_by_category", MappingProxyType({
            category: period if isinstance(period, Period) else Period.parse(period)
            for category, period in (self.review_every_by_category or {}).items()}))

    @property
    def header_name(self) -> str:
        """The name in every page's header: the short name, or the site name."""
        return self.short_name or self.site_name

    def group(self, key: str, problems: list[Problem]) -> FieldChecker | None:
        """A checker for one group (report_problem, comments), or None when it is not there."""
        document = self.source
        if document is None:  # made in code, not read from a file: no lines to name
            document = Document(f"data/{SETTINGS_FILE}", data={key: getattr(self, key) or None})
        if value_at(document, key) is None:
            return None
        return FieldChecker(document, (key,), problems)


def load_settings(project: "Project") -> tuple[Settings, list[Problem]]:
    """The project's settings, with a problem for each mistake; no file keeps the defaults."""
    path = project.data_dir / SETTINGS_FILE
    if not path.exists():
        return Settings(), []
    document, problems = read_data_file(path, project.shown(path))
    if document is None:
        return Settings(), problems
    if document.data is None:  # empty, or only comments
        return Settings(source=document), problems
    if not isinstance(document.data, dict):
        problems.append(Problem(document.path, document.line_of(()), "",
                                "the file must hold settings, one a line, like "
                                "'review_every: 6 months'",
                                "write each setting as 'name: value' at the start of a line, "
                                "as in the sample project's data/settings.yaml"))
        return Settings(), problems
    fields = FieldChecker(document, (), problems)
    fields.only(KNOWN)
    entry = fields.entry
    values: dict[str, Any] = {"source": document}
    values.update(_identity(project, fields))
    if "languages" in entry:
        values["languages"] = _languages(fields) or Settings.languages
    values["translators"] = _translators(document, problems, values.get("languages",
                                                                         Settings.languages))
    for key in PERIODS:
        if key in entry:
            values[key] = fields.period(key) or getattr(Settings, key)
    if "due_soon_days" in entry:
        days = fields.whole_number("due_soon_days", "write how many days before the review "
                                                    "date, like 30")
        values["due_soon_days"] = Settings.due_soon_days if days is None else days
    values["review_every_by_category"] = _by_category(project, document, problems)
    for key in GROUPS:
        group = entry.get(key)
        values[key] = group if isinstance(group, dict) else {}
    return Settings(**values), problems


def _identity(project: "Project", fields: FieldChecker) -> dict[str, Any]:
    """The council's identity settings that are written, each checked."""
    entry, values = fields.entry, {}
    if "site_name" in entry:
        values["site_name"] = fields.text(
            "site_name", "write the name families see in every page's title, like "
                         "Exampleshire SEND Local Offer") or Settings.site_name
    for key in ("short_name", "area_name"):
        if key in entry:
            values[key] = fields.text(key, "", required=False)
    short = values.get("short_name") or values.get("site_name") or Settings.site_name
    if len(short) > SHORT_NAME_MAX:
        key = "short_name" if values.get("short_name") else "site_name"
        fields.problem(key, f"'{short}' is {len(short)} characters, too long for the header "
                            f"of a phone's screen (at most {SHORT_NAME_MAX})",
                       "write a shorter short_name for the header, like "
                       "'Exampleshire Offer'; the site_name stays in page titles")
        values.pop("short_name", None)
    if "logo" in entry:
        values["logo"] = _logo(project, fields)
    if "primary_colour" in entry:
        values["primary_colour"] = _primary_colour(fields) or DEFAULT_COLOUR
    if "contact_email" in entry:
        values["contact_email"] = fields.email("contact_email")
    if "site_url" in entry:
        address = fields.web_address(
            "site_url", "write where the site is published, starting https://, like "
                        "https://localoffer.example.org/")
        values["site_url"] = address.rstrip("/") + "/" if address else ""
    return values


def _languages(fields: FieldChecker) -> tuple[str, ...]:
    """Each language code once, one Babel knows (its names and dates come from Babel's data)."""
    codes = fields.text_list("languages")
    if not codes:
        if fields.entry.get("languages") is not None:
            fields.problem("languages", "'languages' needs at least one language", LANGUAGES_FIX)
        return ()
    for code in codes:
        if not _known_language(code):
            fields.problem("languages", f"'{code}' is not a language code", LANGUAGES_FIX)
            return ()
    if len(set(codes)) != len(codes):
        fields.problem("languages", "a language is listed twice", LANGUAGES_FIX)
        return ()
    return codes


TRANSLATORS_EXAMPLE = ("translators:\n  pl:\n    team: Polish translators\n"
                       "    email: translations.pl@example.org")


def _translators(document: Document, problems: list[Problem],
                 languages: tuple[str, ...]) -> Mapping[str, tuple[str, str]]:
    key = "translators"
    value = value_at(document, key)
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        problems.append(Problem(document.path, document.line_of((key,)), key,
                                f"'{key}' must be a group of languages, each with its team",
                                f"write each language below it, like:\n{TRANSLATORS_EXAMPLE}"))
        return MappingProxyType({})
    found = {}
    for code in value:
        if code not in languages[1:]:
            FieldChecker(document, (key,), problems).problem(
                str(code), f"'{code}' is not one of the site's other languages",
                "list it under languages first, or take it out of translators")
            continue
        fields = FieldChecker(document, (key, code), problems)
        fields.only(("team", "email"))
        team = fields.text("team", "write the name of the team that keeps the translations, "
                                   "like Polish translators")
        email = fields.email("email", required=True)
        if team and email:
            found[code] = (team, email)
    return MappingProxyType(found)


def _known_language(code: str) -> bool:
    if not code.isascii() or not code.replace("_", "").isalpha():
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _logo(project: "Project", fields: FieldChecker) -> str:
    written = fields.text("logo", "", required=False)
    if not written:
        return ""
    path = (project.root / written).resolve()
    fix = (f"put the logo file in data/ and write its path from the project folder, like "
           f"logo: data/logo.svg ({', '.join(LOGO_TYPES)})")
    if not path.is_relative_to(project.root) or not path.is_file():
        fields.problem("logo", f"there is no file '{written}' in the project folder", fix)
        return ""
    if path.suffix.lower() not in LOGO_TYPES:
        fields.problem("logo", f"'{written}' is not an image browsers show everywhere", fix)
        return ""
    return path.relative_to(project.root).as_posix()


def _primary_colour(fields: FieldChecker) -> str:
    written = fields.text("primary_colour", "write a colour as # and six hex digits, "
                                            "like \"#1d4f91\"", required=False)
    if not written:
        return ""
    value = colour.parse(written)
    if value is None:
        fields.problem("primary_colour", f"'{written}' is not a colour",
                       "write # and six hex digits, in quotes, like \"#1d4f91\"")
        return ""
    ratio = colour.contrast(value, colour.WHITE)
    if ratio < colour.MINIMUM_CONTRAST:
        shown = int(ratio * 100) / 100  # rounded down: 4.499 never shows as 4.5
        fields.problem("primary_colour",
                       f"the header's white text on {value} has a contrast of "
                       f"{_ratio(shown)}:1, {_ratio(colour.MINIMUM_CONTRAST - shown)} short "
                       f"of the {colour.MINIMUM_CONTRAST}:1 that WCAG 2.2 AA needs",
                       "choose a darker colour; the nearest darker shade that passes is "
                       f"\"{colour.readable_shade(value)}\"")
        return ""
    return value


def _ratio(value: float) -> str:
    """A ratio as people quote it: 3.34, 1.5, 4."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _by_category(project: "Project", document: Document,
                 problems: list[Problem]) -> dict[str, Period]:
    key = "review_every_by_category"
    value = value_at(document, key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem(document.path, document.line_of((key,)), key,
                                f"'{key}' must be a group of categories, each with its period",
                                "write each category on its own line below it, indented, "
                                f"like:\n{BY_CATEGORY_EXAMPLE}\nor write {key}: {{}} for none"))
        return {}
    fields = FieldChecker(document, (key,), problems)
    known = tuple(term.id for term in project.taxonomy.categories) if value else ()
    periods = {}
    for category in value:
        period = fields.period(category)
        if category not in known:
            close = difflib.get_close_matches(str(category), known, n=1)
            fields.problem(str(category), f"'{category}' is not one of the categories in "
                                          "data/taxonomy.yaml",
                           f"did you mean '{close[0]}'?" if close
                           else "use one of: " + ", ".join(known))
        elif period is not None:
            periods[category] = period
    return periods
