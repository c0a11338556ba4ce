"""Decisions and the content they are about: written together, once, in one unit of work.

``save`` writes the content (text only as retention allows, signals masked), the decision, its
actions, its strike, the account's new standing and the audit events in the caller's transaction.
The unique constraint on ``decisions.content_id`` is the idempotency guarantee: a second attempt
for the same content fails at commit and the caller returns the first decision instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from redline.content import Content
from redline.decide.exemptions import is_masked
from redline.decide.verdict import Evidence
from redline.detect.finding import DetectorFailure, Location, Signal, SignalKind
from redline.enforce.decision import Decision, action_document, signal_document
from redline.errors import NotFound
from redline.record import audit
from redline.record.accounts import Accounts, utc
from redline.record.tables import ActionRow, ContentRow, DecisionRow, StrikeRow

Retention = Literal["none", "redacted", "raw"]

# Same length as the datum it covers, so stored offsets stay valid; not a mask character, so a
# replay still sees "an unredacted datum was here".
_BLANK = "\ufffd"


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


def signal_of(document: Mapping[str, Any]) -> Signal:
    """Rebuild a stored (masked) signal."""
    location = document["location"]
    return Signal(
        kind=SignalKind(document["kind"]),
        type=document["type"],
        location=Location(
            location["start"], location["end"], location["part"], location.get("page")
        ),
        score=float(document["score"]),
        detector=document["detector"],
        detector_version=document["detector_version"],
        masked=document["masked"],
        digest=document.get("digest"),
        evidence=document.get("evidence", ""),
    )


@dataclass(frozen=True, slots=True)
class StoredContent:
    """A moderated content as replay needs it: its evidence rebuilt, and who decided when."""

    evidence: Evidence
    author_id: str | None
    decision: dict[str, Any]
    decided_at: datetime
    text_kept: bool


class Decisions:
    """Repository of decisions, within one unit of work (the caller commits)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def for_content(self, content_id: str) -> dict[str, Any] | None:
        """The stored decision document for a content id, if it was decided."""
        return self.session.scalars(
            select(DecisionRow.document).where(DecisionRow.content_id == content_id)
        ).one_or_none()

    def get(self, decision_id: str) -> dict[str, Any]:
        """A stored decision document by id (or by content id, as a convenience).

        Raises:
            NotFound: no decision has this id.
        """
        document = self.session.scalars(
            select(DecisionRow.document).where(DecisionRow.id == decision_id)
        ).one_or_none()
        if document is None:
            document = self.for_content(decision_id)
        if document is None:
            raise NotFound(f"no decision {decision_id!r}")
        return document

    def save(
        self,
        content: Content,
        evidence: Evidence,
        decision: Decision,
        *,
        retention: Retention,
        received_at: datetime,
    ) -> None:
        """Write everything about one decision; the caller's commit makes it all or nothing."""
        now = decision.decided_at
        actor = decision.decided_by
        accounts = Accounts(self.session)
        self.session.add(
            ContentRow(
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
                failures=[
                    {
                        "detector": f.detector,
                        "version": f.detector_version,
                        "part": f.part,
                        "error": f.error,
                    }
                    for f in evidence.failures
                ],
                detectors=[list(d) for d in evidence.detectors],
            )
        )
        document = decision.to_document()
        self.session.add(
            DecisionRow(
                id=decision.id,
                content_id=content.id,
                account_id=decision.account_id,
                policy=decision.policy,
                profile=decision.profile,
                decided_at=now,
                decided_by=actor,
                violates=decision.verdict.violates,
                needs_review=decision.needs_review,
                document=document,
            )
        )
        self.session.flush()  # the decision row must exist before rows that refer to it
        for position, action in enumerate(decision.actions):
            self.session.add(
                ActionRow(
                    decision_id=decision.id,
                    position=position,
                    type=action.type.value,
                    until=action.until,
                    document=action_document(action),
                )
            )
        subject = f"content:{content.id}"
        audit.append(
            self.session,
            "content.accepted",
            subject,
            {
                "author": content.author_id,
                "retention": retention,
                "signals": len(evidence.signals),
                "failures": len(evidence.failures),
            },
            actor=actor,
            at=now,
        )
        audit.append(
            self.session,
            "decision.made",
            f"decision:{decision.id}",
            {
                "content": content.id,
                "policy": decision.policy,
                "profile": decision.profile,
                "violations": [v["rule"] for v in document["violations"]],
                "actions": [a["type"] for a in document["actions"]],
                "needs_review": decision.needs_review,
            },
            actor=actor,
            at=now,
        )
        if decision.account_id is None:
            return
        strike = decision.strike
        if strike is not None:
            self.session.add(
                StrikeRow(
                    id=strike.id,
                    account_id=strike.account_id,
                    rule_id=strike.rule_id,
                    weight=strike.weight,
                    issued=strike.issued,
                    expires=strike.expires,
                    decision_id=strike.decision_id,
                    voided=False,
                )
            )
            audit.append(
                self.session,
                "strike.issued",
                f"account:{strike.account_id}",
                {
                    "strike": strike.id,
                    "rule": strike.rule_id,
                    "weight": strike.weight,
                    "decision": decision.id,
                    "expires": strike.expires.isoformat(),
                },
                actor=actor,
                at=now,
            )
        accounts.set_standing(decision.account_id, decision.after, decision.profile, now)
        if decision.after != decision.before and decision.after.state != decision.before.state:
            audit.append(
                self.session,
                "account.state_changed",
                f"account:{decision.account_id}",
                {
                    "from": decision.before.state.value,
                    "to": decision.after.state.value,
                    "until": decision.after.until.isoformat() if decision.after.until else None,
                    "decision": decision.id,
                },
                actor=actor,
                at=now,
            )

    def stored(self, since: datetime | None = None) -> Iterator[StoredContent]:
        """Every decided content (decided at or after ``since``), oldest decision first."""
        query = (
            select(ContentRow, DecisionRow)
            .join(DecisionRow, DecisionRow.content_id == ContentRow.id)
            .order_by(DecisionRow.decided_at, DecisionRow.id)
        )
        if since is not None:
            query = query.where(DecisionRow.decided_at >= since)
        for content, decision in self.session.execute(query.execution_options(yield_per=500)):
            texts = {"text": content.text} if content.text is not None else {}
            evidence = Evidence(
                content_id=content.id,
                signals=tuple(signal_of(s) for s in content.signals),
                texts=texts,
                failures=tuple(
                    DetectorFailure(f["detector"], f["version"], f["part"], f["error"])
                    for f in content.failures
                ),
                detectors=tuple((d[0], d[1]) for d in content.detectors),
            )
            yield StoredContent(
                evidence,
                content.author_id,
                decision.document,
                utc(decision.decided_at),
                content.text is not None,
            )
