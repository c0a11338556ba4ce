"""The rows the audit chain covers, checked against the hashes its events carry.

Decisions (with their actions), strikes, cases and appeals are written beside the chain, not in
it; each event that writes one carries its content hash (``record.audit.digest``). Here every
covered row is hashed again and compared with the newest event that covered it:

* a row whose hash differs was **edited** after its event (a decision's document, a strike's
  weight, a case or appeal outcome);
* a row no event covers was **inserted** outside Redline;
* a hash with no row was **deleted** (a strike removed to lift a suspension).

Reports name a row by its kind and its generated id (``d_``, ``s_``, ``c_``, ``a_`` and hex);
an id of any other shape (which only a hand-written row could have) is shown as a hash of
itself, so a report never prints what someone typed into the database.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from redline.record import audit
from redline.record.accounts.tables import STRIKES
from redline.record.audit.digest import COVERS, reference, row_digest
from redline.record.decisions.repository import decision_digest
from redline.record.decisions.tables import ACTIONS, DECISIONS
from redline.record.review.tables import APPEALS, CASES

__all__ = ["KINDS", "RowCheck", "check_rows", "seal_all", "shown"]

# Generated ids (``enforce.action.stable_id``, ``review.common.new_id``): safe to print.
_GENERATED = re.compile(r"[a-z]_[0-9a-f]{24}")
_PAGE = 500
# Covered rows per sealing event: keeps one event's payload to tens of kilobytes.
_SEALS_PER_EVENT = 500


def shown(ref: str) -> str:
    """A covered row's reference as a report prints it: kind and id, or kind and a hash."""
    kind, _, key = ref.partition(":")
    if _GENERATED.fullmatch(key):
        return f"{kind} {key}"
    return f"{kind} #{hashlib.sha256(key.encode()).hexdigest()[:12]} (an id of unexpected form)"


def _pages(session: Connection, table: Table) -> Iterator[list[Mapping[Any, Any]]]:
    """Every row of a table with a one-column key, a page at a time (keyset on the key)."""
    (key,) = table.primary_key.columns
    query = select(table).order_by(key).limit(_PAGE)
    page = query
    while rows := session.execute(page).mappings().all():
        yield list(rows)
        page = query.where(key > rows[-1][key.name])


def _rows(kind: str, table: Table) -> Callable[[Connection], Iterator[tuple[str, str]]]:
    def digests(session: Connection) -> Iterator[tuple[str, str]]:
        for rows in _pages(session, table):
            for row in rows:
                yield row["id"], row_digest(kind, table, row)

    return digests


def _decisions(session: Connection) -> Iterator[tuple[str, str]]:
    """Every decision's hash, with its actions read a page of decisions at a time."""
    for rows in _pages(session, DECISIONS):
        ids = [row["id"] for row in rows]
        actions: dict[str, list[Any]] = {}
        query = (
            select(ACTIONS)
            .where(ACTIONS.c.decision_id.in_(ids))
            .order_by(ACTIONS.c.decision_id, ACTIONS.c.position)
        )
        for action in session.execute(query).mappings():
            actions.setdefault(action["decision_id"], []).append(action)
        for row in rows:
            yield row["id"], decision_digest(row, actions.get(row["id"], []))


# kind -> every (id, hash) of that kind as stored now.
KINDS: dict[str, Callable[[Connection], Iterator[tuple[str, str]]]] = {
    "decision": _decisions,
    "strike": _rows("strike", STRIKES),
    "case": _rows("case", CASES),
    "appeal": _rows("appeal", APPEALS),
}


@dataclass(frozen=True, slots=True)
class RowCheck:
    """How many covered rows were checked, and every one that does not match the chain."""

    rows: int
    findings: tuple[str, ...]


def check_rows(session: Connection, expected: Mapping[str, str | None]) -> RowCheck:
    """Compare every covered row with the hash the newest event covering it recorded."""
    remaining = dict(expected)
    findings: list[str] = []
    rows = 0
    for kind, digests in KINDS.items():
        for key, digest in digests(session):
            rows += 1
            ref = reference(kind, key)
            if ref not in remaining:
                findings.append(f"{shown(ref)} is in no audit event: inserted outside Redline")
                continue
            wanted = remaining.pop(ref)
            if wanted is None:
                findings.append(f"{shown(ref)} was recorded as removed but is in the store")
            elif wanted != digest:
                findings.append(f"{shown(ref)} differs from its audit event: edited")
    for ref, wanted in remaining.items():
        if wanted is not None:
            findings.append(f"{shown(ref)} is in the audit chain but not in the store: deleted")
    return RowCheck(rows, tuple(findings))


def seal_all(session: Connection, *, kind: str, why: str, actor: str, at: datetime) -> int:
    """Append events covering every covered row as it is now; the number of rows sealed.

    For rows no event could have covered (a store upgraded from a version before coverage) and
    rows a sanctioned rewrite changed (a hash key rotation): never to hide a finding, so callers
    check the rows first where they could have been covered.
    """
    sealed = 0
    batch: dict[str, str] = {}

    def flush() -> None:
        payload = {"why": why, "rows": len(batch), COVERS: dict(batch)}
        audit.append(session, [audit.Event(kind, "audit", payload)], actor=actor, at=at)
        batch.clear()

    for name, digests in KINDS.items():
        for key, digest in digests(session):
            batch[reference(name, key)] = digest
            sealed += 1
            if len(batch) >= _SEALS_PER_EVENT:
                flush()
    if batch:
        flush()
    return sealed
