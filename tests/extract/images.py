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


def require_ocr() -> None:
    """Skip the calling test where Tesseract is missing, saying why; under ``CI=true``, fail it.

    CI installs tesseract (``.ci/system-packages``, and ``.ci/run`` fails when it cannot), so a
    missing OCR there is a broken build, never a quietly smaller test suite.
    """
    import os

    import pytest

    from redline.extract.ocr import ocr_missing

    missing = ocr_missing()
    if missing is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: the OCR tests must run, but {missing}")
    pytest.skip(f"OCR missing: {missing}")


def needs_ocr(test: Any) -> Any:
    """Run ``test`` only where OCR is installed (``require_ocr`` first: never skipped under CI)."""
    import functools

    @functools.wraps(test)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        require_ocr()
        return test(*args, **kwargs)

    return guarded
