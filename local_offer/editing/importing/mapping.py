"""From a feed's service to a record: every field our schema has room for, and what happened.

The council's mapping file (data/import-mapping.yaml) says which of the feed's
terms are which of our categories, needs, areas and routes, and what a service
gets when none of its terms map. Each field's outcome is counted for the
report: mapped, took a default, lost (the feed had something we could not
use), or none (the feed had nothing, and the field may be left out).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from local_offer.editing.importing import text as words
from local_offer.editing.importing.source import DAY_NAMES, SourceService
from local_offer.records import link_policy
from local_offer.records.data_files import FieldChecker, read_data_file
from local_offer.records.dates import day_in_feed
from local_offer.records.model import COST_NOT_KNOWN
from local_offer.records.problems import Problem
from local_offer.records.taxonomy import ALL_NEEDS, AREA_WIDE, Taxonomy

MAPPING_FILE = "import-mapping.yaml"
KINDS = ("categories", "needs", "areas", "routes", "attending")
DEFAULT_FIELDS = KINDS + ("provider",)
MAPPING_EXAMPLE = "needs:\n  Autistic spectrum condition: [autism]"

MAPPED, DEFAULT, LOST, NONE = "mapped", "default", "lost", "none"
# Statuses that mean a service no longer runs: it is not imported.
ENDED = {"inactive", "defunct", "archived", "expired", "closed", "deleted", "marked for deletion"}
PAUSED = {"temporarily closed", "temporarily-closed", "temporarily_closed", "paused"}
PHONE = re.compile(r"^\+?[0-9][0-9 ]{5,19}$")
EMAIL = re.compile(r"^[^@\s:]+@[^@\s:]+\.[^@\s:]+$")
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
TIME = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])(?::[0-5][0-9](?:\.\d+)?)?\s*$")
PRICE = re.compile(r"£\s?\d|\d+(?:\.\d\d)?\s?(?:p|pounds?)\b|\bcharge|\bcost", re.IGNORECASE)
FREE = re.compile(r"\bfree\b|\bno (?:charge|cost)\b|^\s*(?:none|nil|£?0(?:\.00)?)\s*$",
                  re.IGNORECASE)
TERM_TIME = re.compile(r"\bterm[- ]time\b", re.IGNORECASE)
LIMITS = {"name": 100, "summary": 200, "description": 5000, "provider": 150, "steps": 1000,
          "location.name": 150, "address": 300, "accessibility": 500, "session": 200,
          "language": 50, "alert": 300, "cost": 300, "team": 150}


def term_key(term: str) -> str:
    """A term as compared: case, spaces and punctuation aside (Autism-Spectrum = autism spectrum)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", term.casefold()).split())


@dataclass(frozen=True)
class Mapping:
    terms: dict[str, dict[str, tuple[str, ...]]]  # kind -> term key -> our ids
    defaults: dict[str, tuple[str, ...]]
    provider: str = ""

    def look_up(self, kind: str, terms) -> tuple[str, ...]:
        """Our ids for the terms, in their order, once each."""
        found: list[str] = []
        for term in terms:
            found += self.terms[kind].get(term_key(term), ())
        return tuple(dict.fromkeys(found))


def load_mapping(path: Path, shown: str, taxonomy: Taxonomy) -> tuple[Mapping | None, list[Problem]]:
    """The mapping file, each mistake a problem with its line; None if it cannot be used."""
    if not path.exists():
        return None, [Problem(shown, 0, "", "the mapping file is missing",
                              "copy data/import-mapping.yaml from the generator's sample and "
                              "list the feed's terms under categories, needs and areas")]
    document, problems = read_data_file(path, shown)
    if document is None:
        return None, problems
    data = document.data if isinstance(document.data, dict) else {}
    if document.data is not None and not isinstance(document.data, dict):
        return None, [Problem(shown, 1, "", "the file must hold groups of terms",
                              f"start with a group name and its terms, like:\n{MAPPING_EXAMPLE}")]
    FieldChecker(document, (), problems).only(KINDS + ("defaults",))
    choices = taxonomy.choices()
    terms: dict[str, dict[str, tuple[str, ...]]] = {kind: {} for kind in KINDS}
    for kind in KINDS:
        if data.get(kind) is None:
            continue
        fields = FieldChecker(document, (kind,), problems)
        for term in fields.entry:
            ids = _ids(fields, term, choices[kind], kind)
            if term_key(str(term)) in terms[kind]:
                fields.problem(str(term), f"the term '{term}' is listed twice",
                               "list each term once; give it every id it means, like [a, b]")
            terms[kind][term_key(str(term))] = ids
    defaults: dict[str, tuple[str, ...]] = {}
    provider = ""
    if data.get("defaults") is not None:
        fields = FieldChecker(document, ("defaults",), problems)
        fields.only(DEFAULT_FIELDS)
        for kind in KINDS:
            if kind in fields.entry:
                defaults[kind] = _ids(fields, kind, choices[kind], kind)
        provider = fields.text("provider", "", required=False)
    return Mapping(terms, defaults, provider), problems


