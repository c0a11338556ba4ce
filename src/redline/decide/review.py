"""Whether a person must look at a decision, and why: the one answer every layer uses.

The pure core asks it when it decides (``enforce.decision.judge`` stores the answer with the
decision), and review asks it again of a stored decision when it opens cases: both call
``review_reasons``, so the flag on a decision and the case queue can never disagree. A person
looks when a violation is low-confidence (a signal scored under the rule's
``review_below_score``), when a detector a rule relies on failed (the rule asked for review), or
when a confirmed violation is at least as severe as the pack's ``review_at_severity``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from redline.decide.policy import Policy, Severity

LOW_CONFIDENCE = "low_confidence"
DETECTOR_FAILURE = "detector_failure"
HIGH_SEVERITY = "high_severity"


class Judged(Protocol):
    """A violation as far as review cares: how grave, and whether it awaits a person."""

    @property
    def severity(self) -> Severity:
        """How grave the broken rule is."""
        ...

    @property
    def needs_review(self) -> bool:
        """Whether the violation is pending (low confidence) rather than confirmed."""
        ...


def review_reasons(violations: Iterable[Judged], failed: bool, policy: Policy) -> list[str]:
    """Why ``policy`` sends a decision to a person (empty: it does not).

    ``failed`` says whether a rule is waiting for review because a detector it relies on failed.
    """
    violations = list(violations)
    reasons = []
    if any(v.needs_review for v in violations):
        reasons.append(LOW_CONFIDENCE)
    if failed:
        reasons.append(DETECTOR_FAILURE)
    threshold = policy.review_at_severity
    if threshold is not None and any(
        not v.needs_review and v.severity.rank >= threshold.rank for v in violations
    ):
        reasons.append(HIGH_SEVERITY)
    return reasons
