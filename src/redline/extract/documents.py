"""Text out of files: plain text, PDF, DOCX and HTML, with limits for hostile files.

A file handed to Redline may have been built to hurt it: a DOCX that unzips to gigabytes, a PDF
that is encrypted or broken so a parser loops or crashes, a page count in the thousands. Every
format is therefore read behind explicit, named limits, and any file that cannot be read safely
and completely is refused with an ``InputError`` (``LimitExceeded`` when a limit was crossed) that
names the limit. Nothing partial comes back: a caller adding the file to a bank either gets all of
its text or an error, which is what keeps "add" all-or-nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from bisect import bisect_right
from dataclasses import dataclass

from redline.errors import InputError, LimitExceeded

__all__ = [
    "DOCX",
    "HTML",
    "PDF",
    "TEXT",
    "DocumentLimits",
    "ExtractedDocument",
    "PageSpan",
    "extract_document",
    "sniff_media_type",
]

TEXT = "text/plain"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
_MIB = 1024 * 1024
_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """Limits every file is read under; each is named in the error when crossed."""

    max_bytes: int = 25 * _MIB
    max_pages: int = 1000
    max_chars: int = 5_000_000
    max_unzipped_bytes: int = 100 * _MIB
    max_zip_entries: int = 2000
    max_compression_ratio: int = 200


@dataclass(frozen=True, slots=True)
class PageSpan:
    """Where page ``number`` (1-based) sits in the extracted text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """The readable text of a file, its media type and, for paged formats, its pages."""

    text: str
    media_type: str
    pages: tuple[PageSpan, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page number holding text offset ``offset``, or None for unpaged formats."""
        if not self.pages:
            return None
        i = bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[max(i, 0)].number


def sniff_media_type(data: bytes, declared: str | None = None, filename: str | None = None) -> str:
    """The media type to read ``data`` as: magic bytes, then the file name, then the declaration."""
    head = data[:1024]
    name = (filename or "").lower()
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX
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


def _read_text(data: bytes, limits: DocumentLimits) -> ExtractedDocument:
    if b"\x00" in data[:8192]:
        raise InputError("file is binary, not text; supported: text, PDF, DOCX, HTML", field="file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"text file is not valid UTF-8 (byte {exc.start})", field="file") from exc
    return ExtractedDocument(_check_chars(text, limits), TEXT)


def _read_pdf(data: bytes, limits: DocumentLimits) -> ExtractedDocument:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(
                "encrypted PDF refused: it cannot be read without its password", field="file"
            )
        count = len(reader.pages)
        if count == 0:
            raise InputError("malformed PDF refused: it has no readable pages", field="file")
        if count > limits.max_pages:
            raise LimitExceeded(
                f"PDF has {count} pages, over the limit of {limits.max_pages} (max_pages)",
                field="file",
                limit=limits.max_pages,
            )
        parts: list[str] = []
        pages: list[PageSpan] = []
        offset = 0
        for number, page in enumerate(reader.pages, start=1):
            text = (page.extract_text() or "").strip() + "\n\n"
            pages.append(PageSpan(number, offset, offset + len(text)))
            parts.append(text)
            offset += len(text)
            if offset > limits.max_chars:
                _check_chars("".join(parts), limits)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types on hostile input; all mean "malformed"
        raise InputError(f"malformed PDF refused ({exc.__class__.__name__})", field="file") from exc
    return ExtractedDocument("".join(parts), PDF, tuple(pages))


def _check_zip(data: bytes, limits: DocumentLimits) -> None:
    """Refuse zip bombs from the central directory before anything is decompressed.

    zipfile stops each member at its declared size (and fails the CRC if the header lied), so
    bounding the declared sizes bounds what python-docx can decompress.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_zip_entries:
                raise LimitExceeded(
                    f"DOCX has {len(infos)} parts, over the limit of {limits.max_zip_entries}"
                    " (max_zip_entries)",
                    field="file",
                    limit=limits.max_zip_entries,
                )
            total = sum(i.file_size for i in infos)
            if total > limits.max_unzipped_bytes:
                raise LimitExceeded(
                    f"DOCX unpacks to {total} bytes, over the limit of {limits.max_unzipped_bytes}"
                    " (max_unzipped_bytes)",
                    field="file",
                    limit=limits.max_unzipped_bytes,
                )
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > _MIB and ratio > limits.max_compression_ratio:
                    raise LimitExceeded(
                        f"DOCX part compresses {ratio:.0f}:1, over the limit of"
                        f" {limits.max_compression_ratio}:1 (max_compression_ratio)",
                        field="file",
                        limit=limits.max_compression_ratio,
                    )
            if "word/document.xml" not in zf.namelist():
                raise InputError("not a DOCX file: word/document.xml is missing", field="file")
            head = zf.read("word/document.xml")[:4096]
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputError("DOCX refused: its XML declares entities", field="file")
    except zipfile.BadZipFile as exc:
        raise InputError("malformed DOCX refused: not a readable zip file", field="file") from exc


def _read_docx(data: bytes, limits: DocumentLimits) -> ExtractedDocument:
    _check_zip(data, limits)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    lines.append("\t".join(cell.text for cell in row.cells))
            else:
                lines.append(block.text)
    except Exception as exc:  # python-docx and lxml raise many types on broken parts
        raise InputError(
            f"malformed DOCX refused ({exc.__class__.__name__})", field="file"
        ) from exc
    return ExtractedDocument(_check_chars("\n".join(lines), limits), DOCX)


def _read_html(data: bytes, limits: DocumentLimits) -> ExtractedDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.append("\n")
    text = re.sub(r"[ \t\r\f\v]+", " ", soup.get_text(""))
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return ExtractedDocument(_check_chars(text, limits), HTML)


_READERS = {TEXT: _read_text, PDF: _read_pdf, DOCX: _read_docx, HTML: _read_html}


def extract_document(
    data: bytes,
    media_type: str | None = None,
    *,
    filename: str | None = None,
    limits: DocumentLimits | None = None,
) -> ExtractedDocument:
    """Readable text of a file, or an InputError naming why it was refused."""
    limits = limits or DocumentLimits()
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            f"file has {len(data)} bytes, over the limit of {limits.max_bytes} (max_bytes)",
            field="file",
            limit=limits.max_bytes,
        )
    return _READERS[sniff_media_type(data, media_type, filename)](data, limits)
