"""``redline redact``: a copy of a file with the private data taken out, and a report of what.

For plain text, DOCX and PDF. The output is written only after the redacted copy passed its own
checks (re-extracted text and raw bytes hold none of the removed values), and written whole: to a
temporary file beside the target, then renamed, so a refused or interrupted run leaves no
half-redacted file behind. The report names each datum by its masked form only.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from redline.cli import config
from redline.detect.pii import PiiOptions
from redline.enforce.redaction.files import redact_file
from redline.errors import InputError


def _write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: whole or not at all."""
    directory = path.resolve().parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=".redline-", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}", field="--output") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def redact(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Plain text, DOCX or PDF file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the copy.")],
    entities: Annotated[
        str | None,
        typer.Option(help="Comma-separated entity types to redact (default: all with a mask)."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Write a JSON report of what was redacted, and where.")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0, help="Lowest score redacted (default: REDLINE_PII_THRESHOLD)."
        ),
    ] = None,
) -> None:
    """Write a redacted copy of FILE: typed masks in text and DOCX, text cut out of PDF pages."""
    settings = config.settings()
    if output.resolve() == file.resolve():
        raise InputError("--output must differ from FILE: the original is never overwritten",
                         field="--output")  # fmt: skip
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {file}: {error.strerror}", field="FILE") from None
    names = [e.strip().upper() for e in entities.split(",") if e.strip()] if entities else None
    options = PiiOptions(
        threshold=settings.pii_threshold if threshold is None else threshold,
        phone_regions=settings.phone_regions,
    )
    redacted = redact_file(data, filename=file.name, entities=names, options=options)
    _write_whole(output, redacted.data)
    if report is not None:
        body = json.dumps({**redacted.report, "output": str(output)}, ensure_ascii=False, indent=2)
        _write_whole(report, (body + "\n").encode("utf-8"))
    counts = ", ".join(f"{k} {v}" for k, v in redacted.report["counts"].items()) or "nothing found"
    typer.echo(f"redacted {redacted.report['redacted']} values ({counts}) into {output}", err=True)
