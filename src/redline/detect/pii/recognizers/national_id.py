"""National identifiers outside the US: each checked by its issuer's checksum or structure.

Two kinds, found two ways:

* **Shaped** identifiers carry letters in fixed places (UK National Insurance number, Italian
  codice fiscale, Mexican CURP, Indian PAN, Spanish DNI and NIE). The shape and the check say
  enough on their own; a cue ("codice fiscale", "CURP") only raises the score. They are tried
  only where a digit run has a letter right before it (or, for a DNI, eight digits and a letter
  after), so ordinary text costs a glance at its digit runs.
* **Digit-only** identifiers (Canadian SIN, Australian TFN, Indian Aadhaar, German Steuer-ID,
  French NIR, Brazilian CPF) are indistinguishable from order numbers without their name, so
  they are reported only after a cue naming them ("SIN", "Steuer-ID", "numéro de sécu"), with
  nothing but words and punctuation between, and only when the cue's checksum holds. A CPF in
  its own dotted writing (``123.456.789-09``) is distinctive enough to report at a lower score.

Cues are found once per text (``Cue.hits``) and shared by every candidate, so a megabyte of
dense "SIN 046 454 286" pairs costs the same per character as a sparse one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import CueHits, phrase_pattern
from redline.detect.pii.masking import fold_digits, keep_tail
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers import national_id_rules as rules
from redline.detect.pii.recognizers.common import NOT_PERSONAL

# Cue phrases, lower case, by the identifiers they name (most name one).
_CUES: dict[str, tuple[str, ...]] = {
    "national insurance": ("UK_NINO",),
    "national insurance number": ("UK_NINO",),
    "national insurance no": ("UK_NINO",),
    "ni number": ("UK_NINO",),
    "ni no": ("UK_NINO",),
    "ni no.": ("UK_NINO",),
    "ni#": ("UK_NINO",),
    "nino": ("UK_NINO",),
    "sin": ("CA_SIN",),
    "sin#": ("CA_SIN",),
    "social insurance": ("CA_SIN",),
    "social insurance number": ("CA_SIN",),
    "numéro d'assurance sociale": ("CA_SIN",),
    "assurance sociale": ("CA_SIN",),
    "nas": ("CA_SIN",),
    "sécurité sociale": ("FR_NIR",),
    "securite sociale": ("FR_NIR",),
    "sécu": ("FR_NIR",),
    "secu": ("FR_NIR",),
    "nir": ("FR_NIR",),
    "insee": ("FR_NIR",),
    "carte vitale": ("FR_NIR",),
    "steuer-id": ("DE_TAX_ID",),
    "steuer id": ("DE_TAX_ID",),
    "steuerid": ("DE_TAX_ID",),
    "steuer-idnr": ("DE_TAX_ID",),
    "steueridentifikationsnummer": ("DE_TAX_ID",),
    "steuerliche identifikationsnummer": ("DE_TAX_ID",),
    "identifikationsnummer": ("DE_TAX_ID",),
    "idnr": ("DE_TAX_ID",),
    "tax id": ("DE_TAX_ID", "AU_TFN"),
    "tax identification number": ("DE_TAX_ID",),
    "dni": ("ES_NIF",),
    "nif": ("ES_NIF", "ES_NIE"),
    "nie": ("ES_NIE",),
    "documento nacional de identidad": ("ES_NIF",),
    "codice fiscale": ("IT_FISCAL_CODE",),
    "cod. fisc.": ("IT_FISCAL_CODE",),
    "cod fisc": ("IT_FISCAL_CODE",),
    "c.f.": ("IT_FISCAL_CODE",),
    "aadhaar": ("IN_AADHAAR",),
    "aadhar": ("IN_AADHAAR",),
    "aadhaar no": ("IN_AADHAAR",),
    "uid": ("IN_AADHAAR",),
    "uidai": ("IN_AADHAAR",),
    "pan": ("IN_PAN",),
    "permanent account number": ("IN_PAN",),
    "cpf": ("BR_CPF",),
    "cadastro de pessoas físicas": ("BR_CPF",),
    "tfn": ("AU_TFN",),
    "tax file number": ("AU_TFN",),
    "tax file no": ("AU_TFN",),
    "curp": ("MX_CURP",),
}
# Short letter-only cues are also written as dotted abbreviations ("S.I.N.", "C.P.F", "N.I.F.").
_CUES.update(
    {
        dotted: entities
        for cue, entities in list(_CUES.items())
        if cue.isalpha() and len(cue) <= 5
        for dotted in (".".join(cue) + ".", ".".join(cue))
    }
)
# The cue alternation, searched in a bounded window around each candidate only (a digit-only
# candidate is rare; a text-wide pass would cost every post).
_CUE = re.compile(r"(?<![^\W_])" + phrase_pattern(_CUES) + r"(?![^\W_])", re.IGNORECASE)
_BEFORE, _AFTER = 48, 24

_SEP = r"[ \u00a0\-]"
_END = r"(?![^\W_]|[.\-/]\d)"
# Digit-only shapes, tried where a cue says which identifier to expect.
_DIGIT_SHAPES: dict[str, re.Pattern[str]] = {
    "CA_SIN": re.compile(rf"\d{{3}}({_SEP}?)\d{{3}}\1\d{{3}}{_END}"),
    "AU_TFN": re.compile(rf"\d{{3}}({_SEP}?)\d{{3}}\1\d{{3}}{_END}"),
    "IN_AADHAAR": re.compile(rf"\d{{4}}({_SEP}?)\d{{4}}\1\d{{4}}{_END}"),
    "DE_TAX_ID": re.compile(rf"\d{{2}}([ \u00a0/]?)\d{{3}}\1\d{{3}}\1\d{{3}}{_END}"),
    "FR_NIR": re.compile(
        rf"[1-478]([ \u00a0.]?)\d{{2}}\1\d{{2}}\1(?:\d{{2}}|2[abAB])\1\d{{3}}\1\d{{3}}"
        rf"(?:\1|{_SEP})?\d{{2}}{_END}"
    ),
    "BR_CPF": re.compile(rf"\d{{3}}([. ]?)\d{{3}}\1\d{{3}}[\-/. ]?\d{{2}}{_END}"),
}
_DOTTED_CPF = re.compile(r"(?<![\w.\-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![^\W_]|[.\-/]\d)")
# Shaped identifiers, tried where a digit run meets a letter. Case-blind: people type them in
# lower case too; the checks read the upper-cased value.
_OMO = r"[\dlmnpqrstuv]"  # codice fiscale digits, or the letters that stand in for them
_SHAPED = re.compile(
    r"(?<![^\W_])(?:"
    r"(?P<UK_NINO>[a-z]{2}(?:[ \u00a0]?\d{2}){3}[ \u00a0]?[a-d])"
    rf"|(?P<IT_FISCAL_CODE>[a-z]{{6}}{_OMO}{{2}}[a-z]{_OMO}{{2}}[a-z]{_OMO}{{3}}[a-z])"
    r"|(?P<MX_CURP>[a-z]{4}\d{6}[a-z]{6}[a-z\d]\d)"
    r"|(?P<IN_PAN>[a-z]{5}\d{4}[a-z])"
    r"|(?P<ES_NIE>[xyz][\-\u00a0 ]?\d{7}[\-\u00a0 ]?[a-z])"
    r"|(?P<ES_NIF>\d{8}[\-\u00a0 ]?[a-z])"
    r")(?![^\W_])",
    re.IGNORECASE,
)
_SHAPED_NAMES = ("UK_NINO", "IT_FISCAL_CODE", "MX_CURP", "IN_PAN", "ES_NIE", "ES_NIF")
_CHECKS: dict[str, Callable[[str], bool]] = {
    "UK_NINO": rules.uk_nino,
    "CA_SIN": rules.ca_sin,
    "FR_NIR": rules.fr_nir,
    "DE_TAX_ID": rules.de_tax_id,
    "ES_NIF": rules.es_dni,
    "ES_NIE": rules.es_nie,
    "IT_FISCAL_CODE": rules.it_fiscal_code,
    "IN_AADHAAR": rules.in_aadhaar,
    "IN_PAN": rules.in_pan,
    "BR_CPF": rules.br_cpf,
    "AU_TFN": rules.au_tfn,
    "MX_CURP": rules.mx_curp,
}
# Without a cue: how sure the shape and check alone make us. The long checked codes are
# unmistakable; a PAN has no checksum, and a DNI's letter is right by chance once in 23.
_SHAPED_SCORE = {
    "IT_FISCAL_CODE": 0.9,
    "MX_CURP": 0.9,
    "UK_NINO": 0.75,
    "ES_NIE": 0.75,
    "ES_NIF": 0.6,
    "IN_PAN": 0.55,
}
_NOT_BEFORE_ID = frozenset(".-/")
_SEPARATORS = frozenset(" \u00a0-")
# (letters, first digit run) of each shaped identifier
_LETTERS_THEN_DIGITS = frozenset({(1, 7), (2, 6), (2, 2), (4, 6), (5, 4), (6, 2)})
# the first digit runs of those, and the DNI's eight digits: no other run opens an identifier
_SHAPED_RUNS = frozenset(run for _, run in _LETTERS_THEN_DIGITS) | {8}
# Where a digit-only identifier can be: one of their groupings (a phone's 3-3-4 is none).
_DIGIT_CANDIDATE = re.compile(
    r"(?:\d{3}(?P<a>[ \u00a0\-]?)\d{3}(?P=a)\d{3}"  # SIN, TFN
    r"|\d{4}(?P<b>[ \u00a0\-]?)\d{4}(?P=b)\d{4}"  # Aadhaar
    r"|\d{2}(?P<c>[ \u00a0/]?)\d{3}(?P=c)\d{3}(?P=c)\d{3}"  # Steuer-ID
    r"|[1-478](?P<d>[ \u00a0.]?)\d{2}(?P=d)\d{2}(?P=d)(?:\d{2}|2[abAB])(?P=d)\d{3}(?P=d)\d{3}"
    r"(?:(?P=d)|[ \-])?\d{2}"  # NIR
    r"|\d{3}(?P<e>[. ]?)\d{3}(?P=e)\d{3}[\-/. ]?\d{2})"  # CPF
    r"(?![^\W_]|[.\-/]\d)"
)
_NOT_BETWEEN = re.compile(r"\d")  # a cue types only the number right after it
_COMPACT = re.compile(r"[\s\-./]")


_BY_LENGTH: dict[int, tuple[Callable[[str], bool], ...]] = {
    9: (rules.ca_sin, rules.au_tfn),
    11: (rules.de_tax_id, rules.br_cpf),
    12: (rules.in_aadhaar,),
    15: (rules.fr_nir,),
}


def _some_check_holds(digits: str) -> bool:
    """Whether any digit-only identifier of this length accepts the digits."""
    return any(check(digits) for check in _BY_LENGTH.get(len(digits), ()))


def compact(raw: str) -> str:
    """The identifier without separators, upper case, ASCII digits: what checks and hash read."""
    return fold_digits(_COMPACT.sub("", raw).upper())


class _CuesBefore:
    """The cue nearest before each of a text's candidates, found in one left-to-right pass.

    Candidates come in text order, so each stretch of text is searched for cues once, however
    densely the candidates sit: a megabyte of "CPF ..." pairs costs one pass, not one window
    search per candidate.
    """

    __slots__ = ("_last", "_pos", "_text")

    def __init__(self, text: str) -> None:
        self._text, self._pos = text, 0
        self._last: re.Match[str] | None = None

    def before(self, start: int) -> str | None:
        """The cue phrase nearest before ``start``, with no digit between (lower case)."""
        text = self._text
        if start > self._pos:
            for found in _CUE.finditer(text, max(self._pos, start - _BEFORE), start):
                self._last = found
            self._pos = start
        last = self._last
        if last is None or last.start() < start - _BEFORE or last.end() > start:
            return None
        if _NOT_BETWEEN.search(text, last.end(), start):
            return None
        return " ".join(last.group(0).lower().split())


class NationalIdRecognizer(Recognizer):
    """National identifiers of eleven countries, each checked by its issuer's rules.

    UK NINO, Canadian SIN, French NIR, German tax ID, Spanish DNI/NIE, Italian codice fiscale,
    Indian Aadhaar and PAN, Brazilian CPF, Australian TFN, Mexican CURP.
    """

    name = "national_id"
    version = "1.0"
    entities = tuple(_CHECKS)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Every identifier holds four digits at least, and two in one run."""
        return facts.longest >= 2 and facts.digits >= 4

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield shaped identifiers anywhere, digit-only ones after a cue naming them."""
        references: list[CueHits] = []  # computed on the first candidate, then shared
        cues = _CuesBefore(text)
        starts = self._shaped_starts(text, facts)
        for match in anchored(_SHAPED, text, starts) if starts else ():
            entity = next(n for n in _SHAPED_NAMES if match.group(n) is not None)
            value = compact(match.group(0))
            if not _CHECKS[entity](value):
                continue
            cue = self._cue_naming(text, cues, match.start(), match.end(), entity)
            score = _SHAPED_SCORE[entity] + (0.3 if cue else 0.0)
            why = [f"{entity} structure and check"]
            if cue:
                why.append(f"context {cue!r}")
            elif self._reference(text, references, match.start()):
                score -= 0.5
                why.append("labelled as a reference number")
            yield Candidate(entity, match.start(), match.end(), clamp(score), "; ".join(why), value)
        if facts.digits >= 9 and facts.longest >= 2:
            yield from self._digit_only(text, facts, references, _CuesBefore(text))

    def mask(self, entity: str, raw: str) -> str:
        """Star all but the last two characters: enough to tell two identifiers apart."""
        return keep_tail(raw, 2)

    def normalise(self, raw: str) -> str:
        """Compact upper case, so writings with and without separators hash alike."""
        return compact(raw)

    @staticmethod
    def _shaped_starts(text: str, facts: TextFacts) -> list[int]:
        """Where a shaped identifier can start, judging by its first digit run.

        The letters right before the run must fit an identifier's layout: NIE 1 letter and 7
        digits, NINO 2 and 6 (or 2, spaced), CURP 4 and 6, PAN 5 and 4, codice fiscale 6 and 2;
        or the run is a DNI's 8 digits with a letter after.
        """
        starts: list[int] = []
        for s, e in facts.spans:
            run = e - s
            if run not in _SHAPED_RUNS:
                continue  # most runs: no letters need reading back
            if run == 8 and e < len(text) and (text[e].isalpha() or text[e] in _SEPARATORS):
                starts.append(s)
            gap = 1 if s > 1 and text[s - 1] in _SEPARATORS else 0
            k = 0
            while k < 7 and s - gap - k > 0 and text[s - gap - k - 1].isalpha():
                k += 1
            if (k, run) in _LETTERS_THEN_DIGITS:
                starts.append(s - gap - k)
        return starts

    def _digit_only(
        self, text: str, facts: TextFacts, references: list[CueHits], cues: _CuesBefore
    ) -> Iterator[Candidate]:
        """Digit-only identifiers named by a cue right before (or just after) them."""
        # every grouping of ``_DIGIT_CANDIDATE`` is a chain of nine digits at least
        chains = facts.chains(text)
        starts = [
            s
            for (s, _), chained in zip(facts.spans, chains, strict=True)
            if chained >= 9 and (not s or text[s - 1] not in _NOT_BEFORE_ID)
        ]
        for candidate in anchored(_DIGIT_CANDIDATE, text, starts):
            start = candidate.start()
            if not _some_check_holds(compact(candidate.group(0))):
                continue  # no identifier's checksum: no need to look for its name
            found = None
            cue = cues.before(start)
            if cue is not None:
                found = self._digit_id(text, start, cue)
            if found is None and (cue := self._cue_after(text, candidate.end())) is not None:
                found = self._digit_id(text, start, cue)
            if found is not None:
                entity, end = found
                yield Candidate(
                    entity,
                    start,
                    end,
                    0.9,
                    f"{entity} check; context {cue!r}",
                    compact(text[start:end]),
                )
            elif (
                _DOTTED_CPF.match(text, start)
                and rules.br_cpf(compact(candidate.group(0)))
                and not self._reference(text, references, start)
            ):
                yield Candidate(
                    "BR_CPF",
                    start,
                    candidate.end(),
                    0.6,
                    "CPF writing and check",
                    compact(candidate.group(0)),
                )

    @staticmethod
    def _cue_after(text: str, end: int) -> str | None:
        """The cue phrase just after ``end`` ("278 018 460 is my SIN"), with no digit between."""
        found = _CUE.search(text, end, min(len(text), end + _AFTER))
        if found is None or _NOT_BETWEEN.search(text, end, found.start()):
            return None
        return " ".join(found.group(0).lower().split())

    def _cue_naming(
        self, text: str, cues: _CuesBefore, start: int, end: int, entity: str
    ) -> str | None:
        """The cue naming ``entity`` right before (or after) the span, if any."""
        for cue in (cues.before(start), self._cue_after(text, end)):
            if cue is not None and entity in _CUES.get(cue, ()):
                return cue
        return None

    @staticmethod
    def _digit_id(text: str, start: int, phrase: str) -> tuple[str, int] | None:
        """(entity, end) of the first identifier ``phrase`` names that is written at ``start``."""
        for entity in _CUES.get(phrase, ()):
            shape = _DIGIT_SHAPES.get(entity)
            found = shape.match(text, start) if shape is not None else None
            if found is not None and _CHECKS[entity](compact(found.group(0))):
                return entity, found.end()
        return None

    @staticmethod
    def _reference(text: str, references: list[CueHits], start: int) -> bool:
        """Whether a reference-number word ("Order", "Pedido") is right before ``start``."""
        if not references:
            references.append(NOT_PERSONAL.hits(text))
        return references[0].before(start) is not None
