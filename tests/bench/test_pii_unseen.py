"""The blind template families: big enough, new, and every template renders with exact gold.

The blind families (``unseen``, and ``blind2`` written after the detectors had been improved on
the first) exist to test generalisation honestly, so these tests check each family itself
(size, novelty against the templates written before it, context before bare digits, gold that
round-trips to well-formed values), never what any detector finds in it.
"""

import difflib
import itertools
import re
from collections import Counter
from types import ModuleType

import pytest
from bench.pii import templates, templates_blind2, templates_unseen
from bench.pii.generate import (
    FAMILIES,
    FILLERS,
    GOLD_SLOTS,
    US_ENTITIES,
    generate,
    render,
)
from bench.pii.values import Values
from test_pii_generate import valid_value

SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")

# family -> (module, minimum positives, minimum negatives, tag, templates written before it)
BLIND: dict[str, tuple[ModuleType, int, int, str, tuple[ModuleType, ...]]] = {
    "unseen": (templates_unseen, 45, 25, "U", (templates,)),
    "blind2": (templates_blind2, 50, 30, "B", (templates, templates_unseen)),
}
# Fillers each blind family added: no earlier family may use them.
NEW_FILLERS = {
    "unseen": {"ssnlike", "phonelike", "digits9", "digits10", "last4", "decimal", "sku", "ordinal"},
    "blind2": {
        "imei", "patent", "cas", "lotto", "train", "hull", "serial9", "upc", "mac", "oid", "hex",
        "chatstamp", "isostamp", "logstamp", "digits8",
    },
}  # fmt: skip
ALL = [
    (family, kind, i, t)
    for family, (module, *_rest) in BLIND.items()
    for kind, pool in (("P", module.POSITIVE), ("N", module.NEGATIVE))
    for i, t in enumerate(pool)
]


def _all_templates(module: ModuleType) -> list[str]:
    return list(module.POSITIVE) + list(module.NEGATIVE)


@pytest.mark.parametrize("family", sorted(BLIND))
def test_family_is_registered_and_big_enough(family: str) -> None:
    module, min_pos, min_neg, _, _ = BLIND[family]
    assert FAMILIES[family].positive is module.POSITIVE
    assert FAMILIES[family].negative is module.NEGATIVE
    assert len(module.POSITIVE) >= min_pos
    assert len(module.NEGATIVE) >= min_neg
    assert len(set(_all_templates(module))) == len(_all_templates(module))


@pytest.mark.parametrize("family", sorted(BLIND))
def test_every_entity_has_positives(family: str) -> None:
    module = BLIND[family][0]
    covered = {
        GOLD_SLOTS[slot][0]
        for t in module.POSITIVE
        for slot in SLOT.findall(t)
        if slot in GOLD_SLOTS
    }
    assert covered == set(US_ENTITIES)


@pytest.mark.parametrize("family", sorted(BLIND))
def test_templates_are_not_copies_of_earlier_ones(family: str) -> None:
    module, _, _, _, earlier = BLIND[family]
    before = [t for m in earlier for t in _all_templates(m)]
    for template in _all_templates(module):
        closest = max(
            difflib.SequenceMatcher(None, template.lower(), s.lower()).ratio() for s in before
        )
        assert closest < 0.75, template


@pytest.mark.parametrize("family", sorted(BLIND))
def test_new_fillers_leave_earlier_corpora_alone(family: str) -> None:
    """Fillers added for a blind family are used by no earlier family's templates, so the
    earlier corpora for a seed draw exactly the same random numbers as before they existed."""
    new = NEW_FILLERS[family]
    assert new <= set(FILLERS)
    assert not new & set(GOLD_SLOTS)
    earlier = BLIND[family][4]
    used = {s for m in earlier for t in _all_templates(m) for s in SLOT.findall(t)}
    assert not used & new


@pytest.mark.parametrize(
    ("family", "kind", "index", "template"),
    ALL,
    ids=[f"{BLIND[f][3]}{k}{i}" for f, k, i, _ in ALL],
)
def test_every_template_renders_with_round_tripping_gold(
    family: str, kind: str, index: int, template: str
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


@pytest.mark.parametrize("family", sorted(BLIND))
@pytest.mark.parametrize("slot", ["SSN_BARE", "PHONE_BARE"])
def test_bare_digit_slots_always_follow_context(family: str, slot: str) -> None:
    context = re.compile(r"(ssn|social|phone|call|tel)[^{}]{0,20}$", re.IGNORECASE)
    for template in BLIND[family][0].POSITIVE:
        for before in template.split("{" + slot + "}")[:-1]:
            assert context.search(before), template


@pytest.mark.parametrize(("family", "seed"), [("unseen", 7), ("blind2", 11)])
def test_blind_corpus_is_deterministic_tagged_and_mixed(family: str, seed: int) -> None:
    tag = BLIND[family][3]
    records = list(generate(seed, 600, family))
    assert records == list(generate(seed, 600, family))
    assert all(r["id"].startswith(f"{family}-{seed}-") for r in records)
    tags = Counter(r["template"][:2] for r in records)
    assert set(tags) == {f"{tag}P", f"{tag}N"}
    assert 0.28 <= tags[f"{tag}N"] / len(records) <= 0.42
    for r in records:
        assert bool(r["gold"]) == r["template"].startswith(f"{tag}P")
    standard = list(generate(seed, 50))
    assert [r["text"] for r in standard] != [r["text"] for r in records[:50]]
    assert all(r["template"][0] in "PN" for r in standard)
