"""decide(evidence, policy, author) -> Verdict: which written rules the content breaks.

Pure and deterministic: the same evidence, policy and author facts always give the same verdict,
which is what lets ``replay`` re-decide stored content under another policy version and lets the
neutrality audit prove that nothing about the author beyond id and history moved a decision.
The verdict keeps the exemptions that applied and the reviews requested, not only violations, so a
"not a violation" can be explained as well as a "violation".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from redline.decide.exemptions import AuthorFacts, applies
from redline.decide.policy import Exemption, Facts, Policy, Rule, Severity
from redline.detect.finding import DetectorFailure, Signal

# Newsworthiness is content-wide and human-granted, so it is handled apart from the per-signal
# checks; this is the order the per-signal ones are tried in (first that applies is recorded).
_SIGNAL_EXEMPTIONS = (
    Exemption.ALREADY_REDACTED,
    Exemption.SELF_DISCLOSURE,
    Exemption.PUBLIC_ADDRESS,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything detection produced for one piece of content.

    ``texts`` maps a part name (``text``, ``url:0``, ``attachment:1``) to its extracted text, so
    exceptions can look at the words around a span. ``detectors`` lists every detector that ran as
    (name, version), including those that found nothing, for the decision's version record.
    """

    content_id: str
    signals: tuple[Signal, ...] = ()
    texts: Mapping[str, str] = field(default_factory=dict)
    failures: tuple[DetectorFailure, ...] = ()
    detectors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Violation:
    """A rule the content breaks, with the signals that prove it."""

    rule_id: str
    severity: Severity
    signals: tuple[Signal, ...]
    needs_review: bool = False
    review_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Exempted:
    """A rule that would have fired but for an exception; kept so the audit can explain it."""

    rule_id: str
    exemption: Exemption
    signals: tuple[Signal, ...]


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    """A rule that cannot be decided automatically (a detector failed, the rule says review)."""

    rule_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the policy says about one piece of content."""

    content_id: str
    policy_id: str
    policy_version: str
    violations: tuple[Violation, ...] = ()
    exempted: tuple[Exempted, ...] = ()
    reviews: tuple[ReviewRequest, ...] = ()
    detectors: tuple[tuple[str, str], ...] = ()

    @property
    def violates(self) -> bool:
        """Whether any rule is broken."""
        return bool(self.violations)

    @property
    def worst(self) -> Violation | None:
        """The most severe violation (first in policy order among equals), or None."""
        if not self.violations:
            return None
        return max(self.violations, key=lambda v: v.severity.rank)


def _order(signal: Signal) -> tuple[str, int, int, str, str]:
    return (signal.location.part, signal.start, signal.end, signal.kind.value, signal.type)


def _split(
    rule: Rule,
    candidates: Iterable[Signal],
    evidence: Evidence,
    facts: Facts,
    author: AuthorFacts,
) -> tuple[list[Signal], dict[Exemption, list[Signal]]]:
    """Separate the signals that count from those an exception takes out (by exception)."""
    kept: list[Signal] = []
    taken: dict[Exemption, list[Signal]] = {}
    for signal in candidates:
        exemption = next(
            (
                e
                for e in _SIGNAL_EXEMPTIONS
                if e in rule.exceptions and applies(e, signal, evidence.texts, facts, author)
            ),
            None,
        )
        if exemption is None:
            kept.append(signal)
        else:
            taken.setdefault(exemption, []).append(signal)
    return kept, taken


def _fires(rule: Rule, primary: list[Signal], others: list[Signal]) -> bool:
    if len(primary) < rule.trigger.count:
        return False
    present = {s.type for s in others}
    if rule.trigger.with_any and not present.intersection(rule.trigger.with_any):
        return False
    return set(rule.trigger.with_all) <= present


def _relevant_failures(rule: Rule, failures: tuple[DetectorFailure, ...]) -> list[str]:
    return sorted(
        {f.detector for f in failures if not rule.detectors or f.detector in rule.detectors}
    )


def decide(evidence: Evidence, policy: Policy, author: AuthorFacts | None = None) -> Verdict:
    """Apply every rule of ``policy`` to ``evidence``; a pure function."""
    author = author or AuthorFacts()
    signals = sorted(evidence.signals, key=_order)
    violations: list[Violation] = []
    exempted: list[Exempted] = []
    reviews: list[ReviewRequest] = []
    for rule in policy.rules:
        trigger = rule.trigger
        primary_all = [
            s
            for s in signals
            if s.kind in trigger.kinds and s.type in trigger.types and s.score >= trigger.min_score
        ]
        co_types = set(trigger.with_any) | set(trigger.with_all)
        others_all = [s for s in signals if s.type in co_types and s.score >= trigger.min_score]
        primary, taken = _split(rule, primary_all, evidence, policy.facts, author)
        others, taken_others = _split(rule, others_all, evidence, policy.facts, author)
        if _fires(rule, primary, others):
            proof = tuple(primary) + tuple(s for s in others if s not in primary)
            if Exemption.NEWSWORTHY in rule.exceptions and author.newsworthy_for(rule.id):
                exempted.append(Exempted(rule.id, Exemption.NEWSWORTHY, proof))
                continue
            top = max(s.score for s in primary)
            low = rule.review_below_score is not None and top < rule.review_below_score
            violations.append(
                Violation(
                    rule_id=rule.id,
                    severity=rule.severity,
                    signals=proof,
                    needs_review=low,
                    review_reason=f"score {top:.2f} below {rule.review_below_score}"
                    if low
                    else None,
                )
            )
            continue
        if _fires(rule, primary_all, others_all):
            for exemption in Exemption:
                both = taken.get(exemption, []) + taken_others.get(exemption, [])
                if both:
                    exempted.append(Exempted(rule.id, exemption, tuple(dict.fromkeys(both))))
        failed = _relevant_failures(rule, evidence.failures)
        if failed and rule.on_detector_failure == "review":
            reviews.append(ReviewRequest(rule.id, "detector failed: " + ", ".join(failed)))
    detectors = set(evidence.detectors)
    detectors.update((s.detector, s.detector_version) for s in signals)
    detectors.update((f.detector, f.detector_version) for f in evidence.failures)
    return Verdict(
        content_id=evidence.content_id,
        policy_id=policy.id,
        policy_version=policy.version,
        violations=tuple(violations),
        exempted=tuple(exempted),
        reviews=tuple(reviews),
        detectors=tuple(sorted(detectors)),
    )
