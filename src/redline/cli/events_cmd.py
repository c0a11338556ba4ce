"""``redline events``: read the outbox, and run the deliverer that sends it out.

``deliver`` publishes each committed event to JetStream (with ``--nats``) and to every webhook
target registered for its type, signed, retried with backoff, until SIGTERM or Ctrl-C (or, with
``--once``, until nothing is due). docs/scaling.md describes the guarantees.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.record.outbox import KINDS, Outbox

events_app = typer.Typer(help="Events out: the outbox and its deliverer.", no_args_is_help=True)


@events_app.command("list")
def list_events(
    after: Annotated[int, typer.Option(min=0, help="Only events after this sequence number.")] = 0,
    kind: Annotated[
        str | None, typer.Option("--type", help=f"Only this type: {', '.join(KINDS)}.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most events to print.")] = 100,
) -> None:
    """Print events oldest first, one JSON per line, with their sequence number and state."""
    with opened_store() as store, store.reading() as session:
        events = Outbox(session).events(after, limit, kind)
    for event in events:
        typer.echo(json.dumps({"seq": event.seq, **event.to_document()}))


@events_app.command("deliver")
def deliver(
    nats_url: Annotated[
        str | None, typer.Option("--nats", help="Also publish to JetStream on this server.")
    ] = None,
    subject_prefix: Annotated[str, typer.Option(help="JetStream subject prefix.")] = (
        "redline.events"
    ),
    max_tries: Annotated[
        int, typer.Option(min=1, help="Tries per webhook delivery before it is dead.")
    ] = 8,
    retry_delay: Annotated[
        float, typer.Option(min=0.0, help="Seconds before the first retry (doubled each try).")
    ] = 2.0,
    once: Annotated[bool, typer.Option("--once", help="Stop when nothing is due.")] = False,
) -> None:
    """Send committed events to JetStream and the registered webhooks until stopped."""
    from redline.scale.deliver import Deliverer, DeliveryOptions

    if nats_url:
        from redline.cli.worker_cmd import require_nats

        require_nats()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    options = DeliveryOptions(
        nats_url=nats_url,
        subject_prefix=subject_prefix,
        max_tries=max_tries,
        retry_delay=retry_delay,
    )
    with opened_store() as store:
        deliverer = Deliverer(store, options)

        async def run() -> dict[str, int]:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(number, deliverer.stop)
            return dict(await deliverer.run(once=once))

        counts = asyncio.run(run())
    summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()) if n)
    typer.echo(f"deliverer stopped: {summary or 'nothing sent'}", err=True)
