"""The scanner's own contract: thresholds, entity filters, overlaps, failures, hashing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest

from redline.detect.finding import SignalKind
from redline.detect.pii import ENTITIES, PiiOptions, PiiScanner, default_scanner, detect_pii
from redline.detect.pii.candidate import Candidate
from redline.detect.pii.recognizer import Recognizer
from redline.detect.pii.scanner import resolve_overlaps

DOSSIER = (
    "Sen. John Smith, SSN 123-45-6789, DOB 03/14/1961, home 1520 Oak Ridge Dr, "
    "Springfield, IL 62704, cell (217) 555-0143, jsmith1961@example.com"
)


def test_signals_are_sorted_and_carry_versions() -> None:
    signals = detect_pii(DOSSIER)
    assert [s.start for s in signals] == sorted(s.start for s in signals)
    assert {s.type for s in signals} >= {
        "US_SSN",
        "DATE_OF_BIRTH",
        "STREET_ADDRESS",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "PERSON_NAME",
    }
    for s in signals:
        assert s.kind is SignalKind.PII
        assert s.detector and s.detector_version
        assert 0.0 <= s.score <= 1.0
        assert s.location.part == "text"


def test_threshold_filters_low_scores() -> None:
    text = "4155552671"  # a bare digit run: phone-shaped, weakly scored
    assert detect_pii(text, PiiOptions(threshold=0.9)) == []
    assert [s.type for s in detect_pii(text, PiiOptions(threshold=0.3))] == ["PHONE_NUMBER"]


def test_entity_filter() -> None:
    only = detect_pii(DOSSIER, PiiOptions(entities=frozenset({"US_SSN"})))
    assert [s.type for s in only] == ["US_SSN"]


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError, match="threshold"):
        PiiOptions(threshold=1.5)


def test_masked_forms_and_evidence_never_hold_the_raw_value() -> None:
    for s in detect_pii(DOSSIER):
        raw = DOSSIER[s.start : s.end]
        assert raw not in s.masked
        assert raw not in s.evidence
    ssn = next(s for s in detect_pii(DOSSIER) if s.type == "US_SSN")
    assert ssn.masked == "***-**-6789"


def test_keyed_digest_links_values_only_under_the_same_key() -> None:
    a = detect_pii("SSN 123-45-6789", PiiOptions(hash_key=b"k1"))[0]
    b = detect_pii("ssn: 123 45 6789!", PiiOptions(hash_key=b"k1"))[0]
    c = detect_pii("SSN 123-45-6789", PiiOptions(hash_key=b"k2"))[0]
    assert a.digest == b.digest
    assert a.digest != c.digest
    assert detect_pii("SSN 123-45-6789")[0].digest is None


def test_overlaps_keep_the_stronger_candidate() -> None:
    weak = Candidate("PHONE_NUMBER", 0, 11, 0.6, "w")
    strong = Candidate("US_SSN", 0, 11, 0.9, "s")
    apart = Candidate("EMAIL_ADDRESS", 12, 20, 0.5, "e")
    assert resolve_overlaps([weak, apart, strong]) == [strong, apart]


class _Exploding(Recognizer):
    name = "exploding"
    version = "0"
    entities: ClassVar[tuple[str, ...]] = ("US_SSN",)

    def find(self, text: str) -> Iterator[Candidate]:
        raise RuntimeError("boom 123-45-6789")


def test_a_failing_recognizer_is_a_value_not_a_clean_result() -> None:
    scanner = PiiScanner([*default_scanner().recognizers, _Exploding()])
    result = scanner.scan("SSN 123-45-6789")
    assert [f.detector for f in result.failures] == ["exploding"]
    assert "123-45-6789" not in result.failures[0].error  # the message may hold data; not kept
    assert [s.type for s in result.signals] == ["US_SSN"]


def test_recognizer_names_must_be_unique() -> None:
    with pytest.raises(ValueError, match="unique"):
        PiiScanner([_Exploding(), _Exploding()])


def test_every_declared_entity_is_reported_by_some_recognizer() -> None:
    assert default_scanner().entities == set(ENTITIES)
