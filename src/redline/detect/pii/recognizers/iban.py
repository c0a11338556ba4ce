"""International bank account numbers (IBAN), checked with ISO 13616's mod-97."""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored

_IBAN = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\w])",
    re.IGNORECASE,  # mod-97 keeps lower-case look-alikes out
)


def iban_ok(compact: str) -> bool:
    """Mod-97 check: move the first four characters to the end, letters to numbers."""
    if not 15 <= len(compact) <= 34 or not (compact.isascii() and compact.isalnum()):
        return False  # the pattern is case-blind, so Unicode look-alikes ("K", Kelvin) get here
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


class IbanRecognizer(Recognizer):
    """IBANs, with or without the customary spaces every four characters."""

    name = "iban"
    version = "1.0"
    entities = ("BANK_ACCOUNT",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """IBANs hold at least a dozen digits."""
        return facts.digits >= 8

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield checksum-valid IBANs."""
        # two letters, then the digit run of the check digits
        starts = [
            s - 2
            for s, e in facts.spans
            if e - s >= 2 and s >= 2 and text[s - 1].isalpha() and text[s - 2].isalpha()
        ]
        for match in anchored(_IBAN, text, starts):
            raw = match.group(0)
            compact = re.sub(r"\s", "", raw).upper()
            if not iban_ok(compact):
                # The optional last group may have swallowed the next word ("... 1332 BIC"):
                # the IBAN is then the match without its last space-separated piece.
                raw = re.sub(r"[ \u00a0]?[A-Za-z0-9]{1,4}$", "", raw)
                compact = re.sub(r"\s", "", raw).upper()
                if not iban_ok(compact):
                    continue
            yield Candidate(
                "BANK_ACCOUNT",
                match.start(),
                match.start() + len(raw),
                0.9,
                "IBAN, mod-97 valid",
                compact,
            )
