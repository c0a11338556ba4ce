"""The stream worker: durable pull consumers, commit then acknowledge, bounded retries.

Each partition has one task that long-polls its partition's consumer for the next message. The
pipeline is synchronous (SQLAlchemy), so a message is handled in a thread, ``slots`` at a time;
the event loop stays free to keep the connection alive and to tell the server a slow message is
still being worked on (``in_progress``), so it is not handed to another worker meanwhile.

Delivery is at least once: the acknowledgement is sent only after the decision committed. A
worker killed in between leaves the message unacknowledged; after ``ack_wait`` the server hands
it to another worker, whose pipeline finds the decision stored and changes nothing (idempotent
by content id). Nothing later of that partition is handed out before it (one message in flight
per partition, ``stream``), so an author's posts stay in order.

What happens to a message that is not decided:

* refused (not JSON, wrong fields, oversize): published to the dead-letter subject with the
  reason, then terminated, on its first delivery: it would be refused every time;
* failed (the pipeline or the database raised): negatively acknowledged with a growing delay,
  and dead-lettered once it was delivered ``max_tries`` times: the partition behind it waits at
  most those tries, never for ever;
* the store unreachable (``StoreError``): retried with the same delays without limit: the
  fault is this worker's, not the message's, and parking good posts would lose their order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections import Counter
from dataclasses import dataclass, field

from nats.aio.msg import Msg
from nats.js import JetStreamContext

from redline.scale.handler import Handled, Handler
from redline.scale.partitions import Layout
from redline.scale.stream import connect, ensure_consumers, ensure_stream

log = logging.getLogger(__name__)

# Header names on a dead letter: why it was parked and where it came from.
REASON = "Redline-Reason"
ORIGIN_SUBJECT = "Redline-Subject"
ORIGIN_SEQUENCE = "Redline-Sequence"
DELIVERIES = "Redline-Deliveries"


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    """How a worker consumes: see ``redline worker --help`` for each one's meaning."""

    url: str
    stream: str
    partitions: int | None = None
    ack_wait: float = 30.0
    max_tries: int = 5
    retry_delay: float = 1.0
    slots: int = 1
    poll: float = 5.0


def retry_delay(base: float, deliveries: int) -> float:
    """The wait before the next try: doubling from ``base``, capped at one minute."""
    return float(min(60.0, base * 2 ** max(0, deliveries - 1)))


@dataclass
class Worker:
    """Consumes every partition of one stream until stopped; see the module docstring."""

    options: WorkerOptions
    handler: Handler
    counts: Counter[str] = field(default_factory=Counter)
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def stop(self) -> None:
        """Finish the messages in hand, acknowledge them, and return from ``run``."""
        self._stopping.set()

    async def run(self) -> Counter[str]:
        """Consume until ``stop`` (or SIGTERM/SIGINT); return how many messages had each outcome."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(number, self.stop)
        client = await connect(self.options.url, lasting=True)
        try:
            js = client.jetstream()
            layout = await ensure_stream(js, self.options.stream, self.options.partitions)
            await ensure_consumers(js, layout, self.options.ack_wait)
            slots = asyncio.Semaphore(self.options.slots)
            tasks = [
                asyncio.create_task(self._serve(js, layout, partition, slots))
                for partition in range(layout.partitions)
            ]
            log.info("worker consuming %s (%d partitions)", layout.stream, layout.partitions)
            await self._stopping.wait()
            for task in tasks:  # a task in the middle of a message finishes it first
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            # Every ack was published before its task ended; flush them, then close (a drain
            # would wait on the pull requests still parked at the server).
            with contextlib.suppress(Exception):
                await client.flush(timeout=5)
            await client.close()
        return self.counts

    async def _serve(
        self, js: JetStreamContext, layout: Layout, partition: int, slots: asyncio.Semaphore
    ) -> None:
        subscription = await js.pull_subscribe_bind(
            durable=layout.consumer(partition), stream=layout.stream
        )
        while not self._stopping.is_set():
            try:
                messages = await subscription.fetch(1, timeout=self.options.poll)
            except TimeoutError:  # nothing to do (the client's own and asyncio's)
                continue
            except Exception as error:  # NATS away: the client reconnects, we try again
                log.warning("partition %d: fetch failed (%s)", partition, type(error).__name__)
                await asyncio.sleep(1.0)
                continue
            for message in messages:
                try:
                    # Shielded: a stop (task cancel) lets the message in hand finish and be acked.
                    await asyncio.shield(self._one(js, layout, message, slots))
                except asyncio.CancelledError:
                    raise
                except Exception as error:  # unacked: the server hands it out again
                    log.warning("partition %d: %s", partition, type(error).__name__)

    async def _one(
        self, js: JetStreamContext, layout: Layout, message: Msg, slots: asyncio.Semaphore
    ) -> None:
        # Kept alive from the start: the wait for a slot must not count against ack_wait.
        keeper = asyncio.create_task(self._keep_alive(message))
        try:
            async with slots:
                handled = await asyncio.to_thread(self.handler, message.data)
        finally:
            keeper.cancel()
        self.counts[handled.outcome] += 1
        deliveries = message.metadata.num_delivered or 1
        if handled.outcome in ("decided", "again"):
            await message.ack()
        elif handled.outcome == "refused" or (
            handled.outcome == "failed" and deliveries >= self.options.max_tries
        ):
            await self._dead_letter(js, layout, message, handled, deliveries)
        else:
            delay = retry_delay(self.options.retry_delay, deliveries)
            log.warning(
                "message %d %s on try %d (%s); retrying in %.1fs",
                message.metadata.sequence.stream,
                handled.outcome,
                deliveries,
                handled.reason,
                delay,
            )
            await message.nak(delay=delay)

    async def _keep_alive(self, message: Msg) -> None:
        """Tell the server a message is still being worked on, twice per ``ack_wait``."""
        while True:
            await asyncio.sleep(self.options.ack_wait / 2)
            await message.in_progress()

    async def _dead_letter(
        self, js: JetStreamContext, layout: Layout, message: Msg, handled: Handled, tries: int
    ) -> None:
        """Park the message with its reason, then terminate it: its partition moves on.

        The dead letter's message id is the original's sequence, so a worker killed between
        the two steps and the one that takes the message over publish one dead letter, not two.
        """
        sequence = message.metadata.sequence.stream
        headers = {
            REASON: handled.reason,
            ORIGIN_SUBJECT: message.subject,
            ORIGIN_SEQUENCE: str(sequence),
            DELIVERIES: str(tries),
            "Nats-Msg-Id": f"dead-{layout.stream}-{sequence}",
        }
        await js.publish(layout.dead_letters, message.data, headers=headers)
        await message.term()
        self.counts["dead_lettered"] += 1
        log.warning(
            "message %d dead-lettered after %d tries: %s",
            sequence,
            tries,
            handled.reason,
        )
