"""The JetStream side both the publisher and the workers agree on: connection, stream, consumers.

One stream holds every partition's subject and the dead-letter subject. Each partition has one
durable pull consumer that every worker shares, with ``max_ack_pending = 1``: the server lets one
message of a partition out at a time and the next only after it is acknowledged, so an author's
posts are decided in order whichever worker takes them, and a worker that dies holding one gives
it back (after ``ack_wait``) before any later post of that author is handed out.

Retries are counted by the server (``num_delivered``) but decided by the worker, so the consumer
itself never gives up on a message (``max_deliver = -1``): only the worker knows whether a
failure is the message's (dead-letter it) or the store's (wait and try again).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import nats
from nats.aio.client import Client as NATS
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy, StorageType, StreamConfig
from nats.js.errors import NotFoundError

from redline.errors import ConfigError, StoreError
from redline.scale.partitions import Layout, partitions_in

log = logging.getLogger(__name__)

# JetStream drops a second publish with the same Nats-Msg-Id inside this window (seconds).
DUPLICATE_WINDOW = 120.0


class StreamUnavailable(StoreError):
    """The NATS server cannot be reached, or JetStream is not enabled on it."""


async def connect(url: str, *, lasting: bool = False) -> NATS:
    """A connection to ``url``; the message names the server, never a password in it.

    A command that is told a wrong address should say so in a second, not after a minute of
    retries; a worker that has started should ride out a NATS restart. So the first connection
    gives up quickly, and a ``lasting`` one (the worker's) is then made to reconnect for ever:
    while NATS is away its fetches just time out, and unacknowledged messages wait on the server.

    Raises:
        StreamUnavailable: nothing answers at ``url``.
    """
    try:
        client = await nats.connect(
            url,
            connect_timeout=3,
            max_reconnect_attempts=1,
            reconnect_time_wait=0.2,
            error_cb=_reported,
        )
        if not lasting:
            return client
        await client.close()
        return await nats.connect(
            url, max_reconnect_attempts=-1, reconnect_time_wait=1.0, error_cb=_reported
        )
    except Exception as error:  # the client raises several unrelated types for "cannot connect"
        raise StreamUnavailable(
            f"cannot reach NATS at {server_of(url)} ({type(error).__name__})"
        ) from None


def server_of(url: str) -> str:
    """``host:port`` of a NATS URL, without the scheme or any user and password."""
    parsed = urlsplit(url if "://" in url else f"nats://{url}")
    try:
        port = parsed.port or 4222
    except ValueError:  # not a number: name the host alone
        return parsed.hostname or "?"
    return f"{parsed.hostname or '?'}:{port}"


async def _reported(error: Exception) -> None:
    """The client's own errors, one line each (its default prints a traceback per retry)."""
    log.warning("nats: %s", type(error).__name__)


async def ensure_stream(js: JetStreamContext, stream: str, partitions: int | None) -> Layout:
    """The stream's layout, creating the stream (file storage) if it does not exist.

    ``partitions`` is the count to create it with; for an existing stream it must be ``None`` or
    the count the stream was created with (moving authors between lanes is refused).

    Raises:
        ConfigError: the stream exists with another partition count, or is not Redline's.
        StreamUnavailable: JetStream did not answer.
    """
    try:
        info = await js.stream_info(stream)
    except NotFoundError:
        layout = Layout(stream, partitions) if partitions else Layout(stream)
        config = StreamConfig(
            name=stream,
            description=layout.description,
            subjects=layout.subjects,
            storage=StorageType.FILE,
            duplicate_window=DUPLICATE_WINDOW,
        )
        await _call(js.add_stream(config))
        return layout
    except Exception as error:
        raise StreamUnavailable(f"JetStream did not answer ({type(error).__name__})") from None
    found = partitions_in(info.config.description)
    if found is None:
        raise ConfigError(f"stream {stream!r} exists but was not made by Redline")
    if partitions is not None and partitions != found:
        raise ConfigError(
            f"stream {stream!r} has {found} partitions; --partitions {partitions} would move "
            "authors between partitions while their posts are pending"
        )
    return Layout(stream, found)


def consumer_config(layout: Layout, partition: int, ack_wait: float) -> ConsumerConfig:
    """The durable pull consumer of one partition (one message in flight, see the docstring)."""
    return ConsumerConfig(
        durable_name=layout.consumer(partition),
        filter_subject=layout.subject(partition),
        deliver_policy=DeliverPolicy.ALL,
        ack_policy=AckPolicy.EXPLICIT,
        ack_wait=ack_wait,
        max_deliver=-1,
        max_ack_pending=1,
    )


async def ensure_consumers(js: JetStreamContext, layout: Layout, ack_wait: float) -> None:
    """Create each partition's durable consumer; one that exists already is kept as it is.

    The server accepts a create with the same settings as a no-op; one made with another
    ``ack_wait`` (by a worker started with another ``--ack-wait``) stays as first made.
    """
    for partition in range(layout.partitions):
        config = consumer_config(layout, partition, ack_wait)
        try:
            await js.add_consumer(layout.stream, config)
        except Exception:
            await _call(js.consumer_info(layout.stream, layout.consumer(partition)))


async def _call(request: Any) -> Any:
    try:
        return await request
    except Exception as error:
        raise StreamUnavailable(
            f"JetStream refused the request ({type(error).__name__}: {error})"
        ) from None


async def ensure_events_stream(js: JetStreamContext, stream: str, prefix: str) -> None:
    """The stream that keeps the events published under ``prefix`` (created if missing)."""
    try:
        await js.stream_info(stream)
    except NotFoundError:
        config = StreamConfig(
            name=stream,
            description="Redline events out",
            subjects=[f"{prefix}.>"],
            storage=StorageType.FILE,
            duplicate_window=DUPLICATE_WINDOW,
        )
        await _call(js.add_stream(config))
