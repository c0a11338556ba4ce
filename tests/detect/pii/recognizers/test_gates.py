"""Cheaper gates answer exactly as the searches they replace (speed, issue 13's follow-up)."""

from __future__ import annotations

import random

from redline.detect.pii.recognizer import TextFacts
from redline.detect.pii.recognizers import address_intl, phone_regions, ssn

# texts of digits, dashes, spaces and a few letters: every shape the patterns look at
_ALPHABET = "0123456789-- \u00a0ab.xX*#•"


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 24))) for _ in range(count)
    ]


def test_postcode_start_tried_at_runs_equals_a_search() -> None:
    texts = [*_texts(20_000, 1), "00-026 Warszawa", "110 00 Praha", "a 12-345", "1234-567"]
    found = 0
    for text in texts:
        expected = address_intl._POSTCODE_START.search(text) is not None
        facts = TextFacts.of(text)
        assert address_intl.InternationalAddressRecognizer._postcode_start(text, facts) is expected
        found += expected
    assert found > 100  # the property was tested on both answers


def test_partial_ssn_gate_equals_the_mask_test() -> None:
    gate = ssn.PartialSsnRecognizer().applies
    texts = [*_texts(5000, 2), "xxx-xx-1234", "ssn ends 1234", "soc 1234", "plain 1234"]
    for text in texts:
        facts = TextFacts.of(text)
        expected = 4 in facts.runs and (
            not ssn._MASKS.isdisjoint(text) or facts.has_any(ssn._WORD_PROBES)
        )
        assert gate(text, facts) is expected


def test_foreign_is_computed_once_per_text() -> None:
    text = "appelez-moi chez moi au 06 12 34 56 78"
    facts = TextFacts.of(text)
    assert phone_regions.foreign(text, facts) is True
    assert facts.hints == {"foreign": True}
    facts.hints["foreign"] = False  # the kept answer is the one given
    assert phone_regions.foreign(text, facts) is False
    english = "call me on 0412 345 678"
    assert phone_regions.foreign(english, TextFacts.of(english)) is False
