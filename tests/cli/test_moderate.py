"""``redline moderate`` and its companions, run as real processes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench.decide.corpus import write as write_corpus
from sqlalchemy import create_engine, text

from redline.settings import Settings
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

RECORDS = [
    {
        "id": "p1",
        "author_id": "u1",
        "text": "Candidate John Carver, SSN ending 6789, home: 42 Maple Avenue, Springfield, "
        "IL 62704",
    },
    {
        "id": "p2",
        "author_id": "u2",
        "text": "My number is 555-201-3344 and I live at 9 Elm Street, Dayton, OH 45402",
    },
    "this line is not JSON",
    {"id": 4, "author_id": "u1", "text": "Found Jo Doe's SSN 078-05-1120 in the files"},
    {"id": "p5", "text": "Polls open at 7am."},
]


def env_for(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDLINE_")}
    env.update(
        REDLINE_HOME=str(settings.home),
        REDLINE_HASH_KEY=settings.hash_key or "",
        REDLINE_SQLITE_SYNCHRONOUS="NORMAL",
    )
    if settings.database_url:
        env["REDLINE_DATABASE_URL"] = settings.database_url
    return env


def redline(settings: Settings, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args],
        env=env_for(settings),
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in RECORDS) + "\n")
    return path


def test_moderate_prints_one_line_per_record_and_reports_bad_lines(settings, posts) -> None:
    done = redline(settings, "moderate", str(posts), "--profile", "strict", cwd=posts.parent)
    assert done.returncode == 3, done.stderr
    assert "line 3: not JSON" in done.stderr
    assert (
        "moderated 4 records (4 decided now, 0 already decided), 2 with violations, "
        "1 sent to human review, 1 refused" in done.stderr  # the full SSN is critical severity
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["p1", "p2", 4, "p5"]
    for line in lines:
        assert set(line) == {"id", "decision_id", "violations", "actions", "account", "reasons"}
        assert set(line["account"]) == {"id", "state", "strikes"}
        for violation in line["violations"]:
            assert set(violation) == {"rule", "severity", "signals"}
        for action in line["actions"]:
            assert set(action) <= {"type", "until"}
    p1, p2, p4, _ = lines
    assert {v["rule"] for v in p1["violations"]} == {"privacy.ssn.partial", "privacy.address.home"}
    assert [a["type"] for a in p1["actions"]] == ["remove_content", "request_redaction", "suspend"]
    assert p2["violations"] == [] and p4["account"] == {"id": "u1", "state": "banned", "strikes": 2}
    assert "Maple" not in done.stdout and "078-05-1120" not in done.stdout

    again = redline(settings, "moderate", str(posts), "--profile", "strict")
    assert again.stdout == done.stdout
    assert "0 decided now, 4 already decided" in again.stderr


def test_profiles_by_name_and_by_path_and_bad_profiles(settings, posts, tmp_path) -> None:
    contain = redline(settings, "moderate", str(posts), "--profile", "contain")
    first = json.loads(contain.stdout.splitlines()[0])
    assert [a["type"] for a in first["actions"]] == [
        "limit_visibility",
        "label",
        "request_redaction",
    ]
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "id: mine\nversion: '1'\nresponses:\n  - actions: [shout]\n"
        "ladder:\n  - {at: 0, state: active}\n"
    )
    refused = redline(settings, "moderate", str(posts), "--profile", str(bad))
    assert refused.returncode == 6
    assert f"{bad}, line 4 (responses.0.actions.0)" in refused.stderr
    unknown = redline(settings, "moderate", str(posts), "--profile", "lenient")
    assert unknown.returncode == 6 and "shipped profiles: strict, contain" in unknown.stderr


def test_account_decision_and_audit_commands(settings, posts) -> None:
    out = redline(settings, "moderate", str(posts), "--profile", "strict").stdout
    decision_id = json.loads(out.splitlines()[0])["decision_id"]
    account = json.loads(redline(settings, "account", "show", "u1").stdout)
    assert account["state"] == "banned" and len(account["strikes"]) == 2
    shown = json.loads(redline(settings, "decision", "show", decision_id).stdout)
    assert shown["content_id"] == "p1" and shown["automated_decision"] is True
    assert redline(settings, "decision", "show", "nope").returncode == 4
    assert redline(settings, "account", "show", "nobody").returncode == 4
    registered = redline(settings, "account", "own-data", "u7", "555-201-3344")
    assert registered.returncode == 0 and "registered 1 new digests" in registered.stderr
    verified = redline(settings, "audit", "verify")
    assert verified.returncode == 0 and "audit chain intact" in verified.stdout

    url = settings.database_url or f"sqlite:///{settings.home / 'redline.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET kind = 'nothing' WHERE seq = 2"))
    engine.dispose()
    broken = redline(settings, "audit", "verify")
    assert broken.returncode == 8 and "event 2 was altered" in broken.stderr


def test_replay_cli_acts_on_nothing(settings, posts, tmp_path) -> None:
    redline(settings, "moderate", str(posts), "--profile", "strict")
    pack = Path(__file__).resolve().parents[2] / "policies" / "default.yaml"
    lenient = tmp_path / "lenient.yaml"
    text_ = pack.read_text().replace('version: "2026.12.0"', 'version: "2027.1.0"')
    lenient.write_text(
        text_.replace(
            "severity: critical\n    trigger: {kinds: [pii], types: [US_SSN]",
            "severity: critical\n    trigger: {kinds: [pii], types: [NOT_A_TYPE]",
        )
    )
    before = redline(settings, "audit", "verify").stdout
    done = redline(settings, "replay", "--policy", str(lenient), "--since", "2000-01-01")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["compared"] == 4
    assert report["rules"]["privacy.ssn.full"] == {"before": 1, "after": 0, "change": -1}
    assert report["examples"][0]["content_id"] == "4"
    assert redline(settings, "audit", "verify").stdout == before
    bad_date = redline(settings, "replay", "--policy", str(lenient), "--since", "yesterday")
    assert bad_date.returncode == 3 and "--since" in bad_date.stderr


def test_installed_script_works_from_any_directory(settings, posts, tmp_path) -> None:
    script = shutil.which("redline")
    if script is None:
        pytest.skip("the redline script is not installed (pip install -e .)")
    done = subprocess.run(
        [script, "moderate", str(posts), "--profile", "contain"],
        env=env_for(settings),
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 3 and len(done.stdout.splitlines()) == 4


def test_reference_case_through_the_cli_with_a_plugged_in_matcher(settings, tmp_path) -> None:
    # --source plug-ins still work beside the store's banks (tested in tests/cli/test_bank.py)
    from tests.test_pipeline import DOSSIER_URL, POST

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
    env = env_for(settings)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    args = ["moderate", str(posts), "--source", "tests.test_pipeline:DossierBank", "--profile"]
    strict = subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args, "strict"],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    first, second = (json.loads(line) for line in strict.stdout.splitlines())
    assert {"block_link", "remove_content", "suspend"} <= {a["type"] for a in first["actions"]}
    assert first["account"]["state"] == "suspended"
    assert "ban" in {a["type"] for a in second["actions"]}
    assert second["account"]["state"] == "banned"

    env["REDLINE_HOME"] = str(tmp_path / "platform-b")
    env.pop("REDLINE_DATABASE_URL", None)
    contain = subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args, "contain"],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    for line in contain.stdout.splitlines():
        result = json.loads(line)
        assert {"restrict_sharing", "label"} <= {a["type"] for a in result["actions"]}
        assert result["account"]["state"] == "active"
    bad = redline(settings, "moderate", str(posts), "--profile", "strict", "--source", "nope:x")
    assert bad.returncode == 6 and "no such module:attribute" in bad.stderr


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(1 for _ in stream)
    except FileNotFoundError:
        return 0


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_decides_each_record_exactly_once(settings, tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 10_000)
    first_out = tmp_path / "first.jsonl"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "redline.cli.main",
            "moderate",
            str(corpus),
            "--profile",
            "strict",
            "--output",
            str(first_out),
        ],
        env=env_for(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while _lines(first_out) < 1500 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = _lines(first_out)
    assert 0 < killed_at < 10_000

    second_out = tmp_path / "second.jsonl"
    done = redline(
        settings, "moderate", str(corpus), "--profile", "strict", "--output", str(second_out)
    )
    assert done.returncode == 0, done.stderr
    second = [json.loads(line) for line in second_out.read_text().splitlines()]
    assert [r["id"] for r in second] == [f"r{i:06d}" for i in range(10_000)]
    assert len({r["decision_id"] for r in second}) == 10_000
    # what the killed run printed is exactly what the store returns now: first decisions stand
    first = {}
    for line in first_out.read_text().splitlines():
        if line.endswith("}"):
            record = json.loads(line)
            first[record["id"]] = record
    assert first and all(second[int(i[1:])] == record for i, record in first.items())

    url = settings.database_url or f"sqlite:///{settings.home / 'redline.sqlite3'}"
    engine = create_engine(url)
    with engine.connect() as connection:
        count = lambda sql: connection.execute(text(sql)).scalar()  # noqa: E731
        assert count("SELECT count(*) FROM contents") == 10_000
        assert count("SELECT count(*) FROM decisions") == 10_000
        assert count("SELECT count(DISTINCT content_id) FROM decisions") == 10_000
        assert count("SELECT count(*) FROM strikes") == count(
            "SELECT count(DISTINCT decision_id) FROM strikes"
        )
        assert count("SELECT count(*) FROM audit_events WHERE kind = 'decision.made'") == 10_000
    engine.dispose()
    struck = sum(1 for r in second if r["violations"] and r["account"]["id"])
    assert struck > 1000
    verified = redline(settings, "audit", "verify")
    assert verified.returncode == 0, verified.stderr


def test_national_ids_break_the_national_id_rule_end_to_end(settings, tmp_path) -> None:
    # issue 13: a national identifier found by `redline moderate`, cited under its own rule,
    # masked in the output; a self-disclosure is no violation
    path = tmp_path / "ids.jsonl"
    records = [
        {"id": "n1", "author_id": "a1", "text": "His NI number is AB 12 34 56 C, go get him"},
        {"id": "n2", "author_id": "a2", "text": "su DNI es 12345678Z y vive en Madrid"},
        {"id": "n3", "author_id": "a3", "text": "Commande 1 85 03 75 116 001 27 expédiée"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    done = redline(settings, "moderate", str(path), "--profile", "contain")
    assert done.returncode == 0, done.stderr
    lines = {line["id"]: line for line in map(json.loads, done.stdout.splitlines())}
    for rid in ("n1", "n2"):
        rules = {v["rule"]: v["severity"] for v in lines[rid]["violations"]}
        assert rules == {"privacy.national_id": "critical"}, lines[rid]
    assert lines["n3"]["violations"] == []
    assert "12 34 56" not in done.stdout and "12345678" not in done.stdout


def test_result_lines_and_decision_show_cap_signals_per_part(settings, tmp_path) -> None:
    src = tmp_path / "dense.jsonl"
    src.write_text(json.dumps({"id": "d1", "author_id": "u1", "text": "ssn 078-05-1120 " * 150}))
    done = redline(settings, "moderate", str(src), "--profile", "strict")
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    (violation,) = [v for v in line["violations"] if v["rule"] == "privacy.ssn.full"]
    assert len(violation["signals"]) == 100 and violation["signals_omitted"] == {"text": 50}
    shown = json.loads(redline(settings, "decision", "show", "d1").stdout)
    assert len(shown["violations"][0]["signals"]) == 100
    full = json.loads(redline(settings, "decision", "show", "d1", "--all-signals").stdout)
    assert len(full["violations"][0]["signals"]) == 150
    assert "signals_omitted" not in full["violations"][0]


def test_moderate_on_postgresql_without_a_hash_key_is_refused_before_the_store_opens(
    pg_url: str, tmp_path: Path, posts: Path
) -> None:
    settings = Settings(home=tmp_path / "home", database_url=pg_url, hash_key=None)
    done = redline(settings, "moderate", str(posts), "--profile", "strict")
    assert done.returncode == 6, done.stderr
    assert "needs an operator-chosen key" in done.stderr and "REDLINE_HASH_KEY_FILE" in done.stderr
    engine = create_engine(pg_url)
    with engine.connect() as connection:
        tables = connection.execute(
            text(
                "SELECT count(*) FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        ).scalar_one()
    engine.dispose()
    assert tables == 0 and not (tmp_path / "home").exists()
