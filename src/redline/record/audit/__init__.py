"""The audit chain: append-only events, each chained to the one before by hash (``chain``).

Every part of the record appends its events here in the caller's unit of work, so a change and
its audit event commit together. ``tables`` holds the events and the chain's head row.
"""

from redline.record.audit.chain import (
    GENESIS,
    ChainReport,
    Event,
    append,
    canonical,
    event_hash,
    verify,
)

__all__ = ["GENESIS", "ChainReport", "Event", "append", "canonical", "event_hash", "verify"]
