"""Appeals: an author contests decisions; a moderator who took no part in them decides.

Upholding an appeal re-runs enforcement with no violation standing on each appealed decision:
the content actions are lifted (the content restored), the strikes voided, and the account's
standing recomputed, which lifts a suspension or ban those strikes caused. Either way the author
gets a notice with the outcome and the reason. Filing, assignment and the outcome are timed.

Who may decide: not whoever decided the appealed decisions (the automated decider included), not
the moderator who closed a case on them, and not a moderator who already ruled on an earlier
appeal of them, so a second appeal is always heard by someone new.
"""

from __future__ import annotations

from datetime import datetime

from redline.errors import Conflict, InputError
from redline.record.review.appeals import Appeals, AppealView
from redline.record.review.cases import Cases
from redline.record.review.enforcement import DecisionContext, ReviewEnforcement
from redline.record.review.notices import Notices
from redline.record.store import Store, UnitOfWork
from redline.review.common import check_actor, new_id, utcnow
from redline.review.enforcement import Change, Rerun, apply, standing_violations, stored_verdict
from redline.review.rulebook import Rulebook
from redline.review.scrub import scrub

MAX_DECISIONS = 50


def _deciders(session: UnitOfWork, decision_ids: tuple[str, ...], exclude: str) -> set[str]:
    """Everyone who already decided on these decisions, by decision, case or earlier appeal."""
    repo = ReviewEnforcement(session)
    cases = Cases(session)
    appeals = Appeals(session)
    found: set[str] = set()
    for decision_id in decision_ids:
        found.add(repo.context(decision_id).decision.decided_by)
        case = cases.for_decision(decision_id)
        if case is not None and case.closed_by:
            found.add(case.closed_by)
        for appeal in appeals.concerning(decision_id):
            if appeal.id != exclude and appeal.decided_by:
                found.add(appeal.decided_by)
    return found


def file_appeal(
    store: Store,
    decision_ids: list[str],
    *,
    author: str,
    statement: str,
    now: datetime | None = None,
) -> AppealView:
    """File an author's appeal against one or more of their decisions.

    Raises:
        NotFound: a decision does not exist.
        InputError: no decision, too many, an empty or oversize statement.
        Conflict: a decision is not the author's, restricted nothing, or already has a pending
            appeal.
    """
    if not decision_ids or len(decision_ids) > MAX_DECISIONS:
        raise InputError(f"an appeal names 1 to {MAX_DECISIONS} decisions", field="decisions")
    author = check_actor(author, "author")
    text = scrub(statement, field="statement")
    now = now or utcnow()
    with store.transaction() as session:
        repo = ReviewEnforcement(session)
        appeals = Appeals(session)
        resolved: list[str] = []
        for decision_id in dict.fromkeys(decision_ids):
            decision = repo.context(decision_id).decision
            if decision.account_id != author:
                raise Conflict(f"decision {decision.id} is not about the appellant's content")
            if not decision.violations and not decision.actions:
                raise Conflict(f"decision {decision.id} restricted nothing to appeal")
            if any(a.status == "pending" for a in appeals.concerning(decision.id)):
                raise Conflict(f"decision {decision.id} already has a pending appeal")
            resolved.append(decision.id)
        return appeals.file(
            appeal_id=new_id("a"),
            decision_ids=resolved,
            account_id=author,
            statement=text,
            actor=author,
            now=now,
        )


def assign_appeal(
    store: Store, appeal_id: str, moderator: str, *, actor: str, now: datetime | None = None
) -> AppealView:
    """Give a pending appeal to a moderator who took no part in the appealed decisions.

    ``actor`` is who assigns (the audit event's actor), ``moderator`` who is given the appeal:
    a lead handing out work is not the moderator who hears it.

    Raises:
        NotFound: no such appeal.
        Conflict: the appeal is decided, or the moderator decided on it before.
    """
    moderator = check_actor(moderator, "moderator")
    actor = check_actor(actor, "actor")
    now = now or utcnow()
    with store.transaction() as session:
        appeals = Appeals(session)
        appeal = appeals.lock(appeal_id)
        if appeal.status != "pending":
            raise Conflict(f"appeal {appeal_id} is already {appeal.status}")
        if moderator in _deciders(session, appeal.decision_ids, appeal.id):
            raise Conflict(f"{moderator} took part in the appealed decisions; assign someone else")
        appeals.assign(appeal_id, moderator, actor=actor, now=now)
        return appeals.get(appeal_id)


