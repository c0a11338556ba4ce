"""Redaction: typed masks in text, DOCX and PDF, with the private data taken out of the file.

``masks`` holds the typed masks and the cut planning every caller shares (the ``request_redaction``
text offered to authors and ``redline redact`` alike); ``docx`` and ``pdf`` apply the cuts to
files; ``files`` detects, redacts, verifies that no redacted value is left, and reports.
"""

from redline.enforce.redaction.masks import (
    OPTIONAL_MASKS,
    TYPED_MASKS,
    Cut,
    apply_cuts,
    mask_for,
    plan_cuts,
    redact,
)

__all__ = ["OPTIONAL_MASKS", "TYPED_MASKS", "Cut", "apply_cuts", "mask_for", "plan_cuts", "redact"]
