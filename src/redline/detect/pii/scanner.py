"""The PII scanner: run every recognizer, resolve overlaps, apply the threshold, mask, hash.

A recognizer that raises does not abort the scan: its failure is returned as a value beside the
signals, so the caller (the pipeline, a rule) can decide whether an incomplete scan means "send to
review". A scan that silently lost a recognizer would read as "clean".
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from redline.detect.budget import Budget
from redline.detect.finding import DetectorFailure, Location, Signal, SignalKind
from redline.detect.pii.candidate import Candidate
from redline.detect.pii.masking import keyed_digest
from redline.detect.pii.recognizer import Recognizer, TextFacts

log = logging.getLogger(__name__)

# Candidates between two readings of a budget's clock (a reading of the thread's CPU time costs
# ~0.6 us, a candidate ~5 us), and the shortest text whose scan reads it at all.
_CHECK_EVERY = 256
_TIMED_FROM = 4096


@dataclass(frozen=True, slots=True)
class PiiOptions:
    """How one scan is run.

    Attributes:
        threshold: lowest score reported, in [0, 1].
        entities: restrict the scan to these entity types (None: all).
        hash_key: secret (or key ring, oldest first) for keyed hashes of values; None leaves
            ``Signal.digest`` empty.
        part: which part of the content the text is (``text``, ``url:0``, ``attachment:1``).
        page: page number within that part, where it has pages.
        phone_regions: countries whose national phone writings (no +CC) are read when the
            text itself names none; the platform's main markets (``Settings.phone_regions``).
    """

    threshold: float = 0.5
    entities: frozenset[str] | None = None
    hash_key: bytes | tuple[bytes, ...] | None = None
    part: str = "text"
    page: int | None = None
    phone_regions: tuple[str, ...] = ("US",)

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be within [0, 1], got {self.threshold}")


_DEFAULT_OPTIONS = PiiOptions()


@dataclass(frozen=True, slots=True)
class PiiResult:
    """Signals found in one text, and the recognizers that failed on it."""

    signals: list[Signal]
    failures: list[DetectorFailure] = field(default_factory=list)


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the strongest of overlapping candidates: higher score, then longer span, wins.

    One span of text holds one datum: "123-45-6789" cannot be both an SSN and a phone number.
    """
    ranked = sorted(candidates, key=lambda c: (-c.score, -c.length, c.start))
    starts: list[int] = []  # kept spans, disjoint and sorted, so neighbours settle overlap
    kept: list[Candidate] = []
    for cand in ranked:
        i = bisect.bisect_left(starts, cand.start)
        if i < len(kept) and kept[i].start < cand.end:
            continue
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept


class PiiScanner:
    """A reusable set of recognizers; build once, scan many texts."""

    def __init__(self, recognizers: Sequence[Recognizer]) -> None:
        names = [r.name for r in recognizers]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"recognizer names must be unique: {sorted(duplicates)}")
        self.recognizers = tuple(recognizers)
        # bound once: a scan calls each recognizer's gate, and often its finder, per text
        self._steps = tuple((r, r.applies, r.find) for r in self.recognizers)

    @property
    def entities(self) -> frozenset[str]:
        """Every entity type some recognizer can report."""
        return frozenset(e for r in self.recognizers for e in r.entities)

    @property
    def versions(self) -> dict[str, str]:
        """Recognizer name to version, recorded with decisions so they can be replayed."""
        return {r.name: r.version for r in self.recognizers}

    def scan(
        self, text: str, options: PiiOptions | None = None, budget: Budget | None = None
    ) -> PiiResult:
        """Find private data in ``text``; never raises for a recognizer's own failure.

        With a ``budget``, the scan stops where the budget runs out (its findings; or, in a
        text of ``_TIMED_FROM`` characters or more, its time, read between recognizers and
        every ``_CHECK_EVERY`` candidates): the signals found so far are returned with a
        ``detector_budget`` failure, and the budget is spent.
        """
        options = options or _DEFAULT_OPTIONS
        wanted = options.entities
        threshold = options.threshold
        steps = (
            self._steps
            if wanted is None
            else [step for step in self._steps if not wanted.isdisjoint(step[0].entities)]
        )
        # A short text cannot take long (every recognizer is linear), and reading the clock
        # costs more than a short post's whole scan: only long texts are timed.
        timed = budget if budget is not None and len(text) >= _TIMED_FROM else None
        if budget is not None and (budget.exhausted or (timed is not None and timed.out_of_time())):
            return PiiResult(signals=[], failures=[budget.failure(options.part)])
        found: list[tuple[Candidate, Recognizer]] = []
        failures: list[DetectorFailure] = []
        room = budget.findings_left if budget is not None else -1  # -1: no limit
        facts = TextFacts(text, options.phone_regions)
        for recognizer, applies, find in steps:
            if timed is not None and timed.out_of_time():
                break
            try:
                if not applies(text, facts):
                    continue
                for work, cand in enumerate(find(text, facts), 1):
                    if cand.score >= threshold and (wanted is None or cand.entity in wanted):
                        found.append((cand, recognizer))
                        if len(found) == room:
                            break
                    if timed is not None and not work % _CHECK_EVERY and timed.out_of_time():
                        break
            except Exception as error:  # a failure is a value, never "clean"
                log.warning("recognizer %s failed: %s", recognizer.name, type(error).__name__)
                failures.append(
                    DetectorFailure(
                        detector=recognizer.name,
                        detector_version=recognizer.version,
                        part=options.part,
                        error=type(error).__name__,
                    )
                )
            if len(found) == room:
                break
        if budget is not None:
            budget.spend(len(found))
            if budget.exhausted:
                log.warning("detection budget exhausted on %s: %s", options.part, budget.reason)
                failures.append(budget.failure(options.part))
        if len(found) > 1:
            by_candidate = {id(c): r for c, r in found}
            found = [(c, by_candidate[id(c)]) for c in resolve_overlaps(c for c, _ in found)]
        signals = [self._to_signal(text, c, r, options) for c, r in found]
        return PiiResult(signals=signals, failures=failures)

    @staticmethod
    def _to_signal(
        text: str, cand: Candidate, recognizer: Recognizer, options: PiiOptions
    ) -> Signal:
        raw = text[cand.start : cand.end]
        digest = (
            keyed_digest(options.hash_key, cand.entity, cand.value or recognizer.normalise(raw))
            if options.hash_key is not None
            else None
        )
        return Signal(  # positional: one per finding, and keywords cost more to pass
            SignalKind.PII,
            cand.entity,
            Location(cand.start, cand.end, options.part, options.page),
            cand.score,
            recognizer.name,
            recognizer.version,
            recognizer.mask(cand.entity, raw),
            digest,
            cand.evidence,
        )
