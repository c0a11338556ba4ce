"""The international blind family: exact gold offsets, valid values, checksums that hold.

Like ``test_pii_unseen.py`` these tests check the family itself (size, coverage of locales and
entities, novelty, gold that sits exactly where the value was inserted, values valid by the
rules a careful detector may check), never what a detector finds in it. National identifiers
are checked twice: by the benchmark's own checkers and by ``python-stdnum``, an independent
implementation of the same public rules (every scheme but the UK NINO, which it lacks).
"""

import difflib
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bench.pii import (
    national_ids,
    templates,
    templates_blind2,
    templates_blind_intl,
    templates_unseen,
)
from bench.pii.generate import (
    ALL_ENTITIES,
    ENTITIES,
    FAMILIES,
    FILLERS,
    GOLD_SLOTS,
    INTL_ENTITIES,
    generate,
    render,
)
from bench.pii.values_intl import LOCALES, IntlValues, card_valid, iban_valid, phone_valid
from stdnum import iban as std_iban
from stdnum.au import tfn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.mx import curp
from test_pii_generate import valid_value

SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")
REQUIRED_LOCALES = (
    "en_US en_GB en_CA en_AU en_IN fr_FR de_DE nl_NL es_ES it_IT pt_PT pt_BR pl_PL cs_CZ sv_SE "
    "ja_JP zh_CN"
).split()
STDNUM: dict[str, Any] = {
    "CA_SIN": sin,
    "FR_NIR": nir,
    "DE_TAX_ID": idnr,
    "ES_NIF": dni,
    "ES_NIE": nie,
    "IT_FISCAL_CODE": codicefiscale,
    "IN_AADHAAR": aadhaar,
    "IN_PAN": pan,
    "BR_CPF": cpf,
    "AU_TFN": tfn,
    "MX_CURP": curp,
}
EARLIER = (templates, templates_unseen, templates_blind2)
POSITIVE = templates_blind_intl.POSITIVE
NEGATIVE = templates_blind_intl.NEGATIVE
ALL = [("P", i, loc, t) for i, (loc, t) in enumerate(POSITIVE)] + [
    ("N", i, loc, t) for i, (loc, t) in enumerate(NEGATIVE)
]


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-/]", "", value).upper()


def intl_valid(entity: str, value: str, locale: str) -> bool:
    """Whether a gold value of the international family is well formed for its entity."""
    if entity in INTL_ENTITIES:
        ok = national_ids.CHECKERS[entity](value)
        module = STDNUM.get(entity)
        return ok and (module is None or module.is_valid(_compact(value)))
    if entity == "PHONE_NUMBER":
        return phone_valid(value, locale)
    if entity == "CREDIT_CARD":
        return card_valid(value)
    if entity == "BANK_ACCOUNT":
        if value[:2].isalpha():
            return iban_valid(value) and std_iban.is_valid(value)
        return value.isdigit() and 8 <= len(value) <= 17
    if entity == "STREET_ADDRESS":
        return value == value.strip() and any(c.isdigit() for c in value) and value[-1] != ","
    if entity == "DATE_OF_BIRTH":
        return re.search(r"\d", value.translate(_WIDE)) is not None
    return valid_value(entity, value)


_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")


@cache
def corpus(seed: int = 13, n: int = 1500) -> tuple[dict[str, Any], ...]:
    return tuple(generate(seed, n, "blind_intl"))


def test_family_is_registered_big_and_covers_every_required_locale() -> None:
    family = FAMILIES["blind_intl"]
    assert family.positive == [t for _, t in POSITIVE]
    assert family.entities == ALL_ENTITIES
    assert len(POSITIVE) >= 90 and len(NEGATIVE) >= 35
    texts = [t for _, t in POSITIVE + NEGATIVE]
    assert len(set(texts)) == len(texts)
    pos, neg = Counter(loc for loc, _ in POSITIVE), Counter(loc for loc, _ in NEGATIVE)
    assert set(pos) | set(neg) <= set(LOCALES)
    for locale in REQUIRED_LOCALES:
        assert pos[locale] >= 4 and neg[locale] >= 2, locale


def test_every_entity_has_positives() -> None:
    covered = {GOLD_SLOTS[s][0] for _, t in POSITIVE for s in SLOT.findall(t) if s in GOLD_SLOTS}
    assert covered == set(ALL_ENTITIES)


def test_templates_are_not_copies_of_earlier_families() -> None:
    before = [t.lower() for m in EARLIER for t in list(m.POSITIVE) + list(m.NEGATIVE)]
    for _, template in POSITIVE + NEGATIVE:
        closest = max(difflib.SequenceMatcher(None, template.lower(), s).ratio() for s in before)
        assert closest < 0.75, template


