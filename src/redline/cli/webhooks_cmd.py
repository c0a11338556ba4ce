"""``redline webhooks``: register the addresses events go to, and read the delivery log.

Only these addresses ever receive events (the deliverer reads no other). ``add`` prints the new
target as JSON with its ``whsec_`` signing secret, the one time it is shown by the CLI; the
receiver checks each request's ``webhook-signature`` with it (Standard Webhooks).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.errors import InputError
from redline.record.outbox import KINDS, Webhooks

webhooks_app = typer.Typer(
    help="Webhook targets for events out, and their delivery log.", no_args_is_help=True
)

_KINDS = ", ".join(KINDS)


def event_kinds(value: str) -> list[str]:
    """``decision.made,appeal.decided`` (or ``all``) as a list of event types."""
    if value.strip() == "all":
        return list(KINDS)
    kinds = [k.strip() for k in value.split(",") if k.strip()]
    if not kinds:
        raise InputError(f"--events must name some of {_KINDS}, or all", field="events")
    return kinds


@webhooks_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="http(s) address that receives the events.")],
    events: Annotated[str, typer.Option(help=f"Comma-separated types, or all: {_KINDS}.")],
    platform: Annotated[str, typer.Option(help="The platform this target belongs to.")] = "default",
) -> None:
    """Register a target; it receives the events committed from now on."""
    with opened_store() as store, store.transaction() as session:
        target = Webhooks(session).add(
            url, event_kinds(events), platform=platform, actor="cli", now=datetime.now(UTC)
        )
    typer.echo(json.dumps(target.to_document()))
    typer.echo(f"registered {target.id}; keep its secret, it signs every request", err=True)


@webhooks_app.command("list")
def list_targets(
    removed: Annotated[bool, typer.Option("--removed", help="Include removed targets.")] = False,
) -> None:
    """Print the registered targets, one JSON per line (never a secret)."""
    with opened_store() as store, store.reading() as session:
        targets = Webhooks(session).targets(include_removed=removed)
    for target in targets:
        typer.echo(json.dumps(target.to_document()))


@webhooks_app.command("remove")
def remove(target_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Stop sending to a target (its delivery log is kept)."""
    with opened_store() as store, store.transaction() as session:
        Webhooks(session).remove(target_id, datetime.now(UTC))
    typer.echo(f"removed {target_id}", err=True)


@webhooks_app.command("deliveries")
def deliveries(
    status: Annotated[
        str | None, typer.Option(help="pending, delivered or dead (default: all).")
    ] = None,
    target: Annotated[str | None, typer.Option(help="Only this target's deliveries.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most rows to print.")] = 100,
) -> None:
    """Print the delivery log, newest event first, one JSON per line."""
    if status is not None and status not in ("pending", "delivered", "dead"):
        raise InputError("--status must be pending, delivered or dead", field="status")
    with opened_store() as store, store.reading() as session:
        rows = Webhooks(session).deliveries(status, target, limit)
    for row in rows:
        typer.echo(json.dumps(row.to_document()))


@webhooks_app.command("retry")
def retry(
    target: Annotated[str | None, typer.Option(help="Only this target's dead deliveries.")] = None,
) -> None:
    """Put dead deliveries back in the queue, once the receiver is fixed."""
    with opened_store() as store, store.transaction() as session:
        count = Webhooks(session).retry_dead(target, datetime.now(UTC))
    typer.echo(f"{count} dead deliveries queued again", err=True)
