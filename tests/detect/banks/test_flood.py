"""Flood guard: glaring jumps are held; small numbers, new entries and bursty-but-normal are not."""

from __future__ import annotations

import itertools
import math

import pytest

from redline.detect.banks.flood import FloodGuard, flood_check, poisson_tail

CASES = [
    # (history, current, held?)
    ([2, 3, 2, 1, 2, 3, 2, 2], 60, True),  # a quiet entry suddenly everywhere
    ([0, 0, 0, 0, 0, 0, 0, 0], 25, True),  # never matched, then a flood
    ([2, 3, 2, 1, 2, 3, 2, 2], 12, False),  # up, but fewer than min_count
    ([50, 55, 48, 60, 52, 58, 51, 49], 90, False),  # busy entry, modest rise
    ([5, 80, 3, 90, 4, 85, 6, 70], 95, False),  # bursty history absorbs a burst (MAD)
    ([2, 3, 2], 500, False),  # too little history: a new entry is expected to spread
    ([2, 3, 2, 1, 2, 3, 200, 2], 60, True),  # one earlier flood does not raise the bar
]


@pytest.mark.parametrize(("history", "current", "held"), CASES)
def test_flood_check(history: list[int], current: int, held: bool) -> None:
    verdict = flood_check(history, current)
    assert verdict.hold_for_review is held, verdict.reason
    if held:
        assert "baseline" in verdict.reason and verdict.p_value <= 1e-6


def test_absolute_cap_holds_even_without_history() -> None:
    guard = FloodGuard(absolute_cap=100)
    assert flood_check([], 100, guard).hold_for_review
    assert not flood_check([], 99, guard).hold_for_review


def test_poisson_tail_is_a_probability_and_monotone() -> None:
    assert poisson_tail(0, 3.0) == 1.0
    assert poisson_tail(5, 0.0) == 0.0
    tails = [poisson_tail(k, 4.0) for k in range(0, 40)]
    assert all(0.0 <= t <= 1.0 for t in tails)
    assert all(a >= b for a, b in itertools.pairwise(tails))
    assert math.isclose(poisson_tail(1, 2.0), 1 - math.exp(-2.0), rel_tol=1e-9)
    assert poisson_tail(100_000, 10.0) < 1e-300
