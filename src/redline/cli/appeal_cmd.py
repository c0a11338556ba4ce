"""``redline appeal``: authors contest decisions; another moderator decides."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from redline.cli.case_cmd import emit
from redline.decide.policy import load_policy
from redline.record.store import Store
from redline.review import appeals as service
from redline.review.rulebook import Rulebook
from redline.settings import Settings

appeal_app = typer.Typer(help="Appeals against decisions.", no_args_is_help=True)


def _store() -> Store:
    return Store.open(Settings())


@appeal_app.command("file")
def file(
    decision_ids: Annotated[
        list[str], typer.Argument(metavar="DECISION...", help="The decisions appealed.")
    ],
    author: Annotated[str, typer.Option(help="The author (account id) appealing.")],
    statement: Annotated[str, typer.Option(help="The author's statement.")],
) -> None:
    """File an appeal against one or more of the author's decisions."""
    store = _store()
    try:
        appeal = service.file_appeal(store, decision_ids, author=author, statement=statement)
    finally:
        store.close()
    emit(appeal.to_document())


@appeal_app.command("assign")
def assign(
    appeal_id: Annotated[str, typer.Argument(metavar="APPEAL")],
    to: Annotated[str, typer.Option(help="A moderator who took no part in the decisions.")],
) -> None:
    """Give a pending appeal to a moderator."""
    store = _store()
    try:
        appeal = service.assign_appeal(store, appeal_id, to)
    finally:
        store.close()
    emit(appeal.to_document())


@appeal_app.command("decide")
def decide(
    appeal_id: Annotated[str, typer.Argument(metavar="APPEAL")],
    moderator: Annotated[str, typer.Option(help="Who decides.")],
    outcome: Annotated[str, typer.Option(help="uphold or deny.")],
    reason: Annotated[str, typer.Option(help="Why (sent to the author, private data masked).")],
    policy: Annotated[
        Path | None, typer.Option(help="Policy pack (default: the shipped one).")
    ] = None,
) -> None:
    """Uphold (restore, void strikes, lift) or deny an appeal; the author is notified."""
    if outcome not in ("uphold", "deny"):
        raise typer.BadParameter("must be uphold or deny", param_hint="--outcome")
    store = _store()
    try:
        appeal = service.decide_appeal(
            store,
            appeal_id,
            moderator=moderator,
            upheld=outcome == "uphold",
            reason=reason,
            rulebook=Rulebook(load_policy(policy)),
        )
    finally:
        store.close()
    emit(appeal.to_document())


@appeal_app.command("show")
def show(appeal_id: Annotated[str, typer.Argument(metavar="APPEAL")]) -> None:
    """Print an appeal, its outcome and the notices sent."""
    store = _store()
    try:
        appeal, notices = service.show_appeal(store, appeal_id)
    finally:
        store.close()
    emit({**appeal.to_document(), "notices": notices})


@appeal_app.command("pending")
def pending(
    assignee: Annotated[str | None, typer.Option(help="Only this moderator's.")] = None,
) -> None:
    """List appeals waiting for a decision, oldest first."""
    store = _store()
    try:
        appeals = service.pending_appeals(store, assignee=assignee)
    finally:
        store.close()
    emit([a.to_document() for a in appeals])
