"""``redline audit``: check the audit chain and the rows it covers; sign and check checkpoints.

``verify`` walks the chain, recomputes the hash of every decision, strike, case and appeal, and,
given ``--checkpoints`` and ``--public-key``, proves the chain still holds every event a signed
checkpoint saw. ``keygen`` makes the Ed25519 key pair, ``checkpoint`` signs the chain's head with
it (after checking the chain extends the newest checkpoint) and writes the file where the
operator chooses. The private key and the checkpoints never live in the data directory.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from redline.cli import config
from redline.cli.returncode import ReturnCode
from redline.cli.store import opened_store
from redline.record.audit.checkpoint import (
    DirectorySink,
    Reading,
    current,
    read_directory,
    sign,
    store_identity,
)
from redline.record.audit.signing import generate, key_id, load_private, load_public
from redline.record.integrity import extends
from redline.record.integrity import verify as verify_audit
from redline.record.secrets import refuse_inside_data

audit_app = typer.Typer(help="The audit log and its signed checkpoints.", no_args_is_help=True)

_KEY_VARIABLE = "REDLINE_AUDIT_SIGNING_KEY_FILE"
_PUBLIC_VARIABLE = "REDLINE_AUDIT_PUBLIC_KEY_FILE"
_DIR_VARIABLE = "REDLINE_AUDIT_CHECKPOINTS_DIR"
_WHY = "whoever can write the store could delete the checkpoints that would expose a rewrite"


@audit_app.command("verify")
def verify(
    checkpoints: Annotated[
        Path | None,
        typer.Option(
            "--checkpoints",
            envvar=_DIR_VARIABLE,
            help="Directory of signed checkpoints: prove the chain still holds what they saw.",
        ),
    ] = None,
    public_key: Annotated[
        Path | None,
        typer.Option(
            "--public-key",
            envvar=_PUBLIC_VARIABLE,
            help="The checkpoint key's public half (PEM), needed with --checkpoints.",
        ),
    ] = None,
) -> None:
    """Check the chain and every decision, strike, case and appeal it covers (exit 8 if not).

    Names every row edited, deleted or inserted outside Redline, and, with --checkpoints, a
    chain rewritten or truncated after a checkpoint.
    """
    if checkpoints is not None and public_key is None:
        typer.echo(f"error: --checkpoints needs --public-key (or ${_PUBLIC_VARIABLE})", err=True)
        raise typer.Exit(ReturnCode.USAGE)
    public = load_public(public_key) if public_key is not None else None
    with opened_store() as store, store.reading(snapshot=True) as session:
        reading = store_id = None
        if checkpoints is not None and public is not None:
            store_id = store_identity(session)
            reading = read_directory(checkpoints, public, store_id)
        report = verify_audit(session, checkpoints=reading, store=store_id)
    if report.ok:
        proven = f", proven against {report.checkpoints} signed checkpoints" if reading else ""
        typer.echo(
            f"audit chain intact: {report.events} events, {report.rows} covered rows"
            f" (decisions, strikes, cases, appeals) match{proven}"
        )
        return
    if report.seq is not None:
        typer.echo(f"audit chain broken at event {report.seq}: {report.problem}", err=True)
    for finding in report.findings[1 if report.seq is not None else 0 :]:
        typer.echo(f"audit check failed: {finding}", err=True)
    raise typer.Exit(ReturnCode.CHECK_FAILED)


@audit_app.command("keygen")
def keygen(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            help="Where to write the private key (0600; never the data directory); the public"
            " key goes beside it as FILE.pub.",
        ),
    ],
) -> None:
    """Create the Ed25519 key pair that signs audit checkpoints."""
    public = generate(output, config.settings())
    typer.echo(str(public))
    typer.echo(
        f"wrote the private key {output} (mode 0600) and the public key {public}"
        f" (key id {key_id(load_public(public))}); keep the private key apart from the store"
        f" and point {_KEY_VARIABLE} at it",
        err=True,
    )


@audit_app.command("checkpoint")
def checkpoint(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            envvar=_DIR_VARIABLE,
            help="Directory the signed checkpoint is written to (not the data directory).",
        ),
    ],
    key: Annotated[
        Path,
        typer.Option(
            "--key", envvar=_KEY_VARIABLE, help="The private key `redline audit keygen` wrote."
        ),
    ],
) -> None:
    """Sign the chain's head (store, event number, hash, time) and write it to --output.

    Refuses (exit 8) when the chain does not extend the newest checkpoint in --output: a
    rewritten chain is never signed. Writes nothing when the head has not moved.
    """
    settings = config.settings()
    refuse_inside_data(settings, output, "--output", _WHY)
    private = load_private(key, settings)
    public = private.public_key()
    with opened_store() as store, store.reading(snapshot=True) as session:
        store_id = store_identity(session)
        reading = (
            read_directory(output, public, store_id, newest_only=True)
            if output.exists()
            else Reading((), (), 0)
        )
        refused = extends(session, reading)
        head = current(session, datetime.now(UTC).isoformat(timespec="seconds"))
    if refused is not None:
        typer.echo(f"error: not signing: {refused}", err=True)
        raise typer.Exit(ReturnCode.CHECK_FAILED)
    newest = reading.newest
    if newest is not None and newest.seq == head.seq:
        typer.echo(f"the head has not moved since {newest.label}; nothing to sign", err=True)
        return
    where = DirectorySink(output).publish(sign(head, private))
    typer.echo(where)
    typer.echo(f"signed event {head.seq} of store {head.store} with key {key_id(public)}", err=True)
