"""Banks of known material and matching against them.

Hashing is split from lookup, as in ThreatExchange: ``fingerprint``/``pdq``/``exact`` turn content
into hashes, the ``*Index`` classes look hashes up, ``snapshot.BankSnapshot`` ties every bank's
indexes together and applies negative banks, and ``flood.flood_check`` decides when a suddenly
busy entry goes to review. Entries are made by ``entries`` (import it by module path: it depends on
``redline.detect.links``, which depends on this package).
"""

from redline.detect.banks.bank import (
    FLOOR_CHARS,
    FOREIGN_STATE_OPERATION,
    HACKED_MATERIAL,
    Bank,
    BankEntry,
    EntryKind,
    ExcerptRule,
)
from redline.detect.banks.document_index import DocumentIndex, DocumentMatch, Passage
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints, fingerprint
from redline.detect.banks.flood import FloodGuard, FloodVerdict, flood_check

__all__ = [
    "FLOOR_CHARS",
    "FOREIGN_STATE_OPERATION",
    "HACKED_MATERIAL",
    "Bank",
    "BankEntry",
    "DocumentIndex",
    "DocumentMatch",
    "EntryKind",
    "ExcerptRule",
    "FingerprintConfig",
    "Fingerprints",
    "FloodGuard",
    "FloodVerdict",
    "Passage",
    "fingerprint",
    "flood_check",
]
