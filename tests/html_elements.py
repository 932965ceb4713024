"""Reading back the HTML a test made: its elements, attributes and links."""

from __future__ import annotations

from html.parser import HTMLParser

# Attributes that hold a link a browser would follow or load.
LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "srcset")


class Elements(HTMLParser):
    """The (tag, attribute) pairs of an HTML fragment, and every link in it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        self.links: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add((tag, name))
            if name in LINK_ATTRIBUTES:
                self.links.append(value or "")

    handle_startendtag = handle_starttag
