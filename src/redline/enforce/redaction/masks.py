"""Typed masks and the cuts they replace: the one redaction every caller shares.

A typed mask ("[SSN]", "[ADDRESS]") is used rather than the signal's masked form, because a masked
form can keep part of the datum ("***-**-6789") and redacted text must itself pass the policy.
Names are left as they are unless asked for: naming a public figure is not the violation, exposing
their data is. The text offered to an author (``request_redaction``) and a redacted file come from
the same ``plan_cuts``, so what the platform asks for and what ``redline redact`` produces agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from redline.detect.finding import Signal, SignalKind

__all__ = ["OPTIONAL_MASKS", "TYPED_MASKS", "Cut", "apply_cuts", "mask_for", "plan_cuts", "redact"]

TYPED_MASKS: dict[str, str] = {
    "US_SSN": "[SSN]",
    "US_SSN_PARTIAL": "[SSN]",
    "STREET_ADDRESS": "[ADDRESS]",
    "PHONE_NUMBER": "[PHONE]",
    "EMAIL_ADDRESS": "[EMAIL]",
    "DATE_OF_BIRTH": "[DATE OF BIRTH]",
    "CREDIT_CARD": "[CARD NUMBER]",
    "US_PASSPORT": "[PASSPORT]",
    "US_DRIVER_LICENSE": "[LICENCE]",
    "BANK_ACCOUNT": "[BANK ACCOUNT]",
    "IP_ADDRESS": "[IP ADDRESS]",
    "GEO_COORDINATES": "[LOCATION]",
}

# Masked only when the caller names them (``redline redact --entities PERSON_NAME``).
OPTIONAL_MASKS: dict[str, str] = {"PERSON_NAME": "[NAME]"}


def mask_for(entity: str) -> str | None:
    """The typed mask of an entity type, or None if it has none."""
    return TYPED_MASKS.get(entity) or OPTIONAL_MASKS.get(entity)


@dataclass(frozen=True, slots=True)
class Cut:
    """One span to take out of a part's text, the mask to put in, and the signals it covers."""

    start: int
    end: int
    mask: str
    signals: tuple[Signal, ...]


def plan_cuts(
    signals: Iterable[Signal],
    part: str = "text",
    length: int | None = None,
    entities: Collection[str] | None = None,
) -> list[Cut]:
    """The cuts for ``part``: one per private datum, overlapping spans merged.

    ``entities`` limits the types cut (default: every type in ``TYPED_MASKS``). Overlapping spans
    are merged first (keeping the mask of the one that starts first, the longer on a tie), so
    overlapping detections never leave a fragment of the datum.
    """
    wanted = set(TYPED_MASKS) if entities is None else set(entities)
    spans = sorted(
        (
            (s.start, -s.end, mask_for(s.type) or "[REDACTED]", s)
            for s in signals
            if s.kind is SignalKind.PII
            and s.location.part == part
            and s.type in wanted
            and 0 <= s.start < s.end <= (s.end if length is None else length)
        ),
        key=lambda t: (t[0], t[1]),
    )
    cuts: list[Cut] = []
    for start, neg_end, mask, signal in spans:
        if cuts and start < cuts[-1].end:
            last = cuts[-1]
            cuts[-1] = Cut(last.start, max(last.end, -neg_end), last.mask, (*last.signals, signal))
        else:
            cuts.append(Cut(start, -neg_end, mask, (signal,)))
    return cuts


def apply_cuts(text: str, cuts: Iterable[Cut]) -> str:
    """``text`` with every cut replaced by its mask (cuts sorted and disjoint)."""
    pieces: list[str] = []
    at = 0
    for cut in cuts:
        pieces.append(text[at : cut.start])
        pieces.append(cut.mask)
        at = cut.end
    pieces.append(text[at:])
    return "".join(pieces)


def redact(text: str, signals: Iterable[Signal], part: str = "text") -> str:
    """Replace every private datum the signals locate in ``part`` by its typed mask."""
    return apply_cuts(text, plan_cuts(signals, part, len(text)))
