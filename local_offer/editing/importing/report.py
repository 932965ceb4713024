"""The mapping report: what each field made of the feeds, and the services a person must check.

One set of numbers, told twice: as Markdown for the people who finish the
import, and as JSON for programs (and the tests).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from local_offer.editing.importing.mapping import DEFAULT, LOST, MAPPED, NONE
from local_offer.editing.importing.source import Feed
from local_offer.editing.importing.writing import (
    INVALID,
    LEFT_ALONE,
    REPLACED,
    SKIPPED,
    UNCHANGED,
    WRITTEN,
    Outcome,
)
from local_offer.records.markdown_safe import code
from local_offer.records.markdown_safe import text as escape_markdown
from local_offer.records.words import plural

OUTCOMES = (MAPPED, DEFAULT, LOST, NONE)
STATES = (WRITTEN, UNCHANGED, REPLACED, LEFT_ALONE, INVALID, SKIPPED)
# What each state means for the person reading the report.
STATE_WORDS = {WRITTEN: "written", UNCHANGED: "already imported, unchanged",
               REPLACED: "replaced (--replace)",
               LEFT_ALONE: "left alone: the file differs from what the feed now gives "
                           "(changed since it was imported); --replace overwrites it",
               INVALID: "not written: the record would not be valid",
               SKIPPED: "not imported: the feed says the service has ended"}


@dataclass
class ImportReport:
    feeds: list[Feed]
    outcomes: list[Outcome]
    published: set[str] = field(default_factory=set)  # paths of records on the site today
    seconds: float = 0.0

    def data(self) -> dict:
        states = Counter(outcome.state for outcome in self.outcomes)
        fields: dict[str, Counter] = {}
        for outcome in self.outcomes:
            if outcome.state == SKIPPED:
                continue
            for name, (result, _) in outcome.conversion.outcomes.items():
                fields.setdefault(name, Counter())[result] += 1
        terms = Counter(term for outcome in self.outcomes
                        for term in outcome.conversion.unmapped_terms)
        unused = Counter(key for outcome in self.outcomes
                         for key in outcome.conversion.source.unused)
        valid = [o for o in self.outcomes if o.record is not None]
        return {
            "feeds": [{"file": feed.shown, "format": feed.format, "format_name": feed.label,
                       "services": len(feed.services)} for feed in self.feeds],
            "services": len(self.outcomes),
            "valid": len(valid),
            "published": len([o for o in valid if o.path in self.published]),
            "states": {state: states.get(state, 0) for state in STATES},
            "fields": {name: {result: counts.get(result, 0) for result in OUTCOMES}
                       for name, counts in sorted(fields.items())},
            "unmapped_terms": dict(sorted(terms.items(), key=lambda item: (-item[1], item[0]))),
            "unused_source_fields": dict(sorted(unused.items())),
            "look_at": [self._entry(o, reasons=o.conversion.look_at + (
                ["not published yet: its review date is long past"]
                if o.record is not None and o.path not in self.published else []))
                for o in self.outcomes if o.record is not None and (
                    o.conversion.look_at or o.path not in self.published)],
            "not_written": [self._entry(o, problems=[str(p) for p in o.problems],
                                        reason=STATE_WORDS[o.state])
                            for o in self.outcomes if o.state in (INVALID, SKIPPED, LEFT_ALONE)],
        }

    @staticmethod
    def _entry(outcome: Outcome, **extra) -> dict:
        source = outcome.conversion.source
        return {"name": source.name, "feed": source.file, "source_id": source.source_id,
                "file": outcome.path, **extra}

    def json(self) -> str:
        return json.dumps(self.data(), indent=2, ensure_ascii=False) + "\n"

    def markdown(self) -> str:
        data = self.data()
        lines = ["# Import report", ""]
        for feed in data["feeds"]:
            lines.append(f"- {code(feed['file'])}: {feed['format_name']}, "
                         f"{plural(feed['services'], 'service')}")
        lines += ["", f"{plural(data['services'], 'service')} read; "
                      f"{data['valid']} became valid records, {data['published']} of them "
                      "published today.", ""]
        lines += [f"- {count} {STATE_WORDS[state]}" for state, count in data["states"].items()
                  if count]
        lines += ["", "## Each field", "",
                  "| field | mapped | took a default | lost | not in the feed |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        lines += [f"| `{name}` | {c[MAPPED]} | {c[DEFAULT]} | {c[LOST]} | {c[NONE]} |"
                  for name, c in data["fields"].items()]
        if data["unmapped_terms"]:
            lines += ["", "## Terms with no mapping", "",
                      "Add them to `data/import-mapping.yaml` (under categories, needs, areas "
                      "or routes), then import again with `--replace`.", ""]
            lines += [f"- {escape_markdown(term)} ({plural(count, 'service')})"
                      for term, count in data["unmapped_terms"].items()]
        if data["unused_source_fields"]:
            lines += ["", "## Feed fields a record has no room for", ""]
            lines += [f"- `{name}` ({plural(count, 'service')})"
                      for name, count in data["unused_source_fields"].items()]
        if data["look_at"]:
            lines += ["", "## Services to look at", ""]
            lines += [f"- {code(entry['file'])} ({escape_markdown(entry['name'])}): "
                      + ", ".join(entry["reasons"]) for entry in data["look_at"]]
        if data["not_written"]:
            lines += ["", "## Not written", ""]
            for entry in data["not_written"]:
                lines.append(f"- {escape_markdown(entry['name'])} ({entry['feed']}, id "
                             f"{escape_markdown(entry['source_id'])}): {entry['reason']}")
                lines += [f"  - {code(problem)}" for problem in entry["problems"]]
        return "\n".join(lines) + "\n"
