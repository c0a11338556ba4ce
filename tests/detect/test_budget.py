"""The per-content detection budget: a scan stops on it, says so, and keeps what it found."""

from __future__ import annotations

import time

import pytest

from redline.content import Attachment, Content
from redline.detect.budget import BUDGET_DETECTOR, Budget, BudgetLimits, cut_short
from redline.detect.parts import scan_parts
from redline.detect.pii import PiiOptions, default_scanner
from redline.extract.parts import content_parts

UNIT = "ssn 123-45-6789 "
DENSE = UNIT * 5_000  # 80,000 characters, 5,000 SSNs


def _budget(seconds: float = 60.0, findings: int = 1_000_000) -> Budget:
    return Budget(BudgetLimits(seconds, findings), time.thread_time)


def test_without_a_budget_every_value_is_found() -> None:
    result = default_scanner().scan(DENSE)
    assert sum(s.type == "US_SSN" for s in result.signals) == 5_000
    assert not result.failures


def test_a_budget_that_lasts_changes_nothing() -> None:
    budget = _budget()
    result = default_scanner().scan(DENSE, budget=budget)
    assert sum(s.type == "US_SSN" for s in result.signals) == 5_000
    assert not result.failures
    assert not budget.exhausted
    assert budget.found >= 5_000


def test_findings_budget_stops_the_scan_and_records_a_failure() -> None:
    budget = _budget(findings=100)
    result = default_scanner().scan(DENSE, budget=budget)
    assert 0 < len(result.signals) <= 100
    assert [f.detector for f in result.failures] == [BUDGET_DETECTOR]
    assert result.failures[0].part == "text"
    assert "100 findings" in result.failures[0].error
    assert budget.exhausted and cut_short(result.failures)


def test_time_budget_stops_a_long_scan_early() -> None:
    text = UNIT * 65_536  # 1 MiB: a whole scan takes about a second of CPU
    budget = _budget(seconds=0.05)
    started = time.process_time()
    result = default_scanner().scan(text, budget=budget)
    elapsed = time.process_time() - started
    assert [f.detector for f in result.failures] == [BUDGET_DETECTOR]
    assert "s of CPU" in result.failures[0].error
    assert len(result.signals) < 65_536
    # the facts of the text (one pass) plus a recognizer's work between two clock readings
    assert elapsed < 0.6, f"{elapsed:.2f}s of CPU for a 0.05 s budget"


def test_an_exhausted_budget_skips_later_parts_each_with_a_failure() -> None:
    attachment = Attachment(b"SSN 987-65-4320 and 876-54-3210", "text/plain", "a.txt")
    content = Content("c1", DENSE, attachments=(attachment, attachment))
    budget = _budget(findings=50)
    result = scan_parts(default_scanner(), content_parts(content), PiiOptions(), budget)
    failed = {f.part for f in result.failures if f.detector == BUDGET_DETECTOR}
    assert failed == {"text", "attachment:0", "attachment:1"}
    assert {s.location.part for s in result.signals} == {"text"}


def test_a_budget_is_shared_by_the_parts_of_one_content() -> None:
    attachment = Attachment(b"SSN 987-65-4320 and 876-54-3210", "text/plain", "a.txt")
    content = Content("c2", UNIT * 3, attachments=(attachment,))
    budget = _budget(findings=_budget_used(UNIT * 3) + 1)  # the text's, and one more
    result = scan_parts(default_scanner(), content_parts(content), PiiOptions(), budget)
    assert sum(s.location.part == "text" for s in result.signals) == 3
    assert [f.part for f in result.failures] == ["attachment:0"]


def _budget_used(text: str) -> int:
    """Findings a scan of ``text`` spends (candidates above the threshold, overlaps included)."""
    budget = _budget()
    default_scanner().scan(text, budget=budget)
    return budget.found


@pytest.mark.parametrize("limits", [(0.0, 10), (1.0, 0), (-1.0, 5)])
def test_limits_must_be_positive(limits: tuple[float, int]) -> None:
    with pytest.raises(ValueError, match="positive"):
        BudgetLimits(*limits)
