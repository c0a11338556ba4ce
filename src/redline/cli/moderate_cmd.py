"""``redline moderate``: the whole pipeline over a JSONL file, stored, one result line per record.

Each record is its own unit of work, committed before its line is printed, so a run killed at any
point can simply be started again: records already decided print their first decision and are not
decided twice. Bad lines are reported on stderr by line number and skipped, as ``scan`` does.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated, Any

import typer

from redline.cli import config
from redline.cli.io import open_input, open_output
from redline.cli.jsonl import BadLine, json_line, read_records, to_content
from redline.cli.progress import byte_progress
from redline.cli.returncode import ReturnCode
from redline.cli.store import opened_store
from redline.decide.policy import load_policy
from redline.enforce.profile import load_profile
from redline.errors import ConfigError, RecordRefused
from redline.pipeline import Moderator, SignalSource, default_sources
from redline.record.decisions import DecisionRecord, shown
from redline.record.secrets import hash_key
from redline.review.cases import open_if_due_now
from redline.review.rulebook import Rulebook


def result_line(record_id: object, decision: DecisionRecord) -> dict[str, Any]:
    """The public one-line result for a stored decision (JSON data, printed as one line)."""
    account = decision.account
    return {
        "id": record_id,
        "decision_id": decision.id,
        "violations": [
            {
                "rule": v.rule,
                "severity": v.severity.value,
                "signals": [
                    {
                        "kind": s.kind.value,
                        "type": s.type,
                        **s.location.to_dict(),
                        "score": s.score,
                        "masked": s.masked,
                    }
                    for s in v.signals
                ],
                **({"signals_omitted": dict(v.signals_omitted)} if v.signals_omitted else {}),
            }
            for v in decision.violations
        ],
        "actions": [
            {"type": a.type.value, **({"until": a.until.isoformat()} if a.until else {})}
            for a in decision.actions
        ],
        "account": {"id": account.id, "state": account.state.value, "strikes": account.strikes},
        "reasons": decision.statement.text,
    }


def load_source(spec: str) -> SignalSource:
    """Import ``module:attribute``: a signal source, or a callable that returns one."""
    module_name, _, attribute = spec.partition(":")
    try:
        found = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        raise ConfigError(f"--source {spec}: no such module:attribute") from None
    factory = isinstance(found, type) or (callable(found) and not hasattr(found, "detect"))
    source = found() if factory else found
    if not hasattr(source, "detect") or not hasattr(source, "name"):
        raise ConfigError(f"--source {spec}: not a signal source (needs name, version, detect)")
    return source  # type: ignore[no-any-return]


def moderate(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="JSONL file, or - for stdin.")],
    profile: Annotated[
        str, typer.Option(help="Enforcement profile: strict, contain, or a YAML file.")
    ],
    policy: Annotated[
        Path | None, typer.Option(help="Policy pack YAML (default: the shipped default pack).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write results here (default stdout).")
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(help="Extra signal source as module:attribute (repeatable), e.g. a matcher."),
    ] = None,
) -> None:
    """Detect, decide, act and record for each content record; print one result per record."""
    settings = config.settings()
    pack = load_policy(policy)
    chosen = load_profile(profile)
    extra = [load_source(s) for s in source or []]
    hash_key(settings)  # a server store without an operator-chosen key: refused before it is opened
    with opened_store() as store:
        sources = default_sources(settings, store) + extra
        moderator = Moderator(store, pack, chosen, sources, retention=settings.retention)
        rulebook = Rulebook.serving(pack, chosen)
        new = again = refused = violating = reviewing = 0
        with (
            open_input(input_path) as (stream, size),
            open_output(output) as out,
            byte_progress("moderating", size) as advance,
        ):
            for item in read_records(stream, settings.max_record_bytes):
                advance(item.size)
                try:
                    if isinstance(item, BadLine):
                        raise item.error
                    content = to_content(item.record)
                except RecordRefused as error:
                    refused += 1
                    where = "" if str(error).startswith("line ") else f"line {item.number}: "
                    typer.echo(f"{where}{error}", err=True)
                    continue
                outcome = moderator.moderate(content)
                new += outcome.created
                again += not outcome.created
                violating += outcome.record.violates
                # After the decision committed, as the HTTP API does; done for records already
                # decided too, so re-running a batch that was killed opens any case it missed.
                if open_if_due_now(store, outcome.record, rulebook=rulebook) is not None:
                    reviewing += 1
                capped = shown(outcome.record, settings.output_max_findings)
                line = result_line(item.record["id"], capped)
                out.write(json_line(line) + "\n")
                out.flush()
    typer.echo(
        f"moderated {new + again} records ({new} decided now, {again} already decided), "
        f"{violating} with violations, {reviewing} sent to human review, {refused} refused",
        err=True,
    )
    if refused:
        raise typer.Exit(ReturnCode.INPUT_REFUSED)
