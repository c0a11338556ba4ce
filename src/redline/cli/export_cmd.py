"""``redline export statements``: DSA statements of reasons, validated, in batches of 100."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.decide.policy import load_policy
from redline.report import statements as service
from redline.report.dsa import EEA
from redline.review.common import parse_when

export_app = typer.Typer(help="Exports for regulators.", no_args_is_help=True)


@export_app.command("statements")
def statements(
    output: Annotated[Path, typer.Option(help="File to write (numbered files past 100).")],
    fmt: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
    start: Annotated[
        str | None, typer.Option("--from", help="Applied on or after (ISO date).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Applied before (ISO date).")] = None,
    policy: Annotated[
        Path | None, typer.Option(help="Policy pack for rule titles (default: shipped).")
    ] = None,
    territory: Annotated[
        list[str] | None, typer.Option(help="Country code the decisions apply in (default EEA).")
    ] = None,
) -> None:
    """Export a statement of reasons for every restriction, in the DSA database's API format."""
    first = parse_when(start, "--from") if start else None
    last = parse_when(end, "--to") if end else None
    if fmt not in ("json", "csv"):
        raise typer.BadParameter("must be json or csv", param_hint="--format")
    with opened_store() as store:
        found = service.export(
            store, start=first, end=last, policy=load_policy(policy), territory=territory or EEA
        )
    paths = service.write(found, output, fmt)
    typer.echo(
        f"wrote {len(found)} statements in {len(paths)} file(s): "
        + ", ".join(str(p) for p in paths),
        err=True,
    )
