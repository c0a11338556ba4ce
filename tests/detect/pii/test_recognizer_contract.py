"""Contract every built-in recognizer must keep (and a plugin's should)."""

from __future__ import annotations

import pytest

from redline.detect.pii import ENTITIES
from redline.detect.pii.defaults import default_recognizers
from redline.detect.pii.recognizer import Recognizer, TextFacts

SAMPLE = (
    "Name: Jane Doe. SSN 123-45-6789, xxx-xx-4321; DOB 1/2/1980; 1520 Oak Ridge Dr, Springfield, "
    "IL 62704; (415) 555-2671; jane@example.com; card 4111111111111111; passport 987654321; "
    "DL# D1234567; acct 12345678; 10.1.2.3; 40.7128, -74.0060; GB82 WEST 1234 5698 7654 32; "
    "NI number AB123456C; Steuer-ID 86095742719; Hauptstraße 12, 10115 Berlin"
)
RECOGNIZERS = default_recognizers()


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda r: r.name)
def test_identity(recognizer: Recognizer) -> None:
    assert recognizer.name.islower() and recognizer.version
    assert recognizer.entities and set(recognizer.entities) <= set(ENTITIES)


def test_names_are_unique() -> None:
    names = [r.name for r in RECOGNIZERS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda r: r.name)
@pytest.mark.parametrize("text", ["", " ", "\n\n", "hello world"])
def test_nothing_in_empty_or_plain_text(recognizer: Recognizer, text: str) -> None:
    facts = TextFacts.of(text)
    assert (
        not recognizer.applies(text, facts) or list(recognizer.find(text, TextFacts.of(text))) == []
    )


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda r: r.name)
def test_candidates_are_well_formed(recognizer: Recognizer) -> None:
    candidates = list(recognizer.find(SAMPLE, TextFacts.of(SAMPLE)))
    assert candidates, f"{recognizer.name} found nothing in a sample that holds its entity"
    for cand in candidates:
        assert cand.entity in recognizer.entities
        assert 0 <= cand.start < cand.end <= len(SAMPLE)
        assert 0.0 <= cand.score <= 1.0
        raw = SAMPLE[cand.start : cand.end]
        assert raw not in cand.evidence
        assert raw not in recognizer.mask(cand.entity, raw) or len(raw) <= 4


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda r: r.name)
def test_applies_agrees_with_find(recognizer: Recognizer) -> None:
    # a recognizer must never skip a text it would have found something in
    assert recognizer.applies(SAMPLE, TextFacts.of(SAMPLE))


def _texts_with_entities() -> list[str]:
    from tests.detect.pii.test_entities import NEGATIVES, POSITIVES

    return [SAMPLE] + [text for _, text, _ in POSITIVES] + [text for _, text in NEGATIVES]


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda r: r.name)
def test_applies_is_a_sound_gate_on_every_table_text(recognizer: Recognizer) -> None:
    # The gates reason about digit-run shapes; a gate that says no where find() would say yes
    # silently loses findings, so check it on every positive and hard negative we have.
    for text in _texts_with_entities():
        if list(recognizer.find(text, TextFacts.of(text))):
            assert recognizer.applies(text, TextFacts.of(text)), text


# Real values (valid phone, SSN, card, IBAN-free digits) cut into every composition of up to four
# digit groups and joined by each separator: every digit-run shape the gates reason about.
_VALUES = ("4155552671", "14155552671", "123456789", "4111111111111111", "378282246310005")
_SEPARATORS = (" ", "-", ".", "/", " - ")


def _compositions(digits: str, parts: int) -> list[list[str]]:
    if parts == 1:
        return [[digits]]
    return [
        [digits[:cut], *rest]
        for cut in range(1, len(digits))
        for rest in _compositions(digits[cut:], parts - 1)
    ]


@pytest.mark.parametrize("value", _VALUES)
def test_applies_is_a_sound_gate_on_every_digit_grouping(value: str) -> None:
    for parts in range(1, 5):
        for groups in _compositions(value, parts):
            for sep in _SEPARATORS:
                text = f"call me, ssn and card: {sep.join(groups)} ok"
                facts = TextFacts.of(text)
                for recognizer in RECOGNIZERS:
                    if list(recognizer.find(text, TextFacts.of(text))):
                        assert recognizer.applies(text, facts), (recognizer.name, text)
