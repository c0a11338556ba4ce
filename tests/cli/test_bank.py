"""``redline bank``, ``scan`` and ``moderate`` with banks as processes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline.cli.returncode import ReturnCode
from redline.settings import Settings
from tests.cli.test_moderate import env_for, redline
from tests.extract.files import encrypt_pdf, make_pdf
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

DOSSIER_PAGES = [
    "CONFIDENTIAL - CARVER FOR SENATE - OPPOSITION FILE - DO NOT DISTRIBUTE",
    "John Carver lives at 42 Maple Avenue, Springfield, IL 62704 with his family since 2011.",
    "Payroll records show his Social Security number ends in 6789 and that the campaign paid two"
    " consultants through a shell company registered in Wyoming during the primary.",
]
DOSSIER_URL = "https://leaks.example/dossier/carver.pdf"
POST = (
    "Leaked campaign dossier on candidate John Carver: home 42 Maple Avenue, Springfield, IL "
    "62704, SSN ending 6789. Read it all: https://www.leaks.example/dossier/carver.pdf?utm_source=x"
)
QUOTE = (
    "From the file: payroll records show his social security number ends in 6789 and that the "
    "campaign paid two consultants through a shell company registered in Wyoming!"
)


def bank_cli(settings: Settings, *args: str):
    return redline(settings, "bank", *args)


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    path = tmp_path / "carver-dossier.pdf"
    path.write_bytes(make_pdf(DOSSIER_PAGES))
    return path


def make_bank(settings: Settings, dossier: Path) -> None:
    done = bank_cli(
        settings,
        "create",
        "election-2026",
        "--designation",
        "hacked_material",
        "--designation",
        "foreign_state_operation",
        "--source",
        "notified by the campaign",
        "--added-by",
        "analyst",
        "--note",
        "state-backed hack, October",
    )
    assert done.returncode == 0, done.stderr
    added = bank_cli(settings, "add", "election-2026", str(dossier), "--added-by", "analyst")
    assert added.returncode == 0, added.stderr
    assert "added document carver-dossier" in added.stderr
    link = bank_cli(settings, "add", "election-2026", "--url", DOSSIER_URL, "--name", "dossier-url")
    assert link.returncode == 0, link.stderr
    domain = bank_cli(settings, "add", "election-2026", "--domain", "mirror-leaks.com")
    assert domain.returncode == 0, domain.stderr


def test_create_add_list_show(settings: Settings, dossier: Path) -> None:
    make_bank(settings, dossier)
    listed = bank_cli(settings, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (bank,) = json.loads(listed.stdout)
    assert bank["name"] == "election-2026" and bank["entries"] == 3
    assert bank["kinds"] == {"document": 1, "url": 1, "domain": 1}
    assert bank["source"] == "notified by the campaign" and bank["added_by"] == "analyst"
    shown = json.loads(bank_cli(settings, "show", "election-2026", "--json").stdout)
    names = [(e["name"], e["kind"]) for e in shown["entries"]]
    assert names == [
        ("carver-dossier", "document"),
        ("dossier-url", "url"),
        ("mirror-leaks.com", "domain"),
    ]
    doc = shown["entries"][0]
    assert doc["media_type"] == "application/pdf" and doc["source"] == "carver-dossier.pdf"
    assert "Maple" not in json.dumps(shown)  # hashes and provenance, never the banked text
    table = bank_cli(settings, "show", "election-2026")
    assert table.returncode == 0 and "carver-dossier" in table.stdout
    assert "election-2026" in bank_cli(settings, "list").stdout


def test_bad_input_is_refused_and_changes_nothing(
    settings: Settings, dossier: Path, tmp_path: Path
) -> None:
    make_bank(settings, dossier)
    before = bank_cli(settings, "show", "election-2026", "--json").stdout
    good = tmp_path / "memo.txt"
    good.write_text("An internal memo that is perfectly readable and long enough to bank.")
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypt_pdf(make_pdf(["secret"])))
    refused = bank_cli(settings, "add", "election-2026", str(good), str(locked))
    assert refused.returncode == ReturnCode.INPUT_REFUSED
    assert "locked.pdf" in refused.stderr and "encrypted" in refused.stderr
    missing = bank_cli(settings, "add", "election-2026", str(tmp_path / "nope.pdf"))
    assert missing.returncode == ReturnCode.INPUT_REFUSED and "cannot read" in missing.stderr
    again = bank_cli(settings, "add", "election-2026", str(dossier))
    assert again.returncode == ReturnCode.CONFLICT and "carver-dossier" in again.stderr
    unknown = bank_cli(settings, "add", "nope", "--domain", "example.com")
    assert unknown.returncode == ReturnCode.NOT_FOUND
    both = bank_cli(settings, "add", "election-2026", "--domain", "a.com", "--url", "https://b.com")
    assert both.returncode == ReturnCode.INPUT_REFUSED
    bad_url = bank_cli(settings, "add", "election-2026", "--url", "not a url at all")
    assert bad_url.returncode == ReturnCode.INPUT_REFUSED
    dup = bank_cli(settings, "create", "election-2026", "--designation", "hacked_material")
    assert dup.returncode == ReturnCode.CONFLICT
    assert bank_cli(settings, "show", "election-2026", "--json").stdout == before


def test_scan_reports_matches_beside_findings(
    settings: Settings, dossier: Path, tmp_path: Path
) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        "\n".join(
            json.dumps(r)
            for r in (
                {"id": "link", "text": POST},
                {"id": "quote", "text": QUOTE},
                {"id": "mirror", "text": "same file at cdn.mirror-leaks[.]com/f.pdf"},
                {"id": "clean", "text": "The Carver campaign held a rally in Springfield."},
            )
        )
        + "\n"
    )
    without = redline(settings, "scan", str(posts))
    assert without.returncode == 0, without.stderr
    assert all(json.loads(line)["matches"] == [] for line in without.stdout.splitlines())
    assert not (settings.home / "redline.sqlite3").exists()  # scan creates no store

    make_bank(settings, dossier)
    done = redline(settings, "scan", str(posts))
    assert done.returncode == 0, done.stderr
    results = {r["id"]: r for r in map(json.loads, done.stdout.splitlines())}
    link = results["link"]
    assert link["findings"]
    match = next(m for m in link["matches"] if m["kind"] == "link")
    for m in link["matches"]:
        assert {"bank", "entry", "designation", "kind", "score", "location"} <= set(m)
    assert match["bank"] == "election-2026" and match["entry"] == "dossier-url"
    assert match["kind"] == "link" and match["designation"] == "hacked_material"
    assert POST[match["location"]["start"] : match["location"]["end"]].startswith("https://www.")
    assert "exact_url" in match["explanation"]
    (quote,) = results["quote"]["matches"]
    assert quote["entry"] == "carver-dossier" and quote["kind"] == "document"
    assert quote["rule"] == "excerpt" and "identity" in quote["explanation"]
    where = quote["document_location"]
    assert 0 <= where["start"] < where["end"]  # where the passage sits in the dossier
    (mirror,) = results["mirror"]["matches"]
    assert mirror["entry"] == "mirror-leaks.com" and mirror["rule"] == "domain"
    assert results["clean"]["matches"] == []


def test_reference_case_end_to_end_with_real_banks(
    settings: Settings, dossier: Path, tmp_path: Path
) -> None:
    make_bank(settings, dossier)
    posts = tmp_path / "ref.jsonl"
    posts.write_text(
        "".join(
            json.dumps({"id": f"post-{i}", "author_id": "journalist", "text": POST}) + "\n"
            for i in (1, 2)
        )
    )
    strict = redline(settings, "moderate", str(posts), "--profile", "strict")
    assert strict.returncode == 0, strict.stderr
    first, second = (json.loads(line) for line in strict.stdout.splitlines())
    rules = {v["rule"] for v in first["violations"]}
    assert {
        "hacked.material",
        "election.foreign_state_operation",
        "privacy.address.home",
        "privacy.ssn.partial",
    } <= rules
    hacked = next(v for v in first["violations"] if v["rule"] == "hacked.material")
    # the link; the name-and-address line the post repeats from the dossier is about 40
    # characters, under the 80 an excerpt needs (the private data is judged by its own rules)
    evidence = {(s["kind"], s["masked"]) for s in hacked["signals"]}
    assert evidence == {("link_match", "election-2026/dossier-url")}
    assert {"block_link", "remove_content", "suspend"} <= {a["type"] for a in first["actions"]}
    assert first["account"]["state"] == "suspended"
    assert "ban" in {a["type"] for a in second["actions"]}
    assert second["account"]["state"] == "banned"

    # Platform B: its own store, the same bank, the contain profile
    env = env_for(settings)
    other = Settings(home=tmp_path / "platform-b", hash_key=settings.hash_key)
    make_bank(other, dossier)
    contain = redline(other, "moderate", str(posts), "--profile", "contain")
    assert contain.returncode == 0, contain.stderr
    for line in contain.stdout.splitlines():
        result = json.loads(line)
        assert {"restrict_sharing", "label"} <= {a["type"] for a in result["actions"]}
        assert result["account"]["state"] == "active"
    assert env["REDLINE_HOME"] != str(other.home)
    verified = redline(settings, "audit", "verify")
    assert verified.returncode == 0, verified.stderr


def test_background_samples_from_the_command_line(
    settings: Settings, dossier: Path, tmp_path: Path
) -> None:
    make_bank(settings, dossier)
    press = tmp_path / "press.txt"
    press.write_text("Carver for Senate: a fair deal for every family in Springfield.")
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"text": "Carver for Senate thanks every volunteer."})
        + "\n"
        + json.dumps({"text": "Rally on Saturday at noon."})
        + "\n"
    )
    added = bank_cli(settings, "background", "add", "house", str(press), str(posts),
                     "--source", "campaign website")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "added background sample house (3 texts)" in added.stderr
    listed = json.loads(bank_cli(settings, "background", "list", "--json").stdout)
    assert [(s["name"], s["texts"], s["source"]) for s in listed] == [
        ("house", 3, "campaign website")
    ]
    again = bank_cli(settings, "background", "add", "house", str(press))
    assert again.returncode != 0 and "already exists" in again.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"body": "no text"}\n')
    refused = bank_cli(settings, "background", "add", "other", str(bad))
    assert refused.returncode != 0 and "line 2" in refused.stderr
    assert len(json.loads(bank_cli(settings, "background", "list", "--json").stdout)) == 1
    removed = bank_cli(settings, "background", "remove", "house")
    assert removed.returncode == 0 and bank_cli(settings, "background", "list", "--json").stdout
    assert json.loads(bank_cli(settings, "background", "list", "--json").stdout) == []


def _audit_actors(settings: Settings, kind: str) -> list[str]:
    from sqlalchemy import select

    from redline.record.audit.tables import AUDIT_EVENTS
    from redline.record.store import Store

    store = Store.open(settings)
    try:
        with store.reading() as session:
            query = select(AUDIT_EVENTS.c.actor).where(AUDIT_EVENTS.c.kind == kind)
            return list(session.execute(query).scalars())
    finally:
        store.close()


def test_removals_name_who_removed_and_the_help_asks_who_removes(
    settings: Settings, dossier: Path, tmp_path: Path
) -> None:
    make_bank(settings, dossier)
    removed = bank_cli(settings, "remove", "election-2026", "dossier-url", "--by", "reviewer-7")
    assert removed.returncode == 0, removed.stderr
    assert _audit_actors(settings, "bank.entry_removed") == ["reviewer-7"]
    press = tmp_path / "press.txt"
    press.write_text("Carver for Senate: a fair deal for every family in Springfield.")
    assert bank_cli(settings, "background", "add", "house", str(press)).returncode == 0
    gone = bank_cli(settings, "background", "remove", "house", "--by", "reviewer-8")
    assert gone.returncode == 0, gone.stderr
    assert _audit_actors(settings, "bank.background_removed") == ["reviewer-8"]
    for words in (("remove",), ("release",), ("background", "remove")):
        page = " ".join(bank_cli(settings, *words, "--help").stdout.split())
        assert "Who is adding" not in page and "--added-by" not in page, (words, page)
        assert "Who is removing it" in page or "Who is releasing it" in page, (words, page)
