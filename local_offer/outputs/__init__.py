"""Files published beside the pages: feeds and open data.

Each module here defines ``files(content) -> iterable of (path, text or bytes)``,
path relative to the site root; the site engine adds them to the site's files,
so pages can link to them (the mkdocs plugin does this in on_files).
A module here is found on its own, so each format is one file.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Iterable


def output_files(content) -> Iterable[tuple[str, str | bytes]]:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        yield from module.files(content)
