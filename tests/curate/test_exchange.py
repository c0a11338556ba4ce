"""Export and import of exchange signals between two stores, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from redline.content import Content
from redline.curate.banks import Banks
from redline.curate.exchange.export import export_bank
from redline.curate.exchange.format import Level, SignalKind, dump_lines, parse_lines, schema
from redline.curate.exchange.receive import receive
from redline.decide import load_policy
from redline.enforce import load_profile
from redline.errors import InputError, RecordRefused
from redline.pipeline import Moderator, default_sources
from redline.record import Store
from redline.record.banks.repository import BankRepository
from redline.record.banks.source import BankSource
from redline.settings import Settings
from tests.detect.banks.corpus import DOSSIER, excerpt

T0 = datetime(2026, 12, 1, 12, tzinfo=UTC)
KEY = "exchange-key-0123456789abcdef"
URL = "https://leaks.example/dossier.pdf"
ROOT = Path(__file__).resolve().parents[2]


def exporting(settings: Settings) -> Store:
    """Platform A's store: a bank holding the dossier and its link."""
    store = Store.open(settings)
    with store.transaction() as session:
        banks = Banks(session)
        banks.create_bank("leaks", ["hacked_material"], now=T0)
        banks.add_document("leaks", DOSSIER.encode(), "marsh.txt", now=T0)
        banks.add_url("leaks", URL, name="marsh-url", now=T0)
    return store


def signals(store: Store, *, expires_at: datetime | None = None, now: datetime = T0) -> list:
    with store.reading() as session:
        return export_bank(
            session,
            "leaks",
            platform="platform-a",
            level=Level.AMBER,
            now=now,
            key=KEY.encode(),
            expires_at=expires_at,
        )


@pytest.fixture
def sender(tmp_path: Path) -> Settings:
    """Platform A: its own SQLite store."""
    return Settings(home=tmp_path / "platform-a", hash_key="test-hash-key-0123456789")


@pytest.fixture
def receiving(settings: Settings) -> Settings:
    """Platform B: the store under test (SQLite, or PostgreSQL), holding the same key."""
    return replace(settings, exchange_key=KEY)


def take(settings: Settings, lines: list, *, now: datetime = T0) -> dict[str, int]:
    store = Store.open(settings)
    try:
        with store.transaction() as session:
            done = receive(
                session, "partners", lines, keys=[KEY.encode()], actor="analyst-b", now=now
            )
        return done.to_dict()
    finally:
        store.close()


def test_export_lists_every_kind_and_validates(settings: Settings) -> None:
    store = exporting(settings)
    try:
        lines = signals(store)
    finally:
        store.close()
    kinds = sorted(s.kind.value for s in lines)
    assert kinds == ["excerpt_fingerprints", "sha256", "text_sha256", "url"]
    text = "".join(dump_lines(lines))
    assert [s.id for s in parse_lines(text.splitlines())] == [s.id for s in lines]
    for s in lines:
        assert s.provenance.platform == "platform-a"
        assert s.level is Level.AMBER and s.designations == ("hacked_material",)
        assert s.id.startswith("platform-a:leaks/")
    # the feed holds no run of the dossier
    words = DOSSIER.split()
    for i in range(len(words) - 2):
        assert " ".join(words[i : i + 3]) not in text


def test_cross_store_import_matches_like_local(sender: Settings, receiving: Settings) -> None:
    """Two stores: A exports, B imports; B matches an excerpt it never saw, naming A."""
    a = exporting(sender)
    try:
        lines = signals(a)
    finally:
        a.close()
    assert take(receiving, lines) == {"added": 4, "replaced": 0, "unchanged": 0}
    assert take(receiving, lines) == {"added": 0, "replaced": 0, "unchanged": 4}
    decision = moderate(receiving, Content("c1", "From the file: " + excerpt(80, 220), "u1"))
    violation = decision.violations[0]
    assert violation.rule == "hacked.material"
    signal = violation.signals[0]
    assert "platform-a" in signal.masked
    assert "shared by platform-a (TLP:AMBER" in signal.evidence
    assert "platform-a" in decision.statement.text


def moderate(settings: Settings, content: Content):  # type: ignore[no-untyped-def]
    store = Store.open(settings)
    try:
        moderator = Moderator(
            store, load_policy(), load_profile("strict"), default_sources(settings, store)
        )
        return moderator.moderate(content).record
    finally:
        store.close()


