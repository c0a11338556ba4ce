"""moderate(content): detect -> decide -> enforce -> record. The imperative shell.

Everything before ``record`` is pure; this module is where the clock is read, the store is opened
and the transaction is drawn. Detection runs outside the transaction (it is the slow part and
needs no lock); deciding runs inside it, after the account row is locked, so two posts by one
author are never both judged against the same stale strike count. One content is one unit of
work: content, decision, actions, strike, account standing and audit events commit together or
not at all, and a content id already decided returns its first decision and changes nothing.

Signal sources are plug-ins: anything with ``name``, ``version`` and ``detect(content)`` that
yields signals (and, if it knows them, its own failures). PII detection is the default source,
and the store's banks join it when there are any (``default_sources``).

Attachments are extracted once per content, here, and the built-in sources read those parts
(``detect_parts``). The bank matcher matches before the transaction like every source, but the
flood guard counts its matches inside the decision's unit of work, after the check that the
content is not decided yet: a re-run, a crash before the commit, or a second writer losing the
race for the same content count nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from redline.content import Content
from redline.decide.policy import Policy
from redline.decide.verdict import Evidence
from redline.detect.budget import Budget, BudgetLimits, cut_short
from redline.detect.finding import DetectorFailure, Signal
from redline.detect.parts import scan_parts
from redline.detect.pii import PiiOptions, default_scanner
from redline.enforce.decision import judge
from redline.enforce.profile import Profile
from redline.errors import StoreConflict
from redline.extract.parts import Parts, content_parts
from redline.record.accounts import Accounts
from redline.record.banks.source import BankFindings, BankSource
from redline.record.decisions import DecisionRecord, Decisions, Retention
from redline.record.rekey import check_store_ring
from redline.record.secrets import hash_key
from redline.record.secrets.exchange import exchange_keys
from redline.record.store import Store, UnitOfWork
from redline.settings import Settings


class SignalSource(Protocol):
    """A detector the pipeline runs on each content (PII, a bank matcher, a link matcher)."""

    @property
    def name(self) -> str:
        """Detector name, recorded with the decision."""
        ...

    @property
    def version(self) -> str:
        """Detector version, recorded with the decision so it can be replayed."""
        ...

    def detect(self, content: Content) -> Iterable[Signal | DetectorFailure]:
        """Signals found in ``content``, and failures of its own sub-detectors, if any."""
        ...


@dataclass(frozen=True, slots=True)
class PiiSource:
    """The built-in PII recognizers over the content's text, hashing with the installation key."""

    options: PiiOptions
    name: str = "pii"
    version: str = "1"
    budget: BudgetLimits = field(default_factory=BudgetLimits)

    def detect(self, content: Content) -> Iterable[Signal | DetectorFailure]:
        """Scan the text and every attachment (extracted here); see ``detect_parts``."""
        return self.detect_parts(content, content_parts(content))

    def detect_parts(self, content: Content, parts: Parts) -> list[Signal | DetectorFailure]:
        """Scan the content's extracted parts; recognizer failures come back as values.

        Within one budget per content, on the CPU clock of the thread doing the work: a scan
        cut short comes back with a ``detector_budget`` failure (``detect.budget``).
        """
        budget = Budget(self.budget, time.thread_time)
        result = scan_parts(default_scanner(), parts, self.options, budget)
        return [*result.signals, *result.failures]


def default_sources(settings: Settings, store: Store | None = None) -> list[SignalSource]:
    """The sources ``redline moderate`` runs when the caller names none.

    PII detection always; with a ``store`` that holds banks, also the bank and link matcher over
    them (``record.banks.source.BankSource``, flood guard included).
    """
    ring = hash_key(settings)
    if store is not None:
        check_store_ring(store, ring)  # digests under two rings must never mix in one store
    options = PiiOptions(
        threshold=settings.pii_threshold, hash_key=ring, phone_regions=settings.phone_regions
    )
    recognizers = sorted(default_scanner().versions.items())
    # One version for the whole scanner that changes when any recognizer does, so a replay can
    # tell decisions made with different PII detection apart (signals also carry their own).
    version = hashlib.sha256(repr(recognizers).encode()).hexdigest()[:12]
    budget = BudgetLimits(settings.detect_budget_seconds, settings.detect_max_findings)
    sources: list[SignalSource] = [PiiSource(options, version=version, budget=budget)]
    keys = exchange_keys(settings)
    banks = BankSource.load(store, keys=keys) if store is not None else None
    if banks is not None:
        sources.append(banks)
    return sources


@dataclass(slots=True)
class Timings:
    """Seconds spent per stage, summed over every content moderated (for bench/decide)."""

    detect: float = 0.0
    decide: float = 0.0
    store: float = 0.0
    count: int = 0


Found = list[Signal | DetectorFailure]


