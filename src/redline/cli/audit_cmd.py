"""``redline audit verify``: walk the hash chain and name the first broken event."""

from __future__ import annotations

import typer

from redline.cli.returncode import ReturnCode
from redline.cli.store import opened_store
from redline.record.audit import verify as verify_chain

audit_app = typer.Typer(help="The audit log.", no_args_is_help=True)


@audit_app.command("verify")
def verify() -> None:
    """Check that no audit event was edited, deleted or reordered (exit 8 if one was)."""
    with opened_store() as store, store.reading() as session:
        report = verify_chain(session)
    if report.ok:
        typer.echo(f"audit chain intact: {report.events} events")
        return
    typer.echo(f"audit chain broken at event {report.seq}: {report.problem}", err=True)
    raise typer.Exit(ReturnCode.CHECK_FAILED)
