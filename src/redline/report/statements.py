"""Statements of reasons for every restriction, in the DSA Transparency Database format.

One statement per step that restricts something: each automated decision with actions, and each
case a moderator closed with restrictions in force (the human decision, ``NOT_AUTOMATED``). The
rule-to-category mapping comes from the policy pack (``dsa_category``, ``dsa_keywords``,
``dsa_legal_ground`` on each rule), stored on every decision, so it is policy, not code.

The database forbids personal data in a statement, so a statement says which *kinds* of data
were found where, never a value, a masked form, an author, a content id or a moderator's name;
its ``puid`` is the decision's (or case's) opaque hashed id. Every free-text field is scanned by
the PII detectors before writing as a last guard, and a hit refuses the export.
"""

from __future__ import annotations

import contextlib
import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from redline.decide.policy import Policy
from redline.detect.pii import ENTITIES, PiiOptions, detect_pii
from redline.errors import InputError
from redline.record.decisions.reports import (
    ReportedDecision,
    decisions_between,
    reported_decision,
)
from redline.record.review.cases import Cases
from redline.record.store import Store
from redline.report.dsa import BATCH_LIMIT, EEA, FIELDS, Statement

# Our actions in the database's vocabulary. request_redaction offers a way out; it restricts
# nothing, so it has no counterpart.
VISIBILITY = {
    "remove_content": "DECISION_VISIBILITY_CONTENT_REMOVED",
    "block_link": "DECISION_VISIBILITY_CONTENT_DISABLED",
    "restrict_sharing": "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
    "limit_visibility": "DECISION_VISIBILITY_CONTENT_DEMOTED",
    "label": "DECISION_VISIBILITY_CONTENT_LABELLED",
}
_PHRASES = {
    "remove_content": "removed the post",
    "block_link": "blocked its links",
    "restrict_sharing": "restricted sharing",
    "limit_visibility": "demoted it pending review",
    "label": "labelled it",
    "suspend": "suspended the account",
    "ban": "terminated the account",
}
_PARTS = {"text": "text", "url": "links", "attachment": "attachments"}
_FREE_TEXT = (
    "decision_facts",
    "illegal_content_legal_ground",
    "illegal_content_explanation",
    "incompatible_content_ground",
    "incompatible_content_explanation",
    "content_type_other",
)


class StatementRefused(InputError):
    """A statement failed the database's rules or carried personal data; nothing was written."""


@dataclass(frozen=True, slots=True)
class Step:
    """One restricting step: what is in force, for which rules, decided how and when."""

    puid: str
    record: ReportedDecision
    rules: tuple[str, ...]
    content_actions: tuple[str, ...]
    account_action: str | None
    account_until: str | None
    applied: datetime
    automated: bool
    reviewed: str | None = None


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _facts(step: Step, policy: Policy | None) -> str:
    decision = step.record.decision
    found: Counter[tuple[str, str]] = Counter()
    for violation in decision.violations:
        if violation.rule not in step.rules:
            continue
        for signal in violation.signals:
            part = signal.location.part.split(":")[0]
            found[(signal.type, _PARTS.get(part, part))] += 1
    what = "; ".join(f"{t} in the post's {p} ({n})" for (t, p), n in sorted(found.items()))
    lines = []
    if step.reviewed:
        lines.append(f"A moderator reviewed the automated decision and decided: {step.reviewed}.")
    if what:
        detected = (
            "Automated detection found" if decision.statement.automated_detection else "Found"
        )
        lines.append(f"{detected}: {what}.")
    for rule_id in step.rules:
        title = rule_id
        if policy is not None:
            with contextlib.suppress(KeyError):
                title = f"{rule_id} ({policy.rule(rule_id).title})"
        lines.append(f"Rule broken under policy {decision.versions.policy}: {title}.")
    acts = [_PHRASES[a] for a in step.content_actions if a in _PHRASES]
    if step.account_action:
        acts.append(_PHRASES[step.account_action])
    if acts:
        lines.append("The platform " + ", ".join(acts) + ".")
    return _clip(" ".join(lines), 5000)


