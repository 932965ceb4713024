"""The command line: one sub-command per module in local_offer/commands."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .commands import build, new, schema, synth, validate

COMMANDS = (validate, build, new, schema, synth)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-05-03")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="build_offer.py",
        description="Build and check the SEND Local Offer from the records in services/.")
    main_parser.add_argument("--project", type=Path, default=Path.cwd(),
                             help="the folder holding services/, data/ and mkdocs.yml "
                                  "(default: the current folder)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser()
    try:
        args = arguments.parse_args(argv)
    except SystemExit as leaving:  # argparse exits 2 on bad arguments, 0 on --help
        return int(leaving.code or 0)
    return args.run(args)
