"""Family words: the glossary's other words attach to the services they mean."""

from __future__ import annotations

from local_offer.records.glossary import Glossary, GlossaryTerm, is_acronym
from local_offer.records.loader import RecordLoader
from local_offer.site.family_words import IN_NAME, IN_SUMMARY, LOOSELY_RELATED, RELATED, FamilyWords
from tests.helpers import MINIMAL
from tests.helpers import OFFER_TAXONOMY as TAXONOMY

SALT = GlossaryTerm("SaLT", "Speech and language therapy.",
                    also=("SALT", "speech therapy", "my child won't talk"),
                    need="speech-language-communication")
OT = GlossaryTerm("OT", "Occupational therapy.", also=("occupational therapy",), category="health")
SHORT_BREAKS = GlossaryTerm("Short breaks", "Time away from caring.", also=("respite",),
                            category="short-breaks")
EHCP = GlossaryTerm("EHC plan", "An education, health and care plan.", also=("EHCP",))
GLOSSARY = Glossary((SALT, OT, SHORT_BREAKS, EHCP))


def record(scratch, name="service", **changes):
    text = MINIMAL
    for old, new in changes.items():
        text = text.replace(old, new)
    scratch.write(f"{name}.yaml", text)
    result = RecordLoader(scratch).load()
    assert result.problems == []
    return next(r for r in result.records if r.id == name)


def weights(words):
    """Weight by word, casefolded: the index ignores case, so SALT and SaLT are one word."""
    return {word.casefold(): weight for weight, group in words.groups for word in group}


def folded(words):
    return {word.casefold() for word in words.words}


def test_need_brings_its_words_when_the_text_has_none_of_them(scratch):
    speech = record(scratch, **{"[all-needs]": "[speech-language-communication]"})
    words = FamilyWords(GLOSSARY, TAXONOMY).for_record(speech)
    assert words.terms == ("SaLT",)
    assert {"salt", "speech therapy", "my child won't talk"} <= folded(words)
    assert len(words.words) == len(folded(words))  # each word once, whatever its case
    assert weights(words)["salt"] == RELATED


def test_a_general_service_ranks_its_need_words_lower(scratch):
    general = record(scratch, **{"[all-needs]": "[speech-language-communication, autism, vision]"})
    assert weights(FamilyWords(GLOSSARY, TAXONOMY).for_record(general))["salt"] == LOOSELY_RELATED


def test_words_in_the_name_and_summary_rank_highest(scratch):
    named = record(scratch, "named", **{"name: Minimal Service": "name: Occupational Therapy",
                                        "only the fields": "only the fields. Has respite"})
    words = FamilyWords(GLOSSARY, TAXONOMY).for_record(named)
    assert weights(words)["ot"] == IN_NAME
    assert weights(words)["respite"] == IN_SUMMARY
    assert [weight for weight, _ in words.groups] == sorted(
        (weight for weight, _ in words.groups), reverse=True)


def test_a_category_brings_words_only_when_the_term_is_its_name(scratch):
    finder = FamilyWords(GLOSSARY, TAXONOMY)
    assert finder.category_terms == {"Short breaks"}
    club = record(scratch, "club", **{"[education]": "[short-breaks]"})
    clinic = record(scratch, "clinic", **{"[education]": "[health]"})
    assert "respite" in folded(finder.for_record(club))
    # OT is one kind of health service, not every health service.
    assert "ot" not in folded(finder.for_record(clinic))


def test_the_text_brings_the_words_of_terms_it_uses(scratch):
    text = record(scratch, **{"only the fields that are required.":
                              "help with your child’s EHC plan, and a lot of other things."})
    words = FamilyWords(GLOSSARY, TAXONOMY).for_record(text)
    assert "ehcp" in folded(words)
    assert "ot" not in folded(words)  # "lot" and "other" hold the letters, not the word


def test_acronyms_match_their_case_and_phrases_match_whole_words():
    finder = FamilyWords(GLOSSARY, TAXONOMY)
    assert [t.term for t in finder.mentioned("Ask about OT today")] == ["OT"]
    assert finder.mentioned("not ot, nor plot") == []
    assert [t.term for t in finder.mentioned("When MY CHILD WON’T TALK at all")] == ["SaLT"]
    assert finder.mentioned("speech therapyish") == []
    assert is_acronym("EHCP") and is_acronym("SEN/D") and not is_acronym("Makaton")


def test_category_labels_are_words_without_a_glossary(scratch):
    club = record(scratch, **{"[education]": "[short-breaks]"})
    words = FamilyWords(None, TAXONOMY).for_record(club)
    assert words.words == ("Short breaks, leisure and activities",)


def test_the_offer_glossary_reaches_the_services_the_issue_names(offer_project):
    from local_offer.site.build import build_content
    from tests.helpers import FIXTURE_TODAY

    content = build_content(offer_project, today=FIXTURE_TODAY)
    finder = FamilyWords(content.glossary, content.taxonomy)
    by_id = {r.id: folded(finder.for_record(r)) for r in content.records}
    for word in ("salt", "speech therapy", "talking", "my child won't talk"):
        assert word in by_id["tiny-talkers-strood"], word
    for word in ("asd", "asc", "autistic"):
        assert word in by_id["autism-outreach-team"], word
    assert "respite" in by_id["overnight-short-breaks"]
    assert "ot" in by_id["occupational-therapy"]
    assert "ehcp" in by_id["sendiass"]
    assert "ot" not in by_id["tiny-talkers-strood"]
