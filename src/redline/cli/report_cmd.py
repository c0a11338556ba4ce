"""``redline report``: the transparency report and the neutrality audit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from redline.cli.returncode import ReturnCode
from redline.cli.store import opened_store
from redline.decide.policy import load_policy
from redline.record.store import Store
from redline.report import neutrality, transparency
from redline.review.common import parse_when
from redline.review.rulebook import shipped_profile

report_app = typer.Typer(help="Reports: transparency, neutrality.", no_args_is_help=True)

Attributes = Annotated[
    Path | None,
    typer.Option(help="author_id -> group (JSON object or CSV author_id,group); kept apart."),
]
Sample = Annotated[int, typer.Option(min=1, max=100_000, help="Decisions the replay re-decides.")]


def _neutrality_section(
    store: Store, attributes: Path, policy: Path | None, sample: int, first: Any, last: Any
) -> dict[str, Any]:
    groups = neutrality.load_attributes(attributes)
    return {
        "audit": neutrality.audit(store, groups, start=first, end=last),
        "counterfactual": neutrality.counterfactual(
            store,
            groups,
            policy=load_policy(policy),
            profile_for=shipped_profile,
            sample=sample,
            start=first,
            end=last,
        ),
    }


@report_app.command("transparency")
def transparency_report(
    start: Annotated[str, typer.Option("--from", help="Window start (ISO date).")],
    end: Annotated[str, typer.Option("--to", help="Window end, exclusive (ISO date).")],
    output: Annotated[Path, typer.Option(help="Directory for transparency.html and .json.")] = Path(
        "."
    ),
    attributes: Attributes = None,
    policy: Annotated[
        Path | None, typer.Option(help="Policy pack for the counterfactual replay.")
    ] = None,
    sample: Sample = 200,
) -> None:
    """Write the transparency report (HTML with charts, and the same figures as JSON)."""
    first, last = parse_when(start, "--from"), parse_when(end, "--to")
    with opened_store() as store:
        figures = transparency.figures(store, first, last)
        if attributes is not None:
            figures["neutrality"] = _neutrality_section(
                store, attributes, policy, sample, first, last
            )
    paths = transparency.write_report(figures, output)
    typer.echo("wrote " + ", ".join(str(p) for p in paths), err=True)


@report_app.command("neutrality")
def neutrality_report(
    attributes: Annotated[
        Path, typer.Option(help="author_id -> group (JSON object or CSV author_id,group).")
    ],
    start: Annotated[str | None, typer.Option("--from", help="Window start (ISO).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Window end (ISO).")] = None,
    policy: Annotated[
        Path | None, typer.Option(help="Policy pack for the counterfactual replay.")
    ] = None,
    sample: Sample = 200,
) -> None:
    """Audit enforcement by group; print JSON. Exit 8 when a difference is flagged."""
    first = parse_when(start, "--from") if start else None
    last = parse_when(end, "--to") if end else None
    with opened_store() as store:
        section = _neutrality_section(store, attributes, policy, sample, first, last)
    typer.echo(json.dumps(section, indent=2, ensure_ascii=False))
    if section["audit"]["biased"] or not section["counterfactual"]["neutral"]:
        raise typer.Exit(ReturnCode.CHECK_FAILED)
