"""The events a decision announces to the platform (``record.outbox``), built from its record.

Only what a platform acts on: ids, rules and severities, actions, the account's standing. No
signals, no text, no statement: the masked forms are in the decision itself, for whoever is
allowed to read it (``GET /v1/decisions/{id}``); an event travels further than the store.
"""

from __future__ import annotations

from typing import Any

from redline.enforce.decision import Decision
from redline.record.decisions.record import DecisionRecord
from redline.record.outbox import Event


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def decision_events(record: DecisionRecord, decision: Decision) -> list[Event]:
    """``decision.made``, and ``account.state_changed`` when the decision changed the state."""
    account = record.account
    events = [
        Event(
            "decision.made",
            f"decision.made:{record.id}",
            {
                "decision_id": record.id,
                "content_id": record.content_id,
                "account_id": record.account_id,
                "decided_at": record.decided_at.isoformat(),
                "policy": decision.policy,
                "profile": decision.profile,
                "violations": [
                    {"rule": v.rule, "severity": v.severity.value} for v in record.violations
                ],
                "actions": [
                    {"type": a.type.value, "until": _when(a.until)} for a in record.actions
                ],
                "needs_review": record.needs_review,
                "account": {
                    "state": account.state.value,
                    "until": _when(account.until),
                    "strikes": account.strikes,
                },
            },
        )
    ]
    if record.account_id is not None and decision.after.state != decision.before.state:
        events.append(
            Event(
                "account.state_changed",
                f"account.state_changed:decision:{record.id}",
                {
                    "account_id": record.account_id,
                    "from": decision.before.state.value,
                    "to": decision.after.state.value,
                    "until": _when(decision.after.until),
                    "cause": {"decision_id": record.id},
                },
            )
        )
    return events
