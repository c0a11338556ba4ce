"""BankSource: the store's banks as a signal source for ``moderate``, with the flood guard.

Matching itself is pure (``detect.banks.snapshot``); what this source adds is the store: it loads
a snapshot of every bank once, and for each content it counts the entries that matched in the
flood guard's ledger. A match of an entry the guard holds does not become a signal, so no rule
acts on it; it becomes a ``DetectorFailure`` of ``bank.flood_guard`` naming the entry and the
reason, which every rule with ``on_detector_failure: review`` turns into a review request: a
person looks before thousands of posts are acted on. An attachment that cannot be read is a
failure too, never a silent "clean".

The work is split in two so that counting is part of the decision: ``find`` matches (pure, before
the transaction, on the parts the pipeline already extracted), and ``settle`` counts the matches
inside the decision's own unit of work, after the pipeline has checked the content is not decided
yet. A re-run, a crash before the commit, or a second writer losing the race for the same content
rolls its count back with its decision: one content is counted once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from redline.content import Content
from redline.detect.banks.hit import DETECTOR_VERSION, BankHit
from redline.detect.banks.snapshot import BankSnapshot
from redline.detect.finding import DetectorFailure, Signal
from redline.extract.parts import Parts
from redline.record.banks.received import Received, ReceivedSignals
from redline.record.banks.repository import BankRepository
from redline.record.secrets.exchange import exchange_keys
from redline.record.store import Store
from redline.settings import Settings

__all__ = ["FLOOD_GUARD", "BankFindings", "BankSource", "read_snapshot"]

FLOOD_GUARD = "bank.flood_guard"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class BankFindings:
    """One content's matches before the flood guard counted them."""

    hits: tuple[BankHit, ...]
    unreadable: tuple[tuple[str, str], ...]


@dataclass
class BankSource:
    """Bank, image and link matches against the store's banks, for the pipeline."""

    store: Store
    snapshot: BankSnapshot
    clock: Callable[[], datetime] = _utcnow
    name: str = "banks"
    version: str = field(default="")
    received: dict[tuple[str, str], Received] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.version:
            self.version = f"{DETECTOR_VERSION}+{self.snapshot.config.version}"

    @classmethod
    def load(
        cls,
        store: Store,
        clock: Callable[[], datetime] = _utcnow,
        *,
        keys: Iterable[bytes] = (),
    ) -> BankSource | None:
        """A source over every bank in the store, or None when there are no banks.

        ``keys`` are the exchange keys posts are hashed with to match keyed fingerprints.
        """
        with store.reading() as session:
            banks = BankRepository(session)
            if not banks.has_banks():
                return None
            snapshot = banks.snapshot(exchange_keys=keys, now=clock())
            received = {(r.bank, r.entry): r for r in ReceivedSignals(session).all()}
        return cls(store, snapshot, clock, received=received)

    def find(self, content: Content, parts: Parts | None = None) -> BankFindings:
        """Match the content (on ``parts`` when the caller has extracted them already).

        A received entry whose expiry has passed matches no more; every match of a received
        entry names the platform that shared it.
        """
        found = self.snapshot.scan_content(content, parts=parts)
        return BankFindings(tuple(self._provenanced(found.hits)), tuple(found.unreadable))

    def _provenanced(self, hits: Iterable[BankHit]) -> list[BankHit]:
        if not self.received:
            return list(hits)
        now, out = self.clock(), []
        for hit in hits:
            got = self.received.get((hit.bank, hit.entry))
            if got is None:
                out.append(hit)
            elif got.expires_at is None or got.expires_at > now:
                out.append(replace(hit, explanation=f"{hit.explanation}; {got.provenance()}"))
        return out

    def settle(
        self, session: Connection | None, findings: BankFindings
    ) -> list[Signal | DetectorFailure]:
        """Count the matches in the caller's unit of work; signals, and failures for holds.

        The caller has made sure the content is not decided yet, in this same unit of work.
        Findings without a hit count nothing and need no ``session``.
        """
        out: list[Signal | DetectorFailure] = [
            DetectorFailure(self.name, self.version, part, f"unreadable: {why}")
            for part, why in findings.unreadable
        ]
        if not findings.hits:
            return out
        if session is None:
            raise ValueError("bank matches are counted inside a unit of work")
        holds = BankRepository(session).observe(
            {(h.bank, h.entry) for h in findings.hits}, self.clock()
        )
        held = {(h.bank, h.entry): h.reason for h in holds}
        for hit in findings.hits:
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

    def detect(self, content: Content) -> Iterable[Signal | DetectorFailure]:
        """Find and settle in a unit of work of its own: for a caller outside ``moderate``.

        ``moderate`` does not call this: it finds before its transaction and settles inside it.
        Every call counts the matches once more.
        """
        findings = self.find(content)
        if not findings.hits:
            return self.settle(None, findings)
        with self.store.transaction() as session:
            return self.settle(session, findings)


def read_snapshot(settings: Settings) -> tuple[BankSnapshot, dict[tuple[str, str], str]] | None:
    """The store's banks and current holds, for a read-only scan; None when there are no banks.

    Opens the store only to read it and closes it again: ``scan`` records nothing.
    """
    keys = exchange_keys(settings)
    store = Store.open(settings)
    try:
        with store.reading() as session:
            banks = BankRepository(session)
            if not banks.has_banks():
                return None
            return banks.snapshot(exchange_keys=keys, now=_utcnow()), banks.held()
    finally:
        store.close()
