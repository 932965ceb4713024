"""The check's findings as text for people, JSON for programs, GitHub workflow commands
for pull requests, and Markdown for the weekly issue to each owner."""

from __future__ import annotations

import json

from local_offer.freshness.attention import FAIL_ON, URGENCY, Attention, OldTranslation, Owner
from local_offer.freshness.review import Review, State, TermDatesReview
from local_offer.records.dates import long_date
from local_offer.records.link_uses import BrokenLink
from local_offer.records.markdown_safe import code
from local_offer.records.markdown_safe import link as md_link
from local_offer.records.markdown_safe import text as md
from local_offer.records.words import plural

STATE_WORDS = {
    State.EXPIRED: "expired: off the site until it is reviewed",
    State.ENDED: "ended: off the site",
    State.OVERDUE: "overdue: shown with a warning",
    State.DUE_SOON: "due soon",
    State.CLOSED: "closed: off the site",
    State.CURRENT: "current",
}
REVIEWED = "python build_offer.py reviewed"


def when(review: Review) -> str:
    """The date that matters for an entry, and how far away it is."""
    record = review.record
    if review.state is State.ENDED:
        return f"valid until {long_date(record.valid_until)}, which has passed"
    if review.state is State.CLOSED:
        return "marked closed"
    if review.days_overdue:
        return f"review was due {long_date(review.due)} ({plural(review.days_overdue, 'day')} ago)"
    if review.days_left == 0:
        return f"review due today, {long_date(review.due)}"
    return f"review due {long_date(review.due)} (in {plural(review.days_left, 'day')})"


def notes(review: Review) -> list[str]:
    if review.stale_waiting_time:
        return [f"waiting time last measured {long_date(review.record.waiting_time.measured)}"]
    return []


def action(review: Review) -> str:
    """What the owner should do, in a sentence; `command` gives the command to run."""
    if review.state is State.ENDED:
        return "If the service goes on, set a new valid_until; if not, delete the file."
    if review.state is State.CLOSED:
        return "Delete the file when its page is no longer needed."
    todo = "Check the entry with the service, then run:"
    if review.stale_waiting_time:
        todo = "Measure the waiting time again and update waiting_time. " + todo
    return todo


def command(review: Review) -> str:
    if review.state in (State.ENDED, State.CLOSED):
        return ""
    return f"{REVIEWED} {review.record.path}"


def to_do(review: Review) -> str:
    return " ".join(filter(None, [action(review), command(review)]))


# ---- The school term dates (data/term-dates.yaml) --------------------------------------

TERM_DATES_NAME = "School term dates"
TERM_DATES_ACTION = ("Add the next school year's terms and holidays from the council's "
                     "published term dates.")


def term_dates_when(review: TermDatesReview) -> str:
    until = review.known_until
    follow = (f"{plural(review.sessions, 'session')} "
              f"{'follows' if review.sessions == 1 else 'follow'} them")
    if until is None:
        return f"there are no term dates; {follow}"
    if until < review.today:
        return f"they ran out on {long_date(until)}; {follow}"
    return (f"they run out on {long_date(until)} (in {plural(review.days_left, 'day')}); "
            f"{follow}")


def term_dates_json(review: TermDatesReview) -> dict:
    return {"file": review.path, "line": review.line, "state": review.state.value,
            "known_until": review.known_until.isoformat() if review.known_until else None,
            "days_left": max(0, review.days_left), "sessions": review.sessions,
            "action": TERM_DATES_ACTION}


TRANSLATION_ACTION = ("check the translation against the English record, then change its "
                      "checked date to the day you did")


def translation_when(old: OldTranslation) -> str:
    return (f"translation checked {long_date(old.translation.checked)}, before the English "
            f"was reviewed on {long_date(old.record.last_reviewed)}")


def translation_json(old: OldTranslation) -> dict:
    return {"id": old.record.id, "language": old.translation.language,
            "file": old.translation.path, "line": old.translation.lines.get(("checked",), 1),
            "checked": old.translation.checked.isoformat(),
            "english_reviewed": old.record.last_reviewed.isoformat(),
            "action": TRANSLATION_ACTION}


def summary(attention: Attention) -> str:
    counts = attention.counts
    parts = [f"{counts[state]} {state.value}" for state in reversed(URGENCY) if counts[state]]
    return (f"{plural(len(attention.reviews), 'entry', 'entries')} on "
            f"{long_date(attention.today)}: " + (", ".join(parts) or "none") + ".")


