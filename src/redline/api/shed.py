"""Load shedding: a bound on requests in flight; past it, an immediate 503 with ``Retry-After``.

Without a bound, every request offered above capacity waits in uvicorn's tasks and the thread
pool's queue: latency grows without limit, clients time out and retry, and a spike becomes an
outage (issue 14: p50 455 ms at 400/s offered on a service that answers ~350/s). With it, the
service keeps working at capacity on ``REDLINE_API_MAX_IN_FLIGHT`` requests; one that finds no
free place waits at most ``REDLINE_API_QUEUE_WAIT_SECONDS`` (first come, first served; as many
waiting as there are places), and is then answered 503 at once: a refusal costs a fraction of a
moderation, so answering the rest fast is what keeps throughput up. ``Retry-After`` tells a
well-behaved client when to come back.

``Shed`` is the outermost middleware: a refused request never reaches authentication or a
thread. Health, readiness and metrics are exempt, so an orchestrator never restarts a service
for being busy. ``KeyShare`` sits inside the gate, where the key is authenticated (a caller
cannot spend another key's share by naming it), and answers 429 to a key over its own cap
(``REDLINE_API_MAX_IN_FLIGHT_PER_KEY``), so one platform's flood cannot take every place.
Everything runs on the event loop's thread, so the counters need no lock.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque

from prometheus_client import Counter, Gauge
from starlette.types import ASGIApp, Receive, Scope, Send

from redline.api.metrics import Metrics
from redline.api.problems import Problem

EXEMPT = frozenset({"/healthz", "/readyz", "/metrics"})
RETRY_AFTER = "1"


class Admission:
    """At most ``limit`` holders; up to ``limit`` waiters, each for at most ``wait`` seconds."""

    def __init__(self, limit: int, wait: float) -> None:
        self.limit = limit
        self.wait = wait
        self.held = 0
        self._waiting: deque[asyncio.Future[bool]] = deque()

    @property
    def waiting(self) -> int:
        """Requests waiting for a place."""
        return len(self._waiting)

    async def enter(self) -> bool:
        """Take a place (True), or give up at once or after ``wait`` seconds (False)."""
        if self.held < self.limit and not self._waiting:
            self.held += 1
            return True
        if self.wait <= 0 or len(self._waiting) >= self.limit:
            return False
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[bool] = loop.create_future()
        self._waiting.append(waiter)
        timer = loop.call_later(self.wait, self._expire, waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            # the place may have been handed over just before the cancel: give it back
            if waiter.done() and not waiter.cancelled() and waiter.result():
                self.leave()
            elif waiter in self._waiting:
                self._waiting.remove(waiter)
            raise
        finally:
            timer.cancel()

    def leave(self) -> None:
        """Give a place back: to the longest waiter if there is one (it stays held), else free."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(True)
                return
        self.held -= 1

    def _expire(self, waiter: asyncio.Future[bool]) -> None:
        if not waiter.done():
            self._waiting.remove(waiter)
            waiter.set_result(False)


def _refusal(problem: Problem) -> tuple[dict[str, object], bytes]:
    """The response start and body of a refusal, built once: shedding must cost next to nothing.

    No ``instance``: the path may hold an id, and a refusal need not echo anything.
    """
    body = json.dumps(problem.document()).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", RETRY_AFTER.encode()),
    ]
    return {"type": "http.response.start", "status": problem.status, "headers": headers}, body


async def _refuse(send: Send, refusal: tuple[dict[str, object], bytes]) -> None:
    start, body = refusal
    await send(start)
    await send({"type": "http.response.body", "body": body})


class Shed:
    """ASGI middleware: the service-wide bound (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, limit: int, wait: float, metrics: Metrics) -> None:
        self.app = app
        self.admission = Admission(limit, wait)
        self.refusal = _refusal(
            Problem(
                503,
                "overloaded",
                "The service is at capacity",
                f"{limit} requests in flight; retry after {RETRY_AFTER} s",
            )
        )
        self.shed = Counter(
            "redline_http_shed",
            "Requests refused at once because the service was at capacity.",
            registry=metrics.registry,
        )
        in_flight = Gauge(
            "redline_http_in_flight", "Requests being worked on.", registry=metrics.registry
        )
        in_flight.set_function(lambda: self.admission.held)
        waiting = Gauge(
            "redline_http_waiting", "Requests waiting for a place.", registry=metrics.registry
        )
        waiting.set_function(lambda: self.admission.waiting)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Admit, wait briefly, or refuse with 503."""
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        if not await self.admission.enter():
            self.shed.inc()
            await _refuse(send, self.refusal)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.admission.leave()


class KeyShare:
    """ASGI middleware inside the gate: at most ``limit`` requests in flight per API key."""

    def __init__(self, app: ASGIApp, *, limit: int, metrics: Metrics) -> None:
        self.app = app
        self.limit = limit
        self.held: dict[str, int] = {}
        self.refusal = _refusal(
            Problem(
                429,
                "key-over-capacity",
                "Too many requests in flight for this key",
                f"at most {limit} at once per key; retry after {RETRY_AFTER} s",
            )
        )
        self.shed = Counter(
            "redline_http_key_shed",
            "Requests refused because their API key had its share in flight.",
            registry=metrics.registry,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count the authenticated key's requests; refuse one over its cap with 429."""
        key = scope.get("state", {}).get("api_key") if scope["type"] == "http" else None
        if key is None:
            await self.app(scope, receive, send)
            return
        held = self.held.get(key.id, 0)
        if held >= self.limit:
            self.shed.inc()
            await _refuse(send, self.refusal)
            return
        self.held[key.id] = held + 1
        try:
            await self.app(scope, receive, send)
        finally:
            left = self.held[key.id] - 1
            if left:
                self.held[key.id] = left
            else:
                del self.held[key.id]
