"""A period in words: English as it always was, another language with its plural forms."""

from __future__ import annotations

from local_offer.records.period import Period
from local_offer.site.languages import translations


def test_in_english_a_period_reads_as_it_is_written():
    for text in ("1 day", "2 weeks", "6 months", "1 year"):
        assert Period.parse(text).in_words() == str(Period.parse(text)) == text
        assert Period.parse(text).in_words(translations("en")) == text


def test_in_polish_and_romanian_each_plural_form():
    polish = translations("pl")
    assert [Period(n, "month").in_words(polish) for n in (1, 3, 6, 22)] == [
        "1 miesiąc", "3 miesiące", "6 miesięcy", "22 miesiące"]
    assert Period(2, "year").in_words(polish) == "2 lata"
    romanian = translations("ro")
    assert [Period(n, "week").in_words(romanian) for n in (1, 2, 20)] == [
        "1 săptămână", "2 săptămâni", "20 de săptămâni"]
