"""``redline demo load``: the reference case into the current store, once however often run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from redline.record.store import Store
from redline.review import queue, requests
from redline.settings import Settings
from tests.store_fixtures import HASH_KEY


def run(home: Path) -> dict[str, object]:
    env = {**os.environ, "REDLINE_HOME": str(home), "REDLINE_HASH_KEY": HASH_KEY}
    done = subprocess.run(
        [sys.executable, "-m", "redline.cli.main", "demo", "load", "--ordinary", "12"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict[str, object] = json.loads(done.stdout)
    return summary


def test_demo_loads_the_reference_case_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run(home)
    assert first == {
        "bank_created": True,
        "posts": 16,
        "decided_now": 16,
        "with_violations": 3,
        "cases": 3,
        "request_recorded": True,
    }
    again = run(home)
    assert again["decided_now"] == 0 and again["bank_created"] is False
    assert again["request_recorded"] is False
    store = Store.open(Settings(home=home, hash_key=HASH_KEY))
    try:
        open_cases = queue.queue(store)
        assert sorted(c.content_id for c in open_cases) == [
            "demo-journalist-1",
            "demo-journalist-2",
            "demo-journalist-3",
        ]
        assert all(c.severity == "critical" for c in open_cases)
        asked = requests.requests_about(store, "demo-journalist-1")
        assert len(asked) == 1 and asked[0].requester_type == "election_campaign"
    finally:
        store.close()
