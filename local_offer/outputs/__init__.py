"""Files published beside the pages: feeds, open data and the search index.

Each format module defines ``files(content) -> iterable of (path, text or bytes)``,
path relative to the site root; the site engine adds them to the site's files,
so pages can link to them (the mkdocs plugin does this in on_files). The
search index (search_index) runs over the finished pages instead.
"""

from __future__ import annotations

from typing import Iterable

from local_offer.outputs import (atom, csv_table, ics, oruk, postcode_places, services_index,
                                 sitemap)

# Each format is one module; a new one is added here.
FORMATS = (atom, csv_table, ics, oruk, postcode_places, services_index, sitemap)


def output_files(content) -> Iterable[tuple[str, str | bytes]]:
    for module in FORMATS:
        yield from module.files(content)
