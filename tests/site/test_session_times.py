"""A service page says when term-time and holiday sessions run, and when the next one is."""

from __future__ import annotations

import datetime as dt
import re

from local_offer.records.term_dates import ALL_YEAR, RUNS_WORDS
from local_offer.site.build import build_content
from local_offer.site.languages import language
from local_offer.site.session_times import RUNS_MESSAGES, SessionTimes
from tests.helpers import FIXTURE_TODAY

NOTE = re.compile(r'<span class="lo-session-when">([^<]*)</span>')


def page(content, record_id: str) -> str:
    [found] = [p for p in content.pages() if p.kind == "service" and p.record.id == record_id]
    return found.render(f"services/{record_id}/")


def notes(html: str) -> list[str]:
    return NOTE.findall(html)


def test_the_built_pages_say_term_time_only_and_the_next_session(offer_site):
    def built(record_id):
        return (offer_site / "services" / record_id / "index.html").read_text(encoding="utf-8")
    # Monday 23 November 2026, in the autumn term.
    assert notes(built("tiny-talkers-strood")) == [
        "Term time only. Next session Tuesday 24 November."]
    assert notes(built("holiday-play-scheme")) == [
        "School holidays only. Next session Monday 21 December."]
    assert notes(built("little-stars-inclusive-nursery")) == []  # all year
    assert "it has sessions up to 31 August 2027, as far as school term dates are known" in \
        built("tiny-talkers-strood")


def text_of(scratch, today: str, **fields) -> list[str]:
    scratch.record("club", **fields)
    return notes(page(build_content(scratch, today=today), "club"))


TUESDAYS = "[{description: 'Tuesdays 10:00 to 11:30, term time', days: [tuesday], " \
           "start: '10:00', end: '11:30', runs: term-time}]"


def test_on_a_session_day_the_next_session_is_today(scratch):
    assert text_of(scratch, "2026-11-24", sessions=TUESDAYS) == [
        "Term time only. Next session today, Tuesday 24 November."]


def test_in_the_holidays_the_next_session_is_after_them(scratch):
    # Saturday 19 December 2026: the Christmas holidays.
    assert text_of(scratch, "2026-12-19", sessions=TUESDAYS) == [
        "Term time only. Next session Tuesday 5 January."]


def test_without_days_or_dates_known_it_says_only_when_in_the_year(scratch):
    assert text_of(scratch, "2026-11-23", sessions="[{description: 'By appointment, term "
                   "time', runs: term-time}]") == ["Term time only."]
    # After the last term dates known, the next session is not known either.
    assert text_of(scratch, "2027-08-01", last_reviewed="2027-08-01",
                   sessions=TUESDAYS) == ["Term time only."]
    # Closed for now, or ended: no next session to go to.
    assert text_of(scratch, "2026-11-23", sessions=TUESDAYS, status="temporarily-closed",
                   alert="Closed for building work.") == ["Term time only."]


def test_a_session_all_year_adds_nothing(scratch):
    scratch.record("club", sessions="[{description: 'Tuesdays 10:00 to 11:30', "
                                    "days: [tuesday], start: '10:00', end: '11:30'}]")
    html = page(build_content(scratch, today=FIXTURE_TODAY), "club")
    assert notes(html) == []
    assert "as far as school term dates are known" not in html
    assert '<li>Tuesdays 10:00 to 11:30</li>' in html


KEY_WHEN = re.compile(r'lo-key-when">\s*<dt>When</dt>\s*<dd>(.*?)</dd>', re.S)


def test_the_key_facts_show_the_session_that_runs_next_and_how_many_more(scratch):
    # Friday's session comes before Tuesday's on Wednesday 25 November 2026.
    sessions = ("[{description: 'Tuesdays 10:00 to 11:30, term time', days: [tuesday], "
                "start: '10:00', end: '11:30', runs: term-time}, "
                "{description: 'Fridays 09:30 to 10:30, term time', days: [friday], "
                "start: '09:30', end: '10:30', runs: term-time}]")
    scratch.record("club", sessions=sessions)
    [when] = KEY_WHEN.findall(page(build_content(scratch, today="2026-11-25"), "club"))
    # The next day starts its own line: the description has no full stop of its own.
    assert when.startswith("Fridays 09:30 to 10:30, term time<br>"
                           "<strong>Next session Friday 27 November.</strong>")
    assert ">1 more time</a>" in when


def test_the_key_facts_show_an_all_year_session_without_a_next_day(scratch):
    scratch.record("club", sessions="[{description: 'Mondays, all year', days: [monday], "
                   "start: '10:00', end: '11:00'}]")
    [when] = KEY_WHEN.findall(page(build_content(scratch, today="2026-11-25"), "club"))
    assert when == "Mondays, all year"


def test_in_polish_the_note_and_the_next_day_are_polish(scratch):
    scratch.record("club", sessions=TUESDAYS)
    content = build_content(scratch, today="2026-11-23")
    [record] = content.records
    polish = SessionTimes(content.term_dates, record, dt.date(2026, 11, 23), language("pl"))
    assert polish.note(record.sessions[0]) == (
        "Tylko w czasie roku szkolnego. Następne zajęcia: wtorek 24 listopada.")
    today = SessionTimes(content.term_dates, record, dt.date(2026, 11, 24), language("ro"))
    assert today.next_words(record.sessions[0]) == (
        "Următoarea sesiune azi, marți 24 noiembrie.")


def test_the_catalogues_have_the_words_each_session_runs_in():
    assert set(RUNS_MESSAGES) == {words for runs, words in RUNS_WORDS.items()
                                  if runs != ALL_YEAR}
