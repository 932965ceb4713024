"""Low data: a page view downloads what that page shows, not the site's lists of everything.

Families often read on a phone with little data. The sitemap and the search
index grow with the number of services (at 10,000 services, about 1 MB each);
no page may fetch the sitemap, and only the Find page, or a family starting a
search, fetches the index.
"""

from __future__ import annotations

import pytest

from tests.browser.page_types import PAGE_TYPES

# The Find page searches as it opens, to list the services; no other page does.
SEARCHES_ON_OPENING = {name for name, kind in PAGE_TYPES.items() if kind.path.startswith("find/")}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_a_page_view_fetches_no_list_of_every_page(scans, name):
    requests = scans[name]["requests"]
    assert not [url for url in requests if url.split("?")[0].endswith("sitemap.xml")], requests
    searched = [url for url in requests if "/pagefind/" in url]
    if name in SEARCHES_ON_OPENING:
        assert searched, f"{name} should load the search index to show results"
    else:
        assert searched == [], f"{name} loaded the search index before anyone searched"
