"""``redline decision show``: one stored decision (evidence masked, signals capped per part)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from redline.cli.config import settings
from redline.cli.store import opened_store
from redline.record.decisions import Decisions, document_of, shown

decision_app = typer.Typer(help="Stored decisions.", no_args_is_help=True)


@decision_app.command("show")
def show(
    decision_id: Annotated[str, typer.Argument(metavar="ID", help="Decision id (or content id).")],
    all_signals: Annotated[
        bool,
        typer.Option(
            "--all-signals",
            help="List every signal (default: REDLINE_OUTPUT_MAX_FINDINGS per part and"
            " violation, the rest counted under signals_omitted).",
        ),
    ] = False,
) -> None:
    """Print a decision: violations, actions, strike, statement of reasons, versions."""
    with opened_store() as store, store.reading() as session:
        decision = Decisions(session).get(decision_id)
    if not all_signals:
        decision = shown(decision, settings().output_max_findings)
    typer.echo(json.dumps(document_of(decision), indent=2, ensure_ascii=False))