def _ids(fields: FieldChecker, key, known: tuple[str, ...], kind: str) -> tuple[str, ...]:
    value = fields.entry.get(key)
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or \
            not all(isinstance(v, str) for v in values):
        fields.problem(str(key), f"'{key}' must name one or more of the {kind}",
                       f"write it like {key}: [{known[0] if known else 'an-id'}]")
        return ()
    for item in values:
        if item not in known:
            fields.problem(str(key), f"'{item}' is not one of the {kind} in data/taxonomy.yaml",
                           "use one of: " + ", ".join(known))
    return tuple(item for item in values if item in known)


@dataclass(frozen=True)
class Options:
    today: dt.date
    owner_team: str = ""
    owner_email: str = ""


@dataclass
class Conversion:
    """A service made into a record's data, with each field's outcome and what to look at."""

    source: SourceService
    data: dict
    outcomes: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (outcome, note)
    look_at: list[str] = field(default_factory=list)
    unmapped_terms: list[str] = field(default_factory=list)
    skipped: str = ""  # why it is not imported at all

    def note(self, name: str, outcome: str, why: str = "") -> None:
        self.outcomes[name] = (outcome, why)


def convert(source: SourceService, mapping: Mapping, options: Options) -> Conversion:
    made = Conversion(source, {})
    status = " ".join(source.status.casefold().split())
    if status in ENDED:
        made.skipped = f"the feed says it is {source.status}"
        return made
    data = made.data
    data["name"] = _name(made)
    description = _description(made)
    provider = _provider(made, mapping)
    data["summary"] = _summary(made, description, provider)
    # The page shows the summary above the description: its first paragraph, if it is the
    # summary, is not said twice.
    first, _, rest = description.partition("\n\n")
    description = rest if first == data["summary"] else description
    if description:
        data["description"] = description
    data["provider"] = provider
    _terms(made, mapping)
    data["ages"] = _ages(made)
    data["cost"] = _cost(made)
    data["how_to_get_it"] = _access(made, mapping)
    data["attending"] = _attending(made, mapping)
    data["contact"] = _contact(made)
    data["locations"] = _locations(made)
    data["sessions"] = _sessions(made)
    data["languages"] = _languages(made)
    data["status"], alert = _status(made, status)
    if alert:
        data["alert"] = alert
    ends = day_in_feed(source.ends)
    if ends:
        data["valid_until"] = ends.isoformat()
    data["last_reviewed"] = _review_date(made, options.today)
    data["owner"] = _owner(made, options)
    for empty in [key for key, value in data.items() if value in ([], {}, "", None)]:
        del data[empty]
    return made


# ---- One function per field of ours ----

def _name(made: Conversion) -> str:
    name = words.cut(words.plain(made.source.name), LIMITS["name"])
    made.note("name", MAPPED if len(name) >= 3 else LOST)
    return name


def _description(made: Conversion) -> str:
    parts = [words.markdown(made.source.description)]
    for heading, body in made.source.sections:
        body = words.markdown(body)
        if body:
            parts.append(f"### {words.plain(heading)}\n\n{body}" if heading else body)
    text = "\n\n".join(part for part in parts if part)
    if not text:
        made.note("description", NONE)
        made.look_at.append("no description")
        return ""
    kept = words.cut_markdown(text, LIMITS["description"])
    made.note("description", MAPPED if kept == text else LOST,
              "" if kept == text else f"cut to {LIMITS['description']} characters")
    return kept


def _summary(made: Conversion, description: str, provider: dict) -> str:
    first = words.summary(description)
    if first:
        made.note("summary", MAPPED, "the first sentence of the description")
        return first
    made.note("summary", DEFAULT, "no description to take it from")
    return words.cut(f"{made.data['name']}, run by {provider.get('name') or 'the provider'}.",
                     LIMITS["summary"])


