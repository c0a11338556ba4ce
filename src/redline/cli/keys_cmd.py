"""``redline keys``: create, list and revoke the API keys of the HTTP service.

``create`` prints the token once on stdout (so ``KEY=$(redline keys create ...)`` works) and its
id on stderr; only a hash of it is stored, so a lost token is replaced, never recovered.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.record.keys import Keys, Role

keys_app = typer.Typer(help="API keys of the HTTP service.", no_args_is_help=True)

_ROLES = ", ".join(r.value for r in Role)


@keys_app.command("create")
def create(
    role: Annotated[str, typer.Option(help=f"One of: {_ROLES}.")],
    name: Annotated[str, typer.Option(help="A label: who or what uses the key.")] = "",
    raw_evidence: Annotated[
        bool,
        typer.Option(
            "--raw-evidence", help="Allow revealing unmasked evidence (each reveal is audited)."
        ),
    ] = False,
) -> None:
    """Create a key and print its token (shown only this once)."""
    with opened_store() as store, store.transaction() as session:
        new = Keys(session).create(
            role, name=name, raw_evidence=raw_evidence, actor="cli", now=datetime.now(UTC)
        )
    typer.echo(new.token)
    typer.echo(
        f"created key {new.key.id} ({new.key.role.value}); the token is not stored", err=True
    )


@keys_app.command("list")
def list_keys(
    active: Annotated[bool, typer.Option("--active", help="Only keys not revoked.")] = False,
) -> None:
    """Print every key (id, name, role, permission, dates; never a secret), one JSON per line."""
    with opened_store() as store, store.reading() as session:
        keys = Keys(session).list(include_revoked=not active)
    for key in keys:
        typer.echo(json.dumps(key.to_document(), ensure_ascii=False))


@keys_app.command("revoke")
def revoke(
    key_id: Annotated[str, typer.Argument(metavar="ID", help="Key id (from list).")],
) -> None:
    """Revoke a key: requests with it are refused from now on."""
    with opened_store() as store, store.transaction() as session:
        Keys(session).revoke(key_id, actor="cli", now=datetime.now(UTC))
    typer.echo(f"revoked key {key_id}", err=True)
