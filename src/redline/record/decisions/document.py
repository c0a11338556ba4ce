"""The decision record as JSON: ``document_of(record)`` and ``record_of(document)``, nothing else.

The one place that knows the document's shape: the store keeps it in ``decisions.document`` (and
each action in ``actions.document``, each signal in ``contents.signals``), the CLI prints it, the
API's schemas describe it, the exports read it. Key order is part of the format (the CLI prints
documents as they come), so it is fixed here. ``record_of(document_of(r)) == r`` for every record.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from redline.decide.policy import Exemption, Severity
from redline.decide.verdict import ReviewRequest
from redline.detect.finding import Location, Signal, SignalKind
from redline.enforce.action import Action
from redline.enforce.profile import AccountState, ActionType
from redline.record.decisions.record import (
    SCORE_DIGITS,
    AccountRecord,
    DecisionRecord,
    DsaRecord,
    ExemptedRecord,
    StatementRecord,
    StrikeRecord,
    Versions,
    ViolationRecord,
)

Document = dict[str, Any]


def signal_document(signal: Signal) -> Document:
    """A signal as plain data: masked form and keyed hash, never the raw value."""
    return {
        "kind": signal.kind.value,
        "type": signal.type,
        "location": signal.location.to_dict(),
        "score": round(signal.score, SCORE_DIGITS),
        "masked": signal.masked,
        "detector": signal.detector,
        "detector_version": signal.detector_version,
        "digest": signal.digest,
        "evidence": signal.evidence,
    }


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


def action_document(action: Action) -> Document:
    """An action as plain data; ``until``, ``targets`` and ``redacted_text`` only where set."""
    out: Document = {"type": action.type.value, "rules": list(action.rules)}
    if action.until is not None:
        out["until"] = action.until.isoformat()
    if action.targets:
        out["targets"] = list(action.targets)
    if action.redacted_text is not None:
        out["redacted_text"] = action.redacted_text
    return out


def action_of(document: Mapping[str, Any]) -> Action:
    """Rebuild a stored action."""
    until = document.get("until")
    return Action(
        type=ActionType(document["type"]),
        rules=tuple(document.get("rules", ())),
        until=datetime.fromisoformat(until) if until is not None else None,
        targets=tuple(document.get("targets", ())),
        redacted_text=document.get("redacted_text"),
    )


def _violation_document(violation: ViolationRecord) -> Document:
    out: Document = {
        "rule": violation.rule,
        "severity": violation.severity.value,
        "needs_review": violation.needs_review,
        "signals": [signal_document(s) for s in violation.signals],
    }
    if violation.signals_omitted:
        out["signals_omitted"] = dict(violation.signals_omitted)
    return out


def document_of(record: DecisionRecord) -> Document:
    """The record as plain JSON data (evidence masked), as stored and shown."""
    strike = record.strike
    account = record.account
    versions = record.versions
    statement = record.statement
    return {
        "decision_id": record.id,
        "content_id": record.content_id,
        "account_id": record.account_id,
        "policy": versions.policy,
        "profile": versions.profile,
        "decided_at": record.decided_at.isoformat(),
        "decided_by": record.decided_by,
        "automated_detection": statement.automated_detection,
        "automated_decision": statement.automated_decision,
        "needs_review": record.needs_review,
        "detectors": [{"name": n, "version": v} for n, v in versions.detectors],
        "violations": [_violation_document(v) for v in record.violations],
        "exempted": [
            {"rule": e.rule, "exception": e.exception.value, "signals": e.signals}
            for e in record.exempted
        ],
        "reviews": [{"rule": r.rule_id, "reason": r.reason} for r in record.reviews],
        "actions": [action_document(a) for a in record.actions],
        "strike": None
        if strike is None
        else {
            "id": strike.id,
            "rule": strike.rule,
            "weight": strike.weight,
            "expires": strike.expires.isoformat(),
        },
        "account": {
            "id": account.id,
            "state": account.state.value,
            "until": account.until.isoformat() if account.until else None,
            "strikes": account.strikes,
        },
        "reasons": statement.text,
        "dsa": [
            {"rule": d.rule, "category": d.category, "keywords": list(d.keywords)}
            for d in statement.dsa
        ],
    }


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def record_of(document: Mapping[str, Any]) -> DecisionRecord:
    """Rebuild the record from its document (as stored, or as ``document_of`` made it)."""
    strike = document["strike"]
    account = document["account"]
    detectors = tuple((d["name"], d["version"]) for d in document["detectors"])
    return DecisionRecord(
        document["decision_id"],
        document["content_id"],
        document["account_id"],
        datetime.fromisoformat(document["decided_at"]),
        document["decided_by"],
        Versions(document["policy"], document["profile"], detectors),
        needs_review=document["needs_review"],
        violations=tuple(
            ViolationRecord(
                rule=v["rule"],
                severity=Severity(v["severity"]),
                needs_review=v["needs_review"],
                signals=tuple(signal_of(s) for s in v["signals"]),
                signals_omitted=tuple((v.get("signals_omitted") or {}).items()),
            )
            for v in document["violations"]
        ),
        exempted=tuple(
            ExemptedRecord(e["rule"], Exemption(e["exception"]), e["signals"])
            for e in document["exempted"]
        ),
        reviews=tuple(ReviewRequest(r["rule"], r["reason"]) for r in document["reviews"]),
        actions=tuple(action_of(a) for a in document["actions"]),
        strike=None
        if strike is None
        else StrikeRecord(
            strike["id"],
            strike["rule"],
            strike["weight"],
            datetime.fromisoformat(strike["expires"]),
        ),
        account=AccountRecord(
            account["id"],
            AccountState(account["state"]),
            _time(account["until"]),
            account["strikes"],
        ),
        statement=StatementRecord(
            document["reasons"],
            document["automated_detection"],
            document["automated_decision"],
            tuple(
                DsaRecord(d["rule"], d["category"], tuple(d["keywords"])) for d in document["dsa"]
            ),
        ),
    )
