"""Render text to images for OCR tests and the OCR benchmark (Pillow's built-in font)."""

from __future__ import annotations

import io
from typing import Any


def render_text(lines: list[str], *, size: int = 28, fmt: str = "PNG") -> bytes:
    """A white image with ``lines`` in black, one per line, large enough for Tesseract."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=size)
    width = max(int(font.getlength(line)) for line in lines) + 2 * size
    height = (len(lines) + 1) * int(size * 1.6)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((size, size // 2 + i * int(size * 1.6)), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def _ocr_reason() -> str | None:
    """Why OCR tests cannot run here; under CI (``CI=true``) a missing OCR fails them instead."""
    import os

    from redline.extract.ocr import ocr_missing

    missing = ocr_missing()
    if missing and os.environ.get("CI") == "true":
        raise RuntimeError(f"CI needs OCR for these tests: {missing}")
    return missing


def needs_ocr(test: Any) -> Any:
    """Skip ``test`` with the reason where Tesseract is missing (never under CI)."""
    import pytest

    reason = _ocr_reason()
    return pytest.mark.skipif(reason is not None, reason=f"OCR missing: {reason}")(test)