def _ground(step: Step, policy: Policy | None) -> dict[str, str]:
    rules = []
    if policy is not None:
        for rule_id in step.rules:
            try:
                rules.append(policy.rule(rule_id))
            except KeyError:
                continue
    legal = [r.dsa_legal_ground for r in rules if r.dsa_legal_ground]
    explanation = " ".join(r.text for r in rules) or "Breaks the platform's rules: " + ", ".join(
        step.rules
    )
    if legal:
        return {
            "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT",
            "illegal_content_legal_ground": _clip("; ".join(dict.fromkeys(legal)), 500),
            "illegal_content_explanation": _clip(explanation, 2000),
        }
    titles = "; ".join(f"{r.id}: {r.title}" for r in rules) or ", ".join(step.rules)
    return {
        "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "incompatible_content_ground": _clip(
            f"Terms of service, policy {step.record.decision.versions.policy}, {titles}", 500
        ),
        "incompatible_content_explanation": _clip(explanation, 2000),
        "incompatible_content_illegal": "No",
    }


def build(step: Step, policy: Policy | None, territory: Sequence[str]) -> Statement:
    """The statement for one step, validated.

    Raises:
        StatementRefused: it breaks the database's rules or carries personal data.
    """
    decision = step.record.decision
    mapping = {d.rule: d for d in decision.statement.dsa}
    ranked = [r for r in step.rules if r in mapping]
    severity = {v.rule: v.severity.value for v in decision.violations}
    order = ["critical", "high", "medium", "low"]
    ranked.sort(key=lambda r: order.index(severity.get(r, "low")))
    categories = list(dict.fromkeys(mapping[r].category for r in ranked))
    keywords = list(dict.fromkeys(k for r in ranked for k in mapping[r].keywords))
    visibility = list(dict.fromkeys(VISIBILITY[a] for a in step.content_actions if a in VISIBILITY))
    posted = step.record.created_at or step.record.received_at
    fields: dict[str, Any] = {
        "decision_visibility": visibility or None,
        "decision_account": {
            "suspend": "DECISION_ACCOUNT_SUSPENDED",
            "ban": "DECISION_ACCOUNT_TERMINATED",
        }.get(step.account_action or ""),
        "end_date_account_restriction": step.account_until[:10] if step.account_until else None,
        "content_type": ["CONTENT_TYPE_TEXT"]
        + (["CONTENT_TYPE_OTHER"] if step.record.url_count else []),
        "content_type_other": "Link" if step.record.url_count else None,
        "category": categories[0] if categories else "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        "category_addition": categories[1:] or None,
        "category_specification": keywords or None,
        "territorial_scope": list(territory),
        "content_date": _day(posted),
        "application_date": _day(step.applied),
        "decision_facts": _facts(step, policy),
        "source_type": "SOURCE_VOLUNTARY",
        "automated_detection": "Yes" if decision.statement.automated_detection else "No",
        "automated_decision": "AUTOMATED_DECISION_FULLY"
        if step.automated
        else "AUTOMATED_DECISION_NOT_AUTOMATED",
        "puid": step.puid,
        **_ground(step, policy),
    }
    try:
        statement = Statement.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "statement"
        raise StatementRefused(
            f"statement {step.puid} refused: {where}: {first['msg']}", field=where
        ) from None
    check_no_personal_data(statement)
    return statement


_PII = PiiOptions(threshold=0.5, entities=None)
# Kinds of private data a statement could leak; names are excluded because rule titles and the
# platform's own words ("Social Security number") are not a person.
_LEAKS = frozenset(ENTITIES) - {"PERSON_NAME"}


def check_no_personal_data(statement: Statement) -> None:
    """Refuse a statement whose free text the PII detectors flag.

    Raises:
        StatementRefused: a private datum (type and field named, never the value).
    """
    for name in _FREE_TEXT:
        value = getattr(statement, name)
        if not value:
            continue
        hits = [s.type for s in detect_pii(value, _PII) if s.type in _LEAKS]
        if hits:
            raise StatementRefused(
                f"statement {statement.puid} refused: {name} holds personal data ({hits[0]})",
                field=name,
            )


