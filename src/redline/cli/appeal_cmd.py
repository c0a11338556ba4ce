"""``redline appeal``: authors contest decisions; another moderator decides."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from redline.cli.case_cmd import emit
from redline.cli.store import opened_store
from redline.decide.policy import load_policy
from redline.review import appeals as service
from redline.review.rulebook import Rulebook

appeal_app = typer.Typer(help="Appeals against decisions.", no_args_is_help=True)


@appeal_app.command("file")
def file(
    decision_ids: Annotated[
        list[str], typer.Argument(metavar="DECISION...", help="The decisions appealed.")
    ],
    author: Annotated[str, typer.Option(help="The author (account id) appealing.")],
    statement: Annotated[str, typer.Option(help="The author's statement.")],
) -> None:
    """File an appeal against one or more of the author's decisions."""
    with opened_store() as store:
        appeal = service.file_appeal(store, decision_ids, author=author, statement=statement)
    emit(appeal.to_document())


@appeal_app.command("assign")
def assign(
    appeal_id: Annotated[str, typer.Argument(metavar="APPEAL")],
    to: Annotated[str, typer.Option(help="A moderator who took no part in the decisions.")],
    by: Annotated[str, typer.Option(help="Who assigns.")] = "cli",
) -> None:
    """Give a pending appeal to a moderator."""
    with opened_store() as store:
        appeal = service.assign_appeal(store, appeal_id, to, actor=by)
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
    with opened_store() as store:
        appeal = service.decide_appeal(
            store,
            appeal_id,
            moderator=moderator,
            upheld=outcome == "uphold",
            reason=reason,
            rulebook=Rulebook(load_policy(policy)),
        )
    emit(appeal.to_document())


@appeal_app.command("show")
def show(appeal_id: Annotated[str, typer.Argument(metavar="APPEAL")]) -> None:
    """Print an appeal, its outcome and the notices sent."""
    with opened_store() as store:
        appeal, notices = service.show_appeal(store, appeal_id)
    emit({**appeal.to_document(), "notices": notices})


@appeal_app.command("pending")
def pending(
    assignee: Annotated[str | None, typer.Option(help="Only this moderator's.")] = None,
) -> None:
    """List appeals waiting for a decision, oldest first."""
    with opened_store() as store:
        appeals = service.pending_appeals(store, assignee=assignee)
    emit([a.to_document() for a in appeals])
