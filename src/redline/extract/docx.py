"""Text out of DOCX files: every paragraph of every part a reader could see, with where it is.

A leak in a footer, a comment or a tracked deletion is still a leak, so the text is read from every
WordprocessingML part (body first, then headers, footers, footnotes, endnotes, comments) and from
the document properties, not only the body python-docx exposes. Deleted text (``w:delText``) and
field codes (``w:instrText``) count: Word hides them, the file keeps them.

The zip is checked for bombs from its central directory before anything is inflated, each member is
read with a cap on what it may inflate to, and every XML part goes through ``xmlsafe`` (no DTDs or
entities, bounded depth). The same paragraph model serves redaction, which edits the text
elements in place, so what is scanned and what is redacted are one and the same.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from redline.errors import InputError, LimitExceeded
from redline.extract.limits import Deadline, DocumentLimits
from redline.extract.xmlsafe import parse_xml

__all__ = ["DocxPackage", "DocxParagraph", "DocxText", "open_docx", "read_docx"]

_MIB = 1024 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {f"{W}t", f"{W}delText", f"{W}instrText"}
_BREAK_TAGS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
_PARAGRAPH = f"{W}p"
_BODY = "word/document.xml"
_PROPERTIES = ("docProps/core.xml", "docProps/custom.xml")


@dataclass(slots=True)
class DocxParagraph:
    """One paragraph (or one property value) of one part: its text and the elements holding it.

    ``pieces`` lists, in order, each text element and the offset of its text in ``text``;
    separators (tabs, breaks) appear in ``text`` but belong to no piece.
    """

    member: str
    index: int
    text: str = ""
    pieces: list[tuple[Any, int]] = field(default_factory=list)


@dataclass(slots=True)
class DocxPackage:
    """An opened DOCX: every member's bytes, and the parsed trees of the parts holding text."""

    members: dict[str, bytes]
    order: list[str]
    trees: dict[str, Any]
    paragraphs: list[DocxParagraph]


@dataclass(frozen=True, slots=True)
class DocxText:
    """Extracted text, one paragraph a line, and per line (member, paragraph index, start, end)."""

    text: str
    blocks: tuple[tuple[str, int, int, int], ...]


def _check_zip(zf: zipfile.ZipFile, limits: DocumentLimits) -> list[zipfile.ZipInfo]:
    """Refuse zip bombs from the central directory before anything is decompressed."""
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
    if _BODY not in zf.namelist():
        raise InputError("not a DOCX file: word/document.xml is missing", field="file")
    return infos


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """A member's bytes, read in chunks and stopped at ``budget`` whatever its header claims."""
    out = io.BytesIO()
    with zf.open(info) as member:
        while chunk := member.read(_MIB):
            out.write(chunk)
            if out.tell() > budget:
                raise LimitExceeded(
                    "DOCX part inflates past the declared size limit (max_unzipped_bytes)",
                    field="file",
                    limit=budget,
                )
    return out.getvalue()


def _text_member(name: str) -> bool:
    """Parts a reader can see text of: WordprocessingML parts, the core and custom properties."""
    return (name.startswith("word/") and name.endswith(".xml")) or name in _PROPERTIES


def _paragraph_of(element: Any, root: Any) -> Any:
    node = element.getparent()
    while node is not None and node is not root:
        if node.tag == _PARAGRAPH:
            return node
        node = node.getparent()
    return None


def _kind(member: str, element: Any) -> str | None:
    """What an element adds: "text" if it holds text, the separator for a tab or break."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if tag in _TEXT_TAGS:
        return "text"
    if tag in _BREAK_TAGS:
        return _BREAK_TAGS[tag]
    if member.startswith("docProps/") and len(element) == 0 and (element.text or "").strip():
        return "text"  # a document property: title, author, company, ...
    return None


def _paragraphs(member: str, root: Any, deadline: Deadline) -> list[DocxParagraph]:
    """Paragraphs of one part in document order; a text element outside any w:p stands alone."""
    found: dict[int, DocxParagraph] = {}
    order: list[DocxParagraph] = []
    for n, element in enumerate(root.iter()):
        if n % 4096 == 0:
            deadline.check()
        kind = _kind(member, element)
        if kind is None:
            continue
        owner = _paragraph_of(element, root)
        key = id(owner) if owner is not None else id(element)
        paragraph = found.get(key)
        if paragraph is None:
            paragraph = DocxParagraph(member, len(order))
            found[key] = paragraph
            order.append(paragraph)
        if kind != "text":
            paragraph.text += kind
        elif element.text:
            paragraph.pieces.append((element, len(paragraph.text)))
            paragraph.text += element.text
    return [p for p in order if p.text.strip()]


def open_docx(data: bytes, limits: DocumentLimits, deadline: Deadline | None = None) -> DocxPackage:
    """Open a DOCX under the limits: all members read, text parts parsed safely."""
    deadline = deadline or Deadline(limits.max_seconds, "DOCX")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError("malformed DOCX refused: not a readable zip file", field="file") from exc
    members: dict[str, bytes] = {}
    try:
        with zf:
            infos = _check_zip(zf, limits)
            budget = limits.max_unzipped_bytes
            for info in infos:
                deadline.check()
                members[info.filename] = _read_member(zf, info, budget)
                budget -= len(members[info.filename])
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        # A CRC mismatch (a header that lied about sizes), truncation, a broken member, a
        # corrupt deflate stream (zlib.error), a compression method zipfile does not know
        # (NotImplementedError), an encrypted member (RuntimeError: no password).
        raise InputError(
            f"malformed DOCX refused ({exc.__class__.__name__})", field="file"
        ) from exc
    order = [_BODY, *sorted(n for n in members if _text_member(n) and n != _BODY)]
    trees: dict[str, Any] = {}
    paragraphs: list[DocxParagraph] = []
    for name in order:
        trees[name] = parse_xml(members[name], name, limits, deadline)
        paragraphs.extend(_paragraphs(name, trees[name], deadline))
    return DocxPackage(members, [i.filename for i in infos], trees, paragraphs)


def read_docx(data: bytes, limits: DocumentLimits, deadline: Deadline | None = None) -> DocxText:
    """Every paragraph's text, one a line, with a block map back to part and paragraph."""
    package = open_docx(data, limits, deadline)
    lines: list[str] = []
    blocks: list[tuple[str, int, int, int]] = []
    offset = 0
    for p in package.paragraphs:
        blocks.append((p.member, p.index, offset, offset + len(p.text)))
        lines.append(p.text)
        offset += len(p.text) + 1
        if offset > limits.max_chars:
            raise LimitExceeded(
                f"extracted text has over {limits.max_chars} characters (max_chars)",
                field="file",
                limit=limits.max_chars,
            )
    return DocxText("\n".join(lines), tuple(blocks))
