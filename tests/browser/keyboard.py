"""Driving a page with the keyboard alone, checking at every stop that focus can be seen."""

from __future__ import annotations

# What a sighted keyboard user needs at each stop: the element on screen, not hidden
# under something else (WCAG 2.4.11), with an outline or a shadow that shows focus (2.4.7).
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    name: (el.getAttribute('aria-label') || el.innerText || el.value || '')
        .replace(/\\s+/g, ' ').trim(),
    tag: el.tagName.toLowerCase(), id: el.id, href: el.href || '',
    index: el.dataset.tabStop === undefined ? null : Number(el.dataset.tabStop),
    inMain: !!el.closest('#main-content'),
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
        && box.top < innerHeight && box.left < innerWidth,
    uncovered: !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
  };
}"""

# Number every element Tab should reach, in document order, so a walk can be checked.
MARK_TAB_STOPS = """() => {
  const stops = [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0
        && getComputedStyle(el).visibility === 'visible' && !el.closest('[inert]')
        // Inside a closed <details> only its summary can be reached.
        && (el.matches('summary') || !el.closest('details:not([open])')));
  stops.forEach((el, index) => { el.dataset.tabStop = index; });
  return stops.length;
}"""


class Keyboard:
    """Tab, Enter and Escape on one page, with focus checked after every Tab."""

    def __init__(self, page, most_presses: int = 300):
        self.page = page
        self.most_presses = most_presses

    def focused(self) -> dict | None:
        return self.page.evaluate(FOCUS)

    def tab(self) -> dict | None:
        self.page.keyboard.press("Tab")
        focus = self.focused()
        if focus is not None:
            assert_focus_visible(focus)
        return focus

    def tab_to(self, name: str) -> dict:
        """Tab until the link or control called `name` has focus."""
        return self.tab_until(lambda focus: focus["name"].casefold() == name.casefold(), name)

    def tab_to_field(self, field_id: str) -> dict:
        """Tab until the form field with this id has focus (a field's name is its label's)."""
        return self.tab_until(lambda focus: focus["id"] == field_id, f"#{field_id}")

    def tab_until(self, reached, what: str) -> dict:
        for _ in range(self.most_presses):
            focus = self.tab()
            if focus and reached(focus):
                return focus
        raise AssertionError(f"Tab never reached {what!r} on {self.page.url}")

    def follow(self, name: str) -> None:
        """Tab to a link and press Enter on it, waiting for the next page."""
        self.tab_to(name)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)


def assert_focus_visible(focus: dict) -> None:
    where = f"{focus['tag']} {focus['name']!r} {focus['href']}"
    assert focus["onScreen"], f"focus went off screen: {where}"
    assert focus["uncovered"], f"focus is hidden under another element: {where}"
    assert focus["outline"] or focus["shadow"], f"focus cannot be seen: {where}"


def walk_every_tab_stop(page) -> tuple[list[int], int]:
    """Tab from the top of the page to past its end: the tab stops met, in order, and how
    many there are."""
    count = page.evaluate(MARK_TAB_STOPS)
    keys = Keyboard(page)
    met: list[int] = []
    for _ in range(count + 3):
        focus = keys.tab()
        if focus is None or (met and focus["index"] == met[0]):
            break  # out of the page, or round to the start again: nothing held focus
        met.append(focus["index"])
    return met, count
