"""Private-information detection: text in, ``Signal``s out.

The one entry point is ``detect_pii``::

    from redline.detect.pii import PiiOptions, detect_pii

    for signal in detect_pii("SSN 123-45-6789, lives at 1520 Oak Ridge Dr"):
        print(signal.type, signal.start, signal.end, signal.score, signal.masked)

Each signal carries the entity type, the span (Python string indices into the text), a score in
[0, 1], the detector's name and version, a masked form, and (given ``PiiOptions.hash_key``) a
keyed hash of the value. The raw value itself is never part of a signal.

Entity types: see ``ENTITIES``. For many texts, build one ``PiiScanner`` (``default_scanner()``)
and call ``scan``, which also returns the recognizers that failed, so an outage is never "clean".
"""

from __future__ import annotations

from functools import lru_cache

from redline.detect.finding import Signal
from redline.detect.pii.defaults import default_recognizers
from redline.detect.pii.scanner import PiiOptions, PiiResult, PiiScanner

ENTITIES: tuple[str, ...] = (
    "US_SSN",
    "US_SSN_PARTIAL",
    "STREET_ADDRESS",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "DATE_OF_BIRTH",
    "CREDIT_CARD",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "BANK_ACCOUNT",
    "IP_ADDRESS",
    "GEO_COORDINATES",
    "UK_NINO",
    "CA_SIN",
    "FR_NIR",
    "DE_TAX_ID",
    "ES_NIF",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "IN_AADHAAR",
    "IN_PAN",
    "BR_CPF",
    "AU_TFN",
    "MX_CURP",
    "PERSON_NAME",
)


@lru_cache(maxsize=1)
def default_scanner() -> PiiScanner:
    """The scanner with every built-in recognizer, built once per process on first use."""
    return PiiScanner(default_recognizers())


def detect_pii(text: str, options: PiiOptions | None = None) -> list[Signal]:
    """Find private information in ``text``.

    Args:
        text: the text to scan; offsets in the result index into it.
        options: threshold, entity subset, hash key, part name; defaults otherwise.

    Returns:
        Signals sorted by position, overlapping candidates resolved to the strongest.
    """
    return default_scanner().scan(text, options).signals


__all__ = ["ENTITIES", "PiiOptions", "PiiResult", "PiiScanner", "default_scanner", "detect_pii"]
