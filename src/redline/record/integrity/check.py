"""The whole audit check: the chain, the rows it covers, and the signed checkpoints that pin it.

``verify`` is what ``redline audit verify`` and ``GET /v1/audit/verify`` run. Without
checkpoints it proves the chain and the covered rows agree with each other, which stops a
careless edit but not a database writer who recomputes every hash. With checkpoints (signed by
a key the writer does not hold) it also proves the chain still holds every event the checkpoints
saw: a rewrite or a truncation before the newest checkpoint cannot pass. What was appended after
the newest checkpoint is only as safe as the chain alone (docs/security.md).

``extends`` is what ``redline audit checkpoint`` checks before signing: that the chain since the
newest checkpoint extends it, so a rewritten chain is never signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from redline.record.audit import walk
from redline.record.audit.checkpoint import Reading
from redline.record.integrity.covered import check_rows, seal_all

__all__ = ["BASELINE", "AuditReport", "baseline", "extends", "predates_coverage", "verify"]

BASELINE = "audit.coverage_started"


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The outcome of the audit check.

    ``problem`` and ``seq`` name the first problem (``seq``: the event, for a broken chain);
    ``findings`` lists every problem found (the chain stops at its first; every covered row and
    checkpoint is checked); ``rows`` and ``checkpoints`` say how much was checked.
    """

    events: int
    ok: bool
    problem: str | None = None
    seq: int | None = None
    rows: int = 0
    findings: tuple[str, ...] = ()
    checkpoints: int = 0


def verify(
    session: Connection, *, checkpoints: Reading | None = None, store: str | None = None
) -> AuditReport:
    """Check the chain, every covered row and (when given) the checkpoints of this store.

    ``store`` is the store's identity, named when no checkpoint of it was found.
    """
    findings: list[str] = []
    pins = checkpoints.pins if checkpoints is not None else ()
    if checkpoints is not None:
        findings += checkpoints.problems
        if not pins:
            others = checkpoints.other_stores
            findings.append(
                f"no checkpoint of this store (id {store}) was found"
                + (f"; {others} of other stores were" if others else "")
                + ": the chain cannot be proven against one"
            )
    walked = walk(session, pins=pins)
    chain = walked.report
    if not chain.ok:
        findings.insert(0, chain.problem or "the chain is broken")
        return AuditReport(
            chain.events, False, findings[0], chain.seq, 0, tuple(findings), len(pins)
        )
    rows = check_rows(session, walked.covers)
    findings += rows.findings
    return AuditReport(
        chain.events,
        not findings,
        findings[0] if findings else None,
        None,
        rows.rows,
        tuple(findings),
        len(pins),
    )


def extends(session: Connection, checkpoints: Reading) -> str | None:
    """Why the chain may not be signed now; None when it may.

    It may when it extends the newest checkpoint (or there is none yet) and is intact from there
    to its head.
    """
    if checkpoints.problems:
        return checkpoints.problems[0]
    walked = walk(session, start=checkpoints.newest)
    return walked.report.problem


def predates_coverage(session: Connection) -> bool:
    """Whether this is a store written before the chain covered rows (to seal on upgrade).

    Such a store has an audit head without ``store_id`` (revision 0006 adds both at once). Told
    by the column, not by revision names, so renumbering revisions when branches merge cannot
    make an upgrade skip the seal. A store with no schema yet has nothing to seal.
    """
    names = inspect(session).get_table_names()
    if "audit_head" not in names:
        return False
    return "store_id" not in {c["name"] for c in inspect(session).get_columns("audit_head")}


def baseline(session: Connection, *, now: datetime | None = None) -> int:
    """Seal every covered row of a store upgraded from before coverage; the rows sealed."""
    return seal_all(
        session,
        kind=BASELINE,
        why="rows written before the audit chain covered them, sealed as they stood at upgrade",
        actor="redline upgrade",
        at=now or datetime.now(UTC),
    )