def _provider(made: Conversion, mapping: Mapping) -> dict:
    source = made.source
    name = words.cut(words.plain(source.organisation), LIMITS["provider"])
    website = _web_address(source.organisation_url)
    if len(name) >= 2:
        made.note("provider", MAPPED)
    elif mapping.provider:
        name = mapping.provider
        made.note("provider", DEFAULT, "no organisation in the feed")
    else:
        made.note("provider", LOST, "no organisation in the feed, and no default provider")
    return {"name": name, **({"website": website} if website else {})}


def _terms(made: Conversion, mapping: Mapping) -> None:
    source = made.source
    terms = list(source.terms)
    towns = [place.town for place in source.locations if place.town]
    matched_any = set()
    for kind in ("categories", "needs", "areas"):
        looked_up = terms + (towns if kind == "areas" else [])
        ids = mapping.look_up(kind, looked_up)
        matched_any |= {term_key(t) for t in looked_up if mapping.terms[kind].get(term_key(t))}
        if ids:
            made.note(kind, MAPPED)
        elif mapping.defaults.get(kind):
            ids = mapping.defaults[kind]
            made.note(kind, DEFAULT, "no term of the feed's maps to one")
        else:
            made.note(kind, LOST, "no term maps to one, and the mapping file gives no default")
        # The whole area (or every need) says it all: the others would only repeat it.
        whole = {"areas": AREA_WIDE, "needs": ALL_NEEDS}.get(kind)
        made.data[kind] = [whole] if whole in ids else list(ids)
    unmapped = {}
    for term in terms:  # a name and its slug (Peer support, peer-support) are one term
        if term_key(term) not in matched_any and term_key(term) not in mapping.terms["routes"]:
            unmapped.setdefault(term_key(term), term)
    made.unmapped_terms = list(unmapped.values())


def _ages(made: Conversion) -> dict:
    low, high = made.source.min_age, made.source.max_age
    low = low if isinstance(low, int) and not isinstance(low, bool) and low >= 0 else None
    high = high if isinstance(high, int) and not isinstance(high, bool) and high >= 0 else None
    if low is None and high is None:
        made.note("ages", DEFAULT, "no ages in the feed: 0 to 25")
        made.look_at.append("no ages")
        return {"min": 0, "max": 25}
    if low is not None and low > 25:
        made.note("ages", LOST, f"the feed says from {low}: older than the Local Offer's 25")
        made.look_at.append("ages over 25")
        return {"min": 25, "max": 25}
    low, high = low or 0, min(25 if high is None else high, 25)
    if high < low:
        low, high = high, low
    made.note("ages", MAPPED)
    return {"min": low, "max": high}


def _cost(made: Conversion) -> dict:
    source = made.source
    priced = [cost for cost in source.costs if _amount(cost.amount)]
    free_options = [cost for cost in source.costs if _amount(cost.amount) == 0.0
                    or FREE.search(cost.option)]
    fees = words.plain(source.fees)
    if priced:
        made.note("cost", MAPPED)
        # The feed's own words about the cost, when they give a price, say it best.
        said = fees if PRICE.search(fees) else "; ".join(_price(cost) for cost in priced)
        return {"free": False, "description": words.cut(said, LIMITS["cost"])}
    if source.free is True or free_options or (fees and FREE.search(fees)
                                                and not PRICE.search(fees)):
        made.note("cost", MAPPED)
        extra = fees if fees and fees.casefold().strip(". ") != "free" else ""
        return {"free": True, **({"description": words.cut(extra, LIMITS["cost"])}
                                 if extra else {})}
    if fees and PRICE.search(fees):
        made.note("cost", MAPPED)
        return {"free": False, "description": words.cut(fees, LIMITS["cost"])}
    if source.free is False:
        made.note("cost", MAPPED, "the feed says it is not free, but not what it costs")
        return {"free": False, "description": "There is a charge: ask the service how much."}
    made.look_at.append("no cost")
    if fees:
        made.note("cost", DEFAULT, "the feed's words do not say free or a price: not known")
        return {"free": COST_NOT_KNOWN, "description": words.cut(fees, LIMITS["cost"])}
    made.note("cost", DEFAULT, "nothing in the feed: not known")
    return {"free": COST_NOT_KNOWN}


def _amount(value) -> float | None:
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return None
    return amount if amount >= 0 else None


