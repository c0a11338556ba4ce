"""Text out of files: plain text, PDF, DOCX, HTML and images, with limits for hostile files.

This module picks the reader from the file's bytes (magic first: a declared media type is only a
hint, and a hostile file lies about it) and hands back one shape, ``ExtractedDocument``: the text,
where each page sits in it, and boxes where the layout gives them. The readers live beside it
(``pdf``, ``docx``, ``html``, ``ocr``), each behind the named limits of ``DocumentLimits``.

Any file that cannot be read safely and completely is refused with an ``InputError``
(``LimitExceeded`` when a limit was crossed) that names the limit. Nothing partial comes back: a
caller adding the file to a bank either gets all of its text or an error, which is what keeps
"add" all-or-nothing, and a scan never mistakes half a file for a clean one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.errors import InputError, LimitExceeded
from redline.extract.docx import read_docx
from redline.extract.html import read_html
from redline.extract.layout import Box, PageSpan, page_at
from redline.extract.limits import Deadline, DocumentLimits
from redline.extract.ocr import image_type, read_image
from redline.extract.pdf import read_pdf

__all__ = [
    "DOCX",
    "HTML",
    "PDF",
    "TEXT",
    "Box",
    "DocumentLimits",
    "ExtractedDocument",
    "PageSpan",
    "extract_document",
    "is_image_type",
    "sniff_media_type",
]

TEXT = "text/plain"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """The readable text of a file, its media type and its location map.

    ``pages`` is set for paged formats (PDF, multi-frame images); ``boxes`` where the layout gives
    positions (OCR words); ``blocks`` for DOCX: (part, paragraph index, start, end) per line.
    """

    text: str
    media_type: str
    pages: tuple[PageSpan, ...] = ()
    boxes: tuple[Box, ...] = ()
    blocks: tuple[tuple[str, int, int, int], ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page number holding text offset ``offset``, or None for unpaged formats."""
        return page_at(self.pages, offset)


def is_image_type(media_type: str) -> bool:
    """Whether ``media_type`` is read by OCR."""
    return media_type.startswith("image/")


def sniff_media_type(data: bytes, declared: str | None = None, filename: str | None = None) -> str:
    """The media type to read ``data`` as: magic bytes, then the file name, then the declaration."""
    head = data[:1024]
    name = (filename or "").lower()
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX
    found = image_type(head)
    if found:
        return found
    if name.endswith((".html", ".htm")) or re.search(rb"(?i)<(!doctype html|html|body)\b", head):
        return HTML
    if declared:
        base = declared.split(";", 1)[0].strip().lower()
        if base in (TEXT, PDF, DOCX, HTML):
            return base
    return TEXT


def _check_chars(text: str, limits: DocumentLimits) -> str:
    if len(text) > limits.max_chars:
        raise LimitExceeded(
            f"extracted text has over {limits.max_chars} characters (max_chars)",
            field="file",
            limit=limits.max_chars,
        )
    return text


def _read_text(data: bytes, limits: DocumentLimits) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(
            "file is binary, not text; supported: text, PDF, DOCX, HTML, images", field="file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"text file is not valid UTF-8 (byte {exc.start})", field="file") from exc


def extract_document(
    data: bytes,
    media_type: str | None = None,
    *,
    filename: str | None = None,
    limits: DocumentLimits | None = None,
) -> ExtractedDocument:
    """Readable text of a file with its location map, or an InputError naming why it was refused.

    An image is read only where OCR is installed; otherwise the InputError says so.
    """
    limits = limits or DocumentLimits()
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            f"file has {len(data)} bytes, over the limit of {limits.max_bytes} (max_bytes)",
            field="file",
            limit=limits.max_bytes,
        )
    kind = sniff_media_type(data, media_type, filename)
    deadline = Deadline(limits.max_seconds, kind.split("/")[-1].upper())
    if kind == PDF:
        pdf = read_pdf(data, limits, deadline)
        return ExtractedDocument(pdf.text, PDF, pdf.pages)
    if kind == DOCX:
        docx = read_docx(data, limits, deadline)
        return ExtractedDocument(_check_chars(docx.text, limits), DOCX, blocks=docx.blocks)
    if kind == HTML:
        return ExtractedDocument(_check_chars(read_html(data, limits, deadline), limits), HTML)
    if is_image_type(kind):
        ocr = read_image(data, limits, deadline)
        return ExtractedDocument(_check_chars(ocr.text, limits), kind, ocr.pages, ocr.boxes)
    return ExtractedDocument(_check_chars(_read_text(data, limits), limits), TEXT)
