"""A deterministic corpus of posts for bench/decide and the crash test.

Synthetic data only (reserved 555 phone numbers, invented streets, SSNs in never-issued ranges
or the canonical test ones). The mix covers every path of the deciding core: clean chatter,
home addresses, full and partial SSNs, contact data with addresses, self-disclosure, public
offices, already-redacted posts; a pool of authors makes strikes accumulate.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

STREETS = [
    "Maple Avenue",
    "Elm Street",
    "Oak Ridge Drive",
    "Cedar Lane",
    "Birch Road",
    "Main Street",
]
CITIES = [
    ("Dayton", "OH", "45402"),
    ("Springfield", "IL", "62704"),
    ("Tacoma", "WA", "98402"),
    ("Albany", "NY", "12207"),
    ("Boise", "ID", "83702"),
]
NAMES = ["John Carver", "Maria Lopez", "Dana Whitfield", "Sam Okafor", "Lena Brandt"]
CHATTER = [
    "Great turnout at the debate tonight, the questions on housing were sharp.",
    "Polls open at 7am tomorrow, bring your ID and check your precinct online.",
    "Anyone else think the new transit plan will actually cut commute times?",
    "Volunteers needed for the food bank drive this Saturday morning.",
    "The council vote was delayed again; next session is on the 14th.",
]


def _address(rng: random.Random) -> str:
    city, state, zip_code = rng.choice(CITIES)
    return f"{rng.randint(10, 9999)} {rng.choice(STREETS)}, {city}, {state} {zip_code}"


def _phone(rng: random.Random) -> str:
    return f"555-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}"


def _ssn(rng: random.Random) -> str:
    return f"{rng.randint(100, 665):03d}-{rng.randint(10, 99):02d}-{rng.randint(1000, 9999):04d}"


def post_text(rng: random.Random) -> str:
    """One synthetic post; the kind is drawn with fixed weights."""
    name = rng.choice(NAMES)
    kind = rng.choices(
        ["chatter", "home", "self", "office", "ssn", "partial", "contact", "redacted"],
        weights=[40, 15, 10, 10, 8, 7, 5, 5],
    )[0]
    if kind == "chatter":
        return rng.choice(CHATTER)
    if kind == "home":
        return f"Candidate {name} lives at {_address(rng)}. Go tell him what you think."
    if kind == "self":
        return f"Selling my bike, my number is {_phone(rng)} and I live at {_address(rng)}"
    if kind == "office":
        return f"Protest at the senator's district office, {_address(rng)} at noon."
    if kind == "ssn":
        return f"Found {name}'s SSN {_ssn(rng)} in the leaked files."
    if kind == "partial":
        return f"Candidate {name}, SSN ending {rng.randint(1000, 9999)}, per the dossier."
    if kind == "contact":
        return f"{name}: call {_phone(rng)}, home {_address(rng)}"
    return f"Sen. {name}, SSN ***-**-{rng.randint(1000, 9999)}, home [ADDRESS]"


def records(count: int, seed: int = 4, authors: int = 500) -> Iterator[dict[str, str]]:
    """``count`` content records with ids ``r000000``...; the same seed gives the same records."""
    rng = random.Random(seed)
    for i in range(count):
        yield {
            "id": f"r{i:06d}",
            "author_id": f"a{rng.randrange(authors):04d}",
            "text": post_text(rng),
        }


def write(path: Path, count: int, seed: int = 4) -> Path:
    """Write the corpus as JSONL and return the path."""
    with path.open("w", encoding="utf-8") as out:
        for record in records(count, seed):
            out.write(json.dumps(record) + "\n")
    return path
