"""The deliverer: sends what the outbox holds to JetStream and to the registered webhooks.

Each round, in this order, each step its own transaction:

1. announce strikes that expired since the last round (``record.accounts.expiry``);
2. publish unpublished events to ``<prefix>.<type>`` on JetStream (``Nats-Msg-Id`` = event id),
   then mark them published;
3. fan new events out to every live target that asked for their type;
4. send the deliveries that are due, signed (``signing``), and log each try: a 2xx delivers,
   anything else (or no answer) is retried after a doubling delay, and after ``max_tries`` the
   delivery is dead (``redline webhooks deliveries --status dead``, ``retry`` to revive).

Only committed events exist in the outbox, so nothing is sent that its transaction did not
commit. An event is marked sent only after it was sent, so a deliverer killed at any point
resends, on restart, what it may or may not have sent: delivery is at least once, and receivers
deduplicate on the event id (``webhook-id``; JetStream drops a repeated ``Nats-Msg-Id`` within
its duplicate window itself). Redirects are not followed: events go only to registered addresses.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx
import orjson

from redline.record.accounts.expiry import announce_expired
from redline.record.outbox import Due, Event, Outbox, Webhooks
from redline.record.store import Store
from redline.scale.signing import signed_headers

if TYPE_CHECKING:  # the NATS client is optional: webhooks alone need none
    from nats.js import JetStreamContext

log = logging.getLogger(__name__)

EVENTS_STREAM = "REDLINE_EVENTS"


@dataclass(frozen=True, slots=True)
class DeliveryOptions:
    """How the deliverer sends: see ``redline events deliver --help``."""

    nats_url: str | None = None
    subject_prefix: str = "redline.events"
    stream: str = EVENTS_STREAM
    max_tries: int = 8
    retry_delay: float = 2.0
    batch: int = 100
    concurrency: int = 16
    timeout: float = 10.0
    interval: float = 1.0


def backoff(base: float, attempts: int) -> timedelta:
    """The wait after ``attempts`` failed tries: doubling from ``base``, at most an hour."""
    return timedelta(seconds=min(3600.0, base * 2 ** max(0, attempts - 1)))


def body_of(event: Event) -> bytes:
    """The bytes sent for an event (the same to JetStream and to every webhook)."""
    return orjson.dumps(event.to_document())


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Deliverer:
    """Runs rounds until stopped; see the module docstring."""

    store: Store
    options: DeliveryOptions
    clock: Callable[[], datetime] = _utcnow
    counts: Counter[str] = field(default_factory=Counter)
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def stop(self) -> None:
        """Finish the round in hand and return from ``run``."""
        self._stopping.set()

    async def run(self, once: bool = False) -> Counter[str]:
        """Deliver until ``stop`` (or, with ``once``, until nothing is left to do now)."""
        js = None
        client = None
        if self.options.nats_url:
            from redline.scale.stream import connect, ensure_events_stream

            client = await connect(self.options.nats_url, lasting=True)
            js = client.jetstream()
            await ensure_events_stream(js, self.options.stream, self.options.subject_prefix)
        try:
            async with httpx.AsyncClient(
                timeout=self.options.timeout, follow_redirects=False, trust_env=False
            ) as http:
                while not self._stopping.is_set():
                    worked = await self.round(http, js)
                    if once and not worked:
                        break
                    if not worked:
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(
                                self._stopping.wait(), timeout=self.options.interval
                            )
        finally:
            if client is not None:
                await client.close()
        return self.counts

    async def round(self, http: httpx.AsyncClient, js: JetStreamContext | None) -> int:
        """One round; returns how much it did (0: nothing was due)."""
        now = self.clock()
        with self.store.transaction() as session:
            expired = announce_expired(session, now)
        published = await self._publish(js) if js is not None else 0
        with self.store.transaction() as session:
            Webhooks(session).fan_out(now)
        with self.store.reading() as session:
            due = Webhooks(session).due(self.clock(), self.options.batch)
        sent = await self._send_all(http, due)
        self.counts["expired"] += expired
        self.counts["published"] += published
        return expired + published + sent

    async def _publish(self, js: JetStreamContext) -> int:
        with self.store.reading() as session:
            events = Outbox(session).unpublished(self.options.batch)
        for event in events:
            subject = f"{self.options.subject_prefix}.{event.kind}"
            await js.publish(subject, body_of(event), headers={"Nats-Msg-Id": event.id})
        with self.store.transaction() as session:
            Outbox(session).mark_published([e.seq for e in events], self.clock())
        return len(events)

    async def _send_all(self, http: httpx.AsyncClient, due: list[Due]) -> int:
        slots = asyncio.Semaphore(self.options.concurrency)

        async def one(item: Due) -> tuple[Due, int | None, str, int]:
            async with slots:
                return await self._send(http, item)

        results = await asyncio.gather(*(one(item) for item in due))
        if results:
            with self.store.transaction() as session:
                hooks = Webhooks(session)
                for item, code, result, took in results:
                    ok = code is not None and 200 <= code < 300
                    last = item.attempts + 1 >= self.options.max_tries
                    retry = (
                        None if ok or last else backoff(self.options.retry_delay, item.attempts + 1)
                    )
                    status = hooks.record(
                        item,
                        status_code=code,
                        result=result,
                        milliseconds=took,
                        now=self.clock(),
                        retry_in=retry,
                    )
                    self.counts[status] += 1
                    if status == "dead":
                        log.warning(
                            "event %s to %s is dead after %d tries (%s)",
                            item.event.id,
                            item.target_id,
                            item.attempts + 1,
                            result,
                        )
        return len(results)

    async def _send(self, http: httpx.AsyncClient, item: Due) -> tuple[Due, int | None, str, int]:
        body = body_of(item.event)
        headers = signed_headers(item.secret, item.event.id, int(time.time()), body)
        started = time.perf_counter()
        try:
            answer = await http.post(item.url, content=body, headers=headers)
            code: int | None = answer.status_code
            result = f"HTTP {answer.status_code}"
        except httpx.HTTPError as error:
            code, result = None, type(error).__name__
        return item, code, result, int((time.perf_counter() - started) * 1000)