def test_new_slots_leave_earlier_corpora_alone() -> None:
    """Slots added for this family are used by no earlier family, so their corpora draw the
    same random numbers as before (also checked with ``cmp``, see README)."""
    used_here = {s for _, t in POSITIVE + NEGATIVE for s in SLOT.findall(t)}
    used_before = {s for m in EARLIER for t in m.POSITIVE + m.NEGATIVE for s in SLOT.findall(t)}
    new = {s for s in used_here if s.startswith(("l_", "L_", "CARD_", "I_"))}
    new |= {s for s in GOLD_SLOTS if GOLD_SLOTS[s][0] in INTL_ENTITIES}
    assert new and not new & used_before
    assert new <= set(GOLD_SLOTS) | set(FILLERS)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every gold value the slots hand to the generator, in order."""
    made: list[tuple[str, str]] = []
    for slot, (entity, make) in list(GOLD_SLOTS.items()):

        def wrapper(v: Any, make: Callable[[Any], str] = make, entity: str = entity) -> str:
            value = make(v)
            made.append((entity, value))
            return value

        monkeypatch.setitem(GOLD_SLOTS, slot, (entity, wrapper))
    return made


@pytest.mark.parametrize(
    ("kind", "index", "locale", "template"), ALL, ids=[f"W{k}{i}" for k, i, _, _ in ALL]
)
def test_gold_offsets_hold_the_inserted_values(
    recorded: list[tuple[str, str]], kind: str, index: int, locale: str, template: str
) -> None:
    values = IntlValues(500 + index)
    values.locale = locale
    for case, noisy in itertools.product(("as-is", "upper", "lower"), (False, True)):
        for _ in range(3):
            recorded.clear()
            text, gold = render(template, values, case=case, noisy=noisy)
            assert SLOT.search(text) is None
            assert bool(gold) == (kind == "P"), (template, text)
            assert [(g["entity"]) for g in gold] == [e for e, _ in recorded]
            for g, (_, inserted) in zip(gold, recorded, strict=True):
                at_span = text[g["start"] : g["end"]]
                if case == "as-is" and not noisy:
                    assert at_span == inserted, (at_span, inserted, text)
                else:  # case-mapped, and NBSP between an address's parts
                    assert at_span.replace("\u00a0", " ").casefold() == inserted.casefold()
                assert intl_valid(g["entity"], at_span, locale), (g["entity"], at_span, text)
            spans = sorted(gold, key=lambda g: g["start"])
            for a, b in itertools.pairwise(spans):
                assert a["end"] <= b["start"], text


def test_corpus_gold_is_valid_and_national_ids_pass_their_checksums() -> None:
    seen: Counter[str] = Counter()
    for record in corpus():
        for g in record["gold"]:
            value = record["text"][g["start"] : g["end"]]
            assert intl_valid(g["entity"], value, record["locale"]), (g, value, record["text"])
            seen[g["entity"]] += 1
    assert set(seen) == set(ALL_ENTITIES)
    assert all(seen[e] >= 10 for e in INTL_ENTITIES), seen


# Schemes without a public check digit, and a change to their structure that must be refused.
STRUCTURE_ONLY: dict[str, Callable[[str], str]] = {
    "UK_NINO": lambda v: v[:-1] + "E",  # the suffix is A, B, C or D
    "IN_PAN": lambda v: v[:3] + "Z" + v[4:],  # the fourth letter names the holder type
}


@pytest.mark.parametrize("entity", INTL_ENTITIES)
def test_checkers_reject_a_corrupted_value(entity: str) -> None:
    """The checks can fail: change one digit of a valid identifier (or, for the two schemes
    without a check digit, break its structure) and the copy is refused."""
    slot = next(s for s, (e, _) in GOLD_SLOTS.items() if e == entity)
    values = IntlValues(77)
    failed = 0
    for _ in range(200):
        good = _compact(GOLD_SLOTS[slot][1](values))
        assert national_ids.CHECKERS[entity](good)
        if entity in STRUCTURE_ONLY:
            bad = STRUCTURE_ONLY[entity](good)
        else:
            positions = [i for i, c in enumerate(good) if c.isdigit()]
            i = positions[values.rng.randrange(len(positions))]
            digit = str((int(good[i]) + values.rng.randrange(1, 10)) % 10)
            bad = good[:i] + digit + good[i + 1 :]
        failed += not national_ids.CHECKERS[entity](bad)
    # One changed digit escapes a mod-11 or mod-97 check now and then, never often.
    assert failed >= 180, failed


def test_identifier_look_alikes_fail_the_checks_they_imitate() -> None:
    values = IntlValues(5)
    for _ in range(500):
        for look_alike in (values.invoice_like_id(), values.upi_ref(), values.grouped12()):
            assert not national_ids.any_id_ok(_compact(look_alike)), look_alike


def test_corpus_is_deterministic_tagged_mixed_and_multilingual() -> None:
    records = corpus()
    assert list(records[:300]) == list(generate(13, 300, "blind_intl"))
    assert all(r["id"].startswith("blind_intl-13-") for r in records)
    tags = Counter(r["template"][:2] for r in records)
    assert set(tags) == {"WP", "WN"}
    assert 0.28 <= tags["WN"] / len(records) <= 0.42
    for r in records:
        assert bool(r["gold"]) == r["template"].startswith("WP")
        assert (
            r["locale"]
            == (POSITIVE if r["template"][1] == "P" else NEGATIVE)[int(r["template"][2:])][0]
        )
    assert set(REQUIRED_LOCALES) <= {r["locale"] for r in records}
    assert not any("locale" in r for r in generate(13, 50))  # other families: no locale field
    assert set(ENTITIES) < set(ALL_ENTITIES)


def test_corpus_is_the_same_in_every_process() -> None:
    """The corpus may not depend on PYTHONHASHSEED (Faker's it_IT town list comes from a set)."""
    root = Path(__file__).resolve().parents[2]
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]);"
        "from bench.pii.generate import generate;"
        "print(json.dumps(list(generate(13, 400, 'blind_intl'))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, str(root)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2")
    }
    assert len(outputs) == 1
