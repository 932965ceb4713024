"""The Find page's status line is a grammatical sentence for every combination of choices:
the rule in docs/assets/find-words.js, run in Chromium on the built Find page."""

from __future__ import annotations

import itertools
import re

import pytest

WORDS = {"q": "swimming", "category": "Short breaks", "need": "Autism", "age": "7",
         "area": "Gillingham", "language": "Polish (polski)", "free": True,
         "routes": ["drop in", "self referral"], "attending": ["in person", "at home"],
         "when": ["weekends", "after school or evenings"], "interpreter": True}
LISTS = ("routes", "attending", "when")  # each tried with one choice and with two
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
        for name in LISTS:
            if name in asked:
                variants += [{**variant, name: WORDS[name][:1]} for variant in variants]
        if "age" in asked:  # an age, or the ages a word like "teenager" gives
            variants += [{**variant, "age": "13 to 19"} for variant in variants]
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
    # Each of the 11 choices left out or made; a list in two ways, the age in two.
    assert len(sentences) == 3 * 3 ** 3 * 3 * 2 ** 7
    for (asked, count), sentence in sentences:
        assert re.fullmatch(r"(No|\d+) (free )?services?(, from A to Z| [^ ].*)?[.]", sentence), sentence
        assert "  " not in sentence and " ," not in sentence, sentence
        # The faults the issue found: a preposition before another, "for free only".
        assert not re.search(r"\b(for|in|of|by) (for|in|of|by|free)\b", sentence), sentence
        assert sentence.startswith("No " if count == 0 else f"{count} "), sentence
        assert (" free service" in sentence) == bool(asked.get("free")), sentence
        for name in ("q", "category", "need", "area", "language"):
            assert (WORDS[name] in sentence) == (name in asked), (name, sentence)
        assert ("age 7" in sentence) == (asked.get("age") == "7"), sentence
        assert ("ages 13 to 19" in sentence) == (asked.get("age") == "13 to 19"), sentence
        for name, lead in (("attending", "offered "), ("when", "open ")):
            assert (lead in sentence) == (name in asked), sentence
            if name in asked:
                assert lead + " or ".join(asked[name]) in sentence, sentence
        assert ("with an interpreter on request" in sentence) == ("interpreter" in asked)
        assert not re.search(r"\b(\w+) \1\b", sentence), sentence  # no word twice running
        assert ("from A to Z" in sentence) == (not asked and count > 0), sentence


def test_the_sentences_the_issue_found_wrong(sentences):
    said = {(repr(sorted(asked.items())), count): sentence for (asked, count), sentence in sentences}

    def sentence(count, **asked):
        made = {name: WORDS[name] if value is True else value for name, value in asked.items()}
        return said[(repr(sorted(made.items())), count)]

    assert sentence(35, area=True) == "35 services in Gillingham."
    assert sentence(35, free=True) == "35 free services."
    assert sentence(1, free=True) == "1 free service."
    assert sentence(0, age=True, need=True) == "No services for Autism, age 7."
    assert sentence(35, area=True, q=True, routes=True) == (
        "35 services matching “swimming” in Gillingham that you can get by drop in or "
        "self referral.")
    assert sentence(0, age="13 to 19", attending=True, interpreter=True, language=True,
                    when=["weekends"]) == (
        "No services for ages 13 to 19 in Polish (polski), offered in person or at home, "
        "open weekends, with an interpreter on request.")
    assert sentence(1, when=True) == "1 service open weekends or after school or evenings."
    assert sentence(35, attending=["in person"]) == "35 services offered in person."
