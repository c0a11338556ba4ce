"""Hand-built signals for decide/enforce/record tests: deciding is a pure function of signals.

``at(text, fragment, type)`` locates ``fragment`` in ``text`` and builds the signal a detector would
produce for it, so tests read like the posts they check.
"""

from __future__ import annotations

import hashlib

from redline.detect.finding import Location, Signal, SignalKind


def digest_of(value: str) -> str:
    return hashlib.sha256(b"test-key:" + value.encode()).hexdigest()


def mask(value: str) -> str:
    if len(value) <= 8:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


def at(
    text: str,
    fragment: str,
    type_: str,
    *,
    score: float = 0.9,
    kind: SignalKind = SignalKind.PII,
    occurrence: int = 0,
    part: str = "text",
) -> Signal:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Signal(
        kind=kind,
        type=type_,
        location=Location(start, start + len(fragment), part),
        score=score,
        detector="fake-pii",
        detector_version="0",
        masked=mask(fragment),
        digest=digest_of(fragment),
        evidence="hand-built",
    )


def bank(
    designation: str,
    *,
    part: str = "url:0",
    kind: SignalKind = SignalKind.LINK_MATCH,
    score: float = 1.0,
) -> Signal:
    return Signal(
        kind=kind,
        type=designation,
        location=Location(0, 30, part),
        score=score,
        detector="fake-banks",
        detector_version="0",
        masked="https://leaks.example/dossier…",
        digest=None,
        evidence="bank election-2026-hacks entry dossier-1",
    )


# The reference case: a journalist links to a hacked dossier and quotes from it.
REFERENCE_TEXT = (
    "Leaked campaign dossier on candidate John Carver: home 42 Maple Avenue, Springfield, IL "
    "62704, SSN ending 6789. Read it all: https://leaks.example/dossier"
)
REFERENCE_URL = "https://leaks.example/dossier"


def reference_signals(text: str = REFERENCE_TEXT) -> list[Signal]:
    return [
        at(text, "John Carver", "PERSON_NAME", score=0.85),
        at(text, "42 Maple Avenue, Springfield, IL 62704", "STREET_ADDRESS", score=0.9),
        at(text, "6789", "US_SSN_PARTIAL", score=0.8),
        bank("hacked_material"),
        bank("foreign_state_operation"),
    ]