@dataclass(frozen=True, slots=True)
class Detected:
    """What the sources found before the unit of work, bank matches not yet counted.

    ``found`` holds, per source in order, its signals and failures, or the bank matcher's
    findings still to be counted by ``settle`` inside the decision's transaction.
    """

    content_id: str
    found: tuple[Found | tuple[BankSource, BankFindings], ...]
    texts: dict[str, str]
    unread: tuple[DetectorFailure, ...]
    detectors: tuple[tuple[str, str], ...]

    def settle(self, session: UnitOfWork) -> Evidence:
        """The evidence, with the bank matches counted in ``session`` (the decision's own)."""
        signals: list[Signal] = []
        failures: list[DetectorFailure] = []
        for items in self.found:
            if isinstance(items, tuple):
                source, findings = items
                items = source.settle(session, findings)
            for item in items:
                if isinstance(item, Signal):
                    signals.append(item)
                else:
                    failures.append(item)
        failures.extend(self.unread)
        return Evidence(
            content_id=self.content_id,
            signals=tuple(signals),
            texts=self.texts,
            failures=tuple(failures),
            detectors=self.detectors,
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """The stored decision for one content, and whether this call made it."""

    record: DecisionRecord
    created: bool


def _run(
    source: SignalSource, content: Content, parts: Parts
) -> Found | tuple[BankSource, BankFindings]:
    if isinstance(source, BankSource):
        return source, source.find(content, parts)
    if isinstance(source, PiiSource):
        return source.detect_parts(content, parts)
    return list(source.detect(content))


def detect(content: Content, sources: Sequence[SignalSource]) -> Detected:
    """Run every source; a source that raises becomes a recorded failure, never "clean".

    Attachments are read once, here, and their parts shared with the built-in sources; one that
    could not be read is a failure of extraction, so the rules send the content to review.
    """
    parts = content_parts(content)
    found: list[Found | tuple[BankSource, BankFindings]] = []
    for source in sources:
        try:
            found.append(_run(source, content, parts))
        except Exception as error:  # a failure is a value inside the pipeline
            failed = DetectorFailure(source.name, source.version, "*", type(error).__name__)
            found.append([failed])
    return Detected(
        content_id=content.id,
        found=tuple(found),
        texts=parts.texts,
        unread=tuple(DetectorFailure("extract", "1", u.name, u.reason) for u in parts.unread),
        detectors=tuple(sorted({(s.name, s.version) for s in sources})),
    )


def _unsure(retention: Retention, evidence: Evidence) -> bool:
    """Whether the redacted text would keep private data that a cut-short scan never saw."""
    return retention == "redacted" and cut_short(evidence.failures)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Moderator:
    """Moderates content one unit of work at a time against one store, policy and profile."""

    store: Store
    policy: Policy
    profile: Profile
    sources: Sequence[SignalSource]
    retention: Retention = "redacted"
    clock: Callable[[], datetime] = _utcnow
    actor: str = "redline"
    timings: Timings = field(default_factory=Timings)

    def existing(self, content_id: str) -> DecisionRecord | None:
        """The decision already stored for this content id, if any."""
        with self.store.reading() as session:
            return Decisions(session).for_content(content_id)

    def moderate(self, content: Content) -> Outcome:
        """Moderate one content; idempotent by content id.

        Detection runs before the write transaction even when the content may turn out to be
        decided already: it is cheap next to a round trip, and keeps the lock short.
        """
        started = time.perf_counter()
        found = detect(content, self.sources)
        detected = time.perf_counter()
        deciding = 0.0
        try:
            with self.store.transaction() as session:
                decisions = Decisions(session)
                stored = decisions.for_content(content.id)
                if stored is not None:
                    return Outcome(stored, created=False)
                now = self.clock()
                accounts = Accounts(session)
                if content.author_id is not None:
                    accounts.ensure(content.author_id, now)
                    accounts.lock(content.author_id)
                history = accounts.history(content.author_id)
                author = accounts.author_facts(content.author_id, content.id)
                evidence = found.settle(session)  # bank matches counted in this unit of work
                mark = time.perf_counter()
                decision = judge(
                    evidence, self.policy, self.profile, author, history, now, self.actor
                )
                deciding = time.perf_counter() - mark
                # a scan cut short may have missed private data: "redacted" cannot be promised
                retention = "none" if _unsure(self.retention, evidence) else self.retention
                record = decisions.save(
                    content, evidence, decision, retention=retention, received_at=now
                )
        except StoreConflict:
            # Another writer decided this content between our check and our commit.
            stored = self.existing(content.id)
            if stored is None:
                raise
            return Outcome(stored, created=False)
        finished = time.perf_counter()
        self.timings.detect += detected - started
        self.timings.decide += deciding
        self.timings.store += finished - detected - deciding
        self.timings.count += 1
        return Outcome(record, created=True)


def moderate(
    content: Content,
    *,
    store: Store,
    policy: Policy,
    profile: Profile,
    sources: Sequence[SignalSource],
    retention: Retention = "redacted",
    now: datetime | None = None,
) -> Outcome:
    """Moderate one content (see ``Moderator`` to moderate many with one set-up)."""
    clock = (lambda: now) if now is not None else _utcnow
    return Moderator(store, policy, profile, sources, retention, clock).moderate(content)
