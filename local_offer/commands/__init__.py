"""One module per sub-command: add_parser() declares it, run() carries it out.

A module here is found by the command line on its own; ORDER places it in --help.
Exit codes: 0 done, 1 something to act on (or a failed build), 2 invalid records
or wrong arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(text: str) -> str:
    """An argparse type for --today: a real date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-05-03")
