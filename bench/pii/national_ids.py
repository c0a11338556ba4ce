"""National identifiers for the international benchmark family: made and checked from public rules.

Each ``make_*`` function draws one identifier that is valid by every rule a careful detector
may check (check digits, letter sets, dates, region codes), from the public descriptions of
each scheme; each ``*_ok`` function checks a written value (separators allowed) by the same
rules, so the generator's self-checks and the tests can reject a malformed gold value. The
tests also check the values with ``python-stdnum``, an independent implementation, wherever it
covers the scheme (all but the UK National Insurance number).

The formatters choose among the ways people write each number (grouped, compact, dotted...).
Look-alikes that *fail* the checks (``fail_*``) are used only as hard negatives: invoice and
contract numbers shaped like an identifier.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Callable

# ------------------------------------------------------------------ check digits
_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_check_digit(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


def verhoeff_ok(number: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(number)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return len(number) > 1 and luhn_digit(number[:-1]) == number[-1]


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-/]", "", value).upper()


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _pick(rng: random.Random, options: list[str]) -> str:
    return options[rng.randrange(len(options))]


# ------------------------------------------------------------------- UK NINO
# First letter never D F I Q U V; second never D F I O Q U V; a few pairs never issued.
_NINO_FIRST = [c for c in "ABCEGHJKLMNOPRSTWXYZ"]
_NINO_SECOND = [c for c in "ABCEGHJKLMNPRSTWXYZ"]
_NINO_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")


def make_uk_nino(rng: random.Random) -> str:
    while True:
        prefix = _pick(rng, _NINO_FIRST) + _pick(rng, _NINO_SECOND)
        if prefix not in _NINO_BANNED:
            break
    d, suffix = _digits(rng, 6), _pick(rng, list("ABCD"))
    return _pick(
        rng,
        [
            f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}",
            f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}",
            f"{prefix}{d}{suffix}",
            f"{prefix} {d} {suffix}",
        ],
    )


def uk_nino_ok(value: str) -> bool:
    compact = _compact(value)
    return _NINO.fullmatch(compact) is not None and compact[:2] not in _NINO_BANNED


# -------------------------------------------------------------------- CA SIN
def make_ca_sin(rng: random.Random) -> str:
    # First digit: 1-7 by province of registration, 9 for temporary residents; never 0 or 8.
    body = _pick(rng, list("1234567") * 3 + ["9"]) + _digits(rng, 7)
    d = body + luhn_digit(body)
    return _pick(rng, [f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]}-{d[3:6]}-{d[6:]}", d])


def ca_sin_ok(value: str) -> bool:
    d = _compact(value)
    return len(d) == 9 and d.isdigit() and d[0] not in "08" and luhn_valid(d)


# -------------------------------------------------------------------- FR NIR
_FR_DEPTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]


def _nir_number(body: str) -> int:
    return int(body.replace("2A", "19").replace("2B", "18"))


def make_fr_nir(rng: random.Random, born: dt.date | None = None) -> str:
    born = born or dt.date(rng.randrange(1940, 2006), rng.randrange(1, 13), 1)
    sex = _pick(rng, ["1", "2"])
    dept = _pick(rng, _FR_DEPTS) if rng.random() < 0.97 else "2A"
    commune = f"{rng.randrange(1, 991):03d}"
    order = f"{rng.randrange(1, 1000):03d}"
    body = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{commune}{order}"
    key = f"{97 - _nir_number(body) % 97:02d}"
    groups = [body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key]
    return _pick(
        rng,
        [" ".join(groups), " ".join(groups), body + key, f"{body} {key}", ".".join(groups)],
    )


def fr_nir_ok(value: str) -> bool:
    compact = _compact(value)
    if re.fullmatch(r"[12]\d{4}(?:\d\d|2A|2B)\d{8}", compact) is None:
        return False
    body, key = compact[:13], compact[13:]
    month = int(compact[3:5])
    return 1 <= month <= 12 and int(key) == 97 - _nir_number(body) % 97


# ------------------------------------------------------------- DE Steuer-IdNr
def _de_check_digit(body: str) -> str:
    product = 10
    for ch in body:
        total = (int(ch) + product) % 10 or 10
        product = total * 2 % 11
    check = 11 - product
    return "0" if check == 10 else str(check)


def make_de_tax_id(rng: random.Random) -> str:
    # In the first ten digits exactly one digit occurs twice and one does not occur at all.
    while True:
        missing, twice = rng.sample(range(10), 2)
        pool = [d for d in range(10) if d != missing] + [twice]
        rng.shuffle(pool)
        if pool[0] != 0:
            break
    body = "".join(map(str, pool))
    d = body + _de_check_digit(body)
    return _pick(
        rng, [f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}", d, f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}"]
    )


def de_tax_id_ok(value: str) -> bool:
    d = _compact(value)
    if len(d) != 11 or not d.isdigit() or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    return (
        counts[0] in (2, 3)
        and counts[1:] == [1] * (len(counts) - 1)
        and _de_check_digit(d[:10]) == d[10]
    )


# ------------------------------------------------------------------ ES DNI/NIE
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def make_es_nif(rng: random.Random) -> str:
    number = rng.randrange(1_000_000, 100_000_000)
    d, letter = f"{number:08d}", _DNI_LETTERS[number % 23]
    return _pick(
        rng,
        [f"{d}{letter}", f"{d}{letter}", f"{d}-{letter}", f"{d[:2]}.{d[2:5]}.{d[5:]}-{letter}",
         f"{d} {letter}"],
    )  # fmt: skip


def es_nif_ok(value: str) -> bool:
    c = _compact(value)
    return re.fullmatch(r"\d{8}[A-Z]", c) is not None and _DNI_LETTERS[int(c[:8]) % 23] == c[8]


def make_es_nie(rng: random.Random) -> str:
    prefix = _pick(rng, ["X", "Y", "Y", "Z"])
    d = _digits(rng, 7)
    letter = _DNI_LETTERS[int(f"{'XYZ'.index(prefix)}{d}") % 23]
    return _pick(rng, [f"{prefix}{d}{letter}", f"{prefix}-{d}-{letter}", f"{prefix}{d}-{letter}"])


def es_nie_ok(value: str) -> bool:
    c = _compact(value)
    if re.fullmatch(r"[XYZ]\d{7}[A-Z]", c) is None:
        return False
    return _DNI_LETTERS[int(f"{'XYZ'.index(c[0])}{c[1:8]}") % 23] == c[8]


# ----------------------------------------------------------- IT codice fiscale
_CF_MONTHS = "ABCDEHLMPRST"
_CF_ODD_DIGITS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]  # 0-9, and A-J alike
_CF_ODD_K_TO_Z = [2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        _CF_ODD_DIGITS * 2 + _CF_ODD_K_TO_Z,
        strict=True,
    )
)
_CF_EVEN = {
    c: (int(c) if c.isdigit() else ord(c) - 65) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
}
# Belfiore codes of some large towns (letter + 3 digits) and of foreign countries (Z...).
_BELFIORE = "H501 F205 L219 F839 G273 A944 D612 L736 D969 A662 L781 C351 Z404 Z110 Z112".split()


def _plain_letters(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in text.upper() if "A" <= ch <= "Z")


def _cf_part(name: str, *, first_name: bool) -> str:
    letters = _plain_letters(name)
    consonants = [c for c in letters if c not in "AEIOU"]
    vowels = [c for c in letters if c in "AEIOU"]
    if first_name and len(consonants) >= 4:
        consonants = [consonants[0], consonants[2], consonants[3]]
    return ("".join(consonants + vowels) + "XXX")[:3]


def it_check_char(body: str) -> str:
    total = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(body))
    return chr(65 + total % 26)


def make_it_fiscal_code(rng: random.Random, surname: str, first: str, born: dt.date) -> str:
    day = born.day + (40 if rng.random() < 0.5 else 0)
    body = (
        _cf_part(surname, first_name=False)
        + _cf_part(first, first_name=True)
        + f"{born.year % 100:02d}{_CF_MONTHS[born.month - 1]}{day:02d}"
        + _pick(rng, _BELFIORE)
    )
    return body + it_check_char(body)


def it_fiscal_code_ok(value: str) -> bool:
    c = _compact(value)
    if re.fullmatch(r"[A-Z]{6}\d\d[ABCDEHLMPRST]\d\d[A-Z]\d{3}[A-Z]", c) is None:
        return False
    day = int(c[9:11])
    return (1 <= day <= 31 or 41 <= day <= 71) and it_check_char(c[:15]) == c[15]


# ------------------------------------------------------------ IN Aadhaar / PAN
def make_in_aadhaar(rng: random.Random) -> str:
    while True:
        body = str(rng.randrange(2, 10)) + _digits(rng, 10)
        d = body + verhoeff_check_digit(body)
        if d != d[::-1]:  # palindromes are not issued
            break
    return _pick(
        rng,
        [f"{d[:4]} {d[4:8]} {d[8:]}", f"{d[:4]} {d[4:8]} {d[8:]}", f"{d[:4]}-{d[4:8]}-{d[8:]}", d],
    )


def in_aadhaar_ok(value: str) -> bool:
    d = _compact(value)
    return len(d) == 12 and d.isdigit() and d[0] not in "01" and verhoeff_ok(d) and d != d[::-1]


_PAN_HOLDERS = "PPPPPPPPCHFATBLJG"  # the fourth letter: P a person, C a company, H a family...
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def make_in_pan(rng: random.Random, surname: str) -> str:
    letters = "".join(_pick(rng, list(_UPPER)) for _ in range(3))
    initial = (_plain_letters(surname) or "K")[0]
    number = f"{rng.randrange(1, 10000):04d}"
    holder, last = _pick(rng, list(_PAN_HOLDERS)), _pick(rng, list(_UPPER))
    return f"{letters}{holder}{initial}{number}{last}"


def in_pan_ok(value: str) -> bool:
    c = _compact(value)
    return re.fullmatch(r"[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]", c) is not None and c[5:9] != "0000"


# --------------------------------------------------------------------- BR CPF
def _cpf_digit(body: str) -> str:
    total = sum(int(ch) * w for ch, w in zip(body, range(len(body) + 1, 1, -1), strict=True))
    return str(total * 10 % 11 % 10)


def make_br_cpf(rng: random.Random) -> str:
    while True:
        body = _digits(rng, 9)
        if len(set(body)) > 1:
            break
    body += _cpf_digit(body)
    d = body + _cpf_digit(body)
    return _pick(
        rng,
        [
            f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}",
            f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}",
            d,
            f"{d[:9]}-{d[9:]}",
        ],
    )


def br_cpf_ok(value: str) -> bool:
    d = _compact(value)
    return (
        len(d) == 11
        and d.isdigit()
        and len(set(d)) > 1
        and _cpf_digit(d[:9]) == d[9]
        and _cpf_digit(d[:10]) == d[10]
    )


# --------------------------------------------------------------------- AU TFN
_TFN_WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10]


def make_au_tfn(rng: random.Random) -> str:
    while True:
        body = str(rng.randrange(1, 10)) + _digits(rng, 7)
        partial = sum(int(c) * w for c, w in zip(body, _TFN_WEIGHTS, strict=False))
        last = next((x for x in range(10) if (partial + 10 * x) % 11 == 0), None)
        if last is not None:
            break
    d = body + str(last)
    return _pick(
        rng,
        [f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}"],
    )


def au_tfn_ok(value: str) -> bool:
    d = _compact(value)
    return (
        len(d) == 9
        and d.isdigit()
        and sum(int(c) * w for c, w in zip(d, _TFN_WEIGHTS, strict=True)) % 11 == 0
    )


# -------------------------------------------------------------------- MX CURP
_CURP_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
_CURP_STATES = (
    "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN "
    "ZS NE"
).split()
_CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"


def curp_check_digit(body: str) -> str:
    total = sum(_CURP_ALPHABET.index(c) * (18 - i) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def make_mx_curp(rng: random.Random, born: dt.date) -> str:
    # Consonant, vowel, consonant, consonant: no four-letter start spells one of the words the
    # registry replaces (they are all consonant-vowel-consonant-vowel or -vowel-vowel-).
    head = (
        _pick(rng, list(_CONSONANTS))
        + _pick(rng, list("AEIOU"))
        + _pick(rng, list(_CONSONANTS))
        + _pick(rng, list(_CONSONANTS))
    )
    inner = "".join(_pick(rng, list(_CONSONANTS)) for _ in range(3))
    clave = str(rng.randrange(10)) if born.year < 2000 else _pick(rng, list("ABCDEFGHIJ"))
    body = (
        f"{head}{born.year % 100:02d}{born.month:02d}{born.day:02d}{_pick(rng, ['H', 'M'])}"
        f"{_pick(rng, _CURP_STATES)}{inner}{clave}"
    )
    return body + curp_check_digit(body)


def mx_curp_ok(value: str) -> bool:
    c = _compact(value)
    m = re.fullmatch(r"[A-Z]{4}(\d{6})[HM]([A-Z]{2})[A-Z]{3}([0-9A-Z])(\d)", c)
    if m is None or m.group(2) not in _CURP_STATES:
        return False
    century = 1900 if m.group(3).isdigit() else 2000
    ymd = m.group(1)
    try:
        dt.date(century + int(ymd[:2]), int(ymd[2:4]), int(ymd[4:]))
    except ValueError:
        return False
    return curp_check_digit(c[:17]) == c[17]


# ---------------------------------------------------------------- look-alikes
def fail_digits(rng: random.Random, n: int, ok: Callable[[str], bool]) -> str:
    """``n`` digits shaped like an identifier that fail its check (a hard negative)."""
    while True:
        d = str(rng.randrange(1, 10)) + _digits(rng, n - 1)
        if not ok(d):
            return d


CHECKERS: dict[str, Callable[[str], bool]] = {
    "UK_NINO": uk_nino_ok,
    "CA_SIN": ca_sin_ok,
    "FR_NIR": fr_nir_ok,
    "DE_TAX_ID": de_tax_id_ok,
    "ES_NIF": es_nif_ok,
    "ES_NIE": es_nie_ok,
    "IT_FISCAL_CODE": it_fiscal_code_ok,
    "IN_AADHAAR": in_aadhaar_ok,
    "IN_PAN": in_pan_ok,
    "BR_CPF": br_cpf_ok,
    "AU_TFN": au_tfn_ok,
    "MX_CURP": mx_curp_ok,
}
NATIONAL_IDS = tuple(CHECKERS)


def any_id_ok(value: str) -> bool:
    """Whether ``value`` passes the checks of any of the schemes (look-alikes must not)."""
    return any(check(value) for check in CHECKERS.values())
