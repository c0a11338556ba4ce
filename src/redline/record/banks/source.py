"""BankSource: the store's banks as a signal source for ``moderate``, with the flood guard.

Matching itself is pure (``detect.banks.snapshot``); what this source adds is the store: it loads
a snapshot of every bank once, and for each content it counts the entries that matched in the
flood guard's ledger. A match of an entry the guard holds does not become a signal, so no rule
acts on it; it becomes a ``DetectorFailure`` of ``bank.flood_guard`` naming the entry and the
reason, which every rule with ``on_detector_failure: review`` turns into a review request: a
person looks before thousands of posts are acted on. An attachment that cannot be read is a
failure too, never a silent "clean". A content already decided is not counted again, so
re-running a batch does not look like a flood.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from redline.content import Content
from redline.detect.banks.hit import DETECTOR_VERSION, BankHit
from redline.detect.banks.snapshot import BankSnapshot
from redline.detect.finding import DetectorFailure, Signal
from redline.record.banks import Banks
from redline.record.decisions import Decisions
from redline.record.store import Store
from redline.settings import Settings

__all__ = ["FLOOD_GUARD", "BankSource", "read_snapshot"]

FLOOD_GUARD = "bank.flood_guard"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class BankSource:
    """Bank, image and link matches against the store's banks, for the pipeline."""

    store: Store
    snapshot: BankSnapshot
    clock: Callable[[], datetime] = _utcnow
    name: str = "banks"
    version: str = field(default="")

    def __post_init__(self) -> None:
        if not self.version:
            self.version = f"{DETECTOR_VERSION}+{self.snapshot.config.version}"

    @classmethod
    def load(cls, store: Store, clock: Callable[[], datetime] = _utcnow) -> BankSource | None:
        """A source over every bank in the store, or None when there are no banks."""
        with store.reading() as session:
            banks = Banks(session)
            if not banks.has_banks():
                return None
            snapshot = banks.snapshot()
        return cls(store, snapshot, clock)

    def hits(self, content: Content) -> tuple[list[BankHit], list[tuple[str, str]]]:
        """The content's hits and unreadable parts, without touching the flood ledger."""
        found = self.snapshot.scan_content(content)
        return found.hits, found.unreadable

    def detect(self, content: Content) -> Iterable[Signal | DetectorFailure]:
        """Signals for each hit; held entries and unreadable attachments come back as failures."""
        hits, unreadable = self.hits(content)
        out: list[Signal | DetectorFailure] = [
            DetectorFailure(self.name, self.version, part, f"unreadable: {why}")
            for part, why in unreadable
        ]
        if not hits:
            return out
        with self.store.transaction() as session:
            banks = Banks(session)
            if Decisions(session).for_content(content.id) is not None:
                # Already decided (a re-run): its first decision stands, so count nothing twice.
                holds = []
            else:
                holds = banks.observe({(h.bank, h.entry) for h in hits}, self.clock())
        held = {(h.bank, h.entry): h.reason for h in holds}
        for hit in hits:
            reason = held.get((hit.bank, hit.entry))
            if reason is None:
                out.extend(hit.to_signals())
            else:
                out.append(
                    DetectorFailure(
                        FLOOD_GUARD,
                        self.version,
                        hit.location.part,
                        f"held for review: bank {hit.bank!r} entry {hit.entry!r} ({reason})",
                    )
                )
        return out


def read_snapshot(settings: Settings) -> tuple[BankSnapshot, dict[tuple[str, str], str]] | None:
    """The store's banks and current holds, for a read-only scan; None when there are no banks.

    Opens the store only to read it and closes it again: ``scan`` records nothing.
    """
    store = Store.open(settings)
    try:
        with store.reading() as session:
            banks = Banks(session)
            if not banks.has_banks():
                return None
            return banks.snapshot(), banks.held()
    finally:
        store.close()
