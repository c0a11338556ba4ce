"""The transparency report's figures: what was decided, reviewed, appealed and asked, and how fast.

Every number the HTML shows comes from ``figures()``, which is also written as JSON, so a reader
can check a chart against the data and a regulator can load the data without scraping a page.

Definitions:

* time to action: from when the content was posted (or received, if the platform gave no post
  time) to when a restriction was applied, by the machine or by a moderator closing a case;
* time to appeal outcome: from filing to the moderator's decision;
* overturn rate: upheld appeals over decided appeals (and overturned cases over closed cases).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from redline.errors import InputError
from redline.record.decisions.reports import decisions_between, reported_decision
from redline.record.review.appeals import Appeals
from redline.record.review.cases import Cases
from redline.record.review.requests import Requests
from redline.record.store import Store
from redline.report.html import render

RESTRICTIONS = frozenset(
    {"block_link", "remove_content", "restrict_sharing", "limit_visibility", "label", "suspend",
     "ban"}
)  # fmt: skip


def durations(seconds: Iterable[float]) -> dict[str, float | int | None]:
    """Count, median and 90th percentile of durations, in hours."""
    values = np.array(list(seconds), dtype=float) / 3600.0
    if values.size == 0:
        return {"count": 0, "median_hours": None, "p90_hours": None}
    return {
        "count": int(values.size),
        "median_hours": round(float(np.percentile(values, 50)), 3),
        "p90_hours": round(float(np.percentile(values, 90)), 3),
    }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _within(moment: datetime | None, start: datetime | None, end: datetime | None) -> bool:
    return (
        moment is not None and (start is None or moment >= start) and (end is None or moment < end)
    )


def figures(store: Store, start: datetime | None, end: datetime | None) -> dict[str, Any]:
    """Every figure of the report for decisions, cases, appeals and requests in [start, end)."""
    by_rule: Counter[str] = Counter()
    by_action: Counter[str] = Counter()
    by_automation: Counter[str] = Counter()
    to_action: list[float] = []
    total = violating = 0
    with store.reading() as session:
        for record in decisions_between(session, start, end):
            decision = record.decision
            total += 1
            violating += decision.violates
            by_rule.update({v.rule for v in decision.violations})
            types = [a.type.value for a in decision.actions]
            by_action.update(types)
            by_automation[
                "automated_decision" if decision.statement.automated_decision else "human_decision"
            ] += 1
            if decision.statement.automated_detection:
                by_automation["automated_detection"] += 1
            if RESTRICTIONS.intersection(types):
                posted = record.created_at or record.received_at
                to_action.append(max((record.decided_at - posted).total_seconds(), 0.0))
        cases = [c for c in Cases(session).between(None, None)]
        appeals = Appeals(session).between(start, end)
        requests = Requests(session).between(start, end)
        opened = [c for c in cases if _within(c.opened_at, start, end)]
        closed = [c for c in cases if _within(c.closed_at, start, end)]
        for case in closed:
            if case.document is None or case.closed_at is None:
                continue
            entry = case.document["decisions"][case.decision_id]
            account = case.document.get("account") or {}
            restricted = RESTRICTIONS.intersection(
                [a["type"] for a in entry["in_force"]] + account.get("actions", [])
            )
            if restricted and entry["added"] + account.get("actions", []):
                found = reported_decision(session, case.decision_id)
                if found is not None:
                    posted = found.created_at or found.received_at
                    to_action.append(max((case.closed_at - posted).total_seconds(), 0.0))
    by_automation["reviewed_by_a_person"] = len(closed)
    decided = [a for a in appeals if a.status in ("upheld", "denied")]
    upheld = [a for a in decided if a.status == "upheld"]
    case_outcomes = Counter(c.outcome for c in closed if c.outcome)
    type_outcome: dict[str, Counter[str]] = {}
    for request in requests:
        type_outcome.setdefault(request.requester_type, Counter())[request.outcome] += 1
    return {
        "window": {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
        },
        "decisions": {
            "total": total,
            "with_violations": violating,
            "by_rule": dict(by_rule.most_common()),
            "by_action": dict(by_action.most_common()),
            "by_automation": dict(sorted(by_automation.items())),
            "time_to_action": durations(to_action),
        },
        "cases": {
            "opened": len(opened),
            "closed": len(closed),
            "open_now": sum(c.status == "open" for c in cases),
            "by_reason": dict(Counter(r for c in opened for r in c.reasons).most_common()),
            "by_outcome": dict(case_outcomes.most_common()),
            "overturn_rate": _rate(case_outcomes["overturn"], len(closed)),
        },
        "appeals": {
            "filed": len(appeals),
            "decided": len(decided),
            "upheld": len(upheld),
            "denied": len(decided) - len(upheld),
            "pending": len(appeals) - len(decided),
            "overturn_rate": _rate(len(upheld), len(decided)),
            "time_to_outcome": durations(
                (a.decided_at - a.filed_at).total_seconds() for a in decided if a.decided_at
            ),
        },
        "requests": {
            "total": len(requests),
            "by_requester_type": dict(Counter(r.requester_type for r in requests).most_common()),
            "by_outcome": dict(Counter(r.outcome for r in requests).most_common()),
            "by_type_and_outcome": {t: dict(c) for t, c in sorted(type_outcome.items())},
            "linked_to_decisions": sum(bool(r.decision_ids) for r in requests),
        },
    }


def write_report(report: dict[str, Any], directory: Path, name: str = "transparency") -> list[Path]:
    """Write ``name.html`` and ``name.json`` (the same figures) into ``directory``.

    Raises:
        InputError: the directory cannot be created or written.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
        page = directory / f"{name}.html"
        data = directory / f"{name}.json"
        page.write_text(render(report), encoding="utf-8")
        data.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {directory}: {error.strerror}", field="output") from None
    return [page, data]
