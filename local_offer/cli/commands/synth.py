"""synth: write N realistic synthetic records, for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

from local_offer.editing.synth import write_synthetic
from local_offer.records.project import Project

ORDER = 90

def add_parser(commands) -> None:
    command = commands.add_parser("synth", help="write synthetic records for testing at scale",
                                  description="Write N valid, illustrative synthetic records.")
    command.add_argument("count", type=int, help="how many records")
    command.add_argument("--out", type=Path, required=True,
                         help="the folder to write them into, e.g. services/synthetic")
    command.add_argument("--seed", type=int, default=1, help="the same seed gives the same records")
    command.set_defaults(run=run)


def run(args) -> int:
    written = write_synthetic(args.count, args.out, Project(args.project).taxonomy, args.seed)
    print(f"Wrote {len(written)} synthetic records into {args.out}")
    return 0
