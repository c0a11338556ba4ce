"""US Social Security numbers, full and partial.

Full numbers must pass the SSA's structural rules (no area 000, 666 or 9xx, no group 00, no serial
0000). A bare nine-digit run is only an SSN when a cue says so; the labelled-number recognizer
handles that case, so it is not repeated here.

Partial numbers are what leaked dossiers most often hold: "XXX-XX-6789", "***-**-6789", or "the
last four of his SSN: 6789". Presidio has no recognizer for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue
from redline.detect.pii.masking import digits_of
from redline.detect.pii.probes import ASCII_LETTERS, Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.common import DASH, SEP_OR_DOT, SPACE, number_context

SSN_CUE = Cue(
    [
        "ssn",
        "ssn#",
        "ss#",
        "ss #",
        "ss no",
        "social security",
        "social security number",
        "social",
        "soc sec",
        "soc. sec",
        "ssa",
        "taxpayer",
        "tin",
        "itin",
        "ssn no",
        "ssns",
        "seguro social",  # Spanish: número de seguro social
    ],
    before=40,
    after=16,
)

_FORMATTED = re.compile(rf"(?<![\w.])(\d{{3}})({SEP_OR_DOT})(\d{{2}})\2(\d{{4}})(?![\w]|[\-.]\d)")
_TECHNICAL_SUFFIX = re.compile(r"[\-+_.][a-z]", re.IGNORECASE)  # -rc4, -beta, +build, .tar
_MASK_CHARS = r"[xX*#•●✱]"
_MASK_SET = "xX*#•●✱"
_SSN_RUNS = frozenset((3, 2, 4))
_WORD_PROBES = Probes(("ss", "soc"))
_MASKS = frozenset(_MASK_SET)
_SEP_CHARS = frozenset(DASH.replace("\\", "") + SPACE + ".")  # SEP_OR_DOT's characters
# Each SSN word of the phrases opens with one of these at a word start; each "last four" phrase
# holds one of the part words.
_ANCHOR_STARTS = Probes(("ss", "soc", "seguro"))
_SSN_WORD = Probes(("ssn",))
_PART_PROBES = Probes(("last", "final", "trailing", "end"))
_MASKED = re.compile(
    rf"(?<![\w*#•●✱]){_MASK_CHARS}{{3}}({SEP_OR_DOT}?){_MASK_CHARS}{{2}}\1(\d{{4}})(?![\w])"
)
_ANCHOR = (
    r"(?:ssns?|ss\s?#|soc\.?\s*sec\.?|seguro\s+social|social(?:[\s\-]+security)?"
    r"(?:[\s\-]+(?:number|num\.?|no\.?|#))?)"
)
_PART = (
    r"(?:(?:last|final|trailing|ending)[\s\-]+(?:four|4)(?:[\s\-]+(?:digits|numbers|nums))?"
    r"|end(?:s|ing|ed)?\s+(?:in|with)|ending)"
)
_GAP = r"[^\d\n]{0,40}?"
_PHRASES = (
    re.compile(
        rf"(?<![a-z]){_PART}{_GAP}(?<![a-z]){_ANCHOR}(?![a-z]){_GAP}(\d{{4}})(?![\d\-])",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![a-z]){_ANCHOR}(?![a-z]){_GAP}(?<![a-z]){_PART}{_GAP}(\d{{4}})(?![\d\-])",
        re.IGNORECASE,
    ),
)
_LABELLED_FOUR = re.compile(
    r"(?<![a-z])ssn[\s_\-]*(?:#|no\.?|(?:last|l)[\s_\-]*(?:4|four))?\s*[:=]\s*(\d{4})(?![\d\-\w])",
    re.IGNORECASE,
)


def is_valid_ssn(digits: str) -> bool:
    """SSA structure: area not 000, 666 or 900-999; group not 00; serial not 0000."""
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return (
        len(digits) == 9
        and area not in ("000", "666")
        and not area.startswith("9")
        and group != "00"
        and serial != "0000"
    )


class SsnRecognizer(Recognizer):
    """Full SSNs written with separators (``123-45-6789``, ``123 45 6789``)."""

    name = "us_ssn"
    version = "1.0"
    entities = ("US_SSN",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """SSNs need at least nine digits."""
        return facts.has_runs(_SSN_RUNS)  # 123-45-6789: separators are required

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield structurally valid SSNs, scored by separator and cue words."""
        for match in anchored(_FORMATTED, text, facts.run_starts(3, 3)):
            digits = digits_of(match.group(0))
            if not is_valid_ssn(digits) or _TECHNICAL_SUFFIX.match(text, match.end()):
                continue  # "327-66-8440-rc4" is a build, not a person
            sep = match.group(2)
            score = 0.65 if sep not in (" ", ".") else 0.5
            why = [f"SSA-valid, separator {sep!r}"]
            reference, cue = number_context(SSN_CUE, text, match.start(), match.end())
            if reference:
                score -= 0.5
                why.append("labelled as a reference number")
            elif cue:
                score += 0.3
                why.append(f"context {cue!r}")
            yield Candidate(
                "US_SSN", match.start(), match.end(), clamp(score), "; ".join(why), digits
            )


class PartialSsnRecognizer(Recognizer):
    """Partial SSNs: masked tokens and "last four" phrases."""

    name = "us_ssn_partial"
    version = "1.0"
    entities = ("US_SSN_PARTIAL",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Every form ends in four digits and has a mask character or an SSN word."""
        # the word probes first: a set lookup, where testing the text for each mask character
        # reads it through, in Python, character by character
        return 4 in facts.runs and (
            facts.has_any(_WORD_PROBES) or any(mask in text for mask in _MASK_SET)
        )

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield masked SSN tokens and the digits of "last four" phrases."""
        for match in anchored(_MASKED, text, self._masked_starts(text, facts)):
            digits = digits_of(match.group(2))
            if digits == "0000":
                continue
            cue = SSN_CUE.near(text, match.start(), match.end())
            score = 0.95 if cue else 0.85
            why = "masked SSN token" + (f"; context {cue!r}" if cue else "")
            yield Candidate("US_SSN_PARTIAL", match.start(), match.end(), score, why, digits)
        anchors = facts.probes.word_starts(_ANCHOR_STARTS, ASCII_LETTERS)  # (?<![a-z])
        if anchors == []:
            return
        for pattern in _PHRASES if anchors is None or facts.has_any(_PART_PROBES) else ():
            for match in pattern.finditer(text):
                yield Candidate(
                    "US_SSN_PARTIAL",
                    match.start(1),
                    match.end(1),
                    0.9,
                    "last-four phrase about an SSN",
                    digits_of(match.group(1)),
                )
        if facts.probes.word_starts(_SSN_WORD, ASCII_LETTERS) == []:
            return
        for match in _LABELLED_FOUR.finditer(text):
            yield Candidate(
                "US_SSN_PARTIAL",
                match.start(1),
                match.end(1),
                0.7,
                "four digits under an SSN label",
                digits_of(match.group(1)),
            )

    @staticmethod
    def _masked_starts(text: str, facts: TextFacts) -> list[int]:
        """Where a masked token can start: five masks (and separators) before four digits."""
        if not any(mask in text for mask in _MASK_SET):
            return []
        starts = []
        for s, e in facts.spans:
            if e - s == 4 and s >= 5 and (text[s - 1] in _MASKS or text[s - 1] in _SEP_CHARS):
                if s >= 7:
                    starts.append(s - 7)
                starts.append(s - 5)
        return starts
