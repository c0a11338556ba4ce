"""Content in, parts out: the post's text, its URLs and the text of every attachment.

Every later stage works on parts, so a private datum on page 14 of an attached PDF is found,
located (``attachment:0``, page 14) and judged exactly as one in the post's text. An attachment
that cannot be read does not stop the content: it becomes an ``Unread`` value naming the part and
why (a limit crossed, a malformed or encrypted file, no OCR installed), so a scan that could not
see everything never reads as clean and one hostile file never takes a batch down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from redline.content import Content
from redline.errors import InputError, NotReadable
from redline.extract.layout import Box, PageSpan, page_at

if TYPE_CHECKING:
    from redline.extract.documents import DocumentLimits, ExtractedDocument

__all__ = ["Part", "Parts", "Unread", "content_parts"]


class Part(NamedTuple):
    """One readable part: its name (``text``, ``url:0``, ``attachment:1``), text and layout.

    A named tuple (immutable, built in C): every post makes one, every batch millions.
    """

    name: str
    text: str
    media_type: str = "text/plain"
    filename: str | None = None
    pages: tuple[PageSpan, ...] = ()
    boxes: tuple[Box, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page holding text offset ``offset`` (None for unpaged parts)."""
        return page_at(self.pages, offset)


@dataclass(frozen=True, slots=True)
class Unread:
    """An attachment whose text could not be read, and why.

    ``refused`` is True for files refused as hostile or malformed, False for files this
    installation cannot read (an image without OCR).
    """

    name: str
    reason: str
    refused: bool
    media_type: str
    filename: str | None = None


class Parts(NamedTuple):
    """The readable parts of one content, and the attachments that could not be read."""

    parts: tuple[Part, ...]
    unread: tuple[Unread, ...] = ()

    @property
    def texts(self) -> dict[str, str]:
        """Part name to text, the map exceptions and redaction look spans up in."""
        return {p.name: p.text for p in self.parts}


def _attachment_part(name: str, doc: ExtractedDocument, filename: str | None) -> Part:
    return Part(name, doc.text, doc.media_type, filename, doc.pages, doc.boxes)


def content_parts(content: Content, limits: DocumentLimits | None = None) -> Parts:
    """Extract every part of ``content``; never raises for an unreadable attachment.

    Each call reads every attachment again: a caller with several readers of one content (the
    pipeline: PII detection and the bank matcher; ``redline scan``) extracts once and hands the
    parts to each.
    """
    if not (content.urls or content.attachments):
        return Parts((Part("text", content.text),))
    parts = [Part("text", content.text)]
    parts.extend(Part(f"url:{i}", url) for i, url in enumerate(content.urls))
    unread: list[Unread] = []
    if content.attachments:
        _read_attachments(content, limits, parts, unread)
    return Parts(tuple(parts), tuple(unread))


def _read_attachments(
    content: Content, limits: DocumentLimits | None, parts: list[Part], unread: list[Unread]
) -> None:
    """Append a part, or an ``Unread``, for each attachment of ``content``."""
    # Imported here, not at the top: the file readers (PDF, DOCX, HTML, OCR and their guards)
    # are only needed once an attachment is seen, and most records have none; a text-only
    # ``redline scan`` or ``moderate`` run then never pays their import time at start-up.
    from redline.extract.documents import extract_document, is_image_type, sniff_media_type
    from redline.extract.ocr import ocr_missing

    for i, attachment in enumerate(content.attachments):
        name = f"attachment:{i}"
        kind = sniff_media_type(attachment.data, attachment.media_type, attachment.filename)
        missing = ocr_missing() if is_image_type(kind) else None
        if missing:
            unread.append(Unread(name, missing, False, kind, attachment.filename))
            continue
        try:
            doc = extract_document(
                attachment.data, attachment.media_type, filename=attachment.filename, limits=limits
            )
        except NotReadable as error:  # a scan with no OCR here: not read, and not refused
            unread.append(Unread(name, str(error), False, kind, attachment.filename))
            continue
        except InputError as error:  # the message names the limit, never the file's content
            unread.append(Unread(name, str(error), True, kind, attachment.filename))
            continue
        except Exception as error:  # a reader's own bug on a strange file: still never fatal
            reason = f"file could not be read ({type(error).__name__})"
            unread.append(Unread(name, reason, True, kind, attachment.filename))
            continue
        parts.append(_attachment_part(name, doc, attachment.filename))
