"""Findings shown: at most so many per part, the rest counted (the record's copy: tests/record)."""

from __future__ import annotations

from redline.detect.finding import Location, Signal, SignalKind
from redline.detect.shown import cap_per_part
from redline.enforce.reasons import EVIDENCE_SHOWN, evidence_lines


def _signal(start: int, part: str = "text") -> Signal:
    return Signal(
        SignalKind.PII,
        "US_SSN",
        Location(start, start + 11, part),
        0.95,
        "us_ssn",
        "1.0",
        "***-**-6789",
    )


def test_cap_per_part_keeps_the_first_of_each_part_in_order() -> None:
    items = [("a", 1), ("b", 1), ("a", 2), ("a", 3), ("b", 2), ("c", 1)]
    kept, omitted = cap_per_part(items, lambda item: item[0], 2)
    assert kept == [("a", 1), ("b", 1), ("a", 2), ("b", 2), ("c", 1)]
    assert omitted == {"a": 1}


def test_the_statement_cites_a_bounded_number_ofevidence_lines() -> None:
    lines = evidence_lines(tuple(_signal(i * 16) for i in range(5_000)))
    assert len(lines) == EVIDENCE_SHOWN + 1
    assert lines[-1] == f"{5_000 - EVIDENCE_SHOWN} more in text, not listed"
    assert all("6789" not in line or "***" in line for line in lines)
