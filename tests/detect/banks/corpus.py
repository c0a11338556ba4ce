"""Small fixed texts and deterministic perturbations for the bank tests (synthetic data only)."""

from __future__ import annotations

import random

HEADER = (
    "CONFIDENTIAL - PREPARED BY THE OPPOSITION RESEARCH UNIT - NOT FOR DISTRIBUTION - "
    "COMMITTEE TO ELECT A BETTER TOMORROW - INTERNAL USE ONLY\n\n"
)

DOSSIER = HEADER + (
    "Daniel Marsh bought the house at 1418 Alder Crest Road in 2009 through a holding company "
    "registered in Delaware, which the campaign has never disclosed to the election board.\n"
    "Payroll records obtained in March show his Social Security number ends in 6789 and that two "
    "consultants were paid through the same account during the primary.\n"
    "Staff were told not to discuss the Alder Crest property with reporters, and the field office "
    "on Pine Street was cleared of boxes the night before the audit began.\n"
    "A former aide says Marsh kept a second phone for donors from the Harbor Fund and met them at "
    "the marina on Thursdays, away from his official calendar."
)

# Same topic, same vocabulary, no shared passage.
SAME_TOPIC = (
    "Reporters asked the campaign about Daniel Marsh and his house on Alder Crest Road. The "
    "election board said payroll records and a holding company in Delaware are routine. Staff at "
    "the field office on Pine Street told reporters the audit began in March, and a former aide "
    "praised the consultants paid during the primary. Donors from the Harbor Fund met at the "
    "marina, according to his official calendar."
)

PRESS_RELEASE = (
    "Payroll records obtained in March show his Social Security number ends in 6789 and that two "
    "consultants were paid through the same account during the primary."
)


def excerpt(start: int, length: int) -> str:
    """A slice of the dossier body (after the header)."""
    body = DOSSIER[len(HEADER) :]
    return body[start : start + length]


def ocr_noise(text: str, rate: float, seed: int = 7) -> str:
    """Substitute, drop or insert characters at ``rate`` (letters and digits only)."""
    rng = random.Random(seed)
    confusions = {"m": "rn", "l": "1", "o": "0", "e": "c", "i": "l", "s": "5", "a": "o"}
    out = []
    for ch in text:
        if ch.isalnum() and rng.random() < rate:
            roll = rng.random()
            if roll < 0.5:
                out.append(confusions.get(ch.lower(), rng.choice("abcdefghijklmnopqrstuvwxyz")))
            elif roll < 0.75:
                continue
            else:
                out.append(ch + rng.choice("abcdefghijklmnopqrstuvwxyz"))
        else:
            out.append(ch)
    return "".join(out)


def reflow(text: str) -> str:
    """Different line breaks, case and punctuation, as a re-post would have them."""
    words = text.replace(",", "").replace(".", " .").split()
    lines = [" ".join(words[i : i + 7]) for i in range(0, len(words), 7)]
    return "\n".join(lines).upper()


def redact(text: str, words: tuple[str, ...], mark: str = "█████") -> str:
    """Black out the given words."""
    for w in words:
        text = text.replace(w, mark)
    return text
