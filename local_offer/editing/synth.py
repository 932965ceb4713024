"""Realistic synthetic records, for tests and benchmarks at scale.

Deterministic for a given seed, so a benchmark measures the same offer each
run. Every record is valid and illustrative (drama-range phone numbers,
example.org addresses, no people's names).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from local_offer.records.dates import day_or_today
from local_offer.records.taxonomy import Taxonomy

KINDS = [
    ("Stay and Play", "A relaxed play group for young children and their parents or carers."),
    ("Speech Drop-in", "A drop-in where you can ask a speech and language therapist about talking."),
    ("Holiday Play Scheme", "Fun activities in the school holidays for children with SEND."),
    ("Parent Workshop", "A short course for parents on understanding and supporting behaviour."),
    ("Youth Club", "A weekly club for young people to make friends and try new activities."),
    ("Sensory Session", "A calm, sensory-friendly session with lights, music and soft play."),
    ("Travel Training", "One-to-one help to learn to travel safely and on your own."),
    ("Job Club", "Help for young people to find work experience, training and jobs."),
    ("Sleep Clinic", "Advice for families whose child has trouble sleeping."),
    ("Sibling Group", "A group for brothers and sisters of disabled children."),
]
PLACES = ["Chatham", "Gillingham", "Rainham", "Rochester", "Strood", "Hoo"]
# Each place's postcode sectors (as in the sample's data/postcodes.yaml) and roughly where it
# is. A venue gets a sector with a made-up unit (AB) and its own latitude and longitude
# within about a mile of the place's middle: every venue at its own spot, as a real offer's
# can be, which is the most a search by postcode has to download (benchmarks/).
SECTORS = {"Chatham": ("ME4 4", "ME4 5", "ME4 6", "ME5 0", "ME5 7", "ME5 8", "ME5 9"),
           "Gillingham": ("ME7 1", "ME7 2", "ME7 3", "ME7 4", "ME7 5"),
           "Rainham": ("ME8 0", "ME8 7", "ME8 8", "ME8 9"),
           "Rochester": ("ME1 1", "ME1 2", "ME1 3"),
           "Strood": ("ME2 2", "ME2 3", "ME2 4"),
           "Hoo": ("ME3 7", "ME3 8", "ME3 9")}
MIDDLES = {"Chatham": (51.375, 0.530), "Gillingham": (51.385, 0.550),
           "Rainham": (51.362, 0.607), "Rochester": (51.385, 0.505),
           "Strood": (51.395, 0.480), "Hoo": (51.420, 0.560)}
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


def synth_record(number: int, taxonomy: Taxonomy, rng: random.Random, today: dt.date) -> str:
    # Phone numbers 01632 960001 to 960999: never 960000, the template's placeholder.
    kind, summary = KINDS[number % len(KINDS)]
    place = rng.choice(PLACES)
    area = place.lower() if place != "Hoo" else "hoo-peninsula"
    low = rng.randint(0, 18)
    high = min(25, low + rng.randint(2, 10))
    day = rng.choice(DAYS)
    start = rng.choice(["09:30", "10:00", "13:00", "16:00"])
    end = {"09:30": "11:00", "10:00": "11:30", "13:00": "14:30", "16:00": "17:30"}[start]
    category = rng.choice([t.id for t in taxonomy.categories])
    need = rng.choice([t.id for t in taxonomy.needs])
    route = rng.choice([t.id for t in taxonomy.routes])
    reviewed = today - dt.timedelta(days=rng.randint(1, 150))
    free = rng.random() < 0.8
    cost = "{free: true}" if free else "{free: false, description: \"£2 a session.\"}"
    return f"""# yaml-language-server: $schema=../schema/service.schema.json
# Synthetic record for tests and benchmarks: not a real service.
name: {place} {kind} {number}
summary: {summary}
description: |
  This is a synthetic service number {number}, made for testing at scale.

  - sessions are friendly and relaxed
  - you can bring a friend or family member
provider:
  name: Synthetic Provider {number % 50} (illustrative)
categories: [{category}]
needs: [{need}]
ages: {{min: {low}, max: {high}}}
areas: [{area}]
cost: {cost}
how_to_get_it:
  routes: [{route}]
  steps: Phone or email to ask for a place.
contact:
  phone: "01632 960{number % 999 + 1:03d}"
  email: synthetic.{number}@example.org
  website: https://example.org/synthetic/{number}
locations:
  - name: {place} Community Centre
    address: {number % 200 + 1} Example Road, {place}
    postcode: {rng.choice(SECTORS[place])}AB
    latitude: {MIDDLES[place][0] + rng.uniform(-0.012, 0.012):.4f}
    longitude: {MIDDLES[place][1] + rng.uniform(-0.018, 0.018):.4f}
    accessibility: Step-free entrance and an accessible toilet.
sessions:
  - description: {day.title()}s {start} to {end}, term time
    days: [{day}]
    start: "{start}"
    end: "{end}"
    runs: term-time
last_reviewed: {reviewed.isoformat()}
owner:
  team: Synthetic Team {number % 20}
  email: synthetic.team{number % 20}@example.org
"""


def write_synthetic(count: int, out: Path, taxonomy: Taxonomy, seed: int = 1,
                    today: dt.date | None = None) -> list[Path]:
    rng = random.Random(seed)
    today = day_or_today(today)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(1, count + 1):
        path = out / f"synthetic-{number:05d}.yaml"
        path.write_text(synth_record(number, taxonomy, rng, today), encoding="utf-8")
        written.append(path)
    return written
