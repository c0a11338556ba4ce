"""PDF redaction that takes the text out of the file, then covers where it was with a box.

A black rectangle drawn over text leaves the text in the file: select, copy, or any extractor
reads it back. Here the bytes that draw each private datum are removed from the content stream
(the page's own or a form XObject's): the text operator is rewritten as a ``TJ`` array that keeps
the glyphs before and after and puts a spacing adjustment where the removed glyphs were, so the
rest of the line stays where it was, and an opaque box is drawn over the gap.

Only the pages are carried into the redacted copy: document metadata, outlines, attached files,
form fields and annotations are dropped, since each can hold the same data and none is needed to
read the pages. ``files.redact_file`` then checks the output with an independent extractor and in
the raw decompressed bytes, and refuses to hand back a file where a redacted value survived.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from redline.detect.finding import Signal
from redline.enforce.redaction.masks import Cut, plan_cuts
from redline.errors import InputError
from redline.extract.limits import Deadline, DocumentLimits
from redline.extract.pdf import open_pdf, page_content_bytes
from redline.extract.pdfglyphs import Glyph, PageGlyphs, string_bytes, walk_page

__all__ = ["PdfCut", "redact_pdf"]

Finder = Callable[[str, str], list[Signal]]


@dataclass(frozen=True, slots=True)
class PdfCut:
    """One datum taken out of a page: the cut in the page text and the boxes drawn over it."""

    page: int
    cut: Cut
    boxes: tuple[tuple[float, float, float, float], ...]
    estimated: bool


def _line_boxes(glyphs: list[Glyph]) -> list[tuple[float, float, float, float]]:
    """One rectangle per baseline the glyphs sit on (a datum may wrap onto the next line)."""
    lines: dict[int, list[Glyph]] = defaultdict(list)
    for g in glyphs:
        lines[round(g.origin[1] / max(g.size * 0.5, 0.5))].append(g)
    boxes = []
    for group in lines.values():
        boxes.append(
            (
                min(g.box[0] for g in group) - 0.5,
                min(g.box[1] for g in group) - 0.5,
                max(g.box[2] for g in group) + 0.5,
                max(g.box[3] for g in group) + 0.5,
            )
        )
    return boxes


def _squashed(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its offset in ``text``."""
    index = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in index), index


def _seen_by_pypdf(
    page: Any, text: str, signals: list[Signal], find: Finder, part: str
) -> list[Signal]:
    """Data that detection finds in pypdf's text of the page but not in the glyph text.

    The two texts differ in spacing and line breaks, so a datum can be recognised in one and not
    the other. Each such value is looked up in the glyph text, whitespace ignored, and every place
    it is drawn becomes a signal there too; the verification would otherwise refuse the file.
    """
    try:
        other = page.extract_text() or ""
    except Exception:  # pypdf's extractor failing here only loses this second look
        return []
    flat, index = _squashed(text)
    covered = {_squashed(text[s.start : s.end])[0] for s in signals}
    out: list[Signal] = []
    for signal in find(other, part):
        value = _squashed(other[signal.start : signal.end])[0]
        if not value or value in covered:
            continue
        at = flat.find(value)
        while at >= 0:
            start, end = index[at], index[at + len(value) - 1] + 1
            out.append(replace(signal, location=replace(signal.location, start=start, end=end)))
            at = flat.find(value, at + len(value))
    return out


def _has_images(page: Any) -> bool:
    """Whether the page's resources name an image (its pixels may show text redaction can't see)."""
    try:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return False
        return any(
            x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values()
        )
    except Exception:  # an unreadable resource dictionary: say nothing rather than fail
        return False


def _rewrite(operands: list[Any], op: bytes, removed: dict[int, list[Glyph]]) -> list[Any]:
    """The operations replacing one text-showing operator with the removed glyphs taken out."""
    from pypdf.generic import ArrayObject, ByteStringObject, FloatObject

    items = list(operands[0]) if op == b"TJ" else [operands[-1]]
    out: list[Any] = []
    for k, item in enumerate(items):
        data = string_bytes(item)
        if k not in removed or data is None:
            out.append(item)
            continue
        at, gap = 0, 0.0
        for glyph in sorted(removed[k], key=lambda g: g.start):
            if glyph.start > at:
                if gap and glyph.scale:
                    out.append(FloatObject(round(-gap * 1000.0 / glyph.scale, 3)))
                    gap = 0.0
                out.append(ByteStringObject(data[at : glyph.start]))
            gap += glyph.advance
            at = glyph.end
            scale = glyph.scale
        if gap and scale:
            out.append(FloatObject(round(-gap * 1000.0 / scale, 3)))
        if at < len(data):
            out.append(ByteStringObject(data[at:]))
    show = ([ArrayObject(out)], b"TJ")
    if op == b"'":
        return [([], b"T*"), show]
    if op == b'"':
        return [([operands[0]], b"Tw"), ([operands[1]], b"Tc"), ([], b"T*"), show]
    return [show]


