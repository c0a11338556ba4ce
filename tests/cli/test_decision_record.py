"""The decision record through the CLI: ``decision show`` prints JSON that reads back equal.

``redline moderate`` runs as a real process on the reference case (the dossier bank as a plug-in
source); each decision it printed is then shown with every signal, and the JSON read back into a
record must equal the record the store holds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from redline.record import Store
from redline.record.decisions import Decisions, record_of
from tests.cli.test_moderate import redline
from tests.store_fixtures import pg_url, settings
from tests.test_pipeline import DOSSIER_URL, POST

__all__ = ["pg_url", "settings"]
ROOT = Path(__file__).resolve().parents[2]


def test_decision_show_round_trips_to_the_stored_record(settings, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    posts = tmp_path / "ref.jsonl"
    lines = [
        {"id": f"post-{i}", "author_id": "journalist", "text": POST, "urls": [DOSSIER_URL]}
        for i in (1, 2)
    ]
    posts.write_text("".join(json.dumps(line) + "\n" for line in lines))
    source = ("--source", "tests.test_pipeline:DossierBank")
    done = redline(settings, "moderate", str(posts), "--profile", "strict", *source)
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["decision_id"] for line in done.stdout.splitlines()]
    store = Store.open(settings)
    try:
        for decision_id in ids:
            shown = redline(settings, "decision", "show", decision_id, "--all-signals")
            assert shown.returncode == 0, shown.stderr
            with store.reading() as session:
                stored = Decisions(session).get(decision_id)
            assert record_of(json.loads(shown.stdout)) == stored
            assert stored.violations and stored.actions and stored.strike is not None
    finally:
        store.close()
