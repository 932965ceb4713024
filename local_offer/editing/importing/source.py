"""Files saved from another directory: read, their format told, their services listed.

Each format module has NAME, LABEL, looks_like(service) and read(service, file);
a file's format is the one whose looks_like fits its services.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from local_offer.records.problems import Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_CODES = dict(zip(("MO", "TU", "WE", "TH", "FR", "SA", "SU"), DAY_NAMES))


@dataclass(frozen=True)
class SourceLocation:
    name: str = ""
    street: str = ""
    town: str = ""
    postcode: str = ""
    latitude: Any = None
    longitude: Any = None
    accessibility: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceSchedule:
    days: tuple[str, ...] = ()  # monday … sunday
    opens: str = ""  # as the feed writes it: 10:00, 10:00:00
    closes: str = ""
    description: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SourceCost:
    option: str = ""
    amount: Any = None
    description: str = ""


@dataclass(frozen=True)
class SourceService:
    """One service as a feed gave it, in the same terms whatever the feed's format."""

    format: str
    file: str  # the file's name, as the report shows it
    source_id: str
    name: str = ""
    description: str = ""  # HTML, or plain text
    sections: tuple[tuple[str, str], ...] = ()  # (heading, HTML) added to the description
    url: str = ""
    email: str = ""
    phones: tuple[str, ...] = ()
    organisation: str = ""
    organisation_url: str = ""
    organisation_email: str = ""
    min_age: Any = None
    max_age: Any = None
    free: bool | None = None  # the feed's own yes or no, where it has one
    fees: str = ""
    costs: tuple[SourceCost, ...] = ()
    locations: tuple[SourceLocation, ...] = ()
    schedules: tuple[SourceSchedule, ...] = ()
    terms: tuple[str, ...] = ()  # categories, needs, suitabilities, areas: all looked up
    access: tuple[str, ...] = ()  # how families get in, in the feed's words (for routes)
    referral: bool | None = None  # Outpost's needs_referral
    steps: str = ""
    languages: tuple[str, ...] = ()
    attending: tuple[str, ...] = ()  # how families take part, in the feed's words
    status: str = ""
    alert: str = ""
    assured: str = ""
    changed: str = ""
    ends: str = ""  # the last day it runs, where the feed says
    unused: tuple[str, ...] = field(default=())  # fields with a value no record field holds


class FeedError(Exception):
    """A file that cannot be imported; carries the problems, with file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


@dataclass
class Feed:
    path: Path
    shown: str
    format: str
    label: str
    services: list[SourceService]


def json_files(sources: list[Path]) -> list[Path]:
    """Each file given, and the .json files in each folder given (sorted), once each."""
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found += sorted(path for path in source.rglob("*.json") if path.is_file())
        else:
            found.append(source)
    return list(dict.fromkeys(found))


def read_feed(path: Path, shown: str, formats) -> Feed:
    """A file's services and the format they are in; FeedError if it cannot be imported."""
    data = _json(path, shown)
    items = _services_in(data)
    if items is None:
        raise FeedError([Problem(shown, 1, "", "this is not a list of services: no "
                                 "'contents' (Open Referral UK 3.0), 'content' (an older list "
                                 "or Outpost) or list of services was found",
                                 "save the /services page or a /services/{id} body as JSON")])
    for number, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise FeedError([Problem(shown, _line_of_item(path, number), "",
                                     f"service {number + 1} has no name",
                                     "check the file is a feed of services, saved whole")])
    kind = _format_of(items, formats)
    if kind is None:
        raise FeedError([Problem(shown, 1, "", "the format of these services is not one this "
                                 "command knows", "give a feed in Open Referral UK 3.0, the "
                                 "older Open Referral list shape, or Outpost's API pages")])
    name = path.name
    return Feed(path, shown, kind.NAME, kind.LABEL, [kind.read(item, name) for item in items])


def _json(path: Path, shown: str) -> Any:
    try:
        if not path.is_file():
            raise FeedError([Problem(shown, 0, "", "there is no such file",
                                     "give a JSON file saved from the feed, or a folder of them")])
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FeedError([Problem(shown, 0, "", "the file is larger than 64 MB",
                                     "save the feed a page at a time")])
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FeedError([Problem(shown, 0, "", "the file is not text in UTF-8",
                                 "save the feed again as JSON, in UTF-8")]) from None
    except OSError as error:
        raise FeedError([Problem(shown, 0, "", f"the file cannot be read ({error.strerror})",
                                 "check the file's name and permissions")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FeedError([Problem(shown, error.lineno, "", f"this is not valid JSON: {error.msg} "
                                 f"(column {error.colno})", "save the feed again, whole; a "
                                 "web page or an error message is not the feed")]) from None
    except RecursionError:
        raise FeedError([Problem(shown, 1, "", "the JSON nests too deeply to be a feed",
                                 "save the feed again")]) from None


def _services_in(data: Any) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("contents", "content"):
            if isinstance(data.get(key), list):
                return data[key]
        if isinstance(data.get("name"), str) and "id" in data:  # one /services/{id} body
            return [data]
    return None


def _format_of(items: list[dict], formats):
    for kind in formats:  # most particular first: Outpost, then ORUK 3.0, then the older list
        if any(kind.looks_like(item) for item in items):
            return kind
    return formats[-1] if items else formats[0]


def _line_of_item(path: Path, number: int) -> int:
    """Roughly where the number-th service starts: the line of its "name" key."""
    count = -1
    for line_number, line in enumerate(path.read_text(encoding="utf-8-sig").split("\n"), 1):
        if '"name"' in line:
            count += 1
            if count == number:
                return line_number
    return 1


# ---- Reading values whatever the feed put there ----

def text(value: Any) -> str:
    """A string value, or "" for anything else (null, a number where text belongs)."""
    return value if isinstance(value, str) else ""


def items(value: Any) -> list[dict]:
    """A list of objects, or [] for anything else; one object is a list of one."""
    if isinstance(value, dict):
        return [value]
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def unused(service: dict, read: set[str]) -> tuple[str, ...]:
    """The fields with a value that no record field has room for."""
    return tuple(sorted(key for key, value in service.items()
                        if key not in read and value not in (None, "", [], {}, False)))


def days_from_codes(byday: Any) -> tuple[str, ...]:
    """RRULE days (MO,TU or 1MO, -1FR) as our day names, in week order."""
    codes = {part.strip()[-2:].upper() for part in text(byday).split(",") if part.strip()}
    return tuple(day for code, day in DAY_CODES.items() if code in codes)


def open_referral_location(location: dict, addresses: str,
                           accessibility: tuple[str, ...]) -> SourceLocation:
    """A location as both Open Referral shapes write it: the first of its addresses (under
    `addresses` in 3.0, `physical_addresses` in the older list), and its coordinates."""
    address = (items(location.get(addresses)) or [{}])[0]
    return SourceLocation(
        name=text(location.get("name")), street=text(address.get("address_1")),
        town=text(address.get("city")), postcode=text(address.get("postal_code")),
        latitude=location.get("latitude"), longitude=location.get("longitude"),
        accessibility=accessibility)


def term_names(value: Any, *keys: str) -> tuple[str, ...]:
    """The names (and slugs) of a list of terms, each as the feed writes it."""
    found = []
    for item in items(value):
        for key in keys:
            if isinstance(item.get(key), str) and item[key].strip():
                found.append(item[key].strip())
    return tuple(found)
