"""Plain signal files as python-threatexchange's file exchange and HMA read and write them.

The format is one signal a line, ``<signal type> <signal>``, with the type names
python-threatexchange gives its signal types: ``pdq`` (64 hex digits), ``video_md5`` (32 hex
digits; the only MD5 type it ships) and ``url``. It carries no designations, provenance, level
or expiry: on import the caller supplies them (``--designation``, ``--platform``, ``--level``),
and on export only PDQ and URL signals are written (documents' keyed fingerprints and SHA-256s
have no HMA type). MD5 is not done: Redline keeps SHA-256s of banked files, not MD5s, so a
``video_md5`` line is refused by number rather than silently dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from redline.curate.exchange.format import Level, SignalKind, SignalLine
from redline.errors import RecordRefused

__all__ = ["HMA_TYPES", "from_hma", "to_hma"]

HMA_TYPES = {"pdq": SignalKind.PDQ, "url": SignalKind.URL, "video_md5": "md5"}
_OUT = {SignalKind.PDQ: "pdq", SignalKind.URL: "url"}


def to_hma(signals: Iterable[SignalLine]) -> Iterator[str]:
    """HMA lines (with newlines) for the signals that have an HMA type; others are skipped."""
    for s in signals:
        name = _OUT.get(s.kind)
        if name == "url":
            yield f"url https://{s.value}\n"
        elif name is not None:
            yield f"{name} {s.value}\n"


def from_hma(
    lines: Iterable[str],
    *,
    platform: str,
    designations: tuple[str, ...],
    level: Level,
    now: datetime,
) -> Iterator[SignalLine]:
    """Signals from an HMA file; a line of another type, or a bad value, names its number."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        name, _, value = line.partition(" ")
        value = value.strip()
        if name not in HMA_TYPES or not value:
            raise RecordRefused(
                f"line {number}: expected '<type> <signal>' with type pdq, video_md5 or url",
                field="line",
            )
        if name == "video_md5":
            # Redline keeps SHA-256s of banked files, not MD5s: refused, never dropped silently.
            raise RecordRefused(
                f"line {number}: video_md5 signals are not matched by Redline yet", field="line"
            )
        kind = HMA_TYPES[name]
        if kind is SignalKind.PDQ:
            value = value.lower()
            if not re.fullmatch(r"[0-9a-f]{64}", value):
                raise RecordRefused(f"line {number}: a pdq signal is 64 hex digits", field="line")
        digest = hashlib.sha256(f"{name} {value}".encode()).hexdigest()[:16]
        try:
            yield SignalLine.model_validate(
                {
                    "id": f"{platform}:hma/{name}-{digest}",
                    "kind": kind,
                    "value": value,
                    "designations": designations,
                    "provenance": {"platform": platform, "created_at": now},
                    "level": level,
                    "version": 1,
                }
            )
        except ValueError as exc:
            raise RecordRefused(f"line {number}: {exc}", field="line") from None
