"""Replay: re-decide stored content under another policy version and show what would change.

Deciding is pure, and every decision stored the evidence it used (masked signals, the text as
retention allowed, detector versions), so a new policy can be tried on past content before it
is adopted. Each content is re-judged as of its original decision time, against the strikes the
author had before it, with the same profile; nothing is written, so replay acts on nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from redline.decide.policy import Policy
from redline.enforce.decision import judge
from redline.enforce.profile import Profile
from redline.record.accounts import Accounts
from redline.record.decisions import Decisions
from redline.record.store import Store

EXAMPLES = 5


@dataclass
class ReplayReport:
    """What a new policy would change: counts by rule and by action, and a few examples."""

    policy: str
    compared: int = 0
    changed: int = 0
    without_text: int = 0
    rules_before: Counter[str] = field(default_factory=Counter)
    rules_after: Counter[str] = field(default_factory=Counter)
    actions_before: Counter[str] = field(default_factory=Counter)
    actions_after: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data: per rule and per action, the count before, after and the change."""

        def table(before: Counter[str], after: Counter[str]) -> dict[str, dict[str, int]]:
            return {
                key: {
                    "before": before[key],
                    "after": after[key],
                    "change": after[key] - before[key],
                }
                for key in sorted(set(before) | set(after))
            }

        return {
            "policy": self.policy,
            "compared": self.compared,
            "changed": self.changed,
            "without_text": self.without_text,
            "rules": table(self.rules_before, self.rules_after),
            "actions": table(self.actions_before, self.actions_after),
            "examples": self.examples,
        }


def replay(
    store: Store,
    policy: Policy,
    profile_for: Callable[[str], Profile],
    since: datetime | None = None,
) -> ReplayReport:
    """Re-decide every stored content (decided at or after ``since``) under ``policy``.

    ``profile_for`` maps the profile reference a decision was made under (``strict@1``) to the
    profile to re-decide with. Content stored without text is re-decided from its signals alone,
    so exceptions that read the words around a span cannot apply; ``without_text`` counts them.
    """
    report = ReplayReport(policy=policy.ref)
    with store.reading() as session:
        accounts = Accounts(session)
        for stored in Decisions(session).stored(since):
            old = stored.decision
            history = accounts.history(stored.author_id, before=stored.decided_at)
            author = accounts.author_facts(stored.author_id, stored.evidence.content_id)
            new = judge(
                stored.evidence,
                policy,
                profile_for(old.versions.profile),
                author,
                history,
                stored.decided_at,
            )
            before_rules = sorted({v.rule for v in old.violations})
            after_rules = sorted({v.rule_id for v in new.verdict.violations})
            before_actions = [a.type.value for a in old.actions]
            after_actions = [a.type.value for a in new.actions]
            report.compared += 1
            report.without_text += not stored.text_kept
            report.rules_before.update(before_rules)
            report.rules_after.update(after_rules)
            report.actions_before.update(before_actions)
            report.actions_after.update(after_actions)
            if (before_rules, before_actions) != (after_rules, after_actions):
                report.changed += 1
                if len(report.examples) < EXAMPLES:
                    report.examples.append(
                        {
                            "content_id": stored.evidence.content_id,
                            "decision_id": old.id,
                            "rules": {"before": before_rules, "after": after_rules},
                            "actions": {"before": before_actions, "after": after_actions},
                        }
                    )
    return report
