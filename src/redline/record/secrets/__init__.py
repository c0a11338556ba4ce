"""The installation's secret for keyed hashes of private values: where it comes from, its ring.

``source`` finds the key where the operator put it (never the data directory); ``ring`` writes
a key ring down and names it. Not to be confused with ``record.keys``, the API keys of the HTTP
service. Re-keying stored digests is ``record.rekey``.
"""

from redline.record.secrets.ring import KeyRing, derived_key, key_id, parse_ring, ring_text
from redline.record.secrets.source import (
    KeyProvider,
    hash_key,
    is_server_database,
    key_text,
    refuse_inside_data,
)

__all__ = [
    "KeyProvider",
    "KeyRing",
    "derived_key",
    "hash_key",
    "is_server_database",
    "key_id",
    "key_text",
    "parse_ring",
    "refuse_inside_data",
    "ring_text",
]
