"""The council's identity on the site: its settings in hand-written pages, its colour in CSS.

Hand-written pages (docs/) never type the council's name: they write a
placeholder, like {{ area_name }}, and the build puts in the value from
data/settings.yaml. Only the names below are placeholders; any other
{{ ... }} is a mistake, told with its file and line; a backslash before one
(\\{{ area_name }}) shows the placeholder itself. The values are plain text:
nothing in a setting can become a link, HTML or formatting, except
{{ contact_email }}, which becomes a link that starts an email.

The primary colour reaches the pages as a stylesheet of its own (assets/
council.css), never as an inline style, so the Content-Security-Policy stays
strict (style-src 'self').
"""

from __future__ import annotations

import re
from urllib.parse import quote

from local_offer.records import colour, markdown_safe
from local_offer.records.problems import Problem
from local_offer.records.settings import Settings

STYLESHEET = "assets/council.css"
# The logo is published here, with its own file's extension (assets/council-logo.svg).
LOGO_STEM = "assets/council-logo"

# What each placeholder becomes, and the setting it needs.
PLACEHOLDERS = {
    "site_name": "site_name",
    "short_name": "short_name",
    "area_name": "area_name",
    "contact_email": "contact_email",
}
# A backslash before it, \\{{ area_name }}, shows the placeholder itself (in the guides).
_PLACEHOLDER = re.compile(r"(\\?)\{\{\s*([^{}]*?)\s*\}\}")


def logo_path(settings: Settings) -> str:
    """Where the logo is published, from the site root ("" without one)."""
    if not settings.logo:
        return ""
    return LOGO_STEM + settings.logo[settings.logo.rfind("."):].lower()


def _value(name: str, settings: Settings) -> str:
    if name == "short_name":
        return markdown_safe.page_text(settings.header_name)
    value = getattr(settings, name)
    if not value:
        return ""
    if name == "contact_email":
        return f"[{markdown_safe.page_text(value)}](mailto:{quote(value, safe='@')})"
    return markdown_safe.page_text(value)


def fill_placeholders(markdown: str, settings: Settings,
                      path: str) -> tuple[str, list[Problem]]:
    """A hand-written page's Markdown with each {{ setting }} replaced by its value."""
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        if match.group(1):
            return match.group(0)[1:]
        name = match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        if name not in PLACEHOLDERS:
            problems.append(Problem(path, line, "", f"'{match.group(0)}' is not a setting a "
                                    "page can show",
                                    "write one of: " + ", ".join(
                                        "{{ " + known + " }}" for known in PLACEHOLDERS)))
            return match.group(0)
        value = _value(name, settings)
        if not value:
            problems.append(Problem(path, line, "", f"the page shows {{{{ {name} }}}}, but "
                                    f"data/settings.yaml has no {PLACEHOLDERS[name]}",
                                    f"add a line '{PLACEHOLDERS[name]}: ...' to "
                                    "data/settings.yaml"))
        return value

    return _PLACEHOLDER.sub(replace, markdown), problems


def stylesheet(settings: Settings) -> str:
    """assets/council.css: the council's primary colour, where the theme's styles use it."""
    primary = settings.primary_colour
    dark = colour.darker(primary, 0.35)
    return (
        "/* Made by the build from primary_colour in data/settings.yaml; not edited here. */\n"
        ':root, [data-md-color-scheme="default"] {\n'
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {primary};\n"
        f"  --md-primary-fg-color--dark: {dark};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {dark};\n"
        f"  --md-typeset-a-color: {primary};\n"
        "}\n")
