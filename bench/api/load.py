"""An open-loop asyncio load generator for ``POST /v1/content`` (aiohttp), with latency percentiles.

Requests are sent on a fixed schedule (``rate`` per second) whether or not earlier ones have
answered, and each latency is measured from the moment its request was *due*, not from when the
client got round to sending it: a stalled server then shows up as latency instead of silently
lowering the offered load (coordinated omission).

aiohttp rather than httpx: its C parser and connection pool keep the generator's own CPU small,
which matters when it shares two cores with the server it measures (httpx's pool, with hundreds
of connections open, slowed the generator down until it measured itself).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp


@dataclass
class Step:
    """What one run at one offered rate measured."""

    offered_rps: float
    seconds: float
    sent: int = 0
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    shed: int = 0
    shed_latencies: list[float] = field(default_factory=list)
    max_lag: float = 0.0
    wall: float = 0.0

    def percentile(self, q: float) -> float:
        """The q-th percentile latency in milliseconds (nearest rank)."""
        return _nearest(self.latencies, q) * 1000

    @property
    def achieved_rps(self) -> float:
        """Successful responses per second of wall time."""
        return self.ok / self.wall if self.wall else 0.0

    @property
    def shed_rps(self) -> float:
        """Requests refused by load shedding (503 or 429) per second of wall time."""
        return self.shed / self.wall if self.wall else 0.0

    def summary(self) -> dict[str, Any]:
        """Plain numbers for the report."""
        return {
            "offered_rps": self.offered_rps,
            "achieved_rps": round(self.achieved_rps, 1),
            "sent": self.sent,
            "ok": self.ok,
            "errors": self.errors,
            "p50_ms": round(self.percentile(50), 2),
            "p95_ms": round(self.percentile(95), 2),
            "p99_ms": round(self.percentile(99), 2),
            "max_ms": round(max(self.latencies, default=0.0) * 1000, 2),
            "client_max_lag_ms": round(self.max_lag * 1000, 2),
            "shed": self.shed,
            "shed_rps": round(self.shed_rps, 1),
            "shed_p99_ms": round(_nearest(self.shed_latencies, 99) * 1000, 2),
        }


def _nearest(values: list[float], q: float) -> float:
    """The q-th percentile of ``values`` by nearest rank (NaN when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


async def run_step(
    url: str,
    token: str,
    body: Callable[[int], dict[str, Any]],
    rate: float,
    seconds: float,
    start_index: int,
    connections: int = 128,
) -> Step:
    """Offer ``rate`` requests per second for ``seconds``; bodies are ``body(i)``.

    At most ``connections`` requests are in flight; later ones wait for a connection, and that
    wait counts in their latency.
    """
    step = Step(rate, seconds)
    total = int(rate * seconds)
    headers = {"Authorization": f"Bearer {token}"}
    connector = aiohttp.TCPConnector(limit=connections, force_close=False)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(
        base_url=url, headers=headers, connector=connector, timeout=timeout
    ) as session:
        loop = asyncio.get_running_loop()
        began = loop.time()

        async def one(i: int, due: float) -> None:
            step.max_lag = max(step.max_lag, loop.time() - due)
            try:
                async with session.post("/v1/content", json=body(start_index + i)) as response:
                    await response.read()
                    status = response.status
                outcome = "ok" if status in (200, 201) else str(status)
            except (TimeoutError, aiohttp.ClientError) as error:
                outcome = type(error).__name__
            done = loop.time()
            if outcome == "ok":
                step.ok += 1
                step.latencies.append(done - due)
            elif outcome in ("503", "429"):  # shed: refused at once, the client may retry
                step.shed += 1
                step.shed_latencies.append(done - due)
            else:
                step.errors[outcome] = step.errors.get(outcome, 0) + 1

        tasks = []
        for i in range(total):
            due = began + i / rate
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i, due)))
            step.sent += 1
        await asyncio.gather(*tasks)
        step.wall = loop.time() - began
    return step


def measure(
    url: str,
    token: str,
    body: Callable[[int], dict[str, Any]],
    rate: float,
    seconds: float,
    start_index: int,
) -> Step:
    """``run_step`` from synchronous code."""
    return asyncio.run(run_step(url, token, body, rate, seconds, start_index))
