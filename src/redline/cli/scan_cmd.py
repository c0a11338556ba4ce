"""``redline scan``: find private information and banked material in a JSONL file of records.

Scanning is read-only. Without a store (no ``redline.sqlite3`` in the data directory and no
``REDLINE_DATABASE_URL``) it touches nothing and never imports the store's libraries; with one it
reads the banks once and reports ``matches`` beside ``findings``, recording nothing. Bad lines
are reported on stderr by line number and skipped; the exit code says whether any were refused.

Attachments are scanned like the text: a finding in one names its part (``attachment:0``) and page.
An attachment that could not be read is listed under ``unread`` with the reason; one refused as
hostile or malformed also makes the exit code say that input was refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from redline.cli import config
from redline.cli.io import open_input, open_output
from redline.cli.jsonl import BadLine, json_line, read_records, to_content
from redline.cli.progress import byte_progress
from redline.cli.returncode import ReturnCode
from redline.content import Content
from redline.detect.budget import Budget, BudgetLimits
from redline.detect.finding import DetectorFailure, Signal
from redline.detect.parts import scan_parts
from redline.detect.pii import ENTITIES, PiiOptions, default_scanner
from redline.detect.shown import cap_per_part
from redline.errors import InputError, RecordRefused
from redline.extract.parts import Parts, content_parts
from redline.settings import Settings


def finding_json(signal: Signal) -> dict[str, Any]:
    """The public JSON shape of one PII finding (masked, never raw)."""
    location = signal.location
    found: dict[str, Any] = {
        "entity": signal.type,
        "start": location.start,
        "end": location.end,
        "score": signal.score,
        "detector": signal.detector,
        "masked": signal.masked,
    }
    if location.part != "text":
        found["part"] = location.part
    if location.page is not None:
        found["page"] = location.page
    return found


def failure_json(failure: DetectorFailure) -> dict[str, str]:
    """The public JSON shape of a detector failure: which detector, on which part, and why."""
    return {"detector": failure.detector, "part": failure.part, "error": failure.error}


def _part(signal: Signal) -> str:
    return signal.location.part


def parse_entities(value: str | None) -> frozenset[str] | None:
    """Turn ``--entities US_SSN,PHONE_NUMBER`` into a set, refusing unknown names."""
    if not value:
        return None
    names = frozenset(v.strip().upper() for v in value.split(",") if v.strip())
    unknown = sorted(names - set(ENTITIES))
    if unknown:
        raise InputError(
            f"unknown entities {unknown}; known: {', '.join(ENTITIES)}", field="--entities"
        )
    return names


def bank_matcher(settings: Settings) -> Callable[[Content, Parts], list[dict[str, Any]]] | None:
    """A function giving a content's bank matches, or None when there is no store or no bank.

    It matches the parts the caller extracted for the PII scan: each attachment is read once.
    """
    if settings.database_url is None and not (settings.home / "redline.sqlite3").exists():
        return None
    from redline.record.banks.source import read_snapshot

    loaded = read_snapshot(settings)
    if loaded is None:
        return None
    snapshot, held = loaded

    def matches(content: Content, parts: Parts) -> list[dict[str, Any]]:
        out = []
        for hit in snapshot.scan_content(content, parts=parts).hits:
            match = hit.to_dict()
            if (hit.bank, hit.entry) in held:
                match["held"] = held[(hit.bank, hit.entry)]
            out.append(match)
        return out

    return matches


def scan(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="JSONL file, or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write results here (default stdout).")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Lowest score reported (default: REDLINE_PII_THRESHOLD, else 0.5).",
        ),
    ] = None,
    entities: Annotated[
        str | None, typer.Option(help="Comma-separated entity types to report (default all).")
    ] = None,
) -> None:
    """Find private information and banked material, one JSON result line per record."""
    settings = config.settings()
    options = PiiOptions(
        threshold=settings.pii_threshold if threshold is None else threshold,
        entities=parse_entities(entities),
        phone_regions=settings.phone_regions,
    )
    scanner = default_scanner()
    limits = BudgetLimits(settings.detect_budget_seconds, settings.detect_max_findings)
    matcher = bank_matcher(settings)
    scanned = refused = found = attachments = unread = hostile = 0
    with (
        open_input(input_path) as (stream, size),
        open_output(output) as out,
        byte_progress("scanning", size) as advance,
    ):
        for item in read_records(stream, settings.max_record_bytes):
            advance(item.size)
            try:
                if isinstance(item, BadLine):
                    raise item.error
                content = to_content(item.record)
            except RecordRefused as error:
                refused += 1
                where = "" if str(error).startswith("line ") else f"line {item.number}: "
                typer.echo(f"{where}{error}", err=True)
                continue
            parts = content_parts(content)
            scanned_parts = scan_parts(scanner, parts, options, Budget(limits, time.thread_time))
            signals = scanned_parts.signals
            found += len(signals)
            scanned += 1
            attachments += len(content.attachments)
            if parts.unread:
                unread += len(parts.unread)
                hostile += sum(u.refused for u in parts.unread)
            shown, omitted = cap_per_part(signals, _part, settings.output_max_findings)
            result: dict[str, Any] = {
                "id": item.record["id"],
                "findings": [finding_json(s) for s in shown],
                "matches": matcher(content, parts) if matcher else [],
            }
            if omitted:
                result["findings_omitted"] = omitted
            if scanned_parts.failures:  # an incomplete scan says so: it never reads as clean
                result["failures"] = [failure_json(f) for f in scanned_parts.failures]
            if parts.unread:
                result["unread"] = [{"part": u.name, "reason": u.reason} for u in parts.unread]
            out.write(json_line(result) + "\n")
    summary = f"scanned {scanned} records, {found} findings, {refused} refused"
    if attachments:
        summary += f"; {attachments} attachments, {unread} not read ({hostile} refused as unsafe)"
    typer.echo(summary, err=True)
    if refused or hostile:
        raise typer.Exit(ReturnCode.INPUT_REFUSED)
