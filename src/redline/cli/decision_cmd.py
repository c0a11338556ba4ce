"""``redline decision show``: one stored decision, in full (evidence masked)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from redline.record.decisions import Decisions
from redline.record.store import Store
from redline.settings import Settings

decision_app = typer.Typer(help="Stored decisions.", no_args_is_help=True)


@decision_app.command("show")
def show(
    decision_id: Annotated[str, typer.Argument(metavar="ID", help="Decision id (or content id).")],
) -> None:
    """Print a decision: violations, actions, strike, statement of reasons, versions."""
    store = Store.open(Settings())
    try:
        with store.reading() as session:
            document = Decisions(session).get(decision_id)
    finally:
        store.close()
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
