"""Where extracted text sits in its file: pages, and boxes on the page where the layout allows.

Offsets are Python string indices into one part's extracted text, the same offsets a ``Signal``'s
``Location`` carries, so a finding can be shown on page 14 of the attachment it came from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Box", "PageSpan", "page_at"]


@dataclass(frozen=True, slots=True)
class PageSpan:
    """Where page ``number`` (1-based) sits in the extracted text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Box:
    """The text span ``[start, end)`` is drawn inside this rectangle on page ``page``.

    Coordinates are the file's own: PDF user-space points (origin bottom left) for PDFs, pixels
    (origin top left) for images read by OCR.
    """

    start: int
    end: int
    page: int
    x0: float
    y0: float
    x1: float
    y1: float


def page_at(pages: Sequence[PageSpan], offset: int) -> int | None:
    """The page number holding text offset ``offset``, or None for unpaged text."""
    if not pages:
        return None
    i = bisect_right([p.start for p in pages], offset) - 1
    return pages[max(i, 0)].number
