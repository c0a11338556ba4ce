"""``redline demo load``: the reference case of DESIGN.md, loaded into the current store.

So a newcomer has something to review in the console: a bank holding a fictional leaked dossier
and its link, a journalist's posts that share it (decided under the ``strict`` profile, cases
opened), a campaign's takedown request about them, a newsroom's note on the leak that publishes
nothing, and a few hundred ordinary posts. Everything goes through the same services as
``redline bank``, ``redline moderate`` and ``redline request``; loading twice adds nothing (the
bank is kept, content ids are fixed, the request is recorded once).
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from redline.cli import config
from redline.cli import demo_data as data
from redline.cli.store import opened_store
from redline.content import Content
from redline.curate.banks import Banks
from redline.decide.policy import load_policy
from redline.enforce.profile import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record.secrets import hash_key
from redline.record.store import Store
from redline.review import requests
from redline.review.cases import open_if_due_now
from redline.review.common import utcnow
from redline.review.rulebook import Rulebook
from redline.settings import Settings

demo_app = typer.Typer(help="The reference case as a demo.", no_args_is_help=True)

BY = "redline-demo"


def _bank(store: Store) -> bool:
    """Create the dossier bank with its document and link, in one unit of work; False if it was."""
    with store.transaction() as session:
        banks = Banks(session)
        if any(b.bank.name == data.BANK for b in banks.list_banks()):
            return False
        banks.create_bank(
            data.BANK,
            list(data.DESIGNATIONS),
            source=data.BANK_SOURCE,
            note="demo: the reference case (all names and numbers invented)",
            added_by=BY,
        )
        banks.add_document(
            data.BANK,
            data.DOSSIER.encode(),
            f"{data.DOSSIER_NAME}.txt",
            name=data.DOSSIER_NAME,
            added_by=BY,
        )
        banks.add_url(data.BANK, data.DOSSIER_URL, name="dossier-link", prefix=True, added_by=BY)
    return True


def load_demo(store: Store, settings: Settings, *, ordinary: int = 300) -> dict[str, int | bool]:
    """Load the demo into ``store``; returns what was added (the CLI prints it)."""
    created_bank = _bank(store)
    policy = load_policy()
    profile = load_profile("strict")
    moderator = Moderator(
        store, policy, profile, default_sources(settings, store), retention=settings.retention
    )
    rulebook = Rulebook.serving(policy, profile)
    decided = cases = violating = 0
    posts = data.reference_posts() + data.ordinary_posts(ordinary)
    for post in posts:
        content = Content(id=post.id, text=post.text, author_id=post.author_id, urls=post.urls)
        outcome = moderator.moderate(content)
        decided += outcome.created
        violating += outcome.record.violates
        if open_if_due_now(store, outcome.record, rulebook=rulebook) is not None:
            cases += 1
    shared = [p[0] for p in data.JOURNALIST_POSTS]
    recorded = False
    if not requests.requests_about(store, shared[0]):
        requests.record_request(
            store,
            requester_type="election_campaign",
            requester=data.CAMPAIGN,
            asked=data.TAKEDOWN_ASK,
            received_at=utcnow(),
            content_ids=shared,
            account_ids=[data.JOURNALIST],
            recorded_by=BY,
        )
        recorded = True
    return {
        "bank_created": created_bank,
        "posts": len(posts),
        "decided_now": decided,
        "with_violations": violating,
        "cases": cases,
        "request_recorded": recorded,
    }


@demo_app.command("load")
def load(
    ordinary: Annotated[
        int, typer.Option(min=0, max=10_000, help="How many ordinary posts to add.")
    ] = 300,
) -> None:
    """Load the reference case (bank, journalist's posts, request, cases) into the store."""
    settings = config.settings()
    hash_key(settings)  # a server store without an operator-chosen key: refused first
    with opened_store() as store:
        summary = load_demo(store, settings, ordinary=ordinary)
    typer.echo(json.dumps(summary))
    typer.echo(
        f"demo loaded: {summary['cases']} cases to review; open the console with "
        "`redline serve` and a key from `redline keys create --role moderator`",
        err=True,
    )
