"""The checks each national identifier carries: checksums and structure, one function each.

Each takes the identifier compacted (separators removed, upper case) and says whether it is
well formed by its issuer's published rules. They are the difference between "eleven digits"
and "a German tax ID": a random eleven-digit number passes ``de_tax_id`` about once in twenty.
The rules come from the issuers' own descriptions (HMRC, Service Canada, INSEE, BZSt, the
Spanish Ministerio del Interior, Agenzia delle Entrate, UIDAI, the Income Tax Department,
Receita Federal, the ATO, RENAPO); a test compares them with python-stdnum on random values.
"""

from __future__ import annotations

import re

_NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")
_NINO_UNUSED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_CF = re.compile(
    r"[A-Z]{6}[\dLMNPQRSTUV]{2}[ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]"
)
_CF_ODD = (
    1,
    0,
    5,
    7,
    9,
    13,
    15,
    17,
    19,
    21,
    2,
    4,
    18,
    20,
    11,
    3,
    6,
    8,
    12,
    14,
    16,
    10,
    22,
    25,
    24,
    23,
)
_PAN = re.compile(r"[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]")
_CURP = re.compile(
    r"[A-Z][AEIOUX][A-Z]{2}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[HMX]"
    r"(?:AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS"
    r"|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d"
)
_CURP_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
_TFN_WEIGHTS = (1, 4, 3, 7, 5, 8, 6, 9, 10)
# Verhoeff's dihedral-group tables (UIDAI uses the scheme for Aadhaar's last digit).
_VERHOEFF_D = (
    "0123456789",
    "1234067895",
    "2340178956",
    "3401289567",
    "4012395678",
    "5987604321",
    "6598710432",
    "7659821043",
    "8765932104",
    "9876543210",
)
_VERHOEFF_P = (
    "0123456789",
    "1576283094",
    "5803796142",
    "8916043527",
    "9453126870",
    "4286573901",
    "2793806415",
    "7046913258",
)


def luhn(digits: str) -> bool:
    """The Luhn checksum (Canada's SIN uses it, as payment cards do)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def uk_nino(value: str) -> bool:
    """HMRC's National Insurance number: two prefix letters, six digits, a suffix A-D.

    Neither prefix letter is D, F, I, Q, U or V, the second is not O, and seven pairs are unused.
    """
    return bool(_NINO.fullmatch(value)) and value[:2] not in _NINO_UNUSED


def ca_sin(value: str) -> bool:
    """Nine digits, Luhn-valid; none starts with 0 (never issued) or 8 (business numbers)."""
    return len(value) == 9 and value.isdigit() and value[0] not in "08" and luhn(value)


def fr_nir(value: str) -> bool:
    """INSEE's NIR: fifteen digits ending in a key of 97 minus the first thirteen mod 97.

    Sex (1, 2; 3, 4, 7, 8 for provisional numbers), year, month, department (2A/2B for
    Corsica), commune, order, key.
    """
    if len(value) != 15 or value[0] not in "123478":
        return False
    body = value[:13].replace("2A", "19", 1) if value[5:7] == "2A" else value[:13]
    body = body.replace("2B", "18", 1) if value[5:7] == "2B" else body
    if not (body.isdigit() and value[13:].isdigit()):
        return False
    month = int(value[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    return 97 - int(body) % 97 == int(value[13:])


def de_tax_id(value: str) -> bool:
    """BZSt Steuer-ID: eleven digits, no leading 0, an ISO 7064 MOD 11,10 check digit.

    In the first ten, one digit appears twice or three times and the rest at most once.
    """
    if len(value) != 11 or not value.isdigit() or value[0] == "0":
        return False
    body = value[:10]
    counts = sorted((body.count(d) for d in set(body)), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    product = 10
    for ch in body:
        total = (ord(ch) - 48 + product) % 10 or 10
        product = total * 2 % 11
    check = 11 - product
    return (0 if check == 10 else check) == ord(value[10]) - 48


def es_dni(value: str) -> bool:
    """Eight digits and the letter of their remainder mod 23."""
    return len(value) == 9 and value[:8].isdigit() and value[8] == _DNI_LETTERS[int(value[:8]) % 23]


def es_nie(value: str) -> bool:
    """X, Y or Z (read 0, 1, 2), seven digits, and the DNI letter of the whole."""
    if len(value) != 9 or value[0] not in "XYZ" or not value[1:8].isdigit():
        return False
    return value[8] == _DNI_LETTERS[int(str("XYZ".index(value[0])) + value[1:8]) % 23]


def it_fiscal_code(value: str) -> bool:
    """The codice fiscale: sixteen characters in its layout and a check letter.

    Digits may be swapped for letters, as for homonyms; the check letter sums odd positions by
    a table and even ones by value, mod 26.
    """
    if not _CF.fullmatch(value):
        return False
    total = 0
    for i, ch in enumerate(value[:15]):
        index = ord(ch) - 48 if ch <= "9" else ord(ch) - 65
        total += _CF_ODD[index] if i % 2 == 0 else index
    return value[15] == chr(65 + total % 26)


def in_aadhaar(value: str) -> bool:
    """Twelve digits, not starting 0 or 1, with a valid Verhoeff check digit."""
    if len(value) != 12 or not value.isdigit() or value[0] in "01":
        return False
    c = 0
    for i, ch in enumerate(reversed(value)):
        c = ord(_VERHOEFF_D[c][ord(_VERHOEFF_P[i % 8][ord(ch) - 48]) - 48]) - 48
    return c == 0


def in_pan(value: str) -> bool:
    """PAN: five letters, four digits, a letter; no published checksum, so structure only.

    The fourth letter is the holder's kind: P person, C company, ...
    """
    return bool(_PAN.fullmatch(value))


def br_cpf(value: str) -> bool:
    """Eleven digits, not all the same, with two mod-11 check digits."""
    if len(value) != 11 or not value.isdigit() or len(set(value)) == 1:
        return False
    digits = [ord(c) - 48 for c in value]
    for n in (9, 10):
        total = sum(d * w for d, w in zip(digits[:n], range(n + 1, 1, -1), strict=True))
        check = (total * 10) % 11 % 10
        if check != digits[n]:
            return False
    return True


def au_tfn(value: str) -> bool:
    """Nine digits whose weighted sum (1, 4, 3, 7, 5, 8, 6, 9, 10) is a multiple of 11."""
    if len(value) != 9 or not value.isdigit():
        return False
    return sum((ord(c) - 48) * w for c, w in zip(value, _TFN_WEIGHTS, strict=True)) % 11 == 0


def mx_curp(value: str) -> bool:
    """RENAPO's CURP: eighteen characters ending in a check digit over the rest.

    Name letters, birth date, sex, state, consonants, a homonym character, the check digit.
    """
    if not _CURP.fullmatch(value):
        return False
    total = sum(_CURP_ALPHABET.index(ch) * (18 - i) for i, ch in enumerate(value[:17]))
    return (10 - total % 10) % 10 == ord(value[17]) - 48
