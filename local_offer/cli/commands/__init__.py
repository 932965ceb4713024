"""One module per sub-command: add_parser() declares it, run() carries it out.

A module here is found by the command line on its own; ORDER places it in --help.
Exit codes: 0 done, 1 something to act on (or a failed build), 2 invalid records
or wrong arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt

from local_offer.records.dates import day_or_today, parse_day
from local_offer.records.loader import LoadResult, RecordLoader
from local_offer.records.project import Project
from local_offer.records.site_data import load_site_data


def iso_date(text: str) -> dt.date:
    """An argparse type for --today: a real date written YYYY-MM-DD."""
    try:
        return parse_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def web_address(text: str) -> str:
    """An argparse type for a site's address: a full https:// address, ending "/"."""
    text = text.strip()
    if not text.startswith("https://") or " " in text or len(text) <= len("https://"):
        raise argparse.ArgumentTypeError(f"'{text}' is not a web address: write the full "
                                         "address starting https://") from None
    return text.rstrip("/") + "/"


def load_checked(project: Project, today: dt.date | None) -> LoadResult:
    """Every record with every problem (the schema's, the record's own checks, review dates
    after `today`) and the data files the site publishes beside the records."""
    day = day_or_today(today)
    result = RecordLoader(project, day).load()
    site_data, problems = load_site_data(project, day)
    result.problems = sorted(set(result.problems + problems
                                 + site_data.service_problems(result.records)))
    return result
