"""The events a person's outcome announces (``record.outbox``): a review or an appeal decided.

Built from the change document stored on the case or appeal, keeping what a platform acts on:
the outcome, per decision the rules and the actions now in force (type and end only: an action's
document may hold the redacted text of the post), what was lifted or added, and the account's
move. Not the moderator's name or written reason: those stay in the audit log and the console.
"""

from __future__ import annotations

from typing import Any

from redline.record.outbox import Event


def _decision(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "rules": entry.get("rules", []),
        "in_force": [{"type": a["type"], "until": a.get("until")} for a in entry["in_force"]],
        "added": entry.get("added", []),
        "lifted": entry.get("lifted", []),
        "strike": entry.get("strike"),
    }


def outcome_events(
    kind: str, subject: str, subject_id: str, document: dict[str, Any]
) -> list[Event]:
    """``review.decided`` or ``appeal.decided``, and ``account.state_changed`` if it moved."""
    account = document.get("account")
    events = [
        Event(
            kind,
            f"{kind}:{subject_id}",
            {
                f"{subject}_id": subject_id,
                "decision_id": document.get("decision_id"),
                "outcome": document.get("outcome"),
                "decisions": {k: _decision(v) for k, v in document.get("decisions", {}).items()},
                "account": account,
            },
        )
    ]
    if account and account.get("from") != account.get("to"):
        events.append(
            Event(
                "account.state_changed",
                f"account.state_changed:{subject}:{subject_id}",
                {
                    "account_id": account.get("id"),
                    "from": account.get("from"),
                    "to": account.get("to"),
                    "until": account.get("until"),
                    "cause": {f"{subject}_id": subject_id},
                },
            )
        )
    return events
