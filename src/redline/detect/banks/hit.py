"""BankHit: one bank match in the flat, explained form the scan output and Signals need.

Every hit names the bank, the entry, the designations, the rule that fired, a score and a
distance, and where the evidence is in the post (and, for documents, in the bank document). The
``explanation`` is the moderator-facing "why"; it quotes offsets, never the text itself, so hits
can be logged and stored without copying the leaked material.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from redline.detect.banks.bank import BankEntry
from redline.detect.banks.document_index import DocumentMatch
from redline.detect.finding import Location, Signal, SignalKind
from redline.detect.links.rules import LinkMatch

__all__ = ["DETECTOR_VERSION", "BankHit", "ImageMatch"]

DETECTOR_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class ImageMatch:
    """An image within a bank's PDQ threshold."""

    entry: BankEntry
    distance: int
    threshold: int

    @property
    def score(self) -> float:
        """1.0 at distance 0, 0.5 just past the threshold."""
        return round(1.0 - self.distance / (2 * (self.threshold + 1)), 4)


@dataclass(frozen=True, slots=True)
class BankHit:
    """One match of content against a bank, explained."""

    bank: str
    entry: str
    designations: tuple[str, ...]
    kind: str
    rule: str
    score: float
    distance: float
    location: Location
    explanation: str
    source_span: tuple[int, int] | None = None
    detector: str = "bank.document"

    @classmethod
    def document(
        cls,
        m: DocumentMatch,
        designations: tuple[str, ...],
        part: str,
        page_at: Callable[[int], int | None] | None = None,
    ) -> BankHit:
        """A hit for a document found in text (exact text or excerpt)."""
        p = m.passage
        start, end = (p.post_start, p.post_end) if p else (0, 0)
        return cls(
            bank=m.entry.bank,
            entry=m.entry.name,
            designations=designations,
            kind="document",
            rule=m.rule,
            score=m.score,
            distance=m.distance,
            location=Location(start, end, part, page_at(start) if page_at else None),
            explanation=m.explain(),
            source_span=(p.doc_start, p.doc_end) if p and m.rule == "excerpt" else None,
        )

    @classmethod
    def exact(cls, entry: BankEntry, designations: tuple[str, ...], part: str) -> BankHit:
        """A hit for a file whose bytes are exactly a bank entry's."""
        return cls(
            bank=entry.bank,
            entry=entry.name,
            designations=designations,
            kind="image" if entry.pdq else "document",
            rule="exact_bytes",
            score=1.0,
            distance=0.0,
            location=Location(0, 0, part),
            explanation=f"bank {entry.bank!r} entry {entry.name!r} by exact_bytes: same SHA-256",
            detector="bank.image" if entry.pdq else "bank.document",
        )

    @classmethod
    def image(cls, m: ImageMatch, designations: tuple[str, ...], part: str) -> BankHit:
        """A hit for an image within PDQ distance of a bank image."""
        return cls(
            bank=m.entry.bank,
            entry=m.entry.name,
            designations=designations,
            kind="image",
            rule="pdq",
            score=m.score,
            distance=float(m.distance),
            location=Location(0, 0, part),
            explanation=(
                f"bank {m.entry.bank!r} entry {m.entry.name!r} by pdq: distance {m.distance}"
                f" <= threshold {m.threshold} of 256 bits"
            ),
            detector="bank.image",
        )

    @classmethod
    def link(
        cls, m: LinkMatch, designations: tuple[str, ...], part: str, start: int, end: int
    ) -> BankHit:
        """A hit for a link matching a URL, prefix or domain rule."""
        return cls(
            bank=m.entry.bank,
            entry=m.entry.name,
            designations=designations,
            kind="link",
            rule=m.rule,
            score=1.0,
            distance=0.0,
            location=Location(start, end, part),
            explanation=m.explain(),
            detector="links",
        )

    def to_dict(self) -> dict[str, Any]:
        """The scan output shape: bank, entry, designation, kind, score, location, and why.

        Excerpt matches also say where the passage is in the bank document
        (``document_location``, offsets into its extracted text).
        """
        out: dict[str, Any] = {
            "bank": self.bank,
            "entry": self.entry,
            "designation": self.designations[0] if self.designations else None,
            "designations": list(self.designations),
            "kind": self.kind,
            "rule": self.rule,
            "score": self.score,
            "distance": self.distance,
            "location": self.location.to_dict(),
            "explanation": self.explanation,
        }
        if self.source_span is not None:
            out["document_location"] = {"start": self.source_span[0], "end": self.source_span[1]}
        return out

    def to_signals(self) -> list[Signal]:
        """One Signal per designation (a policy rule may key on any of them)."""
        kind = SignalKind.LINK_MATCH if self.kind == "link" else SignalKind.BANK_MATCH
        return [
            Signal(
                kind=kind,
                type=designation,
                location=self.location,
                score=self.score,
                detector=self.detector,
                detector_version=DETECTOR_VERSION,
                masked=f"{self.bank}/{self.entry}",
                digest=None,
                evidence=self.explanation,
            )
            for designation in self.designations or ("banked_material",)
        ]
