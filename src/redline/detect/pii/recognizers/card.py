"""Payment card numbers: Luhn-valid and with an issuer prefix that exists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue
from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.common import number_context

_CARD = re.compile(
    r"(?<![\w\-.])(?:"
    r"\d{4}([ \-\u00a0]?)\d{4}\1\d{4}(?:\1\d{4}(?:\1\d{1,4})?|\1\d{1,3})?"  # 4-4-4[-4[-3]]
    r"|\d{4}([ \-\u00a0]?)\d{6}\2\d{4,5}"  # Amex 4-6-5, Diners 4-6-4
    r"|\d{4}([ \-\u00a0]?)\d{5}\3\d{6}"  # UATP 4-5-6
    r"|\d{12,19}"
    r")(?![\w]|[\-.]\d)"
)
CARD_CUE = Cue(
    [
        "card",
        "credit",
        "debit",
        "visa",
        "mastercard",
        "master card",
        "amex",
        "american express",
        "discover",
        "cc",
        "cc#",
        "card no",
        "card number",
        "pan",
        "exp",
        "cvv",
        "jcb",
        "diners",
        "maestro",
        "unionpay",
        "rupay",
        "mir",
        "uatp",
        # the same in the languages of the posts Redline reads most
        "carte",
        "karte",
        "kreditkarte",
        "tarjeta",
        "carta",
        "cartão",
        "kaart",
        "karta",
        "kartą",
        "kartou",
        "kort",
        "kortet",
        "カード",
        "银行卡",
        "卡号",
    ],
    before=40,
    after=24,
)


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def known_issuer(digits: str) -> bool:
    """Whether a number has the prefix and length of a card network that issues it.

    Visa, Mastercard, Amex, Discover, JCB, Diners Club, UnionPay, Maestro (12-19 digits), Mir,
    RuPay and UATP, from the networks' published IIN ranges.
    """
    n = len(digits)
    two, three, four, six = int(digits[:2]), int(digits[:3]), int(digits[:4]), int(digits[:6])
    return (
        (digits[0] == "4" and n in (13, 16, 19))
        or ((51 <= two <= 55 or 2221 <= four <= 2720) and n == 16)
        or (two in (34, 37) and n == 15)
        or (
            (
                digits.startswith("6011")
                or two == 65
                or 644 <= three <= 649
                or 622126 <= six <= 622925
            )
            and 16 <= n <= 19
        )
        or (3528 <= four <= 3589 and 16 <= n <= 19)  # JCB
        or ((two in (36, 38, 39) or 300 <= three <= 305) and 14 <= n <= 19)  # Diners
        or (two in (62, 81) and 16 <= n <= 19)  # UnionPay
        or (2200 <= four <= 2204 and 16 <= n <= 19)  # Mir
        or ((two in (60, 65, 81, 82) or three == 508 or four in (6521, 6522)) and n == 16)  # RuPay
        or (digits[0] == "1" and n == 15)  # UATP
        or ((two == 50 or 56 <= two <= 69) and 12 <= n <= 19)  # Maestro
    )


class CreditCardRecognizer(Recognizer):
    """Card numbers written whole or in groups of four (Amex 4-6-5)."""

    name = "credit_card"
    version = "1.1"
    entities = ("CREDIT_CARD",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Thirteen digits at least, written in groups of four or as one long run."""
        return facts.digits >= 12 and (4 in facts.runs or facts.longest >= 12)

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield Luhn-valid numbers with a real issuer prefix."""
        starts = [s for s, e in facts.spans if e - s == 4 or e - s >= 12]
        for match in anchored(_CARD, text, starts):
            digits = digits_of(match.group(0))
            if not (12 <= len(digits) <= 19 and luhn_ok(digits) and known_issuer(digits)):
                continue
            score, why = 0.8, ["Luhn-valid, known issuer"]
            reference, cue = number_context(CARD_CUE, text, match.start(), match.end())
            if len(digits) < 13 or digits[0] == "1":
                # Maestro's 12 digits and UATP's leading 1: common shapes for other numbers,
                # so only with a card word near
                score = 0.8 if cue else 0.3
            if reference:
                score -= 0.5
                why.append("labelled as a reference number")
            elif cue:
                score += 0.15
                why.append(f"context {cue!r}")
            yield Candidate(
                "CREDIT_CARD", match.start(), match.end(), clamp(score), "; ".join(why), digits
            )
