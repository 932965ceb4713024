"""Fixtures for the browser suite: Chromium, the built sites served locally, and the crawl.

Loaded as a plugin by tests/conftest.py, so each session-wide fixture is made
once for the whole run. Test modules import its helpers (axe_violations,
describe, RequestLog, url_of, ...) from tests.browser.sites.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
import yaml

from tests.browser.page_types import (COMPONENT_RECORDS, COMPONENTS, LANGUAGES, OFFER,
                                      PAGE_TYPES, PageType)
from tests.helpers import OFFER as OFFER_FOLDER
from tests.helpers import ROOT, SiteServer, build_into, component_fixtures, copy_project

# Every page's title ends with it: the site name in the fixture offer's data/settings.yaml,
# which every project built here holds (the plugin puts it in place of mkdocs.yml's).
SITE_NAME = yaml.safe_load((OFFER_FOLDER / "data" / "settings.yaml").read_text(
    encoding="utf-8"))["site_name"]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Chromium flags for this closed network: no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-default-apps", "--disable-quic"]


# ---- Chromium, under Playwright ----

@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright. If it cannot start, the test fails: it never skips."""
    import shutil

    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Chromium is not installed: apt-get install -y chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    made = browser.new_context()
    yield made
    made.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def page_without_javascript(browser):
    """A page as a family sees it with JavaScript switched off (or not yet loaded)."""
    made = browser.new_context(java_script_enabled=False)
    yield made.new_page()
    made.close()


def axe_violations(page, tags=WCAG_TAGS, within: str | None = None) -> list[dict]:
    """Run axe-core in the page (or only within a CSS selector) for the WCAG tags."""
    # Evaluated rather than added as a <script>: the site's CSP refuses inline scripts.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    # Only violations come back: serialising every pass costs more than the scan.
    return page.evaluate("([tags, within]) => axe.run(within || document, "
                         "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
                         ".then(result => result.violations)", [tags, within])


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                     + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
                     for v in violations)


# What the checks read from a page: language, title, headings, landmarks, links, words.
OUTLINE = """() => {
  const shown = el => el.getClientRects().length > 0;
  const nameOf = el => (el.getAttribute('aria-label') || el.innerText || el.textContent
      || el.title || '')
      .replace(/\\s+/g, ' ').trim();
  const main = document.getElementById('main-content');
  const h1 = document.querySelector('h1');
  return {
    h1Shown: !!h1 && h1.getClientRects().length > 0,
    words: main ? main.innerText.split(/\\s+/).filter(Boolean).length : 0,
    skipLink: !!document.querySelector('a.lo-skip-link[href="#main-content"]')
        && !!main && main.contains(h1),
    lang: document.documentElement.lang,
    title: document.title,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .map(h => [Number(h.tagName[1]), h.innerText.trim()]),
    main: document.querySelectorAll('main, [role=main]').length,
    banner: document.querySelectorAll('body > header, [role=banner]').length,
    contentinfo: document.querySelectorAll('body footer:not(main footer):not(article footer), '
                                           + '[role=contentinfo]').length,
    navs: [...document.querySelectorAll('nav, [role=navigation]')].filter(shown)
        .map(nav => nav.getAttribute('aria-label') || ''),
    links: [...document.querySelectorAll('a[href]')].filter(shown)
        .map(a => [nameOf(a), a.href.replace(/index\\.html$/, '')]),
    footerLinks: [...document.querySelectorAll('footer a[href]')].filter(shown)
        .map(a => [nameOf(a), a.href.replace(/index\\.html$/, '')]),
  };
}"""


# ---- The sites the checks load ----

@pytest.fixture(scope="session")
def components_site(tmp_path_factory):
    """A small site of the service-page component's fixture records, for cases the fixture
    offer lacks."""
    root = tmp_path_factory.mktemp("components-project")
    copy_project(root)
    records = component_fixtures("service-page")
    for service_id, fixture in COMPONENT_RECORDS.items():
        (root / "services" / f"{service_id}.yaml").write_text(records[fixture], encoding="utf-8")
    build_into(root, root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def languages_server(languages_site):
    server = SiteServer(languages_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def servers(offer_server, components_site, languages_server):
    components = SiteServer(components_site)
    yield {OFFER: offer_server, COMPONENTS: components, LANGUAGES: languages_server}
    components.close()


def url_of(servers, kind: PageType) -> str:
    return servers[kind.site].url + kind.path


class RequestLog:
    """Every request a page makes, to tell the site's own from anyone else's."""

    def __init__(self, page, site_url: str):
        self.urls: list[str] = []
        self.site = urlsplit(site_url).netloc
        page.on("request", lambda request: self.urls.append(request.url))

    def elsewhere(self) -> list[str]:
        return [url for url in self.urls
                if urlsplit(url).scheme not in ("data", "blob", "about")
                and urlsplit(url).netloc != self.site]


def is_page(url: str, site: str) -> bool:
    path = urlsplit(url).path
    return url.startswith(site) and (path.endswith("/") or path.endswith(".html"))


@pytest.fixture(scope="session")
def crawl(browser, offer_server):
    """Every page of the fixture offer's site reached from the home page by following links, in a
    browser with JavaScript switched off: {url: OUTLINE of the page}."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    site = offer_server.url
    seen, queue, outlines = {site}, deque([site]), {}
    while queue:
        url = queue.popleft()
        response = page.goto(url)  # "load": the styles that hide or show things are in
        assert response.ok, f"{url} answered {response.status}"
        outlines[url] = outline = page.evaluate(OUTLINE)
        for _, link in outline["links"]:
            link = urldefrag(link).url
            if link not in seen and is_page(link, site):
                seen.add(link)
                queue.append(link)
    context.close()
    return outlines


class PageScans:
    """Each page type loaded once, in its own tab, for the checks that only read it: its
    outline, the axe scan, and every request it made until the network went quiet."""

    def __init__(self, context, servers):
        self.context, self.servers, self.done = context, servers, {}

    def __getitem__(self, name: str) -> dict:
        if name not in self.done:
            kind = PAGE_TYPES[name]
            page = self.context.new_page()
            log = RequestLog(page, self.servers[kind.site].url)
            page.goto(url_of(self.servers, kind))
            if kind.ready:
                page.locator(kind.ready).first.wait_for()
            outline = page.evaluate(OUTLINE)
            violations = axe_violations(page)
            page.wait_for_load_state("networkidle")  # by now, as a rule, long since reached
            self.done[name] = {"outline": outline, "violations": violations,
                               "requests": log.urls, "elsewhere": log.elsewhere()}
            page.close()
        return self.done[name]


@pytest.fixture(scope="session")
def scans(browser, servers):
    context = browser.new_context()
    yield PageScans(context, servers)
    context.close()
