"""The unseen template family: big enough, new, and every template renders with exact gold.

The unseen family exists to test generalisation honestly, so these tests check the family
itself (size, novelty against ``templates.py``, context before bare digits, gold that round-trips
to well-formed values), never what any detector finds in it.
"""

import difflib
import itertools
import re
from collections import Counter

import pytest
from bench.pii import templates, templates_unseen
from bench.pii.generate import ENTITIES, FAMILIES, FILLERS, GOLD_SLOTS, generate, render
from bench.pii.values import Values
from test_pii_generate import valid_value

SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")
ALL = [("P", i, t) for i, t in enumerate(templates_unseen.POSITIVE)] + [
    ("N", i, t) for i, t in enumerate(templates_unseen.NEGATIVE)
]


def test_family_is_registered_and_big_enough() -> None:
    assert FAMILIES["unseen"].positive is templates_unseen.POSITIVE
    assert FAMILIES["unseen"].negative is templates_unseen.NEGATIVE
    assert len(templates_unseen.POSITIVE) >= 45
    assert len(templates_unseen.NEGATIVE) >= 25
    assert len(set(templates_unseen.POSITIVE + templates_unseen.NEGATIVE)) == len(ALL)


def test_every_entity_has_unseen_positives() -> None:
    covered = {
        GOLD_SLOTS[slot][0]
        for t in templates_unseen.POSITIVE
        for slot in SLOT.findall(t)
        if slot in GOLD_SLOTS
    }
    assert covered == set(ENTITIES)


def test_templates_are_not_copies_of_the_standard_ones() -> None:
    standard = templates.POSITIVE + templates.NEGATIVE
    for _, _, template in ALL:
        closest = max(
            difflib.SequenceMatcher(None, template.lower(), s.lower()).ratio() for s in standard
        )
        assert closest < 0.75, template


def test_new_fillers_leave_the_standard_corpus_alone() -> None:
    """Fillers added for the unseen family are used by no standard template, so the standard
    corpus for a seed draws exactly the same random numbers as before they existed."""
    new = {"ssnlike", "phonelike", "digits9", "digits10", "last4", "decimal", "sku", "ordinal"}
    assert new <= set(FILLERS)
    used = {s for t in templates.POSITIVE + templates.NEGATIVE for s in SLOT.findall(t)}
    assert not used & new


@pytest.mark.parametrize(("kind", "index", "template"), ALL, ids=[f"U{k}{i}" for k, i, _ in ALL])
def test_every_template_renders_with_round_tripping_gold(
    kind: str, index: int, template: str
) -> None:
    values = Values(100 + index)
    for case, noisy in itertools.product(("as-is", "upper", "lower"), (False, True)):
        for _ in range(4):
            text, gold = render(template, values, case=case, noisy=noisy)
            assert text and SLOT.search(text) is None
            assert bool(gold) == (kind == "P"), (template, text)
            spans = sorted(gold, key=lambda g: g["start"])
            for g in spans:
                value = text[g["start"] : g["end"]]
                assert 0 <= g["start"] < g["end"] <= len(text)
                assert value == value.strip()
                assert valid_value(g["entity"], value), (g["entity"], value, text)
            for a, b in itertools.pairwise(spans):
                assert a["end"] <= b["start"], text


@pytest.mark.parametrize("slot", ["SSN_BARE", "PHONE_BARE"])
def test_bare_digit_slots_always_follow_context(slot: str) -> None:
    context = re.compile(r"(ssn|social|phone|call|tel)[^{}]{0,20}$", re.IGNORECASE)
    for template in templates_unseen.POSITIVE:
        for before in template.split("{" + slot + "}")[:-1]:
            assert context.search(before), template


def test_unseen_corpus_is_deterministic_tagged_and_mixed() -> None:
    records = list(generate(7, 600, "unseen"))
    assert records == list(generate(7, 600, "unseen"))
    assert all(r["id"].startswith("unseen-7-") for r in records)
    tags = Counter(r["template"][:2] for r in records)
    assert set(tags) == {"UP", "UN"}
    assert 0.28 <= tags["UN"] / len(records) <= 0.42
    for r in records:
        assert bool(r["gold"]) == r["template"].startswith("UP")
    standard = list(generate(7, 50))
    assert [r["text"] for r in standard] != [r["text"] for r in records[:50]]
    assert all(r["template"][0] in "PN" for r in standard)