def outcome(attention: Attention) -> str:
    failing = len(attention.failing)
    now = []
    if failing:
        now.append(f"{plural(failing, 'entry', 'entries')} "
                   f"{'needs' if failing == 1 else 'need'} action now.")
    if attention.term_dates_failing:
        now.append("The school term dates need action now.")
    if now:
        return " ".join(now)
    if attention.listed or attention.term_dates or attention.translations:
        return "Nothing needs action now."
    return "Every entry is current."


# ---- text -------------------------------------------------------------------------------

def as_text(attention: Attention) -> str:
    lines = [f"Review check: {summary(attention)}"]
    width = max([len(r.state.value) for r in attention.listed]
                + ([len(attention.term_dates.state.value)] if attention.term_dates else []),
                default=0)
    for owner in attention.owners:
        if not owner.has_work:
            continue
        lines += ["", f"{owner.team} <{owner.email}>"]
        for review in owner.reviews:
            record = review.record
            detail = "; ".join([when(review), *notes(review)])
            lines.append(f"  {review.state.value:<{width}}  {record.path}:"
                         f"{record.line_of('last_reviewed')}  {record.name}: {detail}")
        for link in owner.broken_links:
            lines.append(f"  broken link  {link.use.path}:{link.use.line}  {link.use.name}: "
                         f"{link.use.url} ({link.problem})")
        if owner.term_dates:
            dates = owner.term_dates
            lines.append(f"  {dates.state.value:<{width}}  {dates.path}:{dates.line}  "
                         f"{TERM_DATES_NAME}: {term_dates_when(dates)}. {TERM_DATES_ACTION}")
        for old in owner.translations:
            lines.append(f"  old translation  {old.translation.path}:"
                         f"{old.translation.lines.get(('checked',), 1)}  {old.record.name} "
                         f"({old.translation.language}): {translation_when(old)}. "
                         f"To do: {TRANSLATION_ACTION}")
    lines += ["", outcome(attention)]
    if attention.listed:
        lines.append(f"After checking an entry with the service, run: {REVIEWED} FILE")
    return "\n".join(lines)


# ---- JSON -------------------------------------------------------------------------------

def entry_json(review: Review) -> dict:
    record = review.record
    return {
        "id": record.id, "name": record.name, "file": record.path,
        "line": record.line_of("last_reviewed"), "state": review.state.value,
        "published": review.published, "last_reviewed": record.last_reviewed.isoformat(),
        "due": review.due.isoformat(), "days_overdue": review.days_overdue,
        "days_left": max(0, review.days_left),
        "valid_until": record.valid_until.isoformat() if record.valid_until else None,
        "waiting_time_measured": record.waiting_time.measured.isoformat()
        if record.waiting_time else None,
        "stale_waiting_time": review.stale_waiting_time,
        "notes": notes(review), "action": to_do(review),
    }


def as_json(attention: Attention) -> str:
    counts = attention.counts
    return json.dumps({
        "today": attention.today.isoformat(),
        "fail_on": attention.fail_on,
        "exit_code": attention.exit_code,
        "total": len(attention.reviews),
        "counts": {state.value: counts[state] for state in State},
        "owners": [{"team": owner.team, "email": owner.email,
                    "entries": [entry_json(review) for review in owner.reviews],
                    "broken_links": [link.to_dict() for link in owner.broken_links],
                    "term_dates": term_dates_json(owner.term_dates) if owner.term_dates
                    else None,
                    "old_translations": [translation_json(old) for old in owner.translations]}
                   for owner in attention.owners if owner.has_work],
    }, indent=2, ensure_ascii=False)


# ---- GitHub Actions ---------------------------------------------------------------------

