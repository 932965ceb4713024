"""The Find page's status line is a grammatical sentence for every combination of choices:
the rule in docs/assets/find-words.js, run in Chromium on the built Find page."""

from __future__ import annotations

import itertools
import re

import pytest

WORDS = {"q": "swimming", "category": "Short breaks", "need": "Autism", "age": "7",
         "area": "Gillingham", "free": True, "routes": ["drop in", "self referral"]}
SENTENCES = """async ([module, combos]) => {
  const { statusLine } = await import(module);
  return combos.map(([asked, count]) => statusLine(asked, count));
}"""


def combinations() -> list[tuple[dict, int]]:
    made = []
    names = list(WORDS)
    for chosen in itertools.product([False, True], repeat=len(names)):
        asked = {name: WORDS[name] for name, on in zip(names, chosen) if on}
        variants = [asked]
        if "routes" in asked:
            variants.append({**asked, "routes": ["drop in"]})
        made += [(variant, count) for variant in variants for count in (0, 1, 35)]
    return made


@pytest.fixture(scope="module")
def sentences(browser, offer_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(offer_server.url + "find/")
    combos = combinations()
    said = page.evaluate(SENTENCES, [offer_server.url + "assets/find-words.js", combos])
    context.close()
    return list(zip(combos, said))


def test_every_combination_reads_as_one_sentence(sentences):
    assert len(sentences) == 3 * (2 ** 7 + 2 ** 6)
    for (asked, count), sentence in sentences:
        assert re.fullmatch(r"(No|\d+) (free )?services?(, from A to Z| [^ ].*)?[.]", sentence), sentence
        assert "  " not in sentence and " ," not in sentence, sentence
        # The faults the issue found: a preposition before another, "for free only".
        assert not re.search(r"\b(for|in|of|by) (for|in|of|by|free)\b", sentence), sentence
        assert sentence.startswith("No " if count == 0 else f"{count} "), sentence
        assert (" free service" in sentence) == bool(asked.get("free")), sentence
        for name in ("q", "category", "need", "area"):
            assert (WORDS[name] in sentence) == (name in asked), (name, sentence)
        assert ("age 7" in sentence) == ("age" in asked), sentence
        assert ("from A to Z" in sentence) == (not asked and count > 0), sentence


def test_the_sentences_the_issue_found_wrong(sentences):
    said = {(tuple(sorted(asked)), len(asked.get("routes", [])), count): sentence
            for (asked, count), sentence in sentences}
    assert said[(("area",), 0, 35)] == "35 services in Gillingham."
    assert said[(("free",), 0, 35)] == "35 free services."
    assert said[(("free",), 0, 1)] == "1 free service."
    assert said[(("age", "need"), 0, 0)] == "No services for Autism, age 7."
    assert said[(("area", "q", "routes"), 2, 35)] == (
        "35 services matching “swimming” in Gillingham that you can get by drop in or "
        "self referral.")