def _apply(
    page: Any, glyphs: PageGlyphs, taken: list[Glyph], boxes: list[Any], writer: Any
) -> None:
    from pypdf.generic import ContentStream, FloatObject

    by_op: dict[tuple[int, int], dict[int, list[Glyph]]] = defaultdict(lambda: defaultdict(list))
    for g in taken:
        by_op[(g.stream, g.op)][g.item].append(g)
    for index, stream in enumerate(glyphs.streams):
        changes = {op: items for (s, op), items in by_op.items() if s == index}
        if not changes and (index or not boxes):
            continue
        operations: list[Any] = []
        for n, (operands, op) in enumerate(stream.operations):
            operations.extend(
                _rewrite(operands, op, changes[n]) if n in changes else [(operands, op)]
            )
        if index == 0:
            operations = [([], b"q"), *operations, ([], b"Q"), ([], b"q")]
            operations.append(([FloatObject(0)] * 3, b"rg"))
            for x0, y0, x1, y1 in boxes:
                rect = [FloatObject(round(v, 3)) for v in (x0, y0, x1 - x0, y1 - y0)]
                operations.extend([(rect, b"re"), ([], b"f")])
            operations.append(([], b"Q"))
            content = ContentStream(None, writer)
            content.operations = operations
            page.replace_contents(content)
        else:
            content = ContentStream(None, writer)
            content.operations = operations
            try:
                stream.owner.set_data(content.get_data())
            except Exception as exc:
                raise InputError(
                    "PDF cannot be redacted: text sits in a form encoded in a way that cannot be"
                    " rewritten; nothing was written",
                    field="file",
                ) from exc


def redact_pdf(
    data: bytes,
    find: Finder,
    entities: Collection[str] | None,
    limits: DocumentLimits | None = None,
) -> tuple[bytes, list[PdfCut], list[str], list[str]]:
    """The redacted PDF, what was cut where, notes, and the removed values (for verification).

    ``find(text, part)`` returns the signals in one page's text.
    """
    from pypdf import PdfWriter

    limits = limits or DocumentLimits()
    deadline = Deadline(limits.max_seconds, "PDF")
    reader = open_pdf(data, limits)
    writer = PdfWriter()
    cuts: list[PdfCut] = []
    notes: list[str] = []
    removed: list[str] = []
    annotations = 0
    pictured: list[int] = []
    try:
        for number, source in enumerate(reader.pages, start=1):
            deadline.check()
            page = writer.add_page(source)
            if "/Annots" in page:
                annotations += len(page["/Annots"].get_object())  # type: ignore[arg-type]
                del page["/Annots"]
            page_content_bytes(page, limits)
            if _has_images(page):
                pictured.append(number)
            glyphs = walk_page(page, writer, deadline)
            part = f"page:{number}"
            signals = find(glyphs.text, part)
            signals += _seen_by_pypdf(page, glyphs.text, signals, find, part)
            page_cuts = plan_cuts(signals, part, len(glyphs.text), entities)
            taken: list[Glyph] = []
            boxes: list[Any] = []
            for cut in page_cuts:
                chosen = sorted({i for i in glyphs.char_glyph[cut.start : cut.end] if i >= 0})
                cut_glyphs = [glyphs.glyphs[i] for i in chosen]
                taken.extend(cut_glyphs)
                cut_boxes = _line_boxes(cut_glyphs)
                boxes.extend(cut_boxes)
                estimated = any(g.estimated for g in cut_glyphs)
                cuts.append(PdfCut(number, cut, tuple(cut_boxes), estimated))
                removed.append(glyphs.text[cut.start : cut.end])
            if page_cuts:
                _apply(page, glyphs, taken, boxes, writer)
        out = io.BytesIO()
        writer.write(out)
    except InputError:
        raise
    except Exception as exc:  # pypdf on a hostile file: refuse, write nothing
        raise InputError(
            f"PDF cannot be redacted ({exc.__class__.__name__})", field="file"
        ) from exc
    if annotations:
        notes.append(f"{annotations} annotations dropped from the redacted copy")
    if pictured:
        shown = ", ".join(map(str, pictured[:20])) + (" ..." if len(pictured) > 20 else "")
        which = f"page {shown} holds" if len(pictured) == 1 else f"pages {shown} hold"
        notes.append(f"{which} images, which were not read or redacted (a scan or a screenshot"
                     " keeps its text in pixels)")  # fmt: skip
    notes.append("document metadata, outlines, attached files and form fields are not carried over")
    if any(c.estimated for c in cuts):
        notes.append("some glyph widths were estimated (a standard font without widths): the text"
                     " is removed, the box may not match the gap exactly")  # fmt: skip
    return out.getvalue(), cuts, notes, removed
