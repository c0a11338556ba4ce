"""A decision document as shown to a caller: at most so many signals per part per violation.

The stored document keeps every signal (review re-planning rebuilds the verdict from it); the API
and the CLI show this copy, whose size no longer grows with the number of findings. A violation
that lost signals says how many, per part, under ``signals_omitted``.
"""

from __future__ import annotations

from typing import Any

from redline.detect.shown import cap_per_part, document_part


def shown_document(document: dict[str, Any], limit: int) -> dict[str, Any]:
    """``document`` with each violation's signals capped at ``limit`` per part (a copy)."""
    violations = document.get("violations") or []
    if all(len(v["signals"]) <= limit for v in violations):
        return document  # the common case: nothing to leave out, nothing copied
    shown = []
    for violation in violations:
        signals, omitted = cap_per_part(violation["signals"], document_part, limit)
        capped = {**violation, "signals": signals}
        if omitted:
            capped["signals_omitted"] = omitted
        shown.append(capped)
    return {**document, "violations": shown}
