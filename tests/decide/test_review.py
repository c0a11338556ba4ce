"""decide.review: why the policy sends a decision to a person, from its violations alone."""

from __future__ import annotations

from dataclasses import dataclass

from redline.decide import load_policy
from redline.decide.policy import Severity
from redline.decide.review import review_reasons

POLICY = load_policy()  # review_at_severity: critical


@dataclass(frozen=True)
class V:
    severity: Severity
    needs_review: bool = False


def test_each_reason() -> None:
    assert review_reasons([], False, POLICY) == []
    assert review_reasons([V(Severity.HIGH)], False, POLICY) == []
    assert review_reasons([V(Severity.HIGH, True)], False, POLICY) == ["low_confidence"]
    assert review_reasons([], True, POLICY) == ["detector_failure"]
    assert review_reasons([V(Severity.CRITICAL)], False, POLICY) == ["high_severity"]
    # a pending critical violation is low confidence, not yet a confirmed critical one
    assert review_reasons([V(Severity.CRITICAL, True)], False, POLICY) == ["low_confidence"]
    both = [V(Severity.CRITICAL), V(Severity.LOW, True)]
    assert review_reasons(both, True, POLICY) == [
        "low_confidence",
        "detector_failure",
        "high_severity",
    ]


def test_without_a_severity_threshold_severity_sends_nothing() -> None:
    lenient = POLICY.model_copy(update={"review_at_severity": None})
    assert review_reasons([V(Severity.CRITICAL)], False, lenient) == []
