"""Numbers that are private only because of their label: bare SSNs, passports, licences, accounts.

"123456789" is nothing on its own. After "SSN:" it is a Social Security number, after "Passport
No." a passport, after "DL#" a driver's licence, after "acct" a bank account. One pattern finds a
label followed (through a little filler: "number", "no.", "is", ":", or a short clause that names
a number: "acct number for the refund is") by a number token; the label decides the type and the
type decides which shapes are plausible. Because the label must sit just before the number,
"SSN 123-45-6789, passport 987654321" types each number by its own label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.masking import digits_of
from redline.detect.pii.probes import ASCII_ALNUM, Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.ssn import is_valid_ssn

_LABELS = {
    "US_SSN": (
        r"ssn|ss\s?#|social[\s_]+security(?:[\s_]+(?:number|no\.?|#))?|soc\.?\s*sec\.?"
        r"|seguro\s+social|social(?![\s_]+insurance)"
    ),
    "US_PASSPORT": r"(?:us\s+|u\.s\.\s+)?passport(?:\s+(?:book|card))?|pp\s?#|ppt",
    "US_DRIVER_LICENSE": (
        r"driver'?s?\s+licen[cs]e|drivers?\s+lic\.?|driving\s+licen[cs]e|dl|d\.l\.|dl\s?#"
        r"|dln|licen[cs]e|lic\.?\s*#"
    ),
    "BANK_ACCOUNT": (
        r"(?:bank\s+|checking\s+|savings\s+|chequing\s+|deposit\s+)?"
        r"(?:account|acct\.?|acc\.?|a/c)|checking|savings|chequing"
    ),
}
_GROUP = {"US_SSN": "ssn", "US_PASSPORT": "pp", "US_DRIVER_LICENSE": "dl", "BANK_ACCOUNT": "acct"}
# Between label and number: punctuation (``_`` too, for keys such as ``passport_number:``),
# filler words, or a short clause ending in "is"/"was"/":" ("acct number for the refund is").
_PUNCT = r"[\s,:#=.\-–—|()\"'_]"
_FILLER_WORDS = (
    "number",
    "num",
    "nbr",
    "no",
    "nr",
    "id",
    "is",
    "was",
    "as",
    "reads",
    "listed",
    "of",
)
_FILLER = (
    rf"(?:{_PUNCT}{{0,4}}"
    rf"(?:(?:{'|'.join(_FILLER_WORDS)}|:|#)(?![a-z])"
    rf"{_PUNCT}{{0,4}}){{0,3}}"
    r"(?:(?:[a-z']{1,12}\s){1,4}(?:is|was|are)\s{1,2}|(?:[a-z']{1,12}\s){0,3}[a-z]{1,12}:\s{1,2})?)"
)
# A clause between label and number ("account balance today is ...") types the number only when
# it names a number: "acct number for the refund is", "passport, the number is", and the OCR
# misreadings of "number" a scanned statement holds ("Account Nurnber:").
_NUMBER_WORD = re.compile(r"number|num|nbr|no|nr|id|#|n[a-z]{1,3}b[a-z]{1,3}", re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"[a-z']+", re.IGNORECASE)


def _clause_names_a_number(between: str) -> bool:
    """True when the words between label and value are filler only, or include a number word."""
    words = [w.lower() for w in _CLAUSE_WORD.findall(between)]
    if all(w in _FILLER_WORDS for w in words):
        return True
    return any(_NUMBER_WORD.fullmatch(w) for w in words)


_TOKEN = r"(?P<value>[a-z]{0,2}[\-\s]?\d[\d\-\s]{3,24}\d|[a-z]{1,2}\d{4,14}|\d{4,17})(?![\w\-])"
_PATTERN = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(f"(?P<{_GROUP[entity]}>{label})" for entity, label in _LABELS.items())
    + r")(?![a-z])"
    + _FILLER
    + _TOKEN,
    re.IGNORECASE,
)
_LABEL_PROBES = Probes(
    (
        "ss",
        "seguro",
        "soc",
        "pass",
        "pp",
        "driv",
        "dl",
        "d.l",
        "lic",
        "acc",
        "acct",
        "a/c",
        "checking",
        "saving",
        "chequing",
    )
)
# Every label above begins with one of these (lower-cased): where one starts a word is where the
# pattern can match, so it is tried there rather than at every position of the text.
_LABEL_STARTS = Probes(
    (
        "ss",
        "soc",
        "seguro",
        "us",
        "u.s.",
        "passport",
        "pp",
        "driv",
        "dl",
        "d.l.",
        "lic",
        "bank",
        "checking",
        "savings",
        "chequing",
        "deposit",
        "acc",
        "a/c",
    )
)
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NOT_ACCOUNT_CONTEXT = re.compile(r"routing|aba|sort\s+code|swift|bic|user|login", re.I)


_SPACE_OR_DASH = re.compile(r"[\s\-]")


def _shape_ok(entity: str, token: str) -> bool:
    compact = _SPACE_OR_DASH.sub("", token)
    digits = compact.lstrip(_ASCII_LETTERS)
    letters = len(compact) - len(digits)
    if not digits.isdigit():
        return False
    if entity == "US_SSN":
        return letters == 0 and is_valid_ssn(digits)
    if entity == "US_PASSPORT":
        return (letters == 0 and len(digits) == 9) or (letters == 1 and len(digits) == 8)
    if entity == "US_DRIVER_LICENSE":
        return (letters in (1, 2) and 4 <= len(digits) <= 14) or (
            letters == 0 and 6 <= len(digits) <= 13
        )
    if entity == "BANK_ACCOUNT":
        return letters == 0 and 6 <= len(digits) <= 17
    return False


def _plausible_token(entity: str, token: str) -> str | None:
    """The token, or its first space-separated chunk, if it has a shape the label allows.

    The token pattern lets digit groups run on across single spaces ("1234 5678 9012"), which
    can swallow a following unrelated number; falling back to the first chunk undoes that.
    """
    if _shape_ok(entity, token):
        return token
    first = token.split()[0]
    return first if first != token and _shape_ok(entity, first) else None


class LabelledNumberRecognizer(Recognizer):
    """Bare SSNs, US passport numbers, driver's licence numbers and bank account numbers."""

    name = "labelled_number"
    version = "1.0"
    entities = ("US_SSN", "US_PASSPORT", "US_DRIVER_LICENSE", "BANK_ACCOUNT")

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Every shape has at least four digits."""
        return facts.digits >= 4 and facts.has_any(_LABEL_PROBES)

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield numbers typed by the label right before them."""
        for match in self._labels(text, facts):
            entity = next(e for e, g in _GROUP.items() if match.group(g) is not None)
            raw = match.group("value")
            start = match.start("value") + len(raw) - len(raw.lstrip())
            token = _plausible_token(entity, raw.strip())
            if token is None:
                continue
            end = start + len(token)
            label_start = match.start(_GROUP[entity])
            if not _clause_names_a_number(text[match.end(_GROUP[entity]) : start]):
                continue
            if entity == "BANK_ACCOUNT" and _NOT_ACCOUNT_CONTEXT.search(
                text, max(0, label_start - 12), label_start
            ):
                continue
            label = " ".join(match.group(_GROUP[entity]).lower().split())
            bare_licence = entity == "US_DRIVER_LICENSE" and label in ("licence", "license")
            score = 0.6 if bare_licence else 0.85
            value = _SPACE_OR_DASH.sub("", token).upper()
            if entity in ("US_SSN", "BANK_ACCOUNT"):
                value = digits_of(token)
            yield Candidate(entity, start, end, score, f"labelled {label!r}", value)

    @staticmethod
    def _labels(text: str, facts: TextFacts) -> Iterator[re.Match[str]]:
        """``_PATTERN.finditer(text)``, tried only where a label's first word starts a word."""
        starts = facts.probes.word_starts(_LABEL_STARTS, ASCII_ALNUM)  # (?<![a-z0-9])
        return _PATTERN.finditer(text) if starts is None else anchored(_PATTERN, text, starts)
