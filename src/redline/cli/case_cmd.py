"""``redline case``: the review queue and moderators' outcomes on cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from redline.cli.store import opened_store
from redline.decide.policy import load_policy
from redline.review import cases as service
from redline.review import queue as queue_service
from redline.review.rulebook import Rulebook

case_app = typer.Typer(help="Cases: decisions queued for a person.", no_args_is_help=True)

PolicyOption = Annotated[
    Path | None, typer.Option(help="Policy pack the decisions were made under (default: shipped).")
]


def emit(document: Any) -> None:
    """Print JSON to stdout."""
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


@case_app.command("sync")
def sync(policy: PolicyOption = None) -> None:
    """Open a case for every decision the policy sends to review that has none yet."""
    with opened_store() as store:
        opened = service.sync_cases(store, rulebook=Rulebook(load_policy(policy)))
    emit([c.to_document() for c in opened])
    typer.echo(f"opened {len(opened)} cases", err=True)


@case_app.command("open")
def open_(
    decision_id: Annotated[str, typer.Argument(metavar="DECISION", help="Decision or content id.")],
    claim: Annotated[
        str | None, typer.Option(help="A newsworthiness claim (opens a case for any decision).")
    ] = None,
    reach: Annotated[
        int, typer.Option(min=0, max=service.MAX_REACH, help="How many people saw the content.")
    ] = 0,
    by: Annotated[str, typer.Option(help="Who opens it.")] = "cli",
    policy: PolicyOption = None,
) -> None:
    """Open (or show the existing) case for one decision."""
    with opened_store() as store:
        case = service.open_case(
            store,
            decision_id,
            rulebook=Rulebook(load_policy(policy)),
            claim=claim,
            reach=reach,
            actor=by,
        )
    emit(case.to_document())


@case_app.command("queue")
def queue(
    assignee: Annotated[str | None, typer.Option(help="Only this moderator's cases.")] = None,
    unassigned: Annotated[bool, typer.Option(help="Only cases nobody has.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """List open cases, most urgent first (severity, reach, age)."""
    with opened_store() as store:
        cases = queue_service.queue(store, assignee=assignee, unassigned=unassigned, limit=limit)
    emit([c.to_document() for c in cases])


@case_app.command("next")
def next_(moderator: Annotated[str, typer.Option(help="Who takes the case.")]) -> None:
    """Take the most urgent unassigned case."""
    with opened_store() as store:
        case = queue_service.take_next(store, moderator)
    emit(case.to_document() if case else None)


@case_app.command("assign")
def assign(
    case_id: Annotated[str, typer.Argument(metavar="CASE")],
    to: Annotated[str, typer.Option(help="The moderator.")],
    by: Annotated[str, typer.Option(help="Who assigns.")] = "cli",
) -> None:
    """Give a case to a moderator."""
    with opened_store() as store:
        case = queue_service.assign(store, case_id, to, actor=by)
    emit(case.to_document())


@case_app.command("decide")
def decide(
    case_id: Annotated[str, typer.Argument(metavar="CASE")],
    moderator: Annotated[str, typer.Option(help="Who decides.")],
    outcome: Annotated[str, typer.Option(help="confirm, overturn, modify or newsworthy.")],
    reason: Annotated[str, typer.Option(help="Why (stored with private data masked).")],
    rule: Annotated[
        list[str] | None,
        typer.Option(help="modify: a rule that stands; newsworthy: a rule granted (repeatable)."),
    ] = None,
    policy: PolicyOption = None,
) -> None:
    """Close a case with an outcome; enforcement is re-run under the decision's profile."""
    with opened_store() as store:
        case = service.decide_case(
            store,
            case_id,
            moderator=moderator,
            outcome=outcome,
            reason=reason,
            rules=rule,
            rulebook=Rulebook(load_policy(policy)),
        )
    emit(case.to_document())


@case_app.command("show")
def show(
    case_id: Annotated[str, typer.Argument(metavar="CASE", help="Case or decision id.")],
) -> None:
    """Print one case and what its outcome put in force."""
    with opened_store() as store:
        case = service.show_case(store, case_id)
    emit(case.to_document())
