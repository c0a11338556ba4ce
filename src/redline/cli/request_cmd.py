"""``redline request``: log external requests (government, campaign, company, user, other)."""

from __future__ import annotations

from typing import Annotated

import typer

from redline.cli.case_cmd import emit
from redline.cli.store import opened_store
from redline.review import requests as service
from redline.review.common import parse_when, utcnow

request_app = typer.Typer(help="External requests to act on content.", no_args_is_help=True)


@request_app.command("record")
def record(
    requester_type: Annotated[
        str,
        typer.Option("--type", help="government, election_campaign, company, user or other."),
    ],
    requester: Annotated[str, typer.Option("--from", help="Who asked.")],
    asked: Annotated[str, typer.Option(help="What they asked for.")],
    content: Annotated[
        list[str] | None, typer.Option(help="A content id concerned (repeatable).")
    ] = None,
    account: Annotated[
        list[str] | None, typer.Option(help="An account id concerned (repeatable).")
    ] = None,
    received: Annotated[
        str | None, typer.Option(help="When it was received (ISO; default now).")
    ] = None,
    by: Annotated[str, typer.Option(help="Who records it.")] = "cli",
) -> None:
    """Record a request; it is linked to decisions on the same content, never read by them."""
    when = parse_when(received, "--received") if received else utcnow()
    with opened_store() as store:
        request = service.record_request(
            store,
            requester_type=requester_type,
            requester=requester,
            asked=asked,
            received_at=when,
            content_ids=content,
            account_ids=account,
            recorded_by=by,
        )
    emit(request.to_document())


@request_app.command("outcome")
def outcome(
    request_id: Annotated[str, typer.Argument(metavar="REQUEST")],
    outcome: Annotated[
        str,
        typer.Option(
            help="actioned, partially_actioned, no_action, rejected, withdrawn or pending."
        ),
    ],
    note: Annotated[str | None, typer.Option(help="What was done and why.")] = None,
    by: Annotated[str, typer.Option(help="Who records the outcome.")] = "cli",
) -> None:
    """Record what the platform did about a request."""
    with opened_store() as store:
        request = service.set_request_outcome(
            store, request_id, outcome=outcome, note=note, actor=by
        )
    emit(request.to_document())


@request_app.command("show")
def show(request_id: Annotated[str, typer.Argument(metavar="REQUEST")]) -> None:
    """Print a request with the content, accounts and decisions it concerns."""
    with opened_store() as store:
        request = service.show_request(store, request_id)
    emit(request.to_document())


@request_app.command("list")
def list_(
    start: Annotated[str | None, typer.Option("--from", help="Received on or after (ISO).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Received before (ISO).")] = None,
) -> None:
    """List requests received in a window, oldest first."""
    first = parse_when(start, "--from") if start else None
    last = parse_when(end, "--to") if end else None
    with opened_store() as store:
        requests = service.list_requests(store, start=first, end=last)
    emit([r.to_document() for r in requests])
