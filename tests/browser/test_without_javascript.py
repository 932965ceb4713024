"""Without JavaScript: every service is reached through the browse pages and every page reads.

One crawl from the home page, following the site's own links in a browser with
JavaScript switched off, checks each page it meets.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.page_types import PAGE_TYPES
from tests.browser.sites import OUTLINE, url_of


def test_every_service_is_reached_through_the_browse_pages(crawl, offer_site, offer_server):
    published = {folder.name for folder in (offer_site / "services").iterdir()
                 if (folder / "index.html").exists()}
    linked_from_browse = {urlsplit(href).path.split("/")[2]
                          for url, outline in crawl.items() if "/browse/" in url
                          for _, href in outline["links"]
                          if urlsplit(href).path.startswith("/services/")}
    crawled = {urlsplit(url).path.split("/")[2] for url in crawl
               if urlsplit(url).path.startswith("/services/")}
    assert len(published) == 51
    assert linked_from_browse == published
    assert crawled == published


def test_every_page_reads_without_javascript(crawl):
    unreadable = {url: outline for url, outline in crawl.items()
                  if not outline["h1Shown"] or outline["words"] < 5}
    assert len(crawl) > 90
    assert unreadable == {}


@pytest.fixture(scope="module")
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_reads_without_javascript(crawl, page_without_javascript, servers, name):
    url = url_of(servers, PAGE_TYPES[name])
    state = crawl.get(url)
    if state is None:  # a page type the crawl does not reach, such as the 404 page
        page_without_javascript.goto(url)
        state = page_without_javascript.evaluate(OUTLINE)
    assert state["h1Shown"] and state["words"] >= 5, f"{name} is not readable without JavaScript"
