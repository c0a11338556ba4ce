"""Putting content records on the stream, each on its author's partition.

A record is published as the JSON line ``redline moderate`` reads, with ``Nats-Msg-Id`` set to
its content id: JetStream drops a second publish of the same id inside its duplicate window
(``stream.DUPLICATE_WINDOW``), so re-running a publish that was cut short does not queue the
same posts twice. A duplicate that gets through anyway (after the window, or from another
producer) is harmless: the worker's pipeline returns the first decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from redline.scale.partitions import Layout
from redline.scale.stream import StreamUnavailable, connect, ensure_stream


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One record to publish: its ids (for the partition and the dedupe id) and its bytes."""

    content_id: str
    author_id: str | None
    payload: bytes


@dataclass(frozen=True, slots=True)
class Published:
    """What a publish run did: records the stream stored, and those it dropped as duplicates."""

    stored: int
    duplicates: int
    layout: Layout


async def publish(
    url: str, stream: str, records: Iterable[Outgoing], partitions: int | None = None
) -> Published:
    """Publish each record to its partition and wait for the stream to store it.

    Raises:
        StreamUnavailable: NATS or JetStream cannot be reached, or refused a record.
    """
    client = await connect(url)
    stored = duplicates = 0
    try:
        js = client.jetstream()
        layout = await ensure_stream(js, stream, partitions)
        for record in records:
            subject = layout.subject_for(record.author_id, record.content_id)
            try:
                ack = await js.publish(
                    subject, record.payload, headers={"Nats-Msg-Id": record.content_id}
                )
            except Exception as error:
                raise StreamUnavailable(
                    f"JetStream did not store a record ({type(error).__name__})"
                ) from None
            duplicates += bool(ack.duplicate)
            stored += not ack.duplicate
    finally:
        await client.drain()
    return Published(stored, duplicates, layout)
