"""``redline account``: an account's standing and strikes, and its registered own data.

``show`` recomputes the standing from the strikes as of now (a suspension may have ended since the
last decision). ``own-data`` registers the author's own phone, email or address so posting them
is self-disclosure: the values are hashed with the installation key and only the digests kept.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer

from redline.cli import config
from redline.cli.store import opened_store
from redline.detect.pii import PiiOptions, detect_pii
from redline.enforce.profile import SHIPPED_PROFILES, load_profile
from redline.enforce.strikes import standing
from redline.errors import InputError
from redline.record.accounts import Accounts
from redline.record.rekey import check_ring
from redline.record.secrets import hash_key

account_app = typer.Typer(
    help="Accounts: standing, strikes, registered own data.", no_args_is_help=True
)

OWN_TYPES = frozenset({"PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS"})


@account_app.command("show")
def show(
    account_id: Annotated[str, typer.Argument(metavar="ID")],
    profile: Annotated[
        str | None,
        typer.Option(help="Profile to derive the state with (default: the last one used)."),
    ] = None,
) -> None:
    """Print an account's state, strikes and how much own data is registered, as JSON."""
    now = datetime.now(UTC)
    with opened_store() as store, store.reading() as session:
        view = Accounts(session).show(account_id)
    document = view.to_document(now)
    name = profile or (view.profile or "").split("@")[0]
    if profile or name in SHIPPED_PROFILES:
        current = standing(view.strikes, load_profile(name).ladder, now)
        document["state"] = current.state.value
        document["until"] = current.until.isoformat() if current.until else None
        document["active_strikes"] = current.active_strikes
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


@account_app.command("own-data")
def own_data(
    account_id: Annotated[str, typer.Argument(metavar="ID")],
    values: Annotated[list[str], typer.Argument(metavar="VALUE...", help="Phone, email, address.")],
) -> None:
    """Register the account's own phone numbers, emails or addresses (stored only as digests)."""
    # The platform vouches that each value is contact data, so no context is needed to score it:
    # a bare phone number scores low in a post but is certain here.
    ring = hash_key(config.settings())
    options = PiiOptions(threshold=0.0, hash_key=ring, entities=OWN_TYPES)
    digests: dict[str, str] = {}
    for index, value in enumerate(values, 1):
        found = [s for s in detect_pii(value, options) if s.digest]
        if not found:
            raise InputError(
                f"value {index} is not a recognisable phone, email or address", field="VALUE"
            )
        digests.update({s.digest: s.type for s in found if s.digest})
    with opened_store() as store, store.transaction() as session:
        check_ring(session, ring)  # digests under another ring would never match
        added = Accounts(session).add_own_digests(
            account_id, digests, actor="cli", now=datetime.now(UTC)
        )
    typer.echo(f"registered {added} new digests for account {account_id}", err=True)
