"""Text out of PDFs, page by page, behind the hostile-file limits.

pypdf reads the file; this module adds what a hostile PDF needs around it: encrypted files are
refused (their text cannot be read without the password, and a scan that silently read nothing
would read as clean), pages are counted before any is read, the content streams' decompressed size
is added up against ``max_unzipped_bytes`` (pypdf also caps each stream on its own), the clock is
checked between pages and every few thousand operators within one, and a file nested deeper than
the parser can follow is refused by name rather than crashing. Anything else pypdf raises means
the file is malformed: one clear error.

A page without a text layer (a scan, a page of screenshots) is read by OCR from the images it
draws, each held against ``max_pixels`` from its dictionary before anything is decoded. Where
OCR is not installed such a page is not read, and the file says so (``NotReadable``) rather than
passing for a page with nothing on it.
"""

from __future__ import annotations

import io
from typing import Any

from redline.errors import InputError, LimitExceeded, NotReadable
from redline.extract.layout import PageSpan
from redline.extract.limits import Deadline, DocumentLimits

# A page with fewer letters than this in its text layer is treated as a scan.
_SCANNED_PAGE_CHARS = 16

__all__ = ["PdfText", "open_pdf", "page_content_bytes", "read_pdf"]


class PdfText:
    """The text of a PDF: all pages joined by a blank line, and where each page sits."""

    def __init__(self, text: str, pages: tuple[PageSpan, ...]) -> None:
        self.text = text
        self.pages = pages


def open_pdf(data: bytes, limits: DocumentLimits) -> Any:
    """A pypdf reader for ``data`` once it passed the encryption and page-count checks."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        count = 0 if encrypted else len(reader.pages)
    except Exception as exc:  # pypdf raises many types on hostile input; all mean "malformed"
        raise _refused(exc, limits) from exc
    if encrypted:
        raise InputError(
            "encrypted PDF refused: it cannot be read without its password", field="file"
        )
    if count == 0:
        raise InputError("malformed PDF refused: it has no readable pages", field="file")
    if count > limits.max_pages:
        raise LimitExceeded(
            f"PDF has {count} pages, over the limit of {limits.max_pages} (max_pages)",
            field="file",
            limit=limits.max_pages,
        )
    return reader


def page_content_bytes(page: Any, limits: DocumentLimits) -> int:
    """The decompressed size of a page's content stream, refused over ``max_page_bytes``."""
    contents = page.get_contents()
    size = len(contents.get_data()) if contents is not None else 0
    if size > limits.max_page_bytes:
        raise LimitExceeded(
            f"PDF page content is {size} bytes, over the limit of {limits.max_page_bytes}"
            " (max_page_bytes)",
            field="file",
            limit=limits.max_page_bytes,
        )
    return size


def read_pdf(data: bytes, limits: DocumentLimits, deadline: Deadline | None = None) -> PdfText:
    """Every page's text, or an ``InputError`` naming why the file was refused."""
    deadline = deadline or Deadline(limits.max_seconds, "PDF")
    reader = open_pdf(data, limits)
    parts: list[str] = []
    pages: list[PageSpan] = []
    offset = 0
    inflated = 0
    operators = 0

    def tick(*_: Any) -> None:
        """Called by pypdf before each operator: keeps the clock running inside a long page."""
        nonlocal operators
        operators += 1
        if operators % 4096 == 0:
            deadline.check()

    try:
        for number, page in enumerate(reader.pages, start=1):
            deadline.check()
            inflated += page_content_bytes(page, limits)
            if inflated > limits.max_unzipped_bytes:
                raise LimitExceeded(
                    f"PDF content streams decompress to over {limits.max_unzipped_bytes} bytes"
                    " (max_unzipped_bytes)",
                    field="file",
                    limit=limits.max_unzipped_bytes,
                )
            text = (page.extract_text(visitor_operand_before=tick) or "").strip()
            if sum(c.isalnum() for c in text) < _SCANNED_PAGE_CHARS:
                text = (text + "\n" + _scanned_text(page, number, limits, deadline)).strip()
            text += "\n\n"
            pages.append(PageSpan(number, offset, offset + len(text)))
            parts.append(text)
            offset += len(text)
            if offset > limits.max_chars:
                raise LimitExceeded(
                    f"extracted text has over {limits.max_chars} characters (max_chars)",
                    field="file",
                    limit=limits.max_chars,
                )
        deadline.check()
    except InputError:
        raise
    except Exception as exc:
        raise _refused(exc, limits) from exc
    return PdfText("".join(parts), tuple(pages))


def _scanned_text(page: Any, number: int, limits: DocumentLimits, deadline: Deadline) -> str:
    """The OCR text of the images a page draws ("" for a page with none)."""
    from redline.extract.ocr import ocr_missing, read_image

    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return ""
    images = [
        xobjects[name].get_object()
        for name in xobjects.get_object()
        if xobjects[name].get_object().get("/Subtype") == "/Image"
    ]
    if not images:
        return ""
    for image in images:
        pixels = int(image.get("/Width", 0)) * int(image.get("/Height", 0))
        if pixels > limits.max_pixels:
            raise LimitExceeded(
                f"PDF page {number} draws an image of {pixels} pixels, over the limit of"
                f" {limits.max_pixels} (max_pixels)",
                field="file",
                limit=limits.max_pixels,
            )
    missing = ocr_missing()
    if missing:
        raise NotReadable(f"PDF page {number} is a scan; {missing}", field="file")
    texts = []
    for found in page.images:
        deadline.check()
        texts.append(read_image(found.data, limits, deadline).text.strip())
    return "\n".join(t for t in texts if t)


def _refused(exc: BaseException, limits: DocumentLimits) -> InputError:
    """The error for whatever pypdf raised: a named limit where one applies, else "malformed"."""
    if isinstance(exc, RecursionError):
        return LimitExceeded(
            "PDF refused: its objects nest deeper than can be read safely (max_depth)",
            field="file",
            limit=limits.max_depth,
        )
    if type(exc).__name__ == "LimitReachedError":  # pypdf's own caps: stream size, tree depth
        if "token" in str(exc).lower() or "count" in str(exc).lower():
            return LimitExceeded(
                "PDF refused: a stream or object holds more items than the parser reads"
                " (pypdf's parsing budget)",
                field="file",
            )
        if "depth" in str(exc).lower():
            return LimitExceeded(
                "PDF refused: its page tree nests too deep (max_depth)",
                field="file",
                limit=limits.max_depth,
            )
        return LimitExceeded(
            "PDF refused: a stream decompresses past the size cap (max_unzipped_bytes)",
            field="file",
            limit=limits.max_unzipped_bytes,
        )
    return InputError(f"malformed PDF refused ({exc.__class__.__name__})", field="file")
