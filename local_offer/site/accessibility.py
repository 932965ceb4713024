"""What the accessibility statement says we test: the same list the browser suite runs.

The page types and checks here are the browser suite's own: tests/browser/page_types.py
builds its PAGE_TYPES from PAGE_TYPES_TESTED, and a test fails if a check named here has
no test module (or a test module is not named here), so the statement cannot promise
more, or less, than the suite does. The tools' versions are read from the pins the
suite installs (package-lock.json, requirements-test.txt).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

# Every kind of page the browser suite loads in Chromium and checks, as a family would
# call it.
PAGE_TYPES_TESTED = (
    "home", "service with every field", "minimal service", "temporarily closed service",
    "browse index", "category index", "category", "need index", "need", "age index", "age",
    "area index", "area", "taking part index", "taking part", "when index", "when",
    "language index", "language", "a-z index", "a-z letter", "glossary", "how to get help",
    "about", "page not found", "find support", "search results", "results by the new filters",
    "being checked (unpublished)",
    "freshness report", "my list", "while you wait", "you said, we did",
    "what the offer covers", "open data", "contributing guide", "field reference",
    "accessibility statement", "Easy Read service", "Easy Read page", "home in Polish", "translated service in Polish",
    "service only in English, on the Polish site", "find support in Polish",
    "need in Romanian", "hand-written page in Polish",
    "hand-written page only in English, on the Romanian site",
    "freshness report in Polish", "accessibility statement in Romanian",
    "page not found in Polish",
)

# Each check, in words, by the browser suite's module that makes it.
CHECKS = {
    "test_axe": "axe-core's rules for WCAG 2.2 A and AA on every page type",
    "test_page_structure": "one main heading, headings in order, landmarks, a skip link, "
                           "the page's language and a title",
    "test_keyboard": "finding a service with the keyboard alone, three ways, with focus "
                     "always visible",
    "test_reflow": "no sideways scrolling at 320 pixels wide, and nothing lost with text "
                   "at 200%",
    "test_without_javascript": "every page works with JavaScript switched off",
    "test_print": "service pages and My list print with their contacts",
    "test_privacy": "no request to any other website: no fonts, trackers or widgets",
    "test_data_use": "how much a page downloads on a phone",
    "test_policy_in_chromium": "the security policy blocks scripts a record could carry",
    "test_hostile_input": "text that looks like code in a record shows as text",
    "test_words_explained": "every word explained on a page is one the page shows",
    "test_find": "the Find page's search and filters, with the keyboard and a screen reader's "
                 "names",
    "test_search": "the search in the header and its results",
    "test_my_list": "saving services to My list, sharing it and printing it",
    "test_freshness_notice": "the out-of-date warning, decided on the reader's own date",
    "test_family_pages_browser": "the pages families asked for: while you wait, report a "
                                 "problem",
    "test_guide_pages_browser": "the guide for service teams and the field reference",
    "test_key_facts": "a service's key facts within a screen and a half on a phone, with "
                      "directions and its buttons apart",
    "test_find_words": "the Find page's status line reads as a sentence for every "
                       "combination of choices",
    "test_layout_shift": "nothing on any page type jumps as it loads (layout shift under "
                         "0.1), on a phone and a desktop",
    "test_family_filters": "the filters families use (how you take part, when, language) "
                           "and their own words for ages and languages",
    "test_council_identity": "the council's name fits the header of a phone, and its colour "
                             "keeps text readable",
    "test_near_me": "a postcode lists the services nearest first, each with how far it is, "
                    "asking nothing of any other website",
    "test_languages": "each page in Polish and Romanian: its language, the switcher to the same "
                      "page, search in that language, nothing from other websites",
    "test_script_words": "what the scripts write (search, Find, near me, My list, the menu) "
                         "in the page's language, with its plural forms",
}


@dataclass(frozen=True)
class Tool:
    name: str
    version: str  # "" when the project does not pin it
    what: str


# The generator's own checkout, whose pins a project without its own copy uses.
GENERATOR = Path(__file__).resolve().parents[2]


def tools(project_root: Path) -> tuple[Tool, ...]:
    """The tools the browser suite uses, with the versions the project (or, failing that,
    the generator) pins."""
    def pin(name: str, read, file: str) -> str:
        return read(project_root / file, name) or read(GENERATOR / file, name)

    return (
        Tool("Chromium", "", "the browser, from Debian's packages, driven without a screen"),
        Tool("Playwright", pin("playwright", _pinned, "requirements-test.txt"),
             "drives Chromium as a family would: keys, taps, a narrow screen"),
        Tool("axe-core", pin("axe-core", _locked, "package-lock.json"),
             "checks each page against the WCAG 2.2 rules it can test"),
    )


def _pinned(requirements: Path, name: str) -> str:
    try:
        text = requirements.read_text(encoding="utf-8")
    except OSError:
        return ""
    found = re.search(rf"^{re.escape(name)}==([\w.]+)", text, re.MULTILINE | re.IGNORECASE)
    return found.group(1) if found else ""


def _locked(lock_file: Path, name: str) -> str:
    try:
        packages = json.loads(lock_file.read_text(encoding="utf-8")).get("packages", {})
    except (OSError, ValueError):
        return ""
    return packages.get(f"node_modules/{name}", {}).get("version", "")
