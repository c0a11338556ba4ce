"""The integrity of the record: the audit chain checked together with the rows it covers.

``covered`` hashes every decision, strike, case and appeal and compares them with the hashes the
chain's events carry; ``check`` runs the whole check (chain, rows, signed checkpoints) and seals
the rows of a store upgraded from before coverage. It stands above every part of the record
whose rows it reads, and below ``rekey``, which re-seals what a rotation rewrote.
"""

from redline.record.integrity.check import (
    BASELINE,
    AuditReport,
    baseline,
    extends,
    predates_coverage,
    verify,
)
from redline.record.integrity.covered import KINDS, RowCheck, check_rows, seal_all, shown

__all__ = [
    "BASELINE",
    "KINDS",
    "AuditReport",
    "RowCheck",
    "baseline",
    "check_rows",
    "extends",
    "predates_coverage",
    "seal_all",
    "shown",
    "verify",
]
