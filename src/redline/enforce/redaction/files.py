"""Redact a file (plain text, DOCX, PDF), check that nothing redacted is left, and report.

Detection runs with the shared PII scanner; cuts come from ``masks.plan_cuts``, the same planning
as the ``request_redaction`` text offered to authors. The redacted bytes are then checked as an
outsider would check them, and the file is refused (nothing handed back) if any check fails:

* its text is extracted again by the ordinary readers (pypdf for PDFs, not the glyph walk that
  redacted it) and must contain none of the removed values, spaces ignored;
* its raw bytes, every stream or member decompressed, must not contain them either;
* detection over the re-extracted text must find nothing of the redacted entity types.

The report lists what was redacted and where, by masked form only: it can be shared.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from redline.detect.finding import Signal
from redline.detect.pii import PiiOptions, default_scanner
from redline.enforce.redaction.docx import redact_docx
from redline.enforce.redaction.masks import TYPED_MASKS, apply_cuts, mask_for, plan_cuts
from redline.enforce.redaction.pdf import redact_pdf
from redline.errors import InputError, NotReadable
from redline.extract.documents import DOCX, PDF, TEXT, extract_document, sniff_media_type
from redline.extract.limits import DocumentLimits

__all__ = ["Redacted", "check_entities", "redact_file"]

# Shorter values (a last-four) are checked by detection only: searching for "6789" would also hit
# page numbers and revision ids that are not the datum, and refuse files that are clean.
_MIN_RAW = 5


@dataclass(frozen=True, slots=True)
class Redacted:
    """A redacted file and its report (masked forms only)."""

    data: bytes
    media_type: str
    report: dict[str, Any]


def check_entities(entities: Collection[str] | None) -> tuple[str, ...]:
    """The entity types to redact (default: all with a typed mask); unknown names refused."""
    if not entities:
        return tuple(TYPED_MASKS)
    unknown = sorted(e for e in entities if mask_for(e) is None)
    if unknown:
        raise InputError(
            f"cannot redact {unknown}: no typed mask"
            f" (known: {', '.join(TYPED_MASKS)}, PERSON_NAME)",
            field="entities",
        )
    return tuple(entities)


def _entry(signals: tuple[Signal, ...], mask: str, where: dict[str, Any]) -> dict[str, Any]:
    first = signals[0]
    return {
        "entity": first.type,
        "mask": mask,
        "masked": first.masked,
        "score": round(max(s.score for s in signals), 3),
        "detector": first.detector,
        **where,
    }


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _raw_layers(data: bytes, kind: str) -> list[bytes]:
    """The file's bytes and every stream or member decompressed."""
    layers = [data]
    if kind == PDF:
        from pypdf import PdfReader
        from pypdf.generic import StreamObject

        reader = PdfReader(io.BytesIO(data))
        for number in range(1, int(reader.trailer.get("/Size", 0))):
            try:
                obj = reader.get_object(number)
            except Exception:  # a free entry: no object under this number
                continue
            if isinstance(obj, StreamObject):
                layers.append(obj.get_data())
    elif kind == DOCX:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            layers.extend(zf.read(name) for name in zf.namelist())
    return layers


def _verify(
    data: bytes, kind: str, removed: list[str], entities: tuple[str, ...], options: PiiOptions
) -> dict[str, Any]:
    """Refuse the output if a removed value or a finding of a redacted type is still in it.

    Scanned pages are read by OCR where it is installed, so private data left in a picture
    refuses the output too; where it is not, such pages are left to the report's note.
    """
    try:
        text = extract_document(data, kind).text
    except NotReadable:
        text = ""
    squashed = _squash(text)
    left = [v for v in removed if len(_squash(v)) >= _MIN_RAW and _squash(v) in squashed]
    layers = _raw_layers(data, kind)
    for value in removed:
        if len(_squash(value)) < _MIN_RAW or value in left:
            continue
        forms = {value.encode("utf-8"), value.encode("utf-16-be")}
        if any(form in layer for form in forms for layer in layers):
            left.append(value)
    found = default_scanner().scan(text, replace(options, entities=frozenset(entities))).signals
    if left or found:
        kinds = sorted({s.type for s in found} | ({"(removed value)"} if left else set()))
        raise InputError(
            f"redaction refused: {len(left) + len(found)} private values would remain in the"
            f" output ({', '.join(kinds)}); they are drawn in a way that cannot be rewritten."
            " Nothing was written",
            field="file",
        )
    return {"extractor": "pypdf" if kind == PDF else "redline", "values_checked": len(removed),
            "raw_layers_searched": len(layers), "findings_left": 0}  # fmt: skip


def redact_file(
    data: bytes,
    media_type: str | None = None,
    *,
    filename: str | None = None,
    entities: Collection[str] | None = None,
    options: PiiOptions | None = None,
    limits: DocumentLimits | None = None,
) -> Redacted:
    """Redact ``data``; refuse (InputError) formats other than text, DOCX and PDF."""
    wanted = check_entities(entities)
    options = replace(options or PiiOptions(), entities=frozenset(wanted))
    scanner = default_scanner()

    def find(text: str, part: str) -> list[Signal]:
        return scanner.scan(text, replace(options, part=part)).signals

    kind = sniff_media_type(data, media_type, filename)
    entries: list[dict[str, Any]] = []
    notes: list[str] = []
    if kind == TEXT:
        text = extract_document(data, TEXT, limits=limits).text
        cuts = plan_cuts(find(text, "text"), "text", len(text), wanted)
        out = apply_cuts(text, cuts).encode("utf-8")
        removed = [text[c.start : c.end] for c in cuts]
        entries = [_entry(c.signals, c.mask, {"start": c.start, "end": c.end}) for c in cuts]
    elif kind == DOCX:
        out, docx_cuts, notes, removed = redact_docx(data, find, wanted, limits)
        entries = [
            _entry(d.cut.signals, d.cut.mask, {"part": d.member, "paragraph": d.paragraph,
                                               "start": d.cut.start, "end": d.cut.end})
            for d in docx_cuts
        ]  # fmt: skip
    elif kind == PDF:
        out, pdf_cuts, notes, removed = redact_pdf(data, find, wanted, limits)
        for p in pdf_cuts:
            entries.append(_entry(p.cut.signals, p.cut.mask, {
                "page": p.page, "start": p.cut.start, "end": p.cut.end,
                "boxes": [[round(v, 1) for v in box] for box in p.boxes],
            }))  # fmt: skip
    else:
        raise InputError(f"redact reads plain text, DOCX and PDF, not {kind}", field="file")
    verified = _verify(out, kind, removed, wanted, options)
    report = {
        "file": filename,
        "media_type": kind,
        "entities": list(wanted),
        "redacted": len(entries),
        "counts": dict(sorted(Counter(e["entity"] for e in entries).items())),
        "redactions": entries,
        "notes": notes,
        "verified": verified,
    }
    return Redacted(out, kind, report)
