"""``redline bank background``: ordinary text that tells the leak matcher what house style is.

A background sample is text that looks like the banked material without being it: the
organisation's own published memos and press releases, a newsroom's articles, a sample of the
platform's posts. The matcher then counts what a post shares with a bank document and with this
ordinary text as house style, not as evidence of the leak. Samples are stored as k-gram counts,
never as text; ``add`` is one unit of work (every file is read first, then the sample is written).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from redline.cli.bank_cmd import (
    AddedBy,
    AsJson,
    Note,
    RemovedBy,
    Source,
    _emit,
    _print,
    _read,
    _who,
)
from redline.cli.jsonl import Line, read_records
from redline.cli.store import opened_store
from redline.errors import InputError
from redline.extract.documents import DocumentLimits, extract_document
from redline.record.banks.background import BackgroundSamples

background_app = typer.Typer(
    help="Ordinary text (the house's published writing, sample posts) the leak matcher is told"
    " is not evidence.",
    no_args_is_help=True,
)


def _texts(paths: list[Path], limits: DocumentLimits) -> list[str]:
    """Every text in the files: one per JSONL record (its ``text``), else one per file."""
    texts: list[str] = []
    for path in paths:
        if path.suffix.lower() == ".jsonl":
            texts.extend(_jsonl_texts(path, limits))
        else:
            texts.append(
                extract_document(_read(path, limits), filename=path.name, limits=limits).text
            )
    return texts


def _jsonl_texts(path: Path, limits: DocumentLimits) -> Iterator[str]:
    """The ``text`` of each line; a line without one refuses the whole sample, by number."""
    with path.open("rb") as stream:
        for line in read_records(stream, limits.max_bytes):
            text = line.record.get("text") if isinstance(line, Line) else None
            if not isinstance(text, str):
                raise InputError(
                    f"{path.name} line {line.number}: needs a JSON object with a text",
                    field="FILE",
                )
            yield text


@background_app.command("add")
def add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name for this sample.")],
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Text, PDF, DOCX or HTML files (one text each), or JSONL with a text per line.",
        ),
    ],
    source: Source = None,
    note: Note = "",
    added_by: AddedBy = None,
) -> None:
    """Add a sample of ordinary text (stored as k-gram counts, never as text)."""
    limits = DocumentLimits()
    texts = _texts(files, limits)
    with opened_store() as store, store.transaction() as session:
        sample = BackgroundSamples(session).add(
            name, texts, added_by=_who(added_by), source=source, note=note
        )
    typer.echo(f"added background sample {sample.name} ({sample.texts} texts)", err=True)


@background_app.command("list")
def list_(as_json: AsJson = False) -> None:
    """List background samples: name, how many texts, provenance."""
    with opened_store() as store, store.reading() as session:
        samples = BackgroundSamples(session).list()
    if as_json:
        _emit([s.to_dict() for s in samples])
        return
    from rich.table import Table

    table = Table("sample", "texts", "source", "added by", "added at")
    for s in samples:
        table.add_row(
            s.name,
            str(s.texts),
            s.source or "",
            s.added_by or "",
            s.added_at.isoformat(timespec="seconds"),
        )
    _print(table)


@background_app.command("remove")
def remove(name: Annotated[str, typer.Argument(metavar="NAME")], by: RemovedBy = None) -> None:
    """Remove a background sample."""
    with opened_store() as store, store.transaction() as session:
        BackgroundSamples(session).remove(name, actor=_who(by))
    typer.echo(f"removed background sample {name}", err=True)
