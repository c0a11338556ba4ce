"""The neutrality audit: does enforcement depend on whose side the author is on?

Input: the stored decisions, and an attributes file mapping author ids to groups (for example
political lean). The file is read here, in the report, and nowhere on the deciding path.

Three parts:

1. Per group, the violation rate (share of decisions with a violation), with a Wilson 95%
   interval and a chi-square test across groups. Groups may post differently, so a difference
   here is reported, not flagged.
2. For the same rule and severity, per group: the enforcement rate (share of violations with a
   restriction finally in force, after cases and appeals) and the share of each action, each
   with its interval, and a test of independence between group and outcome (Fisher's exact test
   for two groups, chi-square otherwise). P-values are Bonferroni-adjusted over every test run;
   an adjusted p below ``alpha`` flags the stratum. This is where a biased moderator, a biased
   profile or a biased appeal desk would show.
3. A counterfactual replay: a sample of decisions is re-decided twice from its stored evidence,
   with the author's own strike history, once with the author's group and once with it swapped
   for another; the decisions must be identical. The decider is a parameter so the test suite
   can show the replay catches one that reads the group.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from scipy import stats

from redline.decide.exemptions import AuthorFacts
from redline.decide.policy import Policy
from redline.decide.verdict import Evidence
from redline.enforce.decision import judge
from redline.enforce.profile import Profile
from redline.enforce.strikes import History
from redline.errors import InputError
from redline.record.accounts import Accounts
from redline.record.decisions import DecisionRecord, record_of_decision
from redline.record.decisions.document import action_document
from redline.record.decisions.reports import decisions_between
from redline.record.review.cases import Cases
from redline.record.review.enforcement import ReviewEnforcement
from redline.record.store import Store

RESTRICTIONS = frozenset(
    {"block_link", "remove_content", "restrict_sharing", "limit_visibility", "label", "suspend",
     "ban"}
)  # fmt: skip
MAX_ATTRIBUTES_BYTES = 50 * 1024 * 1024

# decider(evidence, policy, profile, author, history, now, group) -> the decision as stored
Decider = Callable[
    [Evidence, Policy, Profile, AuthorFacts, History, datetime, str | None], DecisionRecord
]


def blind_decider(
    evidence: Evidence,
    policy: Policy,
    profile: Profile,
    author: AuthorFacts,
    history: History,
    now: datetime,
    group: str | None,
) -> DecisionRecord:
    """Redline's own deciding: ``judge``, which has no parameter a group could pass through."""
    return record_of_decision(judge(evidence, policy, profile, author, history, now))


def load_attributes(path: Path) -> dict[str, str]:
    """Author id -> group, from a JSON object or a CSV with ``author_id,group`` columns.

    Raises:
        InputError: unreadable, too large, or malformed (the line or key named).
    """
    try:
        if path.stat().st_size > MAX_ATTRIBUTES_BYTES:
            raise InputError(f"{path} is larger than 50 MiB", field="attributes")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}", field="attributes") from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}: not JSON ({error.msg})", field="attributes") from None
        bad = next((k for k, v in data.items() if not isinstance(v, str) or not v), None)
        if bad is not None:
            raise InputError(f"{path}: every group must be a non-empty string", field="attributes")
        return dict(data)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip() for c in rows[0][:2]] != ["author_id", "group"]:
        raise InputError(f"{path}: CSV must start with author_id,group", field="attributes")
    out = {}
    for number, row in enumerate(rows[1:], 2):
        if not row:
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise InputError(f"{path}, line {number}: need author_id,group", field="attributes")
        out[row[0].strip()] = row[1].strip()
    return out


