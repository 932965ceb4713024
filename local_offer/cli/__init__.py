"""The command line, on top of the pipeline: one sub-command per module in cli/commands/."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path

from local_offer.cli import commands as command_package


def command_modules() -> list:
    """Every module in local_offer/commands, in the order its ORDER (default 50) gives."""
    modules = [importlib.import_module(f"{command_package.__name__}.{info.name}")
               for info in pkgutil.iter_modules(command_package.__path__)]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="build_offer.py",
        description="Build and check the SEND Local Offer from the records in services/.")
    main_parser.add_argument("--project", type=Path, default=Path.cwd(),
                             help="the folder holding services/, data/ and mkdocs.yml "
                                  "(default: the current folder)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in command_modules():
        command.add_parser(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as leaving:  # argparse exits 2 on bad arguments, 0 on --help
        return int(leaving.code or 0)
    return args.run(args)
