"""Raw evidence revealed to a person, with the reason for it masked like every other free text.

A reveal names why it was needed ("appeal 17", "police request about 42 Maple Avenue"), and that
reason goes into the append-only audit log, where nothing can ever be taken out again. So the
reason is scrubbed first (every private datum the detectors find replaced by a typed mask), as
case reasons, appeal statements and request notes are; the values themselves are returned to the
caller and never written anywhere.
"""

from __future__ import annotations

from datetime import datetime

from redline.record.decisions import DecisionRecord
from redline.record.decisions.reveal import RevealedSignal, reveal
from redline.record.store import Store
from redline.review.common import check_actor, utcnow
from redline.review.scrub import scrub

MAX_REASON = 200


def reveal_evidence(
    store: Store,
    decision_id: str,
    *,
    actor: str,
    reason: str,
    now: datetime | None = None,
    limit: int | None = None,
) -> tuple[DecisionRecord, list[RevealedSignal], dict[str, int]]:
    """The decision and its signals with raw values, in one audited unit of work.

    With a ``limit``, at most that many signals per part (the first of each); the third value
    counts, per part, those left out.

    Raises:
        InputError: the reason is empty or longer than 200 characters, or the actor is invalid.
        NotFound: no decision has this id.
    """
    actor = check_actor(actor, "actor")
    masked = scrub(reason, field="reason", limit=MAX_REASON)
    with store.transaction() as session:
        return reveal(
            session, decision_id, actor=actor, reason=masked, now=now or utcnow(), limit=limit
        )
