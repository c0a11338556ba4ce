"""Candidate: a recognizer's raw hit, before thresholds, overlaps and masking.

Candidates never leave the scanner: they carry the normalised raw value only so the scanner can
compute the keyed hash, then they are turned into ``Signal``s that hold no raw value.
"""

from __future__ import annotations

from typing import NamedTuple


class Candidate(NamedTuple):
    """A span a recognizer believes holds one private datum.

    A named tuple, not a frozen dataclass: every recognizer makes one per hit, and a tuple is
    built in C, several times faster, and just as immutable.
    """

    entity: str
    start: int
    end: int
    score: float
    evidence: str
    value: str | None = None  # None: the recognizer's ``normalise`` derives it when needed

    @property
    def length(self) -> int:
        """Span length in characters."""
        return self.end - self.start


def clamp(score: float) -> float:
    """Keep a score within [0, 1], rounded so outputs are stable across platforms."""
    return 0.0 if score <= 0.0 else 1.0 if score >= 1.0 else round(score, 3)
