"""``redline bank``: create banks of known material, add files, URLs and domains, list, show.

Every command is one unit of work on the store through ``record.banks.Banks`` (the same service
the HTTP API calls), so adding several files is all or nothing: one unreadable file and the bank is
unchanged. ``list`` and ``show`` print a table for people and JSON with ``--json``.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from redline.cli.store import opened_store
from redline.curate.banks import BankFile, Banks
from redline.errors import InputError, LimitExceeded
from redline.extract.documents import DocumentLimits

bank_app = typer.Typer(
    help="Banks of known material: documents, images, URLs and domains.", no_args_is_help=True
)

AddedBy = Annotated[
    str | None, typer.Option("--added-by", help="Who is adding it (default: the OS user).")
]
RemovedBy = Annotated[
    str | None, typer.Option("--by", help="Who is removing it (default: the OS user).")
]
ReleasedBy = Annotated[
    str | None, typer.Option("--by", help="Who is releasing it (default: the OS user).")
]
Source = Annotated[str | None, typer.Option(help="Where the material came from.")]
Note = Annotated[str, typer.Option(help="A free note kept with the provenance.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _who(added_by: str | None) -> str:
    if added_by:
        return added_by
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _read(path: Path, limits: DocumentLimits) -> bytes:
    """A file's bytes, refusing one over the size limit before reading it."""
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise LimitExceeded(
                f"{path}: file has {size} bytes, over the limit of {limits.max_bytes} (max_bytes)",
                field="FILE",
                limit=limits.max_bytes,
            )
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", field="FILE") from None


def _emit(document: Any) -> None:
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


def _print(table: Any, head: str | None = None) -> None:
    """Print a Rich table: the name column whole, other cells fold rather than cut."""
    from rich.console import Console

    for column in table.columns:
        column.overflow = "fold"
    table.columns[0].no_wrap = True
    console = Console()
    if head:
        console.print(head)
    console.print(table)


@bank_app.command("create")
def create(
    name: Annotated[str, typer.Argument(metavar="NAME")],
    designation: Annotated[
        list[str] | None,
        typer.Option(
            "--designation",
            help="hacked_material, foreign_state_operation or a custom lower_snake name"
            " (repeatable).",
        ),
    ] = None,
    source: Source = None,
    note: Note = "",
    added_by: AddedBy = None,
    distance: Annotated[
        int, typer.Option(min=0, max=128, help="Largest PDQ Hamming distance for images.")
    ] = 31,
    text_distance: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=0.99, help="Share of differing letters an excerpt may have (default 0.15)."
        ),
    ] = None,
    negative: Annotated[
        bool, typer.Option("--negative", help="Its entries suppress other banks' matches.")
    ] = False,
) -> None:
    """Create a bank."""
    with opened_store() as store, store.transaction() as session:
        bank = Banks(session).create_bank(
            name,
            designation or [],
            source=source,
            note=note,
            added_by=_who(added_by),
            distance=distance,
            text_distance=text_distance,
            negative=negative,
        )
    kind = "negative bank" if bank.negative else "bank"
    typer.echo(f"created {kind} {bank.name} ({', '.join(bank.designations) or '-'})", err=True)


@bank_app.command("add")
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The bank.")],
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[FILE]...", help="Text, PDF, DOCX, HTML or image files."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="Bank a link (the exact page).")] = None,
    prefix: Annotated[
        bool, typer.Option("--prefix", help="With --url: everything under that path.")
    ] = False,
    domain: Annotated[str | None, typer.Option(help="Bank a domain and its subdomains.")] = None,
    entry: Annotated[
        str | None,
        typer.Option("--name", help="Entry name (default: file name without extension)."),
    ] = None,
    source: Source = None,
    note: Note = "",
    added_by: AddedBy = None,
) -> None:
    """Add files, a URL or a domain to a bank; a batch of files is added all or nothing."""
    chosen = sum(bool(x) for x in (files, url, domain))
    if chosen != 1:
        raise InputError("give FILE..., --url or --domain (exactly one)", field="FILE")
    if entry and files and len(files) > 1:
        raise InputError("--name names one entry; give one FILE with it", field="--name")
    if prefix and not url:
        raise InputError("--prefix goes with --url", field="--prefix")
    limits = DocumentLimits()
    batch = [BankFile(p.name, _read(p, limits), entry) for p in files or []]
    who = _who(added_by)
    with opened_store() as store, store.transaction() as session:
        banks = Banks(session, limits=limits)
        if batch:
            added = banks.add_files(name, batch, added_by=who, source=source, note=note)
        elif url:
            added = [
                banks.add_url(
                    name, url, name=entry, prefix=prefix, added_by=who, source=source, note=note
                )
            ]
        else:
            assert domain is not None
            added = [
                banks.add_domain(name, domain, name=entry, added_by=who, source=source, note=note)
            ]
    for e in added:
        typer.echo(f"added {e.kind.value} {e.name} to {name}", err=True)


