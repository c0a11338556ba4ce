"""Bad input to the review and report commands: a clear error, an exit code, nothing written."""

from __future__ import annotations

import json

from tests.cli.test_case_reference import out, run
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]


def test_refusals_name_the_field_and_write_nothing(settings, tmp_path) -> None:
    bad_type = run(
        settings, "request", "record", "--type", "lobbyist", "--from", "X", "--asked", "y",
        "--content", "p1", code=3,
    )  # fmt: skip
    assert "requester_type is not one of government" in bad_type.stderr
    assert "lobbyist" not in bad_type.stderr  # errors never echo input
    no_subject = run(settings, "request", "record", "--type", "user", "--from", "X", "--asked",
                     "y", code=3)  # fmt: skip
    assert "at least one content or account" in no_subject.stderr
    assert out(settings, "request", "list") == []
    assert "not an ISO date" in run(settings, "request", "list", "--from", "soon", code=3).stderr

    assert run(settings, "case", "show", "c_nope", code=4).stderr.startswith("error: no such case")
    assert run(settings, "case", "open", "d_nope", code=4).returncode == 4
    assert run(settings, "appeal", "show", "a_nope", code=4).returncode == 4
    bad_outcome = run(settings, "appeal", "decide", "a_nope", "--moderator", "m", "--outcome",
                      "maybe", "--reason", "r", code=2)  # fmt: skip
    assert "uphold or deny" in bad_outcome.stderr
    assert out(settings, "case", "queue") == [] and out(settings, "case", "next",
                                                         "--moderator", "m") is None  # fmt: skip

    territory = run(settings, "export", "statements", "--output", str(tmp_path / "s.json"),
                    "--territory", "US", code=3)  # fmt: skip
    assert "--territory" in territory.stderr and not (tmp_path / "s.json").exists()
    empty = run(settings, "export", "statements", "--output", str(tmp_path / "e.json"))
    assert json.loads((tmp_path / "e.json").read_text()) == [] and "wrote 0" in empty.stderr

    window = run(settings, "report", "transparency", "--from", "last week", "--to", "2027-01-01",
                 "--output", str(tmp_path / "r"), code=3)  # fmt: skip
    assert "--from" in window.stderr and not (tmp_path / "r").exists()
    missing = run(settings, "report", "neutrality", "--attributes", str(tmp_path / "no.csv"),
                  code=3)  # fmt: skip
    assert "cannot read" in missing.stderr
    assert "audit chain intact" in run(settings, "audit", "verify").stdout


def test_integers_beyond_their_bounds_are_usage_errors_not_tracebacks(settings, tmp_path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(json.dumps({"id": "p1", "author_id": "u1", "text": "Polls open at 7am."}))
    run(settings, "moderate", str(posts), "--profile", "strict")
    too_big = "99999999999999999999"
    for args in (
        ("case", "open", "p1", "--claim", "news", "--reach", too_big),
        ("case", "open", "p1", "--claim", "news", "--reach", str(2**31)),
        ("case", "queue", "--limit", too_big),
        ("report", "neutrality", "--attributes", str(tmp_path / "a.csv"), "--sample", too_big),
        ("serve", "--port", too_big),
    ):
        done = run(settings, *args, code=2)
        assert "Traceback" not in done.stderr, args
        assert "not in the range" in done.stderr, (args, done.stderr)
    assert out(settings, "case", "queue") == []  # nothing was opened
    opened = out(settings, "case", "open", "p1", "--claim", "news", "--reach", str(2**31 - 1))
    assert opened["reach"] == 2**31 - 1
