"""Flood guard: hold a bank entry for review when its match rate jumps far above its history.

A bad entry (a stock photo banked by mistake, a common sentence taken for an excerpt) shows up as
a sudden flood of matches. Acting on thousands of posts before anyone looks is the failure this
prevents: the guard says ``hold_for_review`` and the caller routes that entry's matches to humans
instead of enforcing them.

The test is deliberately conservative, and all four conditions must hold:

1. at least ``min_count`` matches in the current window (small numbers never hold);
2. at least ``ratio`` times the baseline, the median of past windows (a median ignores earlier
   spikes, so one past flood does not raise the bar for the next);
3. a robust z-score ``(current - median) / sigma`` of at least ``z``, with ``sigma`` the larger of
   1.4826 x MAD (the spread the entry really has, which absorbs bursty but normal series) and
   sqrt(median) (the Poisson spread, so a flat history does not make every change infinite);
4. a Poisson upper tail ``P(X >= current | baseline)`` of at most ``alpha``.

With fewer than ``min_history`` past windows there is no history to jump from: a new entry is
expected to match a lot while its material spreads, so it is not held unless ``absolute_cap`` is
set and crossed. The function is pure: the store supplies the per-window counts.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["FloodGuard", "FloodVerdict", "flood_check", "poisson_tail"]


@dataclass(frozen=True, slots=True)
class FloodGuard:
    """Thresholds of the flood guard; the defaults hold only glaring jumps."""

    min_history: int = 6
    min_count: int = 20
    ratio: float = 5.0
    z: float = 6.0
    alpha: float = 1e-6
    absolute_cap: int | None = None


@dataclass(frozen=True, slots=True)
class FloodVerdict:
    """Whether to hold an entry, and the numbers that say why."""

    hold_for_review: bool
    current: int
    baseline: float
    z: float
    p_value: float
    reason: str


def poisson_tail(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam), summed in log space so large k does not overflow."""
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    if k <= lam:
        # Below the mean the tail is large; the complement's terms are the stable ones to sum.
        head = sum(math.exp(-lam + j * math.log(lam) - math.lgamma(j + 1)) for j in range(k))
        return max(0.0, 1.0 - head)
    total, j = 0.0, k
    term = math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1))
    while term > total * 1e-17 and j < k + 100_000:
        total += term
        j += 1
        term *= lam / j
    return min(1.0, total)


def flood_check(
    history: Sequence[int], current: int, guard: FloodGuard | None = None
) -> FloodVerdict:
    """Decide whether ``current`` matches in this window are a flood given past windows."""
    g = guard or FloodGuard()
    if g.absolute_cap is not None and current >= g.absolute_cap:
        return FloodVerdict(True, current, math.nan, math.inf, 0.0, "over the absolute cap")
    if len(history) < g.min_history:
        return FloodVerdict(False, current, math.nan, 0.0, 1.0, "not enough history")
    median = float(statistics.median(history))
    mad = float(statistics.median(abs(h - median) for h in history))
    baseline = max(median, 0.5)  # an entry that never matched still has a finite rate
    sigma = max(1.4826 * mad, math.sqrt(baseline))
    z = (current - median) / sigma
    p = poisson_tail(current, baseline)
    checks = (
        (current >= g.min_count, f"fewer than {g.min_count} matches"),
        (current >= g.ratio * baseline, f"under {g.ratio:g}x the baseline"),
        (z >= g.z, f"robust z under {g.z:g}"),
        (p <= g.alpha, f"Poisson tail above {g.alpha:g}"),
    )
    for ok, why in checks:
        if not ok:
            return FloodVerdict(False, current, baseline, z, p, why)
    reason = f"{current} matches against a baseline of {baseline:g} (z {z:.1f}, p {p:.1e})"
    return FloodVerdict(True, current, baseline, z, p, reason)
