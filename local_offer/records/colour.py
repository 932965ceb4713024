"""Colours as the council writes them (#1d4f91), and the contrast WCAG 2.2 asks of them.

The one owner of colour arithmetic: the settings check refuses a primary
colour that white header text cannot be read on, and the site's generated
stylesheet derives its darker shade here too.
"""

from __future__ import annotations

import re

# WCAG 2.2 success criterion 1.4.3 (contrast, minimum) for normal-size text.
MINIMUM_CONTRAST = 4.5
WHITE = "#ffffff"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse(text: str) -> str | None:
    """'#1D4F91' or '#14a' as '#1d4f91' / '#1144aa'; None when it is not a hex colour."""
    text = text.strip()
    if not _HEX.match(text):
        return None
    digits = text[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return "#" + digits


def _channels(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of a '#rrggbb' colour, from 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two '#rrggbb' colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, amount: float) -> str:
    """The colour mixed with black: amount 0 keeps it, 1 is black."""
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in _channels(colour))


def readable_shade(colour: str, text: str = WHITE) -> str:
    """The lightest shade of the colour (mixed with black) that text can be read on."""
    for step in range(101):
        shade = darker(colour, step / 100)
        if contrast(shade, text) >= MINIMUM_CONTRAST:
            return shade
    return "#000000"