def wilson(successes: int, total: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion."""
    if total == 0:
        return (0.0, 1.0)
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def independence_p(table: list[list[int]]) -> float | None:
    """P-value that outcome is independent of group (rows: groups; columns: yes, no)."""
    rows = [r for r in table if sum(r) > 0]
    if len(rows) < 2:
        return None
    columns = [sum(r[i] for r in rows) for i in range(2)]
    if 0 in columns:
        return 1.0  # everyone had the same outcome: no difference to find
    if len(rows) == 2:
        return float(stats.fisher_exact(rows).pvalue)
    return float(stats.chi2_contingency(rows).pvalue)


def _proportion(successes: int, total: int) -> dict[str, Any]:
    low, high = wilson(successes, total)
    return {
        "count": successes,
        "of": total,
        "rate": round(successes / total, 4) if total else None,
        "ci95": [round(low, 4), round(high, 4)],
    }


@dataclass
class _Violation:
    group: str
    rule: str
    severity: str
    actions: frozenset[str]


def _final_actions(
    repo: ReviewEnforcement, cases: Cases, decision: DecisionRecord
) -> list[dict[str, Any]]:
    """Actions finally in force.

    Content actions after any human change; account actions the decision or its case took,
    unless the decision's strike was voided since.
    """
    decision_id = decision.id
    actions = list(repo.in_force(decision))
    strike = repo.strike_row(decision_id)
    if strike is not None and strike.voided:
        return actions
    actions += [action_document(a) for a in decision.actions if a.type.value in ("suspend", "ban")]
    case = cases.for_decision(decision_id)
    if case is not None and case.document is not None:
        rules = case.document["decisions"][decision_id]["rules"]
        account = case.document.get("account") or {}
        actions += [
            {"type": a, "rules": rules}
            for a in account.get("actions", [])
            if a in ("suspend", "ban")
        ]
    return actions


def audit(
    store: Store,
    attributes: Mapping[str, str],
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    alpha: float = 0.05,
) -> dict[str, Any]:
    """Parts 1 and 2: rates by group with intervals and Bonferroni-adjusted tests."""
    decided: Counter[str] = Counter()
    violated: Counter[str] = Counter()
    violations: list[_Violation] = []
    unknown = 0
    with store.reading() as session:
        repo = ReviewEnforcement(session)
        cases = Cases(session)
        for record in decisions_between(session, start, end):
            decision = record.decision
            group = attributes.get(decision.account_id or "")
            if group is None:
                unknown += 1
                continue
            decided[group] += 1
            if not decision.violations:
                continue
            violated[group] += 1
            final = _final_actions(repo, cases, decision)
            for violation in decision.violations:
                acts = frozenset(a["type"] for a in final if violation.rule in a["rules"])
                severity = violation.severity.value
                violations.append(_Violation(group, violation.rule, severity, acts))
    groups = sorted(decided)
    tests: list[dict[str, Any]] = []
    rate_table = [[violated[g], decided[g] - violated[g]] for g in groups]
    strata: dict[tuple[str, str], list[_Violation]] = defaultdict(list)
    for item in violations:
        strata[(item.rule, item.severity)].append(item)
    stratum_reports = []
    for (rule, severity), items in sorted(strata.items()):
        by_group: dict[str, list[_Violation]] = defaultdict(list)
        for item in items:
            by_group[item.group].append(item)
        present = sorted(by_group)
        action_types = sorted({a for item in items for a in item.actions})
        enforced = {g: sum(bool(RESTRICTIONS & i.actions) for i in by_group[g]) for g in present}
        report: dict[str, Any] = {
            "rule": rule,
            "severity": severity,
            "groups": {
                g: {
                    "violations": len(by_group[g]),
                    "enforcement": _proportion(enforced[g], len(by_group[g])),
                    "actions": {
                        a: _proportion(sum(a in i.actions for i in by_group[g]), len(by_group[g]))
                        for a in action_types
                    },
                }
                for g in present
            },
            "tests": [],
        }
        measures = [("enforcement", enforced)] + [
            (f"action:{a}", {g: sum(a in i.actions for i in by_group[g]) for g in present})
            for a in action_types
        ]
        for name, counts in measures:
            p = independence_p([[counts[g], len(by_group[g]) - counts[g]] for g in present])
            if p is not None:
                test: dict[str, Any] = {
                    "rule": rule,
                    "severity": severity,
                    "measure": name,
                    "p": p,
                }
                report["tests"].append(test)
                tests.append(test)
        stratum_reports.append(report)
    m = max(len(tests), 1)
    for test in tests:
        raw = float(test["p"])
        adjusted = min(1.0, raw * m)
        test["p"] = round(raw, 6)
        test["p_adjusted"] = round(adjusted, 6)
        test["flagged"] = adjusted < alpha
    violation_p = independence_p(rate_table)
    return {
        "alpha": alpha,
        "correction": f"Bonferroni over {len(tests)} tests",
        "groups": {
            g: {"decisions": decided[g], "violation_rate": _proportion(violated[g], decided[g])}
            for g in groups
        },
        "authors_without_group": unknown,
        "violation_rate_p": round(violation_p, 6) if violation_p is not None else None,
        "strata": stratum_reports,
        "flagged": [t for t in tests if t["flagged"]],
        "biased": any(t["flagged"] for t in tests),
    }


def _swap(group: str, groups: list[str]) -> str:
    return groups[(groups.index(group) + 1) % len(groups)]


def _outcome(decision: DecisionRecord) -> tuple[object, ...]:
    return (decision.violations, decision.actions, decision.strike, decision.account)


def counterfactual(
    store: Store,
    attributes: Mapping[str, str],
    *,
    policy: Policy,
    profile_for: Callable[[str], Profile],
    sample: int = 200,
    start: datetime | None = None,
    end: datetime | None = None,
    decider: Decider = blind_decider,
) -> dict[str, Any]:
    """Part 3: re-decide a sample with the group swapped, histories kept; compare.

    The sample is the ``sample`` decisions with the smallest hash of their id, a deterministic
    choice that does not favour any time or author. Decisions made under another policy version
    are skipped (and counted).
    """
    if sample < 1:
        raise InputError("sample must be at least 1", field="sample")
    groups = sorted(set(attributes.values()))
    if len(groups) < 2:
        raise InputError("the attributes file needs at least two groups", field="attributes")
    with store.reading() as session:
        ids = [
            r.decision.id
            for r in decisions_between(session, start, end)
            if (r.decision.account_id or "") in attributes
        ]
    ids.sort(key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    chosen = ids[:sample]
    compared = identical = matches_stored = skipped = 0
    differing: list[dict[str, Any]] = []
    with store.reading() as session:
        repo = ReviewEnforcement(session)
        accounts = Accounts(session)
        for decision_id in chosen:
            context = repo.context(decision_id)
            stored = context.decision
            if stored.versions.policy != policy.ref:
                skipped += 1
                continue
            author_id = stored.account_id
            decided_at = stored.decided_at
            history = accounts.history(author_id, before=decided_at)
            facts = accounts.author_facts(author_id, stored.content_id)
            profile = profile_for(stored.versions.profile)
            group = attributes[author_id or ""]
            as_is = decider(context.evidence, policy, profile, facts, history, decided_at, group)
            swapped = decider(
                context.evidence, policy, profile, facts, history, decided_at,
                _swap(group, groups),
            )  # fmt: skip
            compared += 1
            same = _outcome(as_is) == _outcome(swapped)
            identical += same
            matches_stored += as_is.violations == stored.violations
            if not same and len(differing) < 10:
                differing.append(
                    {
                        "decision_id": decision_id,
                        "group": group,
                        "swapped_to": _swap(group, groups),
                        "actions": [a.type.value for a in as_is.actions],
                        "actions_swapped": [a.type.value for a in swapped.actions],
                    }
                )
    return {
        "sample": len(chosen),
        "compared": compared,
        "identical": identical,
        "differing": compared - identical,
        "examples": differing,
        "violations_match_stored": matches_stored,
        "skipped_other_policy": skipped,
        "neutral": compared > 0 and identical == compared,
    }
