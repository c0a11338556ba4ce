"""``redline replay``: what would another policy version change? Acts on nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from redline.cli.store import opened_store
from redline.decide.policy import load_policy
from redline.enforce.profile import SHIPPED_PROFILES, Profile, load_profile
from redline.errors import ConfigError, InputError
from redline.report.replay import replay as replay_stored


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"--since {value!r} is not an ISO date (YYYY-MM-DD)", field="--since"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def replay(
    policy: Annotated[Path, typer.Option(help="The policy pack to re-decide under.")],
    since: Annotated[
        str | None, typer.Option(help="Only content decided on or after this date (ISO).")
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(help="Profile to re-decide with (default: each decision's own, if shipped)."),
    ] = None,
) -> None:
    """Re-decide stored content under another policy; print the changes by rule and action."""
    pack = load_policy(policy)
    start = _since(since)
    fixed = load_profile(profile) if profile else None
    cache: dict[str, Profile] = {}

    def profile_for(ref: str) -> Profile:
        if fixed is not None:
            return fixed
        if ref not in cache:
            name = ref.split("@")[0]
            if name not in SHIPPED_PROFILES:
                raise ConfigError(f"decisions were made under profile {ref}; pass --profile")
            cache[ref] = load_profile(name)
        return cache[ref]

    with opened_store() as store:
        report = replay_stored(store, pack, profile_for, start)
    typer.echo(json.dumps(report.to_document(), indent=2, ensure_ascii=False))
