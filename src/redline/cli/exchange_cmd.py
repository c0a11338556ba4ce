"""``redline exchange``: share a bank's signals with other platforms, and take theirs in.

``export`` writes a bank as an exchange file (JSON Lines, docs/exchange.md): hashes, links, and
documents as excerpt fingerprints keyed with the exchange key, so the file carries no text.
``import`` reads one into a bank in one unit of work: the whole file is validated first (a bad
line is named and nothing is written), importing twice adds nothing, a newer version of a signal
replaces the older. ``--format hma`` reads and writes python-threatexchange's plain signal files.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from redline.cli import config
from redline.cli.bank_cmd import AddedBy, _who
from redline.cli.store import opened_store
from redline.curate.exchange.export import export_bank
from redline.curate.exchange.format import Level, dump_lines, parse_lines
from redline.curate.exchange.hma import from_hma, to_hma
from redline.curate.exchange.pull import fetch_feed
from redline.curate.exchange.receive import receive
from redline.errors import InputError
from redline.record.secrets.exchange import exchange_keys

exchange_app = typer.Typer(
    help="Share banks' signals with other platforms (hashes, links, keyed excerpt fingerprints).",
    no_args_is_help=True,
)


class FileFormat(StrEnum):
    """Exchange files Redline reads and writes."""

    REDLINE = "redline"
    HMA = "hma"


Format = Annotated[
    FileFormat,
    typer.Option(
        "--format",
        help="redline: JSON Lines with provenance, level and expiry; hma: python-threatexchange"
        " plain signal files (pdq and url lines only).",
    ),
]


def _level(value: str) -> Level:
    try:
        return Level.parse(value)
    except ValueError as exc:
        raise InputError(str(exc), field="level") from None


@exchange_app.command("export")
def export(
    bank: Annotated[str, typer.Argument(metavar="BANK", help="The bank to share.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write ('-': stdout).")],
    level: Annotated[
        str, typer.Option(help="Sharing level stamped on every signal: CLEAR, GREEN, AMBER, RED.")
    ] = "AMBER",
    expires_days: Annotated[
        int | None,
        typer.Option("--expires-days", min=1, help="Signals stop matching this many days on."),
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option(help="This platform's name in the provenance (REDLINE_EXCHANGE_PLATFORM)."),
    ] = None,
    file_format: Format = FileFormat.REDLINE,
) -> None:
    """Write a bank's signals; documents go as keyed fingerprints when an exchange key is set."""
    settings = config.settings()
    keys = exchange_keys(settings)
    now = datetime.now(UTC)
    expires = now + timedelta(days=expires_days) if expires_days else None
    with opened_store() as store, store.reading() as session:
        signals = export_bank(
            session,
            bank,
            platform=platform or settings.exchange_platform,
            level=_level(level),
            now=now,
            key=keys[0] if keys else None,
            expires_at=expires,
        )
    lines = to_hma(signals) if file_format is FileFormat.HMA else dump_lines(signals)
    text = "".join(lines)
    if str(output) == "-":
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    if not keys:
        typer.echo("no exchange key set: documents shared by exact hashes only", err=True)
    typer.echo(f"exported {len(signals)} signals of bank {bank}", err=True)


@exchange_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An exchange file ('-': stdin).")],
    bank: Annotated[str, typer.Option("--bank", help="The bank to receive into (created).")],
    file_format: Format = FileFormat.REDLINE,
    platform: Annotated[
        str, typer.Option(help="hma only: the platform the file came from.")
    ] = "hma",
    designation: Annotated[
        list[str] | None, typer.Option(help="hma only: designations (repeat for more).")
    ] = None,
    level: Annotated[str, typer.Option(help="hma only: the sharing level.")] = "AMBER",
    added_by: AddedBy = None,
) -> None:
    """Receive signals into a bank: all or nothing, idempotent, newer versions replace older."""
    settings = config.settings()
    now = datetime.now(UTC)
    raw = typer.get_text_stream("stdin").read() if str(file) == "-" else _read(file)
    lines = raw.splitlines()
    if file_format is FileFormat.HMA:
        signals = list(
            from_hma(
                lines,
                platform=platform,
                designations=tuple(designation or ("banked_material",)),
                level=_level(level),
                now=now,
            )
        )
    else:
        signals = list(parse_lines(lines))
    with opened_store() as store, store.transaction() as session:
        done = receive(
            session, bank, signals, keys=exchange_keys(settings), actor=_who(added_by), now=now
        )
    typer.echo(
        f"bank {bank}: {done.added} added, {done.replaced} replaced by a newer version,"
        f" {done.unchanged} unchanged",
        err=True,
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror}", field="FILE") from None
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8", field="FILE") from None


@exchange_app.command("pull")
def pull(
    url: Annotated[
        str, typer.Argument(metavar="URL", help="The feed: https://HOST/v1/exchange/BANK.")
    ],
    key: Annotated[
        str,
        typer.Option(
            "--key", envvar="REDLINE_EXCHANGE_FEED_KEY", help="The sender's `exchange` API key."
        ),
    ],
    bank: Annotated[str, typer.Option("--bank", help="The bank to receive into (created).")],
    level: Annotated[str, typer.Option(help="The sharing level to ask for.")] = "AMBER",
    added_by: AddedBy = None,
) -> None:
    """Fetch another deployment's feed, every page, then receive it like ``import`` (once).

    Run it from a scheduler (cron, a systemd timer) to stay current: a second pull of an
    unchanged feed adds nothing.
    """
    signals = fetch_feed(url, key, _level(level))
    settings = config.settings()
    with opened_store() as store, store.transaction() as session:
        done = receive(
            session,
            bank,
            signals,
            keys=exchange_keys(settings),
            actor=_who(added_by),
            now=datetime.now(UTC),
        )
    typer.echo(
        f"bank {bank}: {done.added} added, {done.replaced} replaced by a newer version,"
        f" {done.unchanged} unchanged (from {url})",
        err=True,
    )
