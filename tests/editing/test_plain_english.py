"""Plain English checks: long sentences, hard text, long summaries and unknown acronyms, by line."""

from __future__ import annotations

import socket

import pytest

from local_offer.editing.plain_english import (
    Limits,
    PlainEnglishCheck,
    prose_blocks,
    reading_ease,
    sentences,
)
from local_offer.records.glossary import acronyms
from local_offer.records.yaml_source import read_document
from tests.helpers import MINIMAL, OFFER_GLOSSARY

GLOSSARY = OFFER_GLOSSARY

SIXTY_WORDS = ("When you are waiting for a specialist assessment of your child, which can take a "
               "long time in many parts of the country because of very high demand, it is really important "
               "to remember that there are many different kinds of support available from "
               "schools, family hubs and voluntary organisations that you can use without a "
               "diagnosis or a referral.")

HARD = ("Multidisciplinary practitioners facilitate individualised therapeutic interventions, "
        "collaboratively formulating comprehensive developmental recommendations. "
        "Additionally, comprehensive documentation accompanies evaluations, incorporating "
        "standardised psychometric instrumentation and observational methodologies. "
        "Consequently, practitioners' recommendations necessitate interdisciplinary "
        "consultation, particularly regarding communication difficulties.")


def check(scratch, text, limits=Limits()):
    path = scratch.write("record.yaml", text)
    document, problems = read_document(path, "services/record.yaml")
    assert problems == []
    return PlainEnglishCheck(GLOSSARY, limits).check(document)


def with_description(*lines):
    return MINIMAL + "description: |\n" + "".join(f"  {line}\n" for line in lines)


def test_sixty_word_sentence_is_flagged_on_its_own_line(scratch):
    assert len(SIXTY_WORDS.split()) == 60
    first, rest = SIXTY_WORDS.split(" which ")
    found = check(scratch, with_description("A short first sentence.", "", first,
                                            "which " + rest))
    [long] = [p for p in found if "sentence of" in p.message]
    assert long.line == 16 and long.field == "description"
    assert "a sentence of 60 words" in long.message and "25 or fewer" in long.message
    assert long.fix


def test_unknown_acronym_is_flagged_where_it_is_used(scratch):
    found = check(scratch, MINIMAL.replace("only the fields that are required",
                                           "only the fields the QXZ team requires"))
    assert [(p.line, p.field, p.message) for p in found] == [
        (2, "summary", "'QXZ' is an acronym that is not in the glossary")]
    assert "data/glossary.yaml" in found[0].fix


def test_glossary_acronyms_their_other_words_and_plurals_are_known(scratch):
    text = MINIMAL.replace("only the fields that are required",
                           "CAMHS, SALT, ASD and MHSTs for an EHC plan in the NHS")
    assert check(scratch, text) == []


def test_each_unknown_acronym_is_reported_once(scratch):
    found = check(scratch, with_description("The QXZ team is friendly.",
                                            "Ask the QXZ team or the ZZT."))
    assert sorted(p.message.split("'")[1] for p in found) == ["QXZ", "ZZT"]


def test_hard_text_is_flagged_with_its_score(scratch):
    found = check(scratch, with_description(HARD))
    [hard] = [p for p in found if "hard to read" in p.message]
    assert hard.line == 13 and hard.field == "description"
    assert reading_ease(prose_blocks(HARD)) < 60


def test_plain_text_passes(scratch):
    plain = ("Come and play with your child. We sing songs and read books. Staff are kind and "
             "they know a lot about talking. You can ask them for tips to try at home. "
             "Sessions are free and you do not need to book.")
    assert check(scratch, with_description(plain)) == []
    assert reading_ease(prose_blocks(plain)) >= 80


def test_long_summary_is_flagged(scratch):
    summary = "A service that helps. " * 10
    found = check(scratch, MINIMAL.replace("A service with only the fields that are required.",
                                           summary.strip()))
    assert any(p.line == 2 and "219 characters, over the 200" in p.message for p in found)


def test_limits_can_be_changed(scratch):
    text = MINIMAL.replace("A service with only the fields that are required.",
                           "One two three four five six seven.")
    assert check(scratch, text) == []
    [found] = check(scratch, text, Limits(sentence_words=6))
    assert "a sentence of 7 words" in found.message


def test_lists_and_paragraphs_are_separate_sentences():
    blocks = prose_blocks("Help with:\n\n- sleep\n- eating\n\nCall us. Or email e.g. the team.")
    assert blocks == ["Help with:", "sleep", "eating", "Call us. Or email e.g. the team."]
    assert sentences(blocks[-1]) == ["Call us.", "Or email e.g. the team."]


def test_what_counts_as_an_acronym():
    text = "NHS, SaLT and PfA, but not McDonald, YouTube, A or me@EXAMPLE.org; ADHD's too"
    assert list(acronyms(text)) == ["NHS", "SaLT", "PfA", "ADHD"]


def test_reading_ease_needs_no_network(monkeypatch):
    # textstat would download the CMU dictionary through nltk for lang "en": refuse any call out.
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("plain English checks tried to reach the network")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert reading_ease(["A short and simple sentence about a club."]) > 60


@pytest.mark.parametrize("field", ["how_to_get_it", "alert"])
def test_other_prose_fields_are_checked_for_long_sentences(scratch, field):
    text = {"how_to_get_it": MINIMAL.replace("{routes: [self-referral]}",
                                             "{routes: [self-referral], steps: '"
                                             + SIXTY_WORDS + "'}"),
            "alert": MINIMAL + "alert: " + SIXTY_WORDS + "\n"}[field]
    found = check(scratch, text)
    assert any("a sentence of 60 words" in p.message and p.field.startswith(field)
               for p in found)
