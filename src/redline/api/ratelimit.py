"""A token bucket per API key: ``rate`` requests a second sustained, ``burst`` at once.

Kept in the process's memory, so the limit is per server process (``redline serve`` runs one).
Refusing tells the caller how long to wait, which becomes the ``Retry-After`` header.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Per-key token buckets; ``take(key)`` is 0 when allowed, else seconds to wait."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Spend one token for ``key``; return 0.0, or the seconds until a token is there."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(self.burst), now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate


def retry_after(wait: float) -> str:
    """Seconds for the ``Retry-After`` header: a whole number, at least 1."""
    return str(max(1, math.ceil(wait)))
