"""The multilingual corpus (``--templates intl``): eighteen locales, twelve languages.

Each record picks a locale uniformly, then a template of its language (``templates_intl``),
and fills it with that locale's values (``values_locales``): national phone writings, postal
formats, national identifiers, local card networks, IBANs, dates in the local order and
language. Records carry ``"locale"`` so that the scorer can report each locale; tags read
``IP3-de_DE`` / ``IN1-fr_FR`` (the index into the language's list, ``X`` for the locale's
extras). About 35% of records are hard negatives, as in the other families.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from bench.pii import templates_intl
from bench.pii.generate import NEGATIVE_SHARE, _Builder
from bench.pii.values_locales import LOCALES, NATIONAL_IDS, IntlValues

GOLD_SLOTS: dict[str, tuple[str, Callable[[IntlValues], str]]] = {
    "PHONE": ("PHONE_NUMBER", IntlValues.local_phone),
    "PHONE_INTL": ("PHONE_NUMBER", IntlValues.intl_phone),
    "ADDR": ("STREET_ADDRESS", IntlValues.local_address),
    "ADDR_ML": ("STREET_ADDRESS", lambda v: v.local_address(multiline=True)),
    "US_SHORT": ("STREET_ADDRESS", IntlValues.us_shorthand),
    "CARD": ("CREDIT_CARD", IntlValues.intl_card),
    "IBAN": ("BANK_ACCOUNT", IntlValues.local_iban),
    "DOB": ("DATE_OF_BIRTH", IntlValues.local_date),
    "EMAIL": (
        "EMAIL_ADDRESS",
        lambda v: str(v.fake.free_email()) if v.locale not in ("ja_JP", "zh_CN") else v.email(),
    ),
    "IP": ("IP_ADDRESS", IntlValues.ip),
}
FILLERS: dict[str, Callable[[IntlValues], str]] = {
    "name": IntlValues.local_name,
    "first": IntlValues.local_first,
    "city": IntlValues.local_city,
    "date": lambda v: v.local_date(born=False),
    "price": IntlValues.local_price,
    "order": IntlValues.order_number,
    "tracking": IntlValues.tracking_code,
    "isbn": IntlValues.isbn13,
    "stat": IntlValues.stat_pair,
    "build": IntlValues.build_id,
    "hex": IntlValues.hex_id,
    "n": IntlValues.small_int,
}
_SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")


def pools(locale: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(tag, template) of the locale's positive and negative templates."""
    lang = locale[:2]
    has_id = locale in NATIONAL_IDS
    positive = [
        (f"IP{i}", t)
        for i, t in enumerate(templates_intl.POSITIVE[lang])
        if has_id or "{NATID" not in t
    ] + [(f"IPX{i}", t) for i, t in enumerate(templates_intl.EXTRA_POSITIVE.get(locale, []))]
    negative = [(f"IN{i}", t) for i, t in enumerate(templates_intl.NEGATIVE[lang])] + [
        (f"INX{i}", t) for i, t in enumerate(templates_intl.EXTRA_NEGATIVE.get(locale, []))
    ]
    return positive, negative


def render(
    template: str, values: IntlValues, *, case: str = "as-is", noisy: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """Fill one template for ``values.locale``; return the text and its gold spans."""
    builder = _Builder(values, case, noisy)
    national = values.national_id() if "{NATID" in template else None
    for i, piece in enumerate(_SLOT.split(template)):
        if i % 2 == 0:
            if piece:
                builder.literal(piece)
        elif piece == "NATID":
            assert national is not None
            builder.value(*national)
        elif piece == "NATID_LABEL":
            assert national is not None
            builder.literal(values.pick(templates_intl.NATID_LABELS[national[0]]))
        elif piece in GOLD_SLOTS:
            entity, make = GOLD_SLOTS[piece]
            builder.value(entity, make(values))
        elif piece in FILLERS:
            builder.literal(FILLERS[piece](values))
        else:
            raise KeyError(f"unknown slot {{{piece}}} in template {template!r}")
    return builder.finish()


def generate(seed: int, n: int) -> Iterator[dict[str, Any]]:
    """Yield ``n`` records; the same (seed, n, Faker version) gives the same corpus."""
    values = IntlValues(seed)
    rng = values.rng
    for i in range(n):
        locale = LOCALES[rng.randrange(len(LOCALES))]
        values.use(locale)
        positive, negative = pools(locale)
        is_negative = rng.random() < NEGATIVE_SHARE
        pool = negative if is_negative else positive
        tag, template = pool[rng.randrange(len(pool))]
        roll = rng.random()
        case = "upper" if roll < 0.04 else "lower" if roll < 0.08 else "as-is"
        noisy = rng.random() < 0.1
        text, gold = render(template, values, case=case, noisy=noisy)
        if is_negative:
            assert not gold, template
        yield {
            "id": f"intl-{seed}-{i:06d}",
            "text": text,
            "gold": gold,
            "template": f"{tag}-{locale}",
            "locale": locale,
        }
