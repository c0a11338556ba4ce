"""The compliant way out: the text the author could post instead, each private datum masked.

A typed mask ("[SSN]", "[ADDRESS]") is used rather than the signal's masked form, because a masked
form can keep part of the datum ("***-**-6789") and the offered text must itself pass the policy.
Names are left as they are: naming a public figure is not the violation, exposing their data is.
"""

from __future__ import annotations

from collections.abc import Iterable

from redline.detect.finding import Signal, SignalKind

TYPED_MASKS: dict[str, str] = {
    "US_SSN": "[SSN]",
    "US_SSN_PARTIAL": "[SSN]",
    "STREET_ADDRESS": "[ADDRESS]",
    "PHONE_NUMBER": "[PHONE]",
    "EMAIL_ADDRESS": "[EMAIL]",
    "DATE_OF_BIRTH": "[DATE OF BIRTH]",
    "CREDIT_CARD": "[CARD NUMBER]",
    "US_PASSPORT": "[PASSPORT]",
    "US_DRIVER_LICENSE": "[LICENCE]",
    "BANK_ACCOUNT": "[BANK ACCOUNT]",
    "IP_ADDRESS": "[IP ADDRESS]",
    "GEO_COORDINATES": "[LOCATION]",
}


def redact(text: str, signals: Iterable[Signal], part: str = "text") -> str:
    """Replace every private datum the signals locate in ``part`` by its typed mask.

    Overlapping spans are merged first (keeping the mask of the one that starts first, the longer
    on a tie), so overlapping detections never leave a fragment of the datum; replacement then runs
    from the end of the text so earlier offsets stay valid.
    """
    spans = sorted(
        (s.start, -s.end, TYPED_MASKS[s.type])
        for s in signals
        if s.kind is SignalKind.PII
        and s.location.part == part
        and s.type in TYPED_MASKS
        and 0 <= s.start < s.end <= len(text)
    )
    merged: list[tuple[int, int, str]] = []
    for start, neg_end, mask in spans:
        if merged and start < merged[-1][1]:
            first_start, first_end, first_mask = merged[-1]
            merged[-1] = (first_start, max(first_end, -neg_end), first_mask)
        else:
            merged.append((start, -neg_end, mask))
    out = text
    for start, end, mask in reversed(merged):
        out = out[:start] + mask + out[end:]
    return out
