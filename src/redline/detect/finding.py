"""Signal: one piece of evidence, the type every detector produces.

A signal never holds the raw private value. It holds where the value is (a span into the
extracted text of one part), a masked form a moderator can read, and a keyed hash that lets the
store link the same value across posts without keeping it. That is what lets decisions, logs and
reports be shared without becoming the leak.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class SignalKind(StrEnum):
    """Families of evidence."""

    PII = "pii"
    BANK_MATCH = "bank_match"
    LINK_MATCH = "link_match"


@dataclass(frozen=True, slots=True)
class Location:
    """Where evidence sits: a part (``text``, ``url:0``, ``attachment:1``), a page, a span.

    ``start`` and ``end`` are Python string indices into that part's extracted text.
    """

    start: int
    end: int
    part: str = "text"
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain form for JSON output; the page only where there is one."""
        out: dict[str, Any] = {"part": self.part, "start": self.start, "end": self.end}
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence produced by a detector.

    ``score`` is in [0, 1]. ``evidence`` is a short "why" (context words seen, checksum passed),
    in the spirit of Presidio's analysis explanation, and never quotes the raw value.
    """

    kind: SignalKind
    type: str
    location: Location
    score: float
    detector: str
    detector_version: str
    masked: str
    digest: str | None = None
    evidence: str = ""

    @property
    def start(self) -> int:
        """Start offset in the part's text."""
        return self.location.start

    @property
    def end(self) -> int:
        """End offset (exclusive) in the part's text."""
        return self.location.end


@dataclass(frozen=True, slots=True)
class DetectorFailure:
    """A detector that raised: kept as a value so an outage never silently reads as clean."""

    detector: str
    detector_version: str
    part: str
    error: str
