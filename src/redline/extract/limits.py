"""Limits every file is read under, and the clock that enforces the time limit.

A file handed to Redline may have been built to hurt it: a DOCX that unzips to gigabytes, XML
nested a hundred thousand levels deep, a PDF with ten thousand pages or a content stream that takes
minutes to walk. Each reader checks these limits as it goes and raises ``LimitExceeded`` naming
the limit, so one hostile attachment costs a bounded amount of work and never takes a batch down.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from redline.errors import LimitExceeded

__all__ = ["Deadline", "DocumentLimits"]

_MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """Limits every file is read under; each is named in the error when crossed.

    ``max_unzipped_bytes`` bounds what one file may decompress to (a DOCX's zip members, a PDF's
    content streams); ``max_depth`` bounds element nesting in XML and HTML; ``max_seconds`` is the
    wall-clock budget for reading one file, checked between pages and every few thousand
    operators; ``max_page_bytes`` bounds one PDF page's content stream, whose parsing cannot be
    interrupted (so one page can overrun the time budget by at most the parse of that much);
    ``max_pixels`` bounds an image before it is decoded.
    """

    max_bytes: int = 25 * _MIB
    max_pages: int = 1000
    max_chars: int = 5_000_000
    max_unzipped_bytes: int = 100 * _MIB
    max_zip_entries: int = 2000
    max_compression_ratio: int = 200
    max_depth: int = 200
    max_page_bytes: int = 4 * _MIB
    max_seconds: float = 30.0
    max_pixels: int = 40_000_000


class Deadline:
    """The time budget for one file; ``check`` raises once it is spent.

    Readers call ``check`` between pages, parts and every few hundred elements: a check is a clock
    read, cheap enough to make often, and a file that is slow to read is refused within about one
    page's work of the limit.
    """

    def __init__(self, seconds: float, what: str = "file") -> None:
        self.seconds = seconds
        self.what = what
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        """Raise ``LimitExceeded`` (max_seconds) when the budget is spent."""
        if time.monotonic() > self._end:
            raise LimitExceeded(
                f"reading the {self.what} took over {self.seconds:g} s (max_seconds)",
                field="file",
                limit=int(self.seconds),
            )

    @property
    def remaining(self) -> float:
        """Seconds left, at least a small positive amount (for timeouts of external tools)."""
        return max(self._end - time.monotonic(), 0.01)
