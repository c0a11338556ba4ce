"""Reading the dead-letter subject back: which messages were parked, when, and why.

Only the headers are shown (reason, origin subject and sequence, tries): the body is the record
as it came in and may hold private data; it stays on the stream for whoever fixes and republishes.
"""

from __future__ import annotations

from dataclasses import dataclass

from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from redline.scale.stream import connect, ensure_stream
from redline.scale.worker import DELIVERIES, ORIGIN_SEQUENCE, ORIGIN_SUBJECT, REASON


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """One parked message, described by its headers."""

    sequence: int
    subject: str
    origin_sequence: int
    tries: int
    reason: str

    def to_document(self) -> dict[str, object]:
        """The JSON form the CLI prints."""
        return {
            "sequence": self.sequence,
            "subject": self.subject,
            "origin_sequence": self.origin_sequence,
            "tries": self.tries,
            "reason": self.reason,
        }


async def dead_letters(url: str, stream: str, limit: int = 1000) -> list[DeadLetter]:
    """Up to ``limit`` dead letters of ``stream``, oldest first (an ephemeral consumer)."""
    client = await connect(url)
    found: list[DeadLetter] = []
    try:
        js = client.jetstream()
        layout = await ensure_stream(js, stream, None)
        config = ConsumerConfig(
            deliver_policy=DeliverPolicy.ALL,
            ack_policy=AckPolicy.NONE,
            inactive_threshold=30.0,
        )
        subscription = await js.pull_subscribe(layout.dead_letters, stream=stream, config=config)
        while len(found) < limit:
            try:
                batch = await subscription.fetch(min(256, limit - len(found)), timeout=1.0)
            except TimeoutError:  # the client's own and asyncio's
                break
            for message in batch:
                headers = message.headers or {}
                found.append(
                    DeadLetter(
                        sequence=message.metadata.sequence.stream,
                        subject=headers.get(ORIGIN_SUBJECT, ""),
                        origin_sequence=int(headers.get(ORIGIN_SEQUENCE, "0")),
                        tries=int(headers.get(DELIVERIES, "0")),
                        reason=headers.get(REASON, ""),
                    )
                )
        await subscription.unsubscribe()
    finally:
        await client.drain()
    return found
