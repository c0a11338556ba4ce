"""``redline exchange``: two platforms trade a bank through files, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from redline.cli.returncode import ReturnCode
from redline.settings import Settings
from tests.cli.test_moderate import env_for
from tests.curate.test_banks import jpeg_copy, picture
from tests.detect.banks.corpus import DOSSIER, excerpt
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

KEY = "exchange-key-0123456789abcdef"
URL = "https://leaks.example/dossier.pdf"


def run(settings: Settings, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = env_for(settings)
    if settings.exchange_key:
        env["REDLINE_EXCHANGE_KEY"] = settings.exchange_key
    env["REDLINE_EXCHANGE_PLATFORM"] = settings.exchange_platform
    return subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def platform_a(tmp_path: Path) -> Settings:
    """The sender, on its own SQLite store, with a dossier, an image and a link banked."""
    a = Settings(
        home=tmp_path / "a",
        hash_key="test-hash-key-0123456789",
        exchange_key=KEY,
        exchange_platform="platform-a",
    )
    (tmp_path / "dossier.txt").write_text(DOSSIER)
    (tmp_path / "photo.png").write_bytes(picture(3))
    for args in (
        ("bank", "create", "leaks", "--designation", "hacked_material"),
        ("bank", "add", "leaks", str(tmp_path / "dossier.txt"), str(tmp_path / "photo.png")),
        ("bank", "add", "leaks", "--url", URL),
    ):
        done = run(a, *args)
        assert done.returncode == 0, done.stderr
    return a


@pytest.fixture
def platform_b(settings: Settings) -> Settings:
    """The receiver: the store under test (SQLite or PostgreSQL), holding the exchange key."""
    return replace(settings, exchange_key=KEY, exchange_platform="platform-b")


def test_export_import_scan(platform_a: Settings, platform_b: Settings, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    done = run(platform_a, "exchange", "export", "leaks", "--output", str(feed), "--level", "green")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in feed.read_text().splitlines()]
    assert {line["kind"] for line in lines} == {
        "sha256", "text_sha256", "excerpt_fingerprints", "pdq", "url",
    }  # fmt: skip
    assert {line["level"] for line in lines} == {"TLP:GREEN"}
    assert "Delaware" not in feed.read_text()

    first = run(platform_b, "exchange", "import", str(feed), "--bank", "partners")
    again = run(platform_b, "exchange", "import", str(feed), "--bank", "partners")
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert f"{len(lines)} added" in first.stderr
    assert f"0 added, 0 replaced by a newer version, {len(lines)} unchanged" in again.stderr

    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"id": "p1", "text": "From the file: " + excerpt(60, 220)})
        + "\n"
        + json.dumps({"id": "p2", "text": "an ordinary post about the weather and the garden"})
        + "\n"
    )
    scan = run(platform_b, "scan", str(posts))
    assert scan.returncode == 0, scan.stderr
    out = [json.loads(line) for line in scan.stdout.splitlines()]
    assert [m["entry"] for m in out[0]["matches"]] == [
        "platform-a:leaks/dossier#excerpt_fingerprints"
    ]
    assert out[0]["matches"][0]["rule"] == "excerpt_keyed"
    assert out[1]["matches"] == []


def test_a_bad_line_is_named_and_nothing_is_written(
    platform_a: Settings, platform_b: Settings, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    assert run(platform_a, "exchange", "export", "leaks", "-o", str(feed)).returncode == 0
    lines = feed.read_text().splitlines()
    broken = json.loads(lines[1])
    broken["level"] = "TLP:PURPLE"
    feed.write_text("\n".join([lines[0], json.dumps(broken), *lines[2:]]) + "\n")
    done = run(platform_b, "exchange", "import", str(feed), "--bank", "partners")
    assert done.returncode == ReturnCode.INPUT_REFUSED
    assert "line 2: level" in done.stderr
    shown = run(platform_b, "bank", "list", "--json")
    assert "partners" not in shown.stdout


def test_without_the_key_documents_go_by_hash_only(
    platform_a: Settings, platform_b: Settings, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    done = run(
        replace(platform_a, exchange_key=None), "exchange", "export", "leaks", "-o", str(feed)
    )
    assert done.returncode == 0 and "no exchange key" in done.stderr
    assert "excerpt_fingerprints" not in feed.read_text()
    keyed = tmp_path / "keyed.jsonl"
    assert run(platform_a, "exchange", "export", "leaks", "-o", str(keyed)).returncode == 0
    refused = run(replace(platform_b, exchange_key=None), "exchange", "import", str(keyed),
                  "--bank", "partners")  # fmt: skip
    assert refused.returncode == ReturnCode.INPUT_REFUSED
    assert "does not hold" in refused.stderr


def test_hma_files_round_trip_through_threatexchange(
    platform_a: Settings, platform_b: Settings, tmp_path: Path
) -> None:
    """Our HMA file parses with python-threatexchange's own file exchange, and theirs with ours."""
    threatexchange = pytest.importorskip("threatexchange")
    from threatexchange.exchanges.impl.file_api import (
        FileCollaborationConfig,
        LocalFileSignalExchangeAPI,
    )
    from threatexchange.signal_type.pdq.signal import PdqSignal
    from threatexchange.signal_type.url import URLSignal

    assert threatexchange is not None
    hma = tmp_path / "signals.txt"
    done = run(platform_a, "exchange", "export", "leaks", "-o", str(hma), "--format", "hma")
    assert done.returncode == 0, done.stderr
    api = LocalFileSignalExchangeAPI(
        FileCollaborationConfig(name="redline", enabled=True, api="local_file", filename=str(hma))
    )
    deltas = list(api.fetch_iter([PdqSignal, URLSignal], None))
    got = sorted(deltas[0].updates)
    assert [kind for kind, _ in got] == ["pdq", "url"]
    for kind, value in got:
        parser = PdqSignal if kind == "pdq" else URLSignal
        assert parser.validate_signal_str(value) == value

    # a file in HMA's form (its opinion writer's "<type> <signal>" lines; the writer itself
    # opens files in mode "wta", which Python refuses, so the lines are written here), read by
    # threatexchange first, then by Redline
    theirs = tmp_path / "theirs.txt"
    pdq = next(value for kind, value in got if kind == "pdq")
    theirs.write_text(f"pdq {pdq}\nurl {URL}\n")
    reader = LocalFileSignalExchangeAPI(
        FileCollaborationConfig(name="hma", enabled=True, api="local_file", filename=str(theirs))
    )
    assert sorted(next(reader.fetch_iter([PdqSignal, URLSignal], None)).updates) == [
        ("pdq", pdq),
        ("url", URL),
    ]
    done = run(platform_b, "exchange", "import", str(theirs), "--bank", "hma-feed",
               "--format", "hma", "--platform", "hma-partner",
               "--designation", "hacked_material")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stderr
    copy = base64.b64encode(jpeg_copy(picture(3))).decode()
    attachment = {"filename": "copy.jpg", "media_type": "image/jpeg", "data": copy}
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"id": "p", "text": "see " + URL, "attachments": [attachment]}) + "\n"
    )
    scan = run(platform_b, "scan", str(posts))
    matches = json.loads(scan.stdout.splitlines()[0])["matches"]
    assert sorted(m["kind"] for m in matches) == ["image", "link"]
    assert {m["bank"] for m in matches} == {"hma-feed"}
    assert all(m["entry"].startswith("hma-partner:") for m in matches)
