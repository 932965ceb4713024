"""A problem found in a record: where it is, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from local_offer.records.words import plural


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, told so a service team can act on it."""

    path: str
    line: int
    field: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        fix = f" How to fix: {self.fix}" if self.fix else ""
        return f"{where}:{field} {self.message}.{fix}"


class InvalidRecords(Exception):
    """Raised when one or more records have problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(summary_line(self.problems))


def summary_line(problems: list[Problem]) -> str:
    files = len({p.path for p in problems})
    return f"{plural(len(problems), 'problem')} in {plural(files, 'file')}"


def report(problems: list[Problem]) -> str:
    """All problems sorted by file and line, then a line that counts them."""
    lines = [str(p) for p in sorted(problems)]
    lines.append(summary_line(problems))
    return "\n".join(lines)
