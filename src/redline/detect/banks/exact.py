"""Exact matching: SHA-256 of a file's bytes and of its normalised text.

The cheapest and most certain evidence comes first. The byte hash catches the file itself; the
normalised-text hash catches the same document re-saved, converted (PDF to DOCX), re-flowed or
re-cased, since ``normalize`` removes exactly those differences.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from redline.extract.normalize import normalize

__all__ = ["ExactIndex", "sha256_hex", "text_sha256"]


def sha256_hex(data: bytes) -> str:
    """SHA-256 of bytes, 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()


def text_sha256(text: str) -> str:
    """SHA-256 of the normalised form of a text (case, spacing, punctuation removed)."""
    return hashlib.sha256(normalize(text).text.encode("utf-8")).hexdigest()


class ExactIndex:
    """Two dictionaries, digest -> item ids: one for byte hashes, one for text hashes."""

    def __init__(self) -> None:
        self._bytes: defaultdict[str, list[int]] = defaultdict(list)
        self._text: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, item: int, *, sha256: str | None, text_sha256: str | None) -> None:
        """Register item ``item`` under whichever digests it has."""
        if sha256:
            self._bytes[sha256].append(item)
        if text_sha256:
            self._text[text_sha256].append(item)

    def by_bytes(self, sha256: str) -> list[int]:
        """Items whose file bytes hash to ``sha256``."""
        return list(self._bytes.get(sha256, ()))

    def by_text(self, digest: str) -> list[int]:
        """Items whose normalised text hashes to ``digest``."""
        return list(self._text.get(digest, ()))
