"""Text out of images (screenshots, scans) with Tesseract, word boxes kept.

OCR is an optional extra (``pip install 'redline[ocr]'`` plus Debian's ``tesseract-ocr``): the
core must run without it, and must then say that an image was not read rather than report it
clean. ``ocr_missing()`` tells why OCR cannot run; callers turn that into an "unread" notice.

Images are checked before they are decoded: the pixel count from the header is held against
``max_pixels`` (a 100 000 x 100 000 PNG is a few kilobytes and tens of gigabytes decoded), frames
are counted against ``max_pages``, and Tesseract runs under the file's remaining time budget.
"""

from __future__ import annotations

import io
import shutil
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from redline.errors import InputError, LimitExceeded
from redline.extract.layout import Box, PageSpan
from redline.extract.limits import Deadline, DocumentLimits

__all__ = ["IMAGE_TYPES", "OcrText", "image_type", "ocr_missing", "read_image"]

IMAGE_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
    b"BM": "image/bmp",
}


def image_type(data: bytes) -> str | None:
    """The image media type ``data`` starts with, or None."""
    for magic, media_type in IMAGE_TYPES.items():
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


@lru_cache(maxsize=1)
def ocr_missing() -> str | None:
    """Why images cannot be read here (None when OCR is available)."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return "image not read: OCR is not installed (pip install 'redline[ocr]')"
    if shutil.which("tesseract") is None:
        return "image not read: OCR is not installed (the tesseract program is missing)"
    return None


@dataclass(frozen=True, slots=True)
class OcrText:
    """Recognised text (one line a line), its frames as pages, and one box per word."""

    text: str
    pages: tuple[PageSpan, ...]
    boxes: tuple[Box, ...]


def _frames(image: Any, limits: DocumentLimits) -> list[Any]:
    from PIL import ImageSequence

    frames = []
    for n, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if n > limits.max_pages:
            raise LimitExceeded(
                f"image has over {limits.max_pages} frames (max_pages)",
                field="file",
                limit=limits.max_pages,
            )
        width, height = frame.size
        if width * height > limits.max_pixels:
            raise LimitExceeded(
                f"image is {width}x{height} pixels, over the limit of {limits.max_pixels}"
                " (max_pixels)",
                field="file",
                limit=limits.max_pixels,
            )
        frames.append(frame.convert("L"))
    return frames


def _recognise(frame: Any, deadline: Deadline) -> dict[str, list[Any]]:
    import pytesseract

    try:
        found: dict[str, list[Any]] = pytesseract.image_to_data(
            frame, output_type=pytesseract.Output.DICT, timeout=deadline.remaining
        )
    except pytesseract.TesseractError as exc:
        raise InputError(
            f"image could not be read by OCR (status {exc.status})", field="file"
        ) from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise LimitExceeded(
            f"OCR took over {deadline.seconds:g} s (max_seconds)",
            field="file",
            limit=int(deadline.seconds),
        ) from exc
    return found


def read_image(data: bytes, limits: DocumentLimits, deadline: Deadline | None = None) -> OcrText:
    """OCR every frame of an image; ``InputError`` if OCR is missing or the image is refused."""
    from PIL import Image

    deadline = deadline or Deadline(limits.max_seconds, "image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = _frames(image, limits)
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LimitExceeded(
            f"image has more pixels than the limit of {limits.max_pixels} (max_pixels)",
            field="file",
            limit=limits.max_pixels,
        ) from exc
    except Exception as exc:  # Pillow's decoders raise many types on hostile input (TypeError
        # for a TIFF frame without dimensions, KeyError, struct.error...): all mean "malformed"
        raise InputError(
            f"malformed image refused ({exc.__class__.__name__})", field="file"
        ) from exc
    missing = ocr_missing()  # checked after the limits, so a bomb is refused as one everywhere
    if missing:
        raise InputError(missing, field="file")
    text: list[str] = []
    pages: list[PageSpan] = []
    boxes: list[Box] = []
    offset = 0
    for number, frame in enumerate(frames, start=1):
        deadline.check()
        words = _recognise(frame, deadline)
        page_start = offset
        line_key: tuple[int, int, int] | None = None
        for i, word in enumerate(words["text"]):
            word = (word or "").strip()
            if not word:
                continue
            key = (words["block_num"][i], words["par_num"][i], words["line_num"][i])
            if line_key is not None:
                sep = " " if key == line_key else "\n"
                text.append(sep)
                offset += 1
            line_key = key
            left, top = words["left"][i], words["top"][i]
            right, bottom = left + words["width"][i], top + words["height"][i]
            boxes.append(Box(offset, offset + len(word), number, left, top, right, bottom))
            text.append(word)
            offset += len(word)
        text.append("\n\n")
        offset += 2
        pages.append(PageSpan(number, page_start, offset))
    return OcrText("".join(text), tuple(pages), tuple(boxes))
