"""BankSnapshot: exact before excerpt, negative banks suppress (and say so), per-bank distances."""

from __future__ import annotations

from redline.detect.banks import Bank, ExcerptRule, FingerprintConfig
from redline.detect.banks.bank import EntryKind
from redline.detect.banks.entries import document_entry, image_entry, link_entry, text_entry
from redline.detect.banks.pdq import hamming, pdq_hash
from redline.detect.banks.snapshot import BankSnapshot
from tests.curate.test_banks import jpeg_copy, picture
from tests.detect.banks.corpus import DOSSIER, PRESS_RELEASE, excerpt

LEAKS = Bank("leaks", ("hacked_material",))
PRESS = Bank("press", negative=True)
CONFIG = FingerprintConfig()


def snapshot(*extra: Bank) -> BankSnapshot:
    dossier = document_entry(LEAKS, "dossier", DOSSIER.encode(), filename="dossier.txt")
    press = text_entry(PRESS, "release", PRESS_RELEASE)
    return BankSnapshot.build([LEAKS, PRESS, *extra], [dossier, press])


def test_the_whole_document_reformatted_is_an_exact_text_match() -> None:
    snap = snapshot()
    (m,) = snap.match_text(DOSSIER.upper().replace("\n", "  ")).matches
    assert m.rule == "exact_text" and m.score == 1.0 and m.distance == 0.0
    (hit,) = snap.match_file(DOSSIER.encode(), "text/plain")
    assert hit.rule == "exact_bytes" and hit.designations == ("hacked_material",)


def test_negative_bank_suppresses_only_what_it_covers_and_reports_it() -> None:
    snap = snapshot()
    result = snap.match_text("Quoting the campaign: " + PRESS_RELEASE)
    assert result.matches == []
    ((suppressed, by),) = result.suppressed
    assert suppressed.entry.name == "dossier" and by.name == "release"
    # a longer quote that goes beyond the press release still matches, on what is left
    beyond = snap.match_text(excerpt(0, 380))
    (m,) = beyond.matches
    assert m.entry.name == "dossier"


def test_per_bank_image_distance() -> None:
    png = picture(3)
    copy = jpeg_copy(png)
    d = hamming(pdq_hash(png).hex, pdq_hash(copy).hex)
    assert d > 0
    strict = Bank("strict-images", ("hacked_material",), pdq_threshold=d - 1)
    loose = Bank("loose-images", ("hacked_material",), pdq_threshold=31)
    snap = BankSnapshot.build(
        [strict, loose],
        [(image_entry(strict, "photo", png), None), (image_entry(loose, "photo", png), None)],
    )
    hits = snap.match_image(copy)
    assert [(h.entry.bank, h.distance) for h in hits] == [("loose-images", d)]
    assert hits[0].score > 0.5


def test_negative_link_rule_suppresses() -> None:
    allowed = Bank("allowed", negative=True)
    snap = BankSnapshot.build(
        [LEAKS, allowed],
        [
            (link_entry(LEAKS, "site", EntryKind.DOMAIN, "leaks.example"), None),
            (link_entry(allowed, "press-page", EntryKind.URL, "https://leaks.example/press"), None),
        ],
    )
    assert snap.match_url("https://leaks.example/dossier")
    assert snap.match_url("https://leaks.example/press") == []


def test_stricter_text_distance_per_bank() -> None:
    noisy = excerpt(40, 140).replace("e", "c").replace("a", "o")
    tight = Bank("tight", ("hacked_material",), excerpt=ExcerptRule(max_distance=0.02))
    snap = BankSnapshot.build([tight], [text_entry(tight, "dossier", DOSSIER)])
    assert snap.match_text(noisy).matches == []
    assert snap.match_text(excerpt(40, 140)).matches