def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(attention: Attention) -> str:
    """Workflow commands that put each finding on the line of its file in a pull request."""
    lines = []
    for review in attention.listed:
        record = review.record
        level = ("error" if review.state in FAIL_ON["overdue"] else
                 "warning" if review.state is State.DUE_SOON else "notice")
        message = (f"{record.name} is {STATE_WORDS[review.state]}; "
                   + "; ".join([when(review), *notes(review)])
                   + f". Owner: {record.owner.team} <{record.owner.email}>. "
                   + f"To do: {to_do(review)}")
        lines.append(f"::{level} file={_property(record.path)},"
                     f"line={record.line_of('last_reviewed')}::{_data(message)}")
    for link in attention.broken_links:
        message = f"Broken link {link.use.url}: {link.problem}. Owner: {link.use.owner_team}."
        lines.append(f"::warning file={_property(link.use.path)},line={link.use.line}::"
                     f"{_data(message)}")
    for old in attention.translations:
        message = (f"The {old.translation.language} translation of {old.record.name}: "
                   f"{translation_when(old)}. Owner: {old.team} <{old.email}>. "
                   f"To do: {TRANSLATION_ACTION}")
        lines.append(f"::warning file={_property(old.translation.path)},"
                     f"line={old.translation.lines.get(('checked',), 1)}::{_data(message)}")
    dates = attention.term_dates
    if dates:
        level = "error" if dates.state in FAIL_ON["overdue"] else "warning"
        message = (f"{TERM_DATES_NAME}: {term_dates_when(dates)}. Owner: {dates.team} "
                   f"<{dates.email}>. To do: {TERM_DATES_ACTION}")
        lines.append(f"::{level} file={_property(dates.path)},line={dates.line}::"
                     f"{_data(message)}")
    lines.append(f"Review check: {summary(attention)} {outcome(attention)}")
    return "\n".join(lines)


# ---- Markdown ---------------------------------------------------------------------------

def owner_markdown(owner: Owner, heading: str = "###") -> list[str]:
    lines = [f"{heading} {md(owner.team)} ({md(owner.email)})", ""]
    if owner.reviews:
        lines += ["| Entry | State | When | File | What to do |", "| --- | --- | --- | --- | --- |"]
        for review in owner.reviews:
            record = review.record
            lines.append(" | ".join([
                f"| {md(record.name)}", f"**{md(STATE_WORDS[review.state])}**",
                md("; ".join([when(review), *notes(review)])),
                f"{code(record.path)} line {record.line_of('last_reviewed')}",
                md(action(review)) + (f" {code(command(review))}" if command(review) else "")
                + " |"]))
        lines.append("")
    if owner.broken_links:
        lines += ["Broken links:", "", "| Entry | Link | Problem | File |",
                  "| --- | --- | --- | --- |"]
        for link in owner.broken_links:
            lines.append(f"| {md(link.use.name)} | {md_link(link.use.url)} | "
                         f"{md(link.problem)} | {code(link.use.path)} line {link.use.line} |")
        lines.append("")
    if owner.term_dates:
        dates = owner.term_dates
        lines += [f"**{TERM_DATES_NAME}** ({md(dates.state.value)}): {md(term_dates_when(dates))}. "
                  f"{md(TERM_DATES_ACTION)} File: {code(dates.path)} line {dates.line}.", ""]
    if owner.translations:
        lines += ["Translations older than their English:", "",
                  "| Entry | Language | When | File |", "| --- | --- | --- | --- |"]
        for old in owner.translations:
            lines.append(f"| {md(old.record.name)} | {md(old.translation.language)} | "
                         f"{md(translation_when(old))} | {code(old.translation.path)} line "
                         f"{old.translation.lines.get(('checked',), 1)} |")
        lines += ["", md(TRANSLATION_ACTION[0].upper() + TRANSLATION_ACTION[1:]) + ".", ""]
    if not owner.has_work:
        lines += ["Nothing to do: every entry is current and no broken links were found.", ""]
    return lines


def as_markdown(attention: Attention, title: str = "Local Offer review check") -> str:
    lines = [f"## {md(title)}", "", md(summary(attention)) + " " + md(outcome(attention)), ""]
    for owner in attention.owners:
        if owner.has_work or len(attention.owners) == 1:
            lines += owner_markdown(owner)
    if attention.listed:
        lines += [f"After checking an entry with the service, run `{REVIEWED} FILE` "
                  "(it changes only the `last_reviewed` line), and open a pull request. "
                  "Entries that are off the site come back once they are reviewed.", ""]
    return "\n".join(lines)


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}


def broken_links_from_json(text: str) -> list[BrokenLink]:
    """The broken links saved by `links --format json`."""
    data = json.loads(text)
    return [BrokenLink.from_dict(item) for owner in data.get("owners", [])
            for item in owner.get("broken_links", [])]
