"""The glossary owns what an acronym is; lint, service pages and search all ask it."""

from __future__ import annotations

import pytest

from local_offer.records.glossary import Glossary, GlossaryTerm, acronyms, is_acronym
from local_offer.records.taxonomy import Taxonomy
from local_offer.site.family_words import FamilyWords

SPEECH = GlossaryTerm("Speech and language therapy", "Help with talking and understanding.",
                      also=("SaLT", "SALT"))
SENCO = GlossaryTerm("Special educational needs co-ordinator", "The teacher who leads on SEND.",
                     also=("SENCo",))


@pytest.mark.parametrize("word", ["NHS", "CAMHS", "SaLT", "SENCo", "MHSTs", "PfA", "EHCP",
                                  "SENDIASS", "SEN/D", "OT"])
def test_these_are_acronyms(word):
    assert is_acronym(word)


@pytest.mark.parametrize("word", ["McDonald", "Makaton", "Portage", "salt", "A", "SEN support",
                                  "EHC plan", "1:1"])
def test_these_are_not(word):
    assert not is_acronym(word)


def test_acronyms_in_text_skip_addresses_and_paths():
    text = "Ask the SENCo or SaLT. Email team@NHS.example.org or see /CAMHS/page."
    assert list(acronyms(text)) == ["SENCo", "SaLT"]


def test_search_matches_a_mixed_case_acronym_with_its_case():
    # SaLT and SENCo used to be words for search (matched in any case), acronyms for lint.
    no_lists = Taxonomy(categories=(), needs=(), areas=(), routes=(), age_bands=())
    words = FamilyWords(Glossary((SPEECH, SENCO)), no_lists)
    assert [t.term for t in words.mentioned("Our SaLT team visits")] == [SPEECH.term]
    assert words.mentioned("Add a pinch of salt") == []
    assert [t.term for t in words.mentioned("Talk to your SENCo")] == [SENCO.term]
    assert words.mentioned("a senco") == []


def test_a_name_written_with_capitals_is_explained_with_its_case():
    from local_offer.records.glossary import is_proper_name
    assert is_proper_name("British Sign Language") and is_proper_name("SEN support")
    assert is_proper_name("ASD") and not is_proper_name("speech therapy")
    assert not is_proper_name("Autisim")  # a typing mistake kept for search only
