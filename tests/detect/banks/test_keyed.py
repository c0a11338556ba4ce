"""Keyed excerpt fingerprints: they match excerpts blind, and they hold nothing readable."""

from __future__ import annotations

import base64

import numpy as np
import pytest

from redline.detect.banks import Bank, BankEntry, EntryKind, FingerprintConfig, fingerprint
from redline.detect.banks.keyed import (
    NUMERIC,
    SPECIFIC,
    KeyedFingerprints,
    KeyedIndex,
    exchange_key_id,
    key_fingerprints,
    keyed_grams,
)
from redline.detect.banks.snapshot import BankSnapshot
from redline.extract.normalize import compact
from tests.detect.banks.corpus import DOSSIER, SAME_TOPIC, excerpt, ocr_noise, redact

KEY = b"exchange-key-0123456789abcdef"
OTHER = b"another-exchange-key-987654321"
ENTRY = BankEntry("shared", "dossier", EntryKind.DOCUMENT)


def keyed(text: str = DOSSIER, key: bytes = KEY) -> KeyedFingerprints:
    return key_fingerprints(fingerprint(text, FingerprintConfig()), key)


def receiver(key: bytes = KEY, *documents: str) -> BankSnapshot:
    """A snapshot holding only keyed fingerprints: the receiving platform's view."""
    snap = BankSnapshot([Bank("shared", designations=("hacked_material",))])
    snap.use_exchange_keys([key])
    for i, text in enumerate(documents or (DOSSIER,)):
        snap.add_keyed(BankEntry("shared", f"doc{i}", EntryKind.DOCUMENT), keyed(text))
    return snap


def test_round_trip_bytes_and_text() -> None:
    k = keyed()
    for back in (
        KeyedFingerprints.from_bytes(k.to_bytes()),
        KeyedFingerprints.from_text(k.to_text()),
    ):
        assert back.key_id == k.key_id == exchange_key_id(KEY)
        assert np.array_equal(back.hashes, k.hashes)
        assert np.array_equal(back.positions, k.positions)
        assert np.array_equal(back.flags, k.flags)
        assert (back.length, back.ratio, back.config) == (k.length, k.ratio, k.config)


@pytest.mark.parametrize(
    "blob",
    [b"", b"RLFP" + b"\0" * 40, keyed().to_bytes()[:-1], keyed().to_bytes() + b"\0"],
)
def test_bad_blobs_are_refused(blob: bytes) -> None:
    with pytest.raises(ValueError):
        KeyedFingerprints.from_bytes(blob)


def test_the_feed_holds_no_run_of_the_text() -> None:
    """Neither the blob nor its base64 holds any 8 letters of the document, in any form."""
    k = keyed()
    blob, text = k.to_bytes(), k.to_text()
    compact_text = compact(DOSSIER).text
    for form in (DOSSIER, DOSSIER.lower(), compact_text):
        for i in range(0, len(form) - 8):
            gram = form[i : i + 8]
            assert gram.encode() not in blob
            assert gram not in text
    # and the unkeyed fingerprints (what a bank stores) are not in it either
    plain = fingerprint(DOSSIER, FingerprintConfig())
    assert not np.isin(plain.hashes, k.hashes).any()
    assert base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)) == blob


def test_the_key_changes_every_hash() -> None:
    a, b = keyed(key=KEY), keyed(key=OTHER)
    assert np.array_equal(a.positions, b.positions)
    assert not np.isin(a.hashes, b.hashes).any()
    assert a.key_id != b.key_id


def test_flags_mark_digits_and_specific_text() -> None:
    k = keyed()
    assert (k.flags & SPECIFIC).all()  # no profile given: everything counts
    fps = fingerprint(DOSSIER, FingerprintConfig())
    grams = [fps.text[p : p + 8] for p in fps.positions.tolist()]
    for gram, flag in zip(grams, k.flags.tolist(), strict=True):
        if any(c.isdigit() for c in gram):
            assert flag & NUMERIC


@pytest.mark.parametrize(
    "post",
    [
        "Look at this: " + excerpt(60, 200),
        "Look: " + excerpt(300, 160).upper(),
        ocr_noise(excerpt(100, 260), 0.02),
        redact(excerpt(60, 240), ("Marsh",)),
    ],
    ids=["verbatim", "case", "ocr", "redacted"],
)
def test_a_receiver_matches_excerpts_it_never_saw(post: str) -> None:
    local = BankSnapshot([Bank("shared", designations=("hacked_material",))])
    local.add(BankEntry("shared", "doc0", EntryKind.DOCUMENT), fingerprint(DOSSIER, local.config))
    assert local.match_text(post).matches, "the test post must match the bank with the text"
    found = receiver().match_text(post).matches
    assert [m.entry.name for m in found] == ["doc0"]
    m = found[0]
    assert m.rule == "excerpt_keyed"
    assert m.score >= 0.5
    p = m.passage
    assert p is not None and p.doc_chars >= 80
    assert 0 <= p.post_start < p.post_end <= len(post)


def test_without_the_key_nothing_matches() -> None:
    post = "Look at this: " + excerpt(60, 200)
    assert not receiver(OTHER).match_text(post).matches  # a key for another exchange
    snap = receiver()
    snap.use_exchange_keys([])
    assert not snap.match_text(post).matches


@pytest.mark.parametrize("length", [40, 70])
def test_short_quotes_stay_under_the_floor(length: int) -> None:
    """80 characters of document text, verified by shared fingerprints, or no match."""
    assert not receiver().match_text("so: " + excerpt(200, length)).matches


def test_unrelated_text_does_not_match() -> None:
    assert not receiver().match_text(SAME_TOPIC).matches


def test_a_changed_number_splits_the_passage() -> None:
    """A number written for another is another passage, as in the local matcher."""
    text = "The contractor was paid 48,217 dollars for access to the server in the spring. " * 1
    doc = ("Background memo, strictly internal. " + text + "Nothing else was noted. ") * 1
    index = KeyedIndex()
    index.add(ENTRY, key_fingerprints(fingerprint(doc, FingerprintConfig()), KEY))
    kid = exchange_key_id(KEY)
    same = compact(doc)
    changed = compact(doc.replace("48,217", "93,604"))
    grams = {
        id(same): keyed_grams(same.text, 8, KEY),
        id(changed): keyed_grams(changed.text, 8, KEY),
    }
    whole = index.query(same, lambda key_id: grams[id(same)] if key_id == kid else None)
    split = index.query(changed, lambda key_id: grams[id(changed)] if key_id == kid else None)
    assert whole and len(whole[0].passages) == 1
    assert not split or all(
        p.doc_compact[1] <= changed.text.find("93") or p.doc_compact[0] >= changed.text.find("93")
        for p in split[0].passages
    )


def test_keyed_grams_hash_each_kgram() -> None:
    grams = keyed_grams("abcdefghij", 8, KEY)
    assert grams.size == 3 and len(set(grams.tolist())) == 3
    assert keyed_grams("short", 8, KEY).size == 0
