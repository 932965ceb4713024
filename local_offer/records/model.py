"""A service record as the rest of the pipeline sees it: typed, frozen, already valid.

This layer imports nothing from mkdocs, so it can be tested alone and serve
another site engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from local_offer.records.dates import parse_day
from local_offer.records.term_dates import ALL_YEAR, TERM_TIME
from local_offer.records.yaml_source import Document


@dataclass(frozen=True)
class Provider:
    name: str
    website: str = ""


# What a record writes as cost.free when nobody has said yet whether the service costs anything.
COST_NOT_KNOWN = "not-known"


@dataclass(frozen=True)
class Cost:
    free: bool | str  # true, false or COST_NOT_KNOWN, as the record writes it
    description: str = ""

    @property
    def known(self) -> bool:
        return self.free != COST_NOT_KNOWN


@dataclass(frozen=True)
class Access:
    routes: tuple[str, ...]
    steps: str = ""
    referral_form: str = ""


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class Owner:
    team: str
    email: str


@dataclass(frozen=True)
class WaitingTime:
    weeks: int
    measured: dt.date


@dataclass(frozen=True)
class Location:
    name: str
    address: str
    postcode: str
    latitude: float | None = None
    longitude: float | None = None
    accessibility: str = ""


@dataclass(frozen=True)
class Session:
    description: str
    days: tuple[str, ...] = ()
    start: str = ""
    end: str = ""
    # term-time, school-holidays or all-year (records/term_dates.py says which days those are).
    runs: str = ALL_YEAR

    @property
    def is_regular(self) -> bool:
        """Weekly on set days at set times: what a calendar or an RRULE can say."""
        return bool(self.days and self.start and self.end and self.start < self.end)

    @classmethod
    def from_data(cls, item: dict) -> "Session":
        """A session as a record writes it; the old term_time_only: true is runs: term-time."""
        item = dict(item)
        old = item.pop("term_time_only", None)
        if "runs" not in item:
            item["runs"] = TERM_TIME if old else ALL_YEAR
        return cls(**{**item, "days": tuple(item.get("days", ()))})


@dataclass(frozen=True)
class Record:
    """One service, as validated. Field names follow the schema."""

    id: str
    path: str  # as shown in the repository, e.g. services/early-years/tiny-talkers.yaml
    name: str
    summary: str
    provider: Provider
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    ages: tuple[int, int]
    areas: tuple[str, ...]
    cost: Cost
    how_to_get_it: Access
    contact: Contact
    last_reviewed: dt.date
    owner: Owner
    description: str = ""
    locations: tuple[Location, ...] = ()
    sessions: tuple[Session, ...] = ()
    languages: tuple[str, ...] = ()
    # How a family takes part (in-person, online, phone, home-visit); () when not said.
    attending: tuple[str, ...] = ()
    interpreter_on_request: bool = False
    status: str = "active"
    alert: str = ""
    valid_until: dt.date | None = None
    waiting_time: WaitingTime | None = None
    supports_waiting_families: bool = False
    review_every: str | None = None
    lines: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def sort_key(self) -> tuple[str, str]:
        return (self.name.casefold(), self.id)

    @property
    def is_free(self) -> bool:
        return self.cost.free is True

    @property
    def has_cost(self) -> bool:
        """Families pay something (not when it is free, nor when nobody knows yet)."""
        return self.cost.free is False

    @property
    def regular_sessions(self) -> tuple[Session, ...]:
        return tuple(session for session in self.sessions if session.is_regular)

    def line_of(self, *where: Any) -> int:
        """The line in the file where a field was written."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)


def record_from(service_id: str, document: Document) -> Record:
    """A Record from a document that passed the schema."""
    data = dict(document.data)
    ages = data.pop("ages")
    waiting = data.pop("waiting_time", None)
    valid_until = data.pop("valid_until", None)
    access = data.pop("how_to_get_it")
    return Record(
        id=service_id, path=document.path, lines=document.lines,
        provider=Provider(**data.pop("provider")), cost=Cost(**data.pop("cost")),
        how_to_get_it=Access(**{**access, "routes": tuple(access["routes"])}),
        contact=Contact(**data.pop("contact")), owner=Owner(**data.pop("owner")),
        waiting_time=WaitingTime(waiting["weeks"], parse_day(waiting["measured"]))
        if waiting else None,
        ages=(ages["min"], ages["max"]),
        last_reviewed=parse_day(data.pop("last_reviewed")),
        valid_until=parse_day(valid_until) if valid_until else None,
        locations=tuple(Location(**item) for item in data.pop("locations", [])),
        sessions=tuple(Session.from_data(item) for item in data.pop("sessions", [])),
        categories=tuple(data.pop("categories")), needs=tuple(data.pop("needs")),
        areas=tuple(data.pop("areas")), languages=tuple(data.pop("languages", ())),
        attending=tuple(data.pop("attending", ())),
        **data)
