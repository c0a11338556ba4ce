"""Reading what a person needs to re-run enforcement on a decision, and writing the result.

A case outcome or an upheld appeal changes what is in force for a decision: its strike is voided,
reinstated or re-weighed, and the account's cached standing follows. The decision row itself is
never edited. This module does the SQL for that; the pure computation lives in
``redline.review.enforcement``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from redline.decide.verdict import Evidence
from redline.enforce.strikes import Standing, Strike
from redline.errors import NotFound
from redline.record import audit
from redline.record.accounts import Accounts, strike_of
from redline.record.accounts.tables import STRIKES
from redline.record.audit.digest import covers, stored_digest
from redline.record.base import utc
from redline.record.decisions import DecisionRecord, evidence_of, record_of
from redline.record.decisions.document import action_document
from redline.record.decisions.tables import CONTENTS, DECISIONS
from redline.record.review.tables import APPEALS, CASES


@dataclass(frozen=True, slots=True)
class DecisionContext:
    """A stored decision with its evidence, the content's times and what is now in force.

    ``in_force`` is the latest enforcement a person put in place (a closed case, an upheld
    appeal), or the decision's own actions when nobody changed them.
    """

    decision: DecisionRecord
    evidence: Evidence
    author_id: str | None
    created_at: datetime | None
    received_at: datetime
    url_count: int
    in_force: list[dict[str, Any]]


class ReviewEnforcement:
    """Repository for re-running enforcement, within the caller's unit of work."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def context(self, decision_id: str) -> DecisionContext:
        """Load one decision (by id, or by content id) with its evidence and what is in force.

        Raises:
            NotFound: no such decision.
        """
        query = select(
            CONTENTS.c.id,
            CONTENTS.c.author_id,
            CONTENTS.c.text,
            CONTENTS.c.signals,
            CONTENTS.c.failures,
            CONTENTS.c.detectors,
            CONTENTS.c.created_at,
            CONTENTS.c.received_at,
            CONTENTS.c.url_count,
            DECISIONS.c.id.label("decision_id"),
            DECISIONS.c.document,
        ).join(DECISIONS, DECISIONS.c.content_id == CONTENTS.c.id)
        row = self.session.execute(query.where(DECISIONS.c.id == decision_id)).one_or_none()
        if row is None:
            row = self.session.execute(
                query.where(DECISIONS.c.content_id == decision_id)
            ).one_or_none()
        if row is None:
            raise NotFound("decision", field="decision_id")
        decision = record_of(row.document)
        return DecisionContext(
            decision=decision,
            evidence=evidence_of(row),
            author_id=row.author_id,
            created_at=utc(row.created_at) if row.created_at else None,
            received_at=utc(row.received_at),
            url_count=row.url_count,
            in_force=self.in_force(decision),
        )

    def in_force(self, decision: DecisionRecord) -> list[dict[str, Any]]:
        """The content actions now in force for a decision (latest human change wins).

        As the documents a case or appeal stores its change in: the person's last word, or the
        decision's own content actions.
        """
        decision_id = decision.id
        changes: list[tuple[datetime, dict[str, Any]]] = []
        case = self.session.execute(
            select(CASES.c.closed_at, CASES.c.document).where(
                CASES.c.decision_id == decision_id, CASES.c.status == "closed"
            )
        ).one_or_none()
        if case is not None and case.document is not None:
            changes.append((utc(case.closed_at), case.document))
        for appeal in self.session.execute(
            select(APPEALS.c.decided_at, APPEALS.c.document).where(APPEALS.c.status == "upheld")
        ):
            if appeal.document and decision_id in appeal.document.get("decisions", {}):
                changes.append((utc(appeal.decided_at), appeal.document))
        if not changes:
            return [
                action_document(a)
                for a in decision.actions
                if a.type.value not in ("suspend", "ban")
            ]
        changes.sort(key=lambda pair: pair[0])
        latest = changes[-1][1]
        in_force: list[dict[str, Any]] = latest["decisions"][decision_id]["in_force"]
        return in_force

    def strike_row(self, decision_id: str) -> Strike | None:
        """The strike row of a decision, voided or not."""
        row = self.session.execute(
            select(STRIKES).where(STRIKES.c.decision_id == decision_id)
        ).one_or_none()
        return None if row is None else strike_of(row)

    def put_strike(self, strike: Strike, *, actor: str, now: datetime, why: str) -> None:
        """Write a strike for its decision: insert it, or overwrite the decision's row.

        A decision has at most one strike row (a unique constraint); a person reinstating or
        re-weighing it overwrites that row, and the audit event keeps what it was.
        """
        old = self.strike_row(strike.decision_id)
        values = dict(
            account_id=strike.account_id,
            rule_id=strike.rule_id,
            weight=strike.weight,
            issued=strike.issued,
            expires=strike.expires,
            voided=strike.voided,
        )
        if old is None:
            Accounts(self.session).ensure(strike.account_id, now)
            self.session.execute(
                STRIKES.insert(), dict(id=strike.id, decision_id=strike.decision_id, **values)
            )
        else:
            self.session.execute(
                update(STRIKES).where(STRIKES.c.decision_id == strike.decision_id).values(**values)
            )
        if strike.voided:
            kind = "strike.voided"
        elif old is None:
            kind = "strike.issued"
        elif old.voided:
            kind = "strike.reinstated"
        else:
            kind = "strike.changed"
        payload: dict[str, Any] = {
            "strike": old.id if old else strike.id,
            "decision": strike.decision_id,
            "rule": strike.rule_id,
            "weight": strike.weight,
            "why": why,
        }
        if old is not None and not strike.voided:
            payload["was"] = {"rule": old.rule_id, "weight": old.weight, "voided": old.voided}
        strike_id = old.id if old else strike.id
        digest = stored_digest(self.session, "strike", STRIKES, strike_id)
        payload.update(covers("strike", strike_id, digest))
        event = audit.Event(kind, f"account:{strike.account_id}", payload)
        audit.append(self.session, [event], actor=actor, at=now)

    def set_standing(
        self,
        account_id: str,
        before: Standing,
        after: Standing,
        profile: str,
        *,
        actor: str,
        now: datetime,
        why: str,
    ) -> None:
        """Cache the account's new standing and log the change of state."""
        Accounts(self.session).set_standing(account_id, after, profile, now)
        if (before.state, before.until) != (after.state, after.until):
            event = audit.Event(
                "account.state_changed",
                f"account:{account_id}",
                {
                    "from": before.state.value,
                    "to": after.state.value,
                    "until": after.until.isoformat() if after.until else None,
                    "why": why,
                },
            )
            audit.append(self.session, [event], actor=actor, at=now)
