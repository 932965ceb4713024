"""Where records send families on the web: each use of an address, and the broken ones.

Plain data, apart from linkchecker (link_check.py), so the check and the
reports can carry broken links without loading a link checker.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable

from local_offer.records.model import Record

# The fields of a record that hold a web address families are sent to.
LINK_FIELDS = (("contact", "website"), ("how_to_get_it", "referral_form"),
               ("provider", "website"))


@dataclass(frozen=True)
class LinkUse:
    """One place a record links to a web address."""

    url: str
    record_id: str
    name: str
    path: str
    line: int
    field: str
    owner_team: str
    owner_email: str


@dataclass(frozen=True)
class BrokenLink:
    use: LinkUse
    problem: str

    def to_dict(self) -> dict:
        return {**asdict(self.use), "problem": self.problem}

    @classmethod
    def from_dict(cls, data: dict) -> "BrokenLink":
        data = dict(data)
        problem = data.pop("problem")
        return cls(LinkUse(**data), problem)


def external_links(records: Iterable[Record]) -> list[LinkUse]:
    uses = []
    for record in records:
        for group, name in LINK_FIELDS:
            url = getattr(getattr(record, group), name)
            if url:
                uses.append(LinkUse(url, record.id, record.name, record.path,
                                    record.line_of(group, name), f"{group}.{name}",
                                    record.owner.team, record.owner.email))
    return uses
