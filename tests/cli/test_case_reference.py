"""The reference case end to end through the CLI, as real processes, on SQLite and PostgreSQL.

A journalist links a hacked dossier twice: the link is blocked and the account suspended, then
banned on the repeat. The campaign's request is on file. A moderator confirms the first post on
its case; an appeal is denied, a second appeal upheld by another moderator: strikes voided, the
account restored. Each step's statement of reasons validates, and the report counts it all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from redline.report.dsa import Statement
from redline.settings import Settings
from tests.cli.test_moderate import env_for
from tests.store_fixtures import pg_url, settings
from tests.test_pipeline import DOSSIER_URL, POST

__all__ = ["pg_url", "settings"]
ROOT = Path(__file__).resolve().parents[2]


def run(settings: Settings, *args: str, code: int = 0) -> subprocess.CompletedProcess:
    env = env_for(settings)
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == code, (args, done.returncode, done.stderr)
    return done


def assigned_by(settings: Settings) -> list[str]:
    """The actors of the ``appeal.assigned`` audit events, oldest first."""
    from sqlalchemy import select

    from redline.record.audit.tables import AUDIT_EVENTS
    from redline.record.store import Store

    store = Store.open(settings)
    try:
        with store.reading() as session:
            query = select(AUDIT_EVENTS.c.actor).where(AUDIT_EVENTS.c.kind == "appeal.assigned")
            return list(session.execute(query.order_by(AUDIT_EVENTS.c.seq)).scalars())
    finally:
        store.close()


def out(settings: Settings, *args: str) -> object:
    return json.loads(run(settings, *args).stdout)


def test_reference_case_through_the_cli(settings, tmp_path) -> None:
    request = out(
        settings,
        "request",
        "record",
        "--type",
        "election_campaign",
        "--from",
        "Carver for Senate",
        "--asked",
        "Take down posts linking the dossier",
        "--content",
        "post-1",
        "--content",
        "post-2",
        "--account",
        "journalist",
        "--received",
        "2026-10-30",
    )
    posts = tmp_path / "ref.jsonl"
    posts.write_text(
        "".join(
            json.dumps(
                {"id": f"post-{i}", "author_id": "journalist", "text": POST, "urls": [DOSSIER_URL]}
            )
            + "\n"
            for i in (1, 2)
        )
    )
    moderated = run(
        settings,
        "moderate",
        str(posts),
        "--profile",
        "strict",
        "--source",
        "tests.test_pipeline:DossierBank",
    )
    first, second = (json.loads(line) for line in moderated.stdout.splitlines())
    assert {"block_link", "suspend"} <= {a["type"] for a in first["actions"]}
    assert "ban" in {a["type"] for a in second["actions"]}
    decisions = [first["decision_id"], second["decision_id"]]

    # moderate opened both cases itself (the policy sends these severities to people), so a
    # sync finds nothing missing and the queue holds both
    assert out(settings, "case", "sync") == []
    assert {c["decision_id"] for c in out(settings, "case", "queue")} == set(decisions)
    taken = out(settings, "case", "next", "--moderator", "mod-c")
    assert taken["decision_id"] == first["decision_id"] and taken["assignee"] == "mod-c"
    closed = out(
        settings,
        "case",
        "decide",
        taken["case_id"],
        "--moderator",
        "mod-c",
        "--outcome",
        "confirm",
        "--reason",
        "unredacted home address and SSN digits",
    )
    assert closed["status"] == "closed" and closed["enforcement"]["account"]["actions"] == []
    run(settings, "case", "decide", taken["case_id"], "--moderator", "mod-c", "--outcome",
        "overturn", "--reason", "again", code=5)  # fmt: skip

    statement = ["--statement", "I am a journalist reporting on a hack of public interest."]
    appeal = out(settings, "appeal", "file", *decisions, "--author", "journalist", *statement)
    run(settings, "appeal", "assign", appeal["appeal_id"], "--to", "mod-c", code=5)
    out(settings, "appeal", "assign", appeal["appeal_id"], "--to", "mod-a", "--by", "lead-1")
    assert assigned_by(settings) == ["lead-1"]  # who assigned, not the assignee
    denied = out(
        settings,
        "appeal",
        "decide",
        appeal["appeal_id"],
        "--moderator",
        "mod-a",
        "--outcome",
        "deny",
        "--reason",
        "the post exposes a home address",
    )
    assert denied["status"] == "denied"
    assert out(settings, "account", "show", "journalist")["state"] == "banned"

    again = out(settings, "appeal", "file", *decisions, "--author", "journalist", *statement)
    run(settings, "appeal", "decide", again["appeal_id"], "--moderator", "mod-a", "--outcome",
        "uphold", "--reason", "x", code=5)  # fmt: skip
    upheld = out(
        settings,
        "appeal",
        "decide",
        again["appeal_id"],
        "--moderator",
        "mod-b",
        "--outcome",
        "uphold",
        "--reason",
        "newsworthy reporting; the address was already public",
    )
    assert upheld["status"] == "upheld"
    assert upheld["enforcement"]["account"]["actions"] == ["lift_ban"]
    shown = out(settings, "appeal", "show", again["appeal_id"])
    assert shown["notices"][0]["kind"] == "appeal.upheld"
    account = out(settings, "account", "show", "journalist")
    assert account["state"] == "active" and all(s["voided"] for s in account["strikes"])

    linked = out(settings, "request", "show", request["request_id"])
    assert linked["decision_ids"] == decisions
    out(settings, "request", "outcome", request["request_id"], "--outcome", "no_action",
        "--note", "decided under our own rules")  # fmt: skip

    sor = tmp_path / "sor.json"
    run(settings, "export", "statements", "--format", "json", "--output", str(sor))
    statements = [Statement.model_validate(s) for s in json.loads(sor.read_text())]
    assert [s.puid for s in statements] == [*decisions, taken["case_id"]]
    assert statements[0].decision_account == "DECISION_ACCOUNT_SUSPENDED"
    assert statements[1].decision_account == "DECISION_ACCOUNT_TERMINATED"
    assert statements[2].automated_decision == "AUTOMATED_DECISION_NOT_AUTOMATED"
    assert "journalist" not in sor.read_text() and "Carver" not in sor.read_text()
    run(settings, "export", "statements", "--format", "csv", "--output", str(tmp_path / "s.csv"))
    run(settings, "export", "statements", "--format", "xml", "--output", "x", code=2)

    attributes = tmp_path / "groups.json"
    attributes.write_text(json.dumps({"journalist": "left", "someone": "right"}))
    report_dir = tmp_path / "report"
    run(
        settings,
        "report",
        "transparency",
        "--from",
        "2000-01-01",
        "--to",
        "2100-01-01",
        "--output",
        str(report_dir),
        "--attributes",
        str(attributes),
    )
    figures = json.loads((report_dir / "transparency.json").read_text())
    assert figures["decisions"]["total"] == 2
    assert figures["decisions"]["by_action"]["block_link"] == 2
    assert figures["decisions"]["by_action"]["suspend"] == 1
    assert figures["decisions"]["by_action"]["ban"] == 1
    assert figures["cases"]["opened"] == 2 and figures["cases"]["by_outcome"] == {"confirm": 1}
    assert figures["appeals"]["filed"] == 2 and figures["appeals"]["overturn_rate"] == 0.5
    assert figures["requests"]["by_type_and_outcome"] == {"election_campaign": {"no_action": 1}}
    assert figures["neutrality"]["counterfactual"]["neutral"]
    assert "<svg" in (report_dir / "transparency.html").read_text()
    neutral = run(settings, "report", "neutrality", "--attributes", str(attributes))
    assert json.loads(neutral.stdout)["counterfactual"]["identical"] == 2
    assert "audit chain intact" in run(settings, "audit", "verify").stdout
