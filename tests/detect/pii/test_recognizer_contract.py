"""Contract every built-in recognizer must keep (and a plugin's should)."""

from __future__ import annotations

import pytest

from redline.detect.pii import ENTITIES
from redline.detect.pii.defaults import default_recognizers
from redline.detect.pii.recognizer import Recognizer, TextFacts

SAMPLE = (
    "Name: Jane Doe. SSN 123-45-6789, xxx-xx-4321; DOB 1/2/1980; 1520 Oak Ridge Dr, Springfield, "
    "IL 62704; (415) 555-2671; jane@example.com; card 4111111111111111; passport 987654321; "
    "DL# D1234567; acct 12345678; 10.1.2.3; 40.7128, -74.0060; GB82 WEST 1234 5698 7654 32"
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
    assert not recognizer.applies(text, facts) or list(recognizer.find(text)) == []


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda r: r.name)
def test_candidates_are_well_formed(recognizer: Recognizer) -> None:
    candidates = list(recognizer.find(SAMPLE))
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
