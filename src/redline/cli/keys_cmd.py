"""``redline keys``: create, list and revoke the API keys of the HTTP service; rotate the hash key.

``create`` prints the token once on stdout (so ``KEY=$(redline keys create ...)`` works) and its
id on stderr; only a hash of it is stored, so a lost token is replaced, never recovered.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.record.keys import Keys, Role

keys_app = typer.Typer(
    help="API keys of the HTTP service; the hash key's rotation.", no_args_is_help=True
)

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


@keys_app.command("rotate-hash")
def rotate_hash(
    new_key_file: Annotated[
        Path | None,
        typer.Option(
            "--new-key-file", help="File holding the new key (default: a fresh random key)."
        ),
    ] = None,
    ring_out: Annotated[
        Path | None,
        typer.Option(
            "--ring-out",
            help="New file for the rotated ring (needed unless the key is the generated one).",
        ),
    ] = None,
) -> None:
    """Re-key every stored digest of private values under a new hash key (docs/security.md).

    Digests are one-way, so each stored digest is hashed again under the new key and the new
    key joins the old ones in a ring, oldest first: every process must then use the ring.
    Stop every process that writes to the store first.
    """
    from redline.cli.rotate_cmd import rotate_hash as run

    run(new_key_file, ring_out)
