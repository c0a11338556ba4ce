"""The queue page's reading of the open cases: each case's rules and designations, and filters.

The review queue (``review.queue.queue``) gives cases in priority order; the filters the page
offers by rule and by designation need each case's decision, read here for the page's window in
one unit of work. Filtering is presentation: which cases exist and in what order is the
service's answer, unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from redline.detect.finding import SignalKind
from redline.record.decisions import Decisions
from redline.record.review.cases import CaseView
from redline.record.store import Store

AGES = {"1h": timedelta(hours=1), "24h": timedelta(days=1), "7d": timedelta(days=7)}


@dataclass(frozen=True, slots=True)
class QueuedCase:
    """An open case with the rules and designations at stake."""

    case: CaseView
    rules: tuple[str, ...]
    designations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Filters:
    """What the moderator asked to see; empty strings mean "any"."""

    severity: str = ""
    assignee: str = ""
    reason: str = ""
    rule: str = ""
    designation: str = ""
    older_than: str = ""

    def keeps(self, item: QueuedCase, me: str, now: datetime) -> bool:
        """Whether the case passes every filter."""
        c = item.case
        checks = (
            not self.severity or c.severity == self.severity,
            not self.reason or self.reason in c.reasons,
            not self.rule or self.rule in item.rules,
            not self.designation or self.designation in item.designations,
            self.assignee != "me" or c.assignee == me,
            self.assignee != "unassigned" or c.assignee is None,
            self.older_than not in AGES or now - c.opened_at >= AGES[self.older_than],
        )
        return all(checks)


@dataclass
class QueueView:
    """The page's data: the window's cases, the shown ones, and counts to filter by."""

    cases: list[QueuedCase]
    shown: list[QueuedCase]
    by_severity: Counter[str] = field(default_factory=Counter)
    by_reason: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    by_designation: Counter[str] = field(default_factory=Counter)


def queued(store: Store, cases: Sequence[CaseView]) -> list[QueuedCase]:
    """The cases with their decisions' rules and designations (one read for the window)."""
    out = []
    with store.reading() as session:
        decisions = Decisions(session).many(c.decision_id for c in cases)
    for case in cases:
        decision = decisions[case.decision_id]
        rules = tuple(v.rule for v in decision.violations) + tuple(
            r.rule_id for r in decision.reviews
        )
        designations = tuple(
            dict.fromkeys(
                s.type
                for v in decision.violations
                for s in v.signals
                if s.kind is not SignalKind.PII
            )
        )
        out.append(QueuedCase(case, tuple(dict.fromkeys(rules)), designations))
    return out


def view(items: list[QueuedCase], filters: Filters, me: str) -> QueueView:
    """Apply the filters and count what there is to filter by."""
    now = datetime.now(UTC)
    result = QueueView(items, [i for i in items if filters.keeps(i, me, now)])
    for item in items:
        result.by_severity[item.case.severity] += 1
        result.by_reason.update(item.case.reasons)
        result.by_rule.update(item.rules)
        result.by_designation.update(item.designations)
    return result
