""""Words used on this page" holds only words the family can see on that page."""

from __future__ import annotations

import json

SEEN_AND_EXPLAINED = """() => {
  const words = document.querySelector('.lo-words');
  if (!words) return {explained: [], text: ''};
  const explained = [...words.querySelectorAll('dfn')].map(d => d.innerText.trim());
  words.hidden = true;  // the list itself does not count as the page using a word
  const text = document.getElementById('main-content').innerText;
  words.hidden = false;
  return {explained, text};
}"""


def test_every_word_explained_is_in_the_pages_visible_text(browser, offer_server, offer_site):
    services = json.loads((offer_site / "services-index.json").read_text(encoding="utf-8"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    missing, explained_anywhere = [], 0
    for service in services["services"]:
        page.goto(offer_server.url + service["url"])
        found = page.evaluate(SEEN_AND_EXPLAINED)
        explained_anywhere += len(found["explained"])
        missing += [f"{service['url']}: {word}" for word in found["explained"]
                    if word not in found["text"]]
    context.close()
    assert explained_anywhere > 0, "no page explains any word: the check would prove nothing"
    assert not missing, "explained but not shown:\n" + "\n".join(missing)
