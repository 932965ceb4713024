"""How "Support while you wait" groups its services: data/while-you-wait.yaml.

Families wait for different things (a speech and language assessment, an autism
or ADHD assessment, mental health support), so the page is grouped by need, in
the council's order, each group leading with the services the council names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from local_offer.records.data_files import FieldChecker, optional_data_file, section
from local_offer.records.problems import Problem

WAITING_FILE = "while-you-wait.yaml"
FIELDS = ("title", "need", "also_needs", "first")
EXAMPLE = ("groups:\n  - title: Speech and language\n    need: speech-language-communication\n"
           "    first: [talking-together]")


@dataclass(frozen=True)
class WaitingGroup:
    title: str
    need: str  # the need the Find page is opened with
    also_needs: tuple[str, ...] = ()  # other needs gathered here (hearing, vision: sensory)
    first: tuple[str, ...] = ()  # service ids that lead the group, in this order
    line: int = 1

    @property
    def needs(self) -> tuple[str, ...]:
        return (self.need, *self.also_needs)


@dataclass(frozen=True)
class WaitingGroups:
    path: str
    groups: tuple[WaitingGroup, ...]

    def unknown_services(self, service_ids: Iterable[str]) -> list[Problem]:
        """A group led by a service no record has: a typo, or a service since removed."""
        known = set(service_ids)
        return [Problem(self.path, group.line, "first", f"'{service_id}' is not a service id",
                        "write the file name of the service's record, without .yaml")
                for group in self.groups for service_id in group.first
                if service_id not in known]


def load_waiting_groups(project) -> tuple[WaitingGroups | None, list[Problem]]:
    """The groups, or None without the file (the page is then one list)."""
    document, problems = optional_data_file(project, WAITING_FILE)
    if document is None:
        return None, problems
    needs = [term.id for term in project.taxonomy.needs]
    groups = []
    for index, _ in enumerate(section(document, "groups", problems, EXAMPLE)):
        fields = FieldChecker(document, ("groups", index), problems)
        fields.only(FIELDS)
        title = fields.text("title", "write the group's heading, like Speech and language")
        need = fields.choice("need", needs)
        if title and need:
            groups.append(WaitingGroup(title, need, fields.id_list("also_needs", needs),
                                       fields.id_list("first"),
                                       document.line_of(("groups", index))))
    return WaitingGroups(document.path, tuple(groups)), problems
