"""The audit chain: append-only events, each chained to the one before by hash (``chain``).

Every part of the record appends its events here in the caller's unit of work, so a change and
its audit event commit together. ``tables`` holds the events and the chain's head row;
``digest`` hashes the rows the chain covers (decisions, strikes, cases, appeals), whose hashes
ride in the events; ``checkpoint`` signs the chain's head with a key kept apart from the store.
"""

from redline.record.audit.chain import (
    GENESIS,
    ChainReport,
    Event,
    Pin,
    Walk,
    append,
    canonical,
    event_hash,
    head,
    verify,
    walk,
)

__all__ = [
    "GENESIS",
    "ChainReport",
    "Event",
    "Pin",
    "Walk",
    "append",
    "canonical",
    "event_hash",
    "head",
    "verify",
    "walk",
]
