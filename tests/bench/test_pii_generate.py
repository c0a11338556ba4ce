"""The PII corpus generator: deterministic, and every gold span is exactly the value inserted.

The span and value checks run over every template family; the value checks of the
international family, whose values depend on each record's locale, are in
``test_pii_blind_intl.py``, and ``test_pii_unseen.py`` adds what is particular to the blind
families.
"""

import ipaddress
import itertools
import re
from collections import Counter
from functools import cache

import pytest
from bench.pii import templates
from bench.pii.generate import (
    FAMILIES,
    FILLERS,
    GOLD_SLOTS,
    US_ENTITIES,
    generate,
    render,
    strip_gold,
    write_corpus,
)
from bench.pii.values import Values, iban_ok, luhn_ok, phone_ok, ssn_ok

N = 800


@cache
def corpus(seed: int = 5, n: int = N, family: str = "standard") -> tuple[dict, ...]:
    return tuple(generate(seed, n, family))


def test_same_seed_same_corpus_and_prefix_is_stable() -> None:
    assert list(generate(11, 120)) == list(generate(11, 120))
    assert list(generate(11, 40)) == list(generate(11, 120))[:40]
    assert [r["text"] for r in generate(12, 40)] != [r["text"] for r in generate(11, 40)]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_gold_spans_are_in_bounds_trimmed_and_disjoint(family: str) -> None:
    for record in corpus(family=family):
        text, spans = record["text"], sorted(record["gold"], key=lambda g: g["start"])
        for g in spans:
            assert g["entity"] in FAMILIES[family].entities
            assert 0 <= g["start"] < g["end"] <= len(text)
            value = text[g["start"] : g["end"]]
            assert value == value.strip(), record
        for a, b in itertools.pairwise(spans):
            assert a["end"] <= b["start"], record


def valid_value(entity: str, value: str) -> bool:
    """Whether ``value`` is a well-formed instance of ``entity`` (independent checkers)."""
    digits = re.sub(r"\D", "", value)
    if entity == "US_SSN":
        return ssn_ok(value)
    if entity == "US_SSN_PARTIAL":
        return re.fullmatch(r"(?:[Xx*#]{3}[- ][Xx*#]{2}[- ])?\d{4}", value) is not None
    if entity == "CREDIT_CARD":
        return luhn_ok(value) and 15 <= len(digits) <= 16
    if entity == "PHONE_NUMBER":
        return phone_ok(value)
    if entity == "BANK_ACCOUNT":
        return iban_ok(value) if value[:2].isalpha() else value.isdigit() and 8 <= len(value) <= 17
    if entity == "IP_ADDRESS":
        return bool(ipaddress.ip_address(value))
    if entity == "EMAIL_ADDRESS":
        return value.count("@") == 1 and " " not in value
    if entity == "DATE_OF_BIRTH":
        return re.search(r"\d", value) is not None
    if entity == "US_PASSPORT":
        return re.fullmatch(r"[A-Z]?\d{8,9}", value.upper()) is not None and len(value) == 9
    if entity == "US_DRIVER_LICENSE":
        return 6 <= len(re.sub(r"[\W_]", "", value)) <= 13
    if entity == "GEO_COORDINATES":
        return len(re.findall(r"\d+\.\d+|\d+°", value)) >= 2
    if entity == "STREET_ADDRESS":
        return re.match(r"(?:flat\s\d+,\s)?\d+\s", value, re.IGNORECASE) is not None
    raise AssertionError(entity)


@pytest.mark.parametrize(
    "family", sorted(f for f in FAMILIES if FAMILIES[f].locales is None and f != "intl")
)  # the multilingual ones: test_pii_intl.py, test_pii_blind_intl.py
def test_every_gold_value_is_well_formed_for_its_entity(family: str) -> None:
    for record in corpus(family=family):
        for g in record["gold"]:
            value = record["text"][g["start"] : g["end"]]
            assert valid_value(g["entity"], value), (g["entity"], value, record["text"])


def test_mix_of_entities_negatives_and_noise() -> None:
    records = corpus()
    counts = Counter(g["entity"] for r in records for g in r["gold"])
    assert set(counts) == set(US_ENTITIES)
    assert min(counts.values()) >= 30
    negatives = sum(1 for r in records if not r["gold"]) / len(records)
    assert 0.30 <= negatives <= 0.40
    texts = "".join(r["text"] for r in records)
    for marker in ("\u00a0", "\t", "’", "–", "😂", "\n"):
        assert marker in texts, repr(marker)
    assert any(r["text"].isupper() for r in records)
    assert any(r["text"] == r["text"].lower() and r["gold"] for r in records)


def test_templates_are_many_and_use_only_known_slots() -> None:
    assert len(templates.POSITIVE) + len(templates.NEGATIVE) >= 60
    values = Values(3)
    for template in templates.POSITIVE + templates.NEGATIVE:
        text, gold = render(template, values)
        assert text and ("{" not in text)
        assert bool(gold) == (template in templates.POSITIVE)
    assert not set(GOLD_SLOTS) & set(FILLERS)


@pytest.mark.parametrize("slot", ["SSN_BARE", "PHONE_BARE"])
def test_bare_digit_slots_always_follow_context(slot: str) -> None:
    context = re.compile(r"(ssn|social|phone|call|tel)[^{}]{0,20}$", re.IGNORECASE)
    for template in templates.POSITIVE:
        for before in template.split("{" + slot + "}")[:-1]:
            assert context.search(before), template


def test_scan_input_has_no_gold(tmp_path) -> None:
    gold_path, scan_path = tmp_path / "gold.jsonl", tmp_path / "in.jsonl"
    records = write_corpus(2, 20, gold_path, scan_path)
    assert len(gold_path.read_text().splitlines()) == 20
    assert '"gold"' not in scan_path.read_text()
    assert strip_gold(records[0]) == {"id": records[0]["id"], "text": records[0]["text"]}