def _price(cost) -> str:
    amount = _amount(cost.amount)
    pounds = f"£{amount:,.2f}".replace(".00", "")
    said = " ".join(filter(None, [pounds, words.plain(cost.description)]))
    option = words.plain(cost.option)
    return f"{said} ({option})" if option else said


def _access(made: Conversion, mapping: Mapping) -> dict:
    source = made.source
    routes: tuple[str, ...] = ()
    if source.referral is not None:
        routes = ("professional-referral",) if source.referral else ("self-referral",)
    looked_up = mapping.look_up("routes", list(source.access) + list(source.terms))
    routes = tuple(dict.fromkeys(routes + looked_up))
    if routes:
        made.note("how_to_get_it.routes", MAPPED)
    elif mapping.defaults.get("routes"):
        routes = mapping.defaults["routes"]
        made.note("how_to_get_it.routes", DEFAULT, "the feed does not say how to get it")
    else:
        made.note("how_to_get_it.routes", LOST, "no default route in the mapping file")
    access = {"routes": list(routes)}
    steps = words.cut(words.plain(source.steps), LIMITS["steps"])
    made.note("how_to_get_it.steps", MAPPED if steps else NONE)
    if steps:
        access["steps"] = steps
    return access


def _attending(made: Conversion, mapping: Mapping) -> list[str]:
    """How a family takes part, from Open Referral UK's attending_type (free text, like "In
    person or online by video"): each term of the mapping's attending group found in it,
    as whole words. Nothing found: left out, which a record reads as not said."""
    said = [f" {term_key(text)} " for text in made.source.attending]
    found = [way for term, ways in mapping.terms["attending"].items()
             if any(f" {term} " in text for text in said) for way in ways]
    ids = list(dict.fromkeys(found))
    if not ids and mapping.defaults.get("attending"):
        made.note("attending", DEFAULT, "the feed does not say how families take part")
        return list(mapping.defaults["attending"])
    made.note("attending", MAPPED if ids else NONE)
    return ids


def _contact(made: Conversion) -> dict:
    source = made.source
    contact = {}
    phones = [_phone(phone) for phone in source.phones]
    if any(phones):
        contact["phone"] = next(phone for phone in phones if phone)
        made.note("contact.phone", MAPPED)
    else:
        made.note("contact.phone", LOST if source.phones else NONE,
                  "not a phone number" if source.phones else "")
    for key, own, fallback, check in (("email", source.email, source.organisation_email, _email),
                                      ("website", source.url, source.organisation_url,
                                       _web_address)):
        value = check(own)
        if value:
            made.note(f"contact.{key}", MAPPED)
        elif check(fallback):
            value = check(fallback)
            made.note(f"contact.{key}", DEFAULT, "the organisation's")
        else:
            made.note(f"contact.{key}", LOST if own else NONE)
        if value:
            contact[key] = value
    if not contact:
        made.look_at.append("no contact")
    elif "phone" not in contact and "email" not in contact:
        made.look_at.append("no phone or email")
    return contact


def _phone(text: str) -> str:
    number = words.plain(text).split(" ext")[0].replace("(0)", " ")  # +44 (0)1632 …
    number = " ".join(re.sub(r"[().-]", " ", number).split())
    return number if PHONE.match(number) else ""


def _email(text: str) -> str:
    value = words.plain(text).removeprefix("mailto:")
    return value if EMAIL.match(value) and len(value) <= 254 else ""


def _web_address(text: str) -> str:
    value = words.plain(text).replace(" ", "%20")
    if value.startswith("www."):
        value = "https://" + value
    return value if re.match(r"^https?://[^\s]+$", value) and len(value) <= 500 \
        and link_policy.is_allowed(value, link_policy.WEB_SCHEMES) else ""


def _locations(made: Conversion) -> list[dict]:
    places = []
    lost = 0
    for place in made.source.locations:
        postcode = _postcode(place.postcode)
        if not postcode:
            lost += 1
            continue
        street, town = words.plain(place.street), words.plain(place.town)
        address = ", ".join(part for part in dict.fromkeys([street, town]) if part) or postcode
        name = words.plain(place.name) or street or town or postcode
        item = {"name": words.cut(name, LIMITS["location.name"]),
                "address": words.cut(address, LIMITS["address"]), "postcode": postcode}
        for key, value, bound in (("latitude", place.latitude, 90),
                                  ("longitude", place.longitude, 180)):
            if isinstance(value, (int, float)) and not isinstance(value, bool) \
                    and -bound <= value <= bound and value == value:
                item[key] = value
        access = "; ".join(dict.fromkeys(filter(None, map(words.plain, place.accessibility))))
        if access:
            item["accessibility"] = words.cut(access, LIMITS["accessibility"])
        if item not in places:
            places.append(item)
    if lost:
        made.note("locations", LOST if not places else MAPPED,
                  f"{lost} without a full UK postcode")
    else:
        made.note("locations", MAPPED if places else NONE)
    return places


