"""A per-content detection budget: CPU time and findings, past which detection stops.

Every recognizer costs a bounded amount per character, but "bounded" is not "small": a megabyte
of dense values is tens of thousands of findings, each masked, hashed, decided and stored. The
budget bounds what one content can cost: once its CPU time or its findings run out, the scan
stops where it is and the content is decided on what was found, with a ``detector_budget``
failure beside the signals. A failure is the pipeline's existing way to say "this scan is
incomplete": the policy's rules (``on_detector_failure``) send the content to review, so a cut
scan never reads as clean.

Detection stays pure: the clock is the caller's (the pipeline passes ``time.thread_time``, the
CPU time of the thread doing the work, which a busy machine does not inflate). The time check
runs between candidates, so a scan overruns its time by at most one recognizer's work between two
candidates, which the recognizers' bounded cost per character keeps small.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from redline.detect.finding import DetectorFailure

BUDGET_DETECTOR = "detector_budget"
BUDGET_VERSION = "1"


@dataclass(frozen=True, slots=True)
class BudgetLimits:
    """How much detection one content may use.

    Attributes:
        seconds: CPU seconds for all of the content's parts together.
        findings: findings (at or above the threshold, before overlaps are resolved) for all of
            the content's parts together.
    """

    seconds: float = 5.0
    findings: int = 10_000

    def __post_init__(self) -> None:
        if not self.seconds > 0 or not self.findings > 0:
            raise ValueError("budget limits must be positive")


class Budget:
    """What is left of one content's detection budget; one per content, spent across parts."""

    __slots__ = ("_clock", "_deadline", "found", "limits", "reason")

    def __init__(self, limits: BudgetLimits, clock: Callable[[], float]) -> None:
        self.limits = limits
        self._clock = clock
        self._deadline = clock() + limits.seconds
        self.found = 0
        self.reason: str | None = None  # why the budget ran out; None while it lasts

    @property
    def exhausted(self) -> bool:
        """Whether detection must stop."""
        return self.reason is not None

    @property
    def findings_left(self) -> int:
        """Findings the content may still produce."""
        return max(0, self.limits.findings - self.found)

    def spend(self, findings: int) -> None:
        """Count findings produced; running out of them exhausts the budget."""
        self.found += findings
        if self.found >= self.limits.findings and self.reason is None:
            self.reason = f"{self.limits.findings} findings"

    def out_of_time(self) -> bool:
        """Read the clock: whether the time has run out (which exhausts the budget)."""
        if self.reason is None and self._clock() >= self._deadline:
            self.reason = f"{self.limits.seconds:g} s of CPU"
        return self.reason is not None

    def failure(self, part: str) -> DetectorFailure:
        """The failure recorded for a part whose scan was cut short or never run."""
        return DetectorFailure(
            BUDGET_DETECTOR, BUDGET_VERSION, part, f"budget exhausted: {self.reason}"
        )


def cut_short(failures: list[DetectorFailure] | tuple[DetectorFailure, ...]) -> bool:
    """Whether a content's detection stopped on its budget (its signals are incomplete)."""
    return any(f.detector == BUDGET_DETECTOR for f in failures)
