"""Every built page: a strict Content-Security-Policy first in <head>, nothing inline that runs.

Checked on the fixture offer's site and on a site built from records full of script
payloads (tests/hostile_records.py). The browser side (no violations, payloads
inert) is in tests/browser/.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from local_offer.records.link_policy import scheme_of
from tests.helpers import MINIMAL, ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
ASSETS = ROOT / "docs" / "assets" / "javascripts"
# Schemes a built page may link to; None is a link within the site.
PAGE_SCHEMES = {None, "http", "https", "mailto", "tel"}


class PageScan(HTMLParser):
    """What in a page could run: handlers, inline scripts and styles, links, the policy."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.inline_scripts = 0
        self.styles: list[str] = []
        self.links: list[str] = []
        self.policies: list[str] = []
        self.head_before_policy: list[str] = []
        self.in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        self.links += [value or "" for name, value in attrs
                       if name in ("href", "src", "action", "formaction", "xlink:href")]
        if "style" in attributes or tag == "style":
            self.styles.append(tag)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == \
                "content-security-policy":
            self.policies.append(attributes.get("content") or "")
        elif not self.policies and tag not in ("html", "head", "meta"):
            self.head_before_policy.append(tag)
        if tag == "script":
            # JSON data blocks (Material's config, schema.org JSON-LD) never run.
            runs = attributes.get("type", "text/javascript") not in ("application/json",
                                                                     "application/ld+json")
            self.in_script = runs and "src" not in attributes

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in
            (part.split() for part in policy.split(";") if part.strip())}


def built_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    return pages


@pytest.fixture(params=["offer_site", "hostile_site"])
def site(request) -> Path:
    return request.getfixturevalue(request.param)


def test_every_page_has_the_policy_before_anything_it_loads(site):
    for page in built_pages(site):
        html = page.read_text(encoding="utf-8")
        scan = PageScan(html)
        assert len(scan.policies) == 1, page
        assert scan.head_before_policy == [], (page, scan.head_before_policy)
        assert '<meta charset="utf-8">' in html.encode()[:1024].decode(errors="ignore"), page


def test_nothing_inline_runs_and_every_link_is_allowed(site):
    for page in built_pages(site):
        scan = PageScan(page.read_text(encoding="utf-8"))
        where = page.relative_to(site)
        assert scan.handlers == [], (where, scan.handlers)
        assert scan.inline_scripts == 0, where
        assert scan.styles == [], (where, scan.styles)  # style-src 'self' would block them
        unsafe = [link for link in scan.links if scheme_of(link) not in PAGE_SCHEMES]
        assert unsafe == [], (where, unsafe)


def test_the_policy_allows_only_the_sites_own_files(offer_site):
    policy = directives(PageScan((offer_site / "index.html").read_text()).policies[0])
    assert policy["default-src"] == ["'self'"]
    for kind in ("style-src", "font-src", "connect-src", "worker-src", "base-uri",
                 "form-action", "manifest-src", "media-src"):
        assert policy[kind] == ["'self'"], kind
    # WebAssembly for search only; never inline scripts or eval() of JavaScript.
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    # Material's own icons are data: images in its stylesheet.
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"] and policy["frame-src"] == ["'none'"]
    text = " ".join(sum(policy.values(), []))
    assert "unsafe-inline" not in text and "'unsafe-eval'" not in text and "*" not in text


def test_hostile_text_is_shown_as_text(hostile_site):
    html = (hostile_site / "services" / "title-breakout" / "index.html").read_text()
    # Written as entities (a tag itself is refused): shown as the entities, not decoded.
    assert "<title>&amp;lt;/title&amp;gt;&amp;lt;script&amp;gt;window.__pwned" in html
    assert "<h1>&amp;lt;/title&amp;gt;&amp;lt;script&amp;gt;" in html


MOVED_SCRIPTS = [  # (Material's partial, which of its scripts, our file, what it had inline)
    ("base.html", 0, "material-base.js", ('"{{ config.extra.scope | d(base_url) }}"',
                                          "__md_scope_url")),
    ("content.html", -1, "material-content.js", None),
    ("content.html", 0, "material-tabs-link.js", None),
]


@pytest.mark.parametrize("partial, index, ours, replaced", MOVED_SCRIPTS)
def test_moved_material_scripts_still_match_materials_own(partial, index, ours, replaced):
    # After a Material upgrade this fails until the files in docs/assets/javascripts/ are
    # copied again from the new partials/javascripts/ (see the comment in each file).
    inline = re.findall(r"<script>(.*?)</script>",
                        (MATERIAL / "partials" / "javascripts" / partial).read_text())[index]
    if replaced:
        inline = inline.replace(*replaced)
    code = [line for line in (ASSETS / ours).read_text().splitlines()
            if not line.startswith("//")]
    assert code[-1] == inline


def test_materials_other_inline_scripts_are_not_in_use():
    # announce, outdated, consent and palette toggles emit inline scripts: if one is
    # switched on in mkdocs.yml, move its script to a file as for the three above.
    config = (ROOT / "mkdocs.yml").read_text()
    for feature in ("announce.dismiss", "consent", "version", "toggle"):
        assert feature not in config, feature


@pytest.mark.parametrize("command, inline", [("serve", True), ("build", False)])
def test_only_the_live_preview_lets_its_reload_script_run(scratch, command, inline):
    from mkdocs.config import load_config
    scratch.write("fine.yaml", MINIMAL)
    config = load_config(str(scratch.root / "mkdocs.yml"))
    plugin = config.plugins["local-offer"]
    plugin.on_startup(command=command, dirty=False)
    plugin.on_config(config)
    meta = config.theme.get_env().get_template("partials/content-security-policy.html") \
        .render(config=config)
    policy = directives(PageScan(meta).policies[0])
    assert ("'unsafe-inline'" in policy["script-src"]) == inline
