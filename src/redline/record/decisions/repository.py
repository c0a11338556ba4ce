"""Decisions and the content they are about: written together, once, in one unit of work.

``save`` writes the content (text only as retention allows, signals masked), the decision, its
actions, its strike, the account's new standing and the audit events in the caller's transaction.
The unique constraint on ``decisions.content_id`` is the idempotency guarantee: a second attempt
for the same content fails, and the caller returns the first decision instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.engine import Connection

from redline.content import Content
from redline.decide.exemptions import is_masked
from redline.decide.verdict import Evidence
from redline.detect.finding import DetectorFailure, Signal, SignalKind
from redline.enforce.decision import Decision
from redline.errors import NotFound
from redline.record import audit, outbox
from redline.record.accounts import Accounts
from redline.record.accounts.tables import STRIKES
from redline.record.audit.digest import covers, plain_row, row_digest
from redline.record.base import utc
from redline.record.decisions.document import (
    action_document,
    document_of,
    record_of,
    signal_document,
    signal_of,
)
from redline.record.decisions.events import decision_events
from redline.record.decisions.record import DecisionRecord, record_of_decision
from redline.record.decisions.tables import ACTIONS, CONTENTS, DECISIONS

Retention = Literal["none", "redacted", "raw"]

# Same length as the datum it covers, so stored offsets stay valid; not a mask character, so a
# replay still sees "an unredacted datum was here".
_BLANK = "\ufffd"
_PAGE = 500


def blank_out(text: str, signals: tuple[Signal, ...]) -> str:
    """The text with every detected, unmasked private datum in it overwritten, offsets intact."""
    chars = list(text)
    for s in signals:
        if (
            s.kind is SignalKind.PII
            and s.location.part == "text"
            and 0 <= s.start <= s.end <= len(text)
        ) and not is_masked(text[s.start : s.end]):
            chars[s.start : s.end] = _BLANK * (s.end - s.start)
    return "".join(chars)


def kept_text(text: str, signals: tuple[Signal, ...], retention: Retention) -> str | None:
    """What of the text the store keeps under ``retention``."""
    if retention == "raw":
        return text
    if retention == "redacted":
        return blank_out(text, signals)
    return None


@dataclass(frozen=True, slots=True)
class StoredContent:
    """A moderated content as replay needs it: its evidence rebuilt, and who decided when."""

    evidence: Evidence
    author_id: str | None
    decision: DecisionRecord
    decided_at: datetime
    text_kept: bool


_DOCUMENT_BY_CONTENT = select(DECISIONS.c.document).where(
    DECISIONS.c.content_id == bindparam("content_id")
)


class Decisions:
    """Repository of decisions, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def for_content(self, content_id: str) -> DecisionRecord | None:
        """The stored decision for a content id, if it was decided."""
        found = self.session.execute(
            _DOCUMENT_BY_CONTENT, {"content_id": content_id}
        ).scalar_one_or_none()
        return None if found is None else record_of(found)

    def many(self, decision_ids: Iterable[str]) -> dict[str, DecisionRecord]:
        """Stored decisions by id, read in a few queries (ids not found are left out).

        For pages that show many decisions at once (the console's queue): one round trip per
        500 ids instead of one per decision.
        """
        ids = list(dict.fromkeys(decision_ids))
        found: dict[str, DecisionRecord] = {}
        for at in range(0, len(ids), 500):
            query = select(DECISIONS.c.id, DECISIONS.c.document).where(
                DECISIONS.c.id.in_(ids[at : at + 500])
            )
            for decision_id, document in self.session.execute(query):
                found[decision_id] = record_of(document)
        return found

    def get(self, decision_id: str) -> DecisionRecord:
        """A stored decision by id (or by content id, as a convenience).

        Raises:
            NotFound: no decision has this id.
        """
        document = self.session.execute(
            select(DECISIONS.c.document).where(DECISIONS.c.id == decision_id)
        ).scalar_one_or_none()
        found = record_of(document) if document is not None else self.for_content(decision_id)
        if found is None:
            raise NotFound("decision", field="decision_id")
        return found

    def save(
        self,
        content: Content,
        evidence: Evidence,
        decision: Decision,
        *,
        retention: Retention,
        received_at: datetime,
    ) -> DecisionRecord:
        """Write everything about one decision; the caller's commit makes it all or nothing.

        Plain multi-row inserts, not the ORM's unit of work: this runs once per moderated
        content, and the rows are written once and never loaded back into objects here.

        Returns:
            The decision as stored.
        """
        now = decision.decided_at
        record = record_of_decision(decision)
        document = document_of(record)
        failures = [
            {
                "detector": f.detector,
                "version": f.detector_version,
                "part": f.part,
                "error": f.error,
            }
            for f in evidence.failures
        ]
        self.session.execute(
            CONTENTS.insert(),
            dict(
                id=content.id,
                author_id=content.author_id,
                surface=content.surface,
                created_at=content.created_at,
                received_at=received_at,
                retention=retention,
                text=kept_text(content.text, evidence.signals, retention),
                text_length=len(content.text),
                url_count=len(content.urls),
                signals=[signal_document(s) for s in evidence.signals],
                failures=failures,
                detectors=[list(d) for d in evidence.detectors],
            ),
        )
        row = dict(
            id=decision.id,
            content_id=content.id,
            account_id=decision.account_id,
            policy=decision.policy,
            profile=decision.profile,
            decided_at=now,
            decided_by=decision.decided_by,
            violates=decision.verdict.violates,
            needs_review=decision.needs_review,
            document=document,
        )
        self.session.execute(DECISIONS.insert(), row)
        actions = [
            {
                "decision_id": decision.id,
                "position": position,
                "type": action.type.value,
                "until": action.until,
                "document": action_document(action),
            }
            for position, action in enumerate(decision.actions)
        ]
        if actions:
            self.session.execute(ACTIONS.insert(), actions)
        events = [
            audit.Event(
                "content.accepted",
                f"content:{content.id}",
                {
                    "author": content.author_id,
                    "retention": retention,
                    "signals": len(evidence.signals),
                    "failures": len(failures),
                },
            ),
            audit.Event(
                "decision.made",
                f"decision:{decision.id}",
                {
                    "content": content.id,
                    "policy": decision.policy,
                    "profile": decision.profile,
                    "violations": [v.rule for v in record.violations],
                    "actions": [a.type.value for a in record.actions],
                    "needs_review": decision.needs_review,
                    **covers("decision", decision.id, decision_digest(row, actions)),
                },
            ),
        ]
        if decision.account_id is not None:
            events += self._account_changes(decision)
        audit.append(self.session, events, actor=decision.decided_by, at=now)
        # Events out (issue 15): announced in this same transaction, so only if it commits.
        outbox.emit(self.session, decision_events(record, decision), at=now)
        return record

    def _account_changes(self, decision: Decision) -> list[audit.Event]:
        """Write the strike and the new standing; return the audit events they make."""
        assert decision.account_id is not None
        events = []
        strike = decision.strike
        if strike is not None:
            row = dict(
                id=strike.id,
                account_id=strike.account_id,
                rule_id=strike.rule_id,
                weight=strike.weight,
                issued=strike.issued,
                expires=strike.expires,
                decision_id=strike.decision_id,
                voided=False,
            )
            self.session.execute(STRIKES.insert(), row)
            events.append(
                audit.Event(
                    "strike.issued",
                    f"account:{strike.account_id}",
                    {
                        "strike": strike.id,
                        "rule": strike.rule_id,
                        "weight": strike.weight,
                        "decision": decision.id,
                        "expires": strike.expires.isoformat(),
                        **covers("strike", strike.id, row_digest("strike", STRIKES, row)),
                    },
                )
            )
        if decision.after != decision.before:
            Accounts(self.session).set_standing(
                decision.account_id, decision.after, decision.profile, decision.decided_at
            )
        if decision.after.state != decision.before.state:
            until = decision.after.until
            events.append(
                audit.Event(
                    "account.state_changed",
                    f"account:{decision.account_id}",
                    {
                        "from": decision.before.state.value,
                        "to": decision.after.state.value,
                        "until": until.isoformat() if until else None,
                        "decision": decision.id,
                    },
                )
            )
        return events

    def stored(self, since: datetime | None = None) -> Iterator[StoredContent]:
        """Every decided content (decided at or after ``since``), oldest decision first.

        Fetched in fully read pages (keyset on decision time and id), so the caller may run other
        queries on the same connection between rows.
        """
        query = (
            select(
                CONTENTS.c.id,
                CONTENTS.c.author_id,
                CONTENTS.c.text,
                CONTENTS.c.signals,
                CONTENTS.c.failures,
                CONTENTS.c.detectors,
                DECISIONS.c.id.label("decision_id"),
                DECISIONS.c.document,
                DECISIONS.c.decided_at,
            )
            .join(DECISIONS, DECISIONS.c.content_id == CONTENTS.c.id)
            .order_by(DECISIONS.c.decided_at, DECISIONS.c.id)
            .limit(_PAGE)
        )
        if since is not None:
            query = query.where(DECISIONS.c.decided_at >= since)
        page = query
        while rows := self.session.execute(page).all():
            for row in rows:
                yield _stored(row)
            last = rows[-1]
            page = query.where(
                or_(
                    DECISIONS.c.decided_at > last.decided_at,
                    and_(
                        DECISIONS.c.decided_at == last.decided_at,
                        DECISIONS.c.id > last.decision_id,
                    ),
                )
            )


def decision_digest(row: Any, actions: list[Any]) -> str:
    """The content hash of a decision row with its actions (in order), as the chain covers it."""
    return row_digest("decision", DECISIONS, row, actions=[plain_row(ACTIONS, a) for a in actions])


def evidence_of(row: Any) -> Evidence:
    """The evidence a stored content row holds (masked signals, kept text, failures, versions)."""
    texts = {"text": row.text} if row.text is not None else {}
    return Evidence(
        content_id=row.id,
        signals=tuple(signal_of(s) for s in row.signals),
        texts=texts,
        failures=tuple(
            DetectorFailure(f["detector"], f["version"], f["part"], f["error"])
            for f in row.failures
        ),
        detectors=tuple((d[0], d[1]) for d in row.detectors),
    )


def _stored(row: Any) -> StoredContent:
    evidence = evidence_of(row)
    return StoredContent(
        evidence, row.author_id, record_of(row.document), utc(row.decided_at), row.text is not None
    )