@bank_app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The bank.")],
    entry: Annotated[str, typer.Argument(metavar="ENTRY")],
    by: RemovedBy = None,
) -> None:
    """Remove one entry from a bank (the audit log keeps what it was)."""
    with opened_store() as store, store.transaction() as session:
        Banks(session).remove_entry(name, entry, actor=_who(by))
    typer.echo(f"removed {entry} from {name}", err=True)


@bank_app.command("expand")
def expand(
    short: Annotated[str, typer.Argument(metavar="SHORT", help="A short link.")],
    target: Annotated[str, typer.Argument(metavar="TARGET", help="Where it leads.")],
    added_by: AddedBy = None,
) -> None:
    """Record a known short-link expansion (links are never resolved over the network)."""
    with opened_store() as store, store.transaction() as session:
        Banks(session).add_expansion(short, target, added_by=_who(added_by))
    typer.echo(f"{short} -> {target}", err=True)


@bank_app.command("release")
def release(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The bank.")],
    entry: Annotated[str, typer.Argument(metavar="ENTRY")],
    by: ReleasedBy = None,
) -> None:
    """Release an entry the flood guard holds, so its matches act again."""
    with opened_store() as store, store.transaction() as session:
        Banks(session).release(name, entry, actor=_who(by))
    typer.echo(f"released {entry} in {name}", err=True)


@bank_app.command("list")
def list_(as_json: AsJson = False) -> None:
    """List banks with their designations and entry counts."""
    with opened_store() as store, store.reading() as session:
        summaries = Banks(session).list_banks()
    if as_json:
        _emit([s.to_dict() for s in summaries])
        return
    from rich.table import Table

    table = Table("bank", "designations", "negative", "entries", "kinds", "added by", "added at")
    for s in summaries:
        b = s.bank
        table.add_row(
            b.name,
            ", ".join(b.designations),
            "yes" if b.negative else "",
            str(s.entries),
            ", ".join(f"{k} {n}" for k, n in sorted(s.kinds.items())),
            b.created_by or "",
            b.created_at.isoformat(timespec="seconds") if b.created_at else "",
        )
    _print(table)


@bank_app.command("show")
def show(name: Annotated[str, typer.Argument(metavar="NAME")], as_json: AsJson = False) -> None:
    """Show a bank's settings, provenance and entries (hashes and links, never the text)."""
    with opened_store() as store, store.reading() as session:
        view = Banks(session).show_bank(name)
    document = view.to_dict()
    if as_json:
        _emit(document)
        return
    from rich.table import Table

    head = {k: v for k, v in document.items() if k != "entries"}
    table = Table("entry", "kind", "hash / value", "media type", "added by", "added at", "held")
    for e in document["entries"]:
        table.add_row(
            e["name"],
            e["kind"],
            e.get("value") or e.get("pdq") or (e.get("sha256") or "")[:16],
            e.get("media_type") or "",
            e.get("added_by") or "",
            (e.get("added_at") or "")[:19],
            e["held"] or "",
        )
    _print(table, "  ".join(f"[bold]{k}[/]: {v}" for k, v in head.items() if v not in (None, "")))


def _background() -> None:
    """Register ``bank background`` (its module imports this one for the shared options)."""
    from redline.cli.background_cmd import background_app

    bank_app.add_typer(background_app, name="background")


_background()