def steps(store: Store, start: datetime | None, end: datetime | None) -> Iterator[Step]:
    """Every restricting step applied in [start, end): decisions, then closed cases."""
    with store.reading() as session:
        for record in decisions_between(session, start, end):
            decision = record.decision
            content = tuple(a.type.value for a in decision.actions if a.type.value in VISIBILITY)
            account = next(
                (a for a in decision.actions if a.type.value in ("suspend", "ban")), None
            )
            if not content and account is None:
                continue
            yield Step(
                puid=decision.id,
                record=record,
                rules=tuple(v.rule for v in decision.violations),
                content_actions=content,
                account_action=account.type.value if account else None,
                account_until=account.until.isoformat() if account and account.until else None,
                applied=record.decided_at,
                automated=decision.statement.automated_decision,
            )
        for case in Cases(session).between(None, None):
            if case.closed_at is None or case.document is None:
                continue
            if (start is not None and case.closed_at < start) or (
                end is not None and case.closed_at >= end
            ):
                continue
            entry = case.document["decisions"][case.decision_id]
            content = tuple(a["type"] for a in entry["in_force"] if a["type"] in VISIBILITY)
            account_actions = (case.document.get("account") or {}).get("actions", [])
            account_action = next((a for a in account_actions if a in ("suspend", "ban")), None)
            if not content and account_action is None:
                continue
            found = reported_decision(session, case.decision_id)
            if found is None:
                continue
            until = (case.document.get("account") or {}).get("until")
            yield Step(
                puid=case.id,
                record=found,
                rules=tuple(entry["rules"]),
                content_actions=content,
                account_action=account_action,
                account_until=until if account_action == "suspend" else None,
                applied=case.closed_at,
                automated=False,
                reviewed=case.outcome,
            )


def export(
    store: Store,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    policy: Policy | None = None,
    territory: Sequence[str] = EEA,
) -> list[Statement]:
    """Build and validate every statement in the window; any refusal stops the export."""
    unknown = sorted(set(territory) - set(EEA))
    if unknown or not territory:
        raise InputError(
            f"territory must be EU/EEA country codes (got {', '.join(unknown) or 'none'})",
            field="territory",
        )
    return [build(step, policy, territory) for step in steps(store, start, end)]


def batches(statements: Sequence[Statement]) -> list[list[Statement]]:
    """Groups of at most 100, the database's limit per submission."""
    return [list(statements[i : i + BATCH_LIMIT]) for i in range(0, len(statements), BATCH_LIMIT)]


def batch_paths(output: Path, count: int) -> list[Path]:
    """Where each batch goes: ``output`` itself for one batch, ``name-0001.ext`` ... for more."""
    if count <= 1:
        return [output]
    return [output.with_name(f"{output.stem}-{i:04d}{output.suffix}") for i in range(1, count + 1)]


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value)
    return str(value)


def write(statements: Sequence[Statement], output: Path, fmt: str) -> list[Path]:
    """Write the statements in batches of at most 100, one file per batch.

    JSON: a list of statement objects per file; CSV: a header with every field of the schema,
    lists as JSON arrays.

    Raises:
        InputError: unknown format, or the output cannot be written.
    """
    if fmt not in ("json", "csv"):
        raise InputError("format must be json or csv", field="format")
    groups = batches(statements) or [[]]
    paths = batch_paths(output, len(groups))
    try:
        for path, group in zip(paths, groups, strict=True):
            with path.open("w", encoding="utf-8", newline="") as stream:
                if fmt == "json":
                    json.dump([s.to_api() for s in group], stream, indent=2, ensure_ascii=False)
                    stream.write("\n")
                else:
                    writer = csv.writer(stream)
                    writer.writerow(FIELDS)
                    for statement in group:
                        writer.writerow(_csv_cell(getattr(statement, f)) for f in FIELDS)
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror}", field="output") from None
    return paths


def read_json(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Read exported JSON batches back (for checks and submission tools)."""
    out: list[dict[str, Any]] = []
    for path in paths:
        out.extend(json.loads(path.read_text(encoding="utf-8")))
    return out