def _notice(appeal: AppealView, upheld: bool, reason: str, change: Change | None) -> str:
    decisions = ", ".join(appeal.decision_ids)
    if not upheld:
        return (
            f"Your appeal {appeal.id} of decision {decisions} was reviewed by a person who did not "
            f"take the decision, and denied: {reason}. The decision stands. You may take it to a "
            "certified out-of-court dispute settlement body or to court."
        )
    lines = [f"Your appeal {appeal.id} of decision {decisions} was upheld: {reason}."]
    if change is not None:
        if change.lifted:
            lines.append("We lifted: " + ", ".join(change.lifted) + " (your content is restored).")
        lines.append("The strikes from these decisions are void.")
        if change.account and change.account["actions"]:
            lines.append(
                f"Your account is {change.account['to']} again "
                f"({', '.join(change.account['actions'])})."
            )
    return " ".join(lines)


def decide_appeal(
    store: Store,
    appeal_id: str,
    *,
    moderator: str,
    upheld: bool,
    reason: str,
    rulebook: Rulebook,
    now: datetime | None = None,
) -> AppealView:
    """Uphold or deny an appeal; notify the author either way.

    Raises:
        NotFound: no such appeal.
        Conflict: already decided, assigned to someone else, or the moderator took part in the
            appealed decisions.
        InputError: empty or oversize reason.
    """
    moderator = check_actor(moderator, "moderator")
    reason = scrub(reason, field="reason")
    now = now or utcnow()
    with store.transaction() as session:
        appeals = Appeals(session)
        appeal = appeals.lock(appeal_id)
        if appeal.status != "pending":
            raise Conflict(f"appeal {appeal_id} is already {appeal.status}")
        if appeal.assignee not in (None, moderator):
            raise Conflict(f"appeal {appeal_id} is assigned to {appeal.assignee}")
        if moderator in _deciders(session, appeal.decision_ids, appeal.id):
            raise Conflict(f"{moderator} took part in the appealed decisions; assign someone else")
        if appeal.assignee is None:  # the moderator takes it, deciding
            appeals.assign(appeal_id, moderator, actor=moderator, now=now)
        change = None
        if upheld:
            repo = ReviewEnforcement(session)
            contexts: list[DecisionContext] = [repo.context(d) for d in appeal.decision_ids]
            profiles = {
                c.decision.id: rulebook.profile_for(c.decision.versions.profile) for c in contexts
            }
            change = Change(
                decision_id=appeal.decision_ids[0],
                outcome="appeal_upheld",
                moderator=moderator,
                at=now,
                reason=reason,
            )
            reruns = [
                Rerun(c, standing_violations(stored_verdict(c.decision), frozenset()))
                for c in contexts
            ]
            apply(
                session,
                reruns,
                change,
                profiles[appeal.decision_ids[0]],
                profile_for_decision=profiles,
            )
        appeals.decide(
            appeal_id,
            upheld=upheld,
            reason=reason,
            moderator=moderator,
            now=now,
            document=change.to_document() if change else None,
        )
        Notices(session).send(
            account_id=appeal.account_id,
            kind="appeal.upheld" if upheld else "appeal.denied",
            subject=f"appeal:{appeal_id}",
            text=_notice(appeal, upheld, reason, change),
            actor=moderator,
            now=now,
        )
        return appeals.get(appeal_id)


def show_appeal(store: Store, appeal_id: str) -> tuple[AppealView, list[dict[str, str]]]:
    """An appeal and the notices sent about it."""
    with store.reading() as session:
        appeal = Appeals(session).get(appeal_id)
        notices = [n.to_document() for n in Notices(session).about(f"appeal:{appeal_id}")]
        return appeal, notices


def pending_appeals(
    store: Store, *, assignee: str | None = None, limit: int = 50
) -> list[AppealView]:
    """Appeals waiting for a decision, oldest first."""
    with store.reading() as session:
        return Appeals(session).pending(assignee=assignee, limit=limit)
