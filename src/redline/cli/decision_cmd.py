"""``redline decision show``: one stored decision, in full (evidence masked)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.record.decisions import Decisions

decision_app = typer.Typer(help="Stored decisions.", no_args_is_help=True)


@decision_app.command("show")
def show(
    decision_id: Annotated[str, typer.Argument(metavar="ID", help="Decision id (or content id).")],
) -> None:
    """Print a decision: violations, actions, strike, statement of reasons, versions."""
    with opened_store() as store, store.reading() as session:
        document = Decisions(session).get(decision_id)
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
