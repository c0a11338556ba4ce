"""Mask private data in free text people write: reasons, appeal statements, requests.

A moderator's reason or an author's appeal can quote the very address the case is about. The
audit log and the review tables must not become the leak, so such text is stored with every
private datum the PII detectors find replaced by a typed mask ("[ADDRESS]", "[SSN]"), the same
masks the compliant re-post uses. Names are kept: a reason that names a public figure still reads.
"""

from __future__ import annotations

from functools import lru_cache

from redline.detect.pii import PiiOptions, detect_pii
from redline.enforce.redaction import redact
from redline.errors import InputError

MAX_TEXT = 5000


@lru_cache(maxsize=1)
def _options() -> PiiOptions:
    return PiiOptions(threshold=0.5)


def scrub(text: str, *, field: str, required: bool = True, limit: int = MAX_TEXT) -> str:
    """``text`` with private data masked; refuse empty (when required) or oversize text.

    Raises:
        InputError: the text is empty or longer than ``limit`` characters (field named).
    """
    stripped = text.strip()
    if required and not stripped:
        raise InputError(f"{field} must not be empty", field=field)
    if len(stripped) > limit:
        raise InputError(f"{field} is longer than {limit} characters", field=field)
    return redact(stripped, detect_pii(stripped, _options()))
