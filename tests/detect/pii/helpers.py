"""Shared assertions for the table-driven PII tests."""

from __future__ import annotations

from redline.detect.pii import detect_pii


def found(text: str, entity: str) -> list[str]:
    """The substrings of ``text`` reported as ``entity`` at the default threshold."""
    return [text[s.start : s.end] for s in detect_pii(text) if s.type == entity]
