"""Files published beside the pages: feeds, open data and the search index.

Each format module defines ``files(content) -> iterable of (path, data)``,
path relative to the site root; data is text or bytes, or, for a file that is
costly to make (one per service), a function of no arguments that makes it,
so the site engine can list every file at once and make the costly ones on
the other core while it writes the pages (the mkdocs plugin does both: it adds
them to the site's files in on_files, so pages can link to them, and hands the
costly ones to background.BackgroundWriter). The search index (search_index)
runs over the service pages instead.
"""

from __future__ import annotations

from typing import Callable, Iterable, Union

from local_offer.outputs import (atom, csv_table, ics, oruk, postcode_places, services_index,
                                 sitemap)

# Each format is one module; a new one is added here.
FORMATS = (atom, csv_table, ics, oruk, postcode_places, services_index, sitemap)


Data = Union[str, bytes, Callable[[], Union[str, bytes]]]


def output_files(content) -> Iterable[tuple[str, Data]]:
    for module in FORMATS:
        yield from module.files(content)


def made(data: Data) -> str | bytes:
    """A file's text or bytes, made now if it is made on demand."""
    return data() if callable(data) else data