def _postcode(text: str) -> str:
    found = POSTCODE.match(" ".join(words.plain(text).upper().split()))
    return f"{found.group(1)} {found.group(2)}" if found else ""


def _sessions(made: Conversion) -> list[dict]:
    groups: dict[tuple, list[str]] = {}
    for schedule in made.source.schedules:
        start, end = _time(schedule.opens), _time(schedule.closes)
        if start and end and start >= end:
            start = end = ""
        said = words.plain(schedule.description)
        notes = words.plain(schedule.notes)
        key = (start, end, said, bool(TERM_TIME.search(f"{said} {notes}")))
        days = groups.setdefault(key, [])
        days += [day for day in schedule.days if day not in days]
    sessions = []
    for (start, end, said, term_time), days in groups.items():
        days = [day for day in DAY_NAMES if day in days]
        description = said or _when(days, start, end, term_time)
        if not description:
            continue
        session = {"description": words.cut(description, LIMITS["session"])}
        if days:
            session["days"] = days
        if start and end:
            session.update(start=start, end=end)
        if term_time:
            session["term_time_only"] = True
        sessions.append(session)
    made.note("sessions", MAPPED if sessions else (LOST if made.source.schedules else NONE))
    return sessions


def _time(text: str) -> str:
    found = TIME.match(words.plain(text))
    return f"{int(found.group(1)):02d}:{found.group(2)}" if found else ""


def _when(days: list[str], start: str, end: str, term_time: bool) -> str:
    named = [day.capitalize() + "s" for day in days]
    on = " and ".join(filter(None, [", ".join(named[:-1]), named[-1] if named else ""]))
    at = f"{start} to {end}" if start and end else ""
    return ", ".join(filter(None, [on, at, "term time" if term_time else ""]))


def _languages(made: Conversion) -> list[str]:
    found = []
    for language in made.source.languages:
        name = words.plain(language)
        if name and name.casefold() != "english" and 2 <= len(name) <= LIMITS["language"] \
                and name not in found:
            found.append(name)
    made.note("languages", MAPPED if found else NONE)
    return found


def _status(made: Conversion, status: str) -> tuple[str, str]:
    alert = words.cut(words.plain(made.source.alert), LIMITS["alert"])
    made.note("alert", MAPPED if alert else NONE)
    if status in PAUSED:
        made.note("status", MAPPED)
        return "temporarily-closed", alert or "Closed for now: contact the service to ask " \
                                              "when it opens again."
    made.note("status", MAPPED if status in ("", "active") else DEFAULT,
              "" if status in ("", "active") else f"'{made.source.status}' taken as active")
    return "active", alert


def _review_date(made: Conversion, today: dt.date) -> str:
    for text, why in ((made.source.assured, "the feed's assured date"),
                      (made.source.changed, "the feed's last change")):
        day = day_in_feed(text)
        if day:
            made.note("last_reviewed", MAPPED, why)
            return min(day, today).isoformat()
    made.note("last_reviewed", DEFAULT, "no date in the feed: today")
    made.look_at.append("no review date")
    return today.isoformat()


def _owner(made: Conversion, options: Options) -> dict:
    if options.owner_team and options.owner_email:
        made.note("owner", MAPPED, "given on the command line")
        return {"team": options.owner_team, "email": options.owner_email}
    email = _email(made.source.organisation_email)
    team = words.cut(words.plain(made.source.organisation), LIMITS["team"])
    if email and len(team) >= 2:
        made.note("owner", MAPPED, "the organisation and its email")
        return {"team": team, "email": email}
    service_email = _email(made.source.email)
    if service_email:
        made.note("owner", DEFAULT, "the service's own email: the feed gives no organisation "
                                    "email")
        made.look_at.append("owner from the service's email")
        return {"team": team if len(team) >= 2 else words.cut(made.data["name"], LIMITS["team"]),
                "email": service_email}
    made.note("owner", LOST, "no --owner given and no email in the feed")
    made.look_at.append("no owner")
    return {}