def test_newer_version_replaces_older_and_older_is_ignored(
    sender: Settings, receiving: Settings
) -> None:
    a = exporting(sender)
    try:
        lines = signals(a)
    finally:
        a.close()
    url = next(s for s in lines if s.kind is SignalKind.URL)
    newer = url.model_copy(update={"version": url.version + 1, "designations": ("doxxing",)})
    assert take(receiving, [url])["added"] == 1
    assert take(receiving, [newer]) == {"added": 0, "replaced": 1, "unchanged": 0}
    assert take(receiving, [url]) == {"added": 0, "replaced": 0, "unchanged": 1}
    store = Store.open(receiving)
    try:
        with store.reading() as session:
            view = BankRepository(session).show_bank("partners")
        assert [e.entry.designations for e in view.entries] == [("doxxing",)]
    finally:
        store.close()


def test_an_expired_signal_stops_matching(sender: Settings, receiving: Settings) -> None:
    a = exporting(sender)
    try:
        lines = signals(a, expires_at=T0 + timedelta(days=1))
    finally:
        a.close()
    take(receiving, lines)
    post = Content("c1", "Leaked: " + excerpt(100, 200), "u1", urls=(URL,))
    store = Store.open(receiving)
    try:
        for at, expected in ((T0 + timedelta(hours=1), True), (T0 + timedelta(days=2), False)):
            source = BankSource.load(store, lambda at=at: at, keys=[KEY.encode()])
            assert source is not None
            assert bool(source.find(post).hits) is expected
            # a source loaded before the expiry stops matching once it has passed
        early = BankSource.load(store, lambda: T0, keys=[KEY.encode()])
        assert early is not None and early.find(post).hits
        early.clock = lambda: T0 + timedelta(days=2)
        assert not early.find(post).hits
    finally:
        store.close()


def test_keyed_signals_need_the_key(sender: Settings, receiving: Settings) -> None:
    a = exporting(sender)
    try:
        lines = signals(a)
    finally:
        a.close()
    store = Store.open(receiving)
    try:
        with pytest.raises(InputError, match="does not hold"), store.transaction() as session:
            receive(session, "partners", lines, keys=[b"another-key-0123456789"], actor="b", now=T0)
        with store.reading() as session:
            assert BankRepository(session).row("partners", missing_ok=True) is None
    finally:
        store.close()


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("not json", "line 1: not JSON"),
        ("[]", "line 1: not a JSON object"),
        ('{"id": "x"}', "line 1: kind"),
    ],
)
def test_bad_lines_name_line_and_field(line: str, where: str) -> None:
    with pytest.raises(RecordRefused, match=where):
        list(parse_lines([line]))


def test_bad_values_are_named(settings: Settings) -> None:
    store = exporting(settings)
    try:
        good = json.loads("".join(dump_lines(signals(store)[:1])))
    finally:
        store.close()
    naive = {"platform": "a", "created_at": "2026-01-01T00:00:00"}
    cases = {
        "value": {**good, "value": "zz"},
        "level": {**good, "level": "TLP:PURPLE"},
        "designations": {**good, "designations": ["Not Snake"]},
        "provenance.created_at": {**good, "provenance": naive},
        "version": {**good, "version": 0},
        "unexpected": {**good, "unexpected": 1},
    }
    for field, data in cases.items():
        lines = [json.dumps(good), json.dumps(data)]
        with pytest.raises(RecordRefused, match=f"line 2: {field.split('.')[0]}"):
            list(parse_lines(lines))


def test_schema_file_is_current() -> None:
    on_disk = json.loads((ROOT / "docs" / "exchange.schema.json").read_text())
    assert on_disk == json.loads(json.dumps(schema()))


def test_a_bad_bank_name_is_refused(sender: Settings, receiving: Settings) -> None:
    a = exporting(sender)
    try:
        lines = signals(a)
    finally:
        a.close()
    store = Store.open(receiving)
    try:
        with pytest.raises(InputError, match="bank name"), store.transaction() as session:
            receive(session, "no spaces!", lines, keys=[KEY.encode()], actor="b", now=T0)
    finally:
        store.close()


def test_a_received_entry_can_be_removed(sender: Settings, receiving: Settings) -> None:
    """Removing a received entry drops its exchange row too (no foreign key left dangling)."""
    a = exporting(sender)
    try:
        lines = signals(a)
    finally:
        a.close()
    take(receiving, lines)
    store = Store.open(receiving)
    try:
        name = next(s.id for s in lines if s.kind is SignalKind.EXCERPT_FINGERPRINTS)
        with store.transaction() as session:
            BankRepository(session).remove_entry("partners", name, actor="b", now=T0)
        with store.reading() as session:
            names = [e.entry.name for e in BankRepository(session).show_bank("partners").entries]
        assert name not in names and len(names) == 3
    finally:
        store.close()
