"""Masked forms and keyed hashes: how a finding is shown and linked without its raw value.

The masked form is what moderators, notices, logs and stored evidence show. It keeps just enough
to recognise the datum (the last four digits of an SSN, as the SSA's own letters do; the first
letter of an email's local part and its top-level domain) and no more. The keyed hash (HMAC-SHA256
under the deployment's secret) lets the store tell that two posts expose the same value without
keeping it; without the key the hash cannot be brute-forced over the small space of SSNs.
"""

from __future__ import annotations

import hmac
import re
import string
import unicodedata

_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, exactly as str.isalnum() says
_ALNUM_RUN = re.compile(r"[^\W_]+")
_STAR_ASCII = str.maketrans(dict.fromkeys(string.ascii_letters + string.digits, "*"))


def digits_of(raw: str) -> str:
    """ASCII digits of ``raw`` (full-width and other Unicode digits folded)."""
    if raw.isascii():  # nearly always: one C-level pass
        return _NOT_ASCII_DIGIT.sub("", raw)
    return "".join(str(unicodedata.digit(ch)) for ch in raw if ch.isdigit())


def fold_digits(raw: str) -> str:
    """``raw`` with every Unicode digit (full-width, Arabic-Indic, ...) as its ASCII digit.

    Checksums read digits as ``ord(ch) - 48``, which only ASCII digits satisfy, and one value
    written in two scripts must hash the same.
    """
    if raw.isascii():
        return raw
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in raw)


def keep_tail(raw: str, keep: int, star: str = "*") -> str:
    """Star every letter and digit except the last ``keep`` ones, keeping separators."""
    if keep > 0:
        seen = 0
        for i in range(len(raw) - 1, -1, -1):  # from the end: only the kept tail is walked
            if raw[i].isalnum():
                seen += 1
                if seen == keep:
                    return _starred(raw[:i], star) + raw[i:]
        return raw
    return _starred(raw, star)


def _starred(raw: str, star: str) -> str:
    if star == "*" and raw.isascii():
        return raw.translate(_STAR_ASCII)  # one C-level pass; ASCII alnum is [A-Za-z0-9]
    return _ALNUM.sub(star, raw)


def mask_email(raw: str) -> str:
    """``j***@*******.com``: first letter of the local part and the top-level domain."""
    local, _, domain = raw.partition("@")
    head = local[:1] + "***" if local else "***"
    labels = domain.split(".")
    if len(labels) > 1:
        hidden = ".".join("*" * len(label) for label in labels[:-1])
        return f"{head}@{hidden}.{labels[-1]}"
    return f"{head}@***"


def mask_ip(raw: str) -> str:
    """Keep the first octet (IPv4) or group (IPv6): enough to see the network family."""
    sep = "." if "." in raw and ":" not in raw else ":"
    head, *rest = raw.split(sep)
    return sep.join([head, *("*" for _ in rest)])


def mask_date(raw: str) -> str:
    """Star the day and month; keep a four-digit year, which says an age but not a birthday."""
    return _ALNUM_RUN.sub(_date_part, raw)


def _date_part(match: re.Match[str]) -> str:
    part = match.group(0)
    return part if len(part) == 4 and part.isdigit() else "*" * len(part)


def mask_coordinates(raw: str) -> str:
    """Keep whole degrees only (about 100 km), starring every decimal digit."""
    out: list[str] = []
    after_point = False
    for ch in raw:
        if ch == ".":
            after_point = True
            out.append(ch)
        elif ch.isdigit():
            out.append("*" if after_point else ch)
        else:
            after_point = False
            out.append(ch)
    return "".join(out)


def mask(entity: str, raw: str) -> str:
    """The masked form of a raw value of the given entity type."""
    if entity in ("US_SSN", "US_SSN_PARTIAL"):
        return "***-**-" + digits_of(raw)[-4:]
    if entity in ("CREDIT_CARD", "BANK_ACCOUNT"):
        return keep_tail(raw, 4)
    if entity in ("PHONE_NUMBER", "US_PASSPORT", "US_DRIVER_LICENSE"):
        return keep_tail(raw, 2)
    if entity == "EMAIL_ADDRESS":
        return mask_email(raw)
    if entity == "IP_ADDRESS":
        return mask_ip(raw)
    if entity == "DATE_OF_BIRTH":
        return mask_date(raw)
    if entity == "GEO_COORDINATES":
        return mask_coordinates(raw)
    return keep_tail(raw, 0)


def keyed_digest(key: bytes | tuple[bytes, ...], entity: str, value: str) -> str:
    """HMAC-SHA256 of the normalised value under ``key``, scoped by entity, as 32 hex chars.

    ``key`` may be a key ring (oldest first, as ``redline keys rotate-hash`` leaves it): the first
    key hashes the value and each later key re-hashes the digest before it (``rekeyed``). That is
    how a rotation re-keys stored digests without the values they came from, and why every key of
    a ring stays needed: a digest under the ring equals the stored one only through all of them.
    """
    ring = (key,) if isinstance(key, bytes) else key
    message = f"{entity}\x1f{value}".encode()
    digest = hmac.digest(ring[0], message, "sha256").hex()[:32]  # one-shot: no HMAC object
    for later in ring[1:]:
        digest = rekeyed(later, digest)
    return digest


def rekeyed(key: bytes, digest: str) -> str:
    """A digest re-hashed under one more key: what rotation writes over each stored digest."""
    return hmac.digest(key, b"rekey\x1f" + digest.encode("ascii"), "sha256").hex()[:32]
