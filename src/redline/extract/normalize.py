"""Text normalisation for matching, with an offset map back to the original text.

Matching must survive what people and scanners do to a leaked text when they re-post it: change
case, re-flow lines, drop or add punctuation, swap letters for look-alikes from other scripts, black
out words, and let OCR confuse ``rn`` with ``m``. Two forms are produced, both keeping, for every
output character, the span of the source text it came from, so a match found in normalised text is
reported where a moderator sees it in the original:

* ``normalize(text)``: words of letters and digits, case-folded, separated by one space. Stable and
  readable; it is what the normalised-text SHA-256 and word shingles are computed over.
* ``compact(text)``: letters and digits only, no separators, with OCR look-alikes folded
  (``0``→``o``, ``1``/``i``→``l``, ``rn``→``m``, ...). Line breaks, hyphenation at line ends and
  spacing changes vanish in this form, which is what the excerpt fingerprints are computed over.
  It keeps its text from before the folding too (``unfolded``): a ``1`` folded to ``l`` is still
  a digit when alignment asks whether a number was written for another.

Redaction marks (``█``, ``■``, ``[REDACTED]``, ``XXXX``) are removed in both forms: a redacted
quote then differs from its source only by a gap, which the alignment step tolerates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = [
    "REDACTION_MARK",
    "NormalizedText",
    "blank_redactions",
    "compact",
    "folded_digits",
    "normalize",
    "unfold_digits",
]

# What a redaction run becomes in the compact form: one character that no text contains, so
# alignment can tell a blacked-out gap (forgiven) from a deletion or a rewrite (counted).
REDACTION_MARK = "\x01"

# Blacked-out runs, bracketed redaction notes and X-runs. Matches are replaced by spaces of the same
# length so offsets stay put.
_REDACTION = re.compile(
    r"[\u2580-\u259F\u25A0-\u25A3\u25AA\u25AC\u25AE\u25FC-\u25FE\u2B1B]+"
    r"|[\[(<{]\s*(?:redacted|removed|withheld|deleted|censored|blacked\s*out)\s*[\])>}]"
    r"|\b(?:X{3,}|x{4,})\b",
    re.IGNORECASE,
)

# Look-alikes from other scripts, mapped to the Latin letter a reader would see. The subset that
# matters in practice (Unicode's confusables.txt is thousands of rows, mostly irrelevant here).
_CONFUSABLES: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɑ": "a", "ɡ": "g", "ı": "i", "ȷ": "j", "ο": "o", "α": "a",
    "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "ι": "i", "κ": "k", "χ": "x", "ϲ": "c", "ε": "e",
    "β": "b", "η": "n", "μ": "u", "ω": "w", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ß": "ss",
}  # fmt: skip

# OCR folds for the compact form: characters a scanner confuses, mapped to one representative.
_OCR_CHARS = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "8": "b"})
_DIGIT_OF_FOLD = {"o": "0", "l": "1", "s": "5", "b": "8"}  # the digits _OCR_CHARS folds away
_FOLDED_DIGIT = re.compile("[0158]")
_OCR_PAIRS = re.compile(r"rn|vv|cl")
_OCR_PAIR_TO = {"rn": "m ", "vv": "w ", "cl": "d "}

IntArray = npt.NDArray[np.int64]


class NormalizedText:
    """Normalised text plus, for each of its characters, the source span it came from.

    ``starts[i]``/``ends[i]`` are the source offsets of output character ``i``; they are
    non-decreasing, so a normalised span maps to one contiguous source span. They may be built
    on first use (``offsets``): most posts a bank matcher reads share nothing with the bank, and
    never need them.
    """

    __slots__ = ("_ends", "_offsets", "_starts", "source_length", "text", "unfolded")

    def __init__(
        self,
        text: str,
        starts: IntArray | None = None,
        ends: IntArray | None = None,
        source_length: int = 0,
        *,
        offsets: Callable[[], tuple[IntArray, IntArray]] | None = None,
        unfolded: str | None = None,
    ) -> None:
        if (starts is None or ends is None) and offsets is None:
            raise ValueError("NormalizedText needs its offsets, or a way to build them")
        if unfolded is not None and len(unfolded) != len(text):
            raise ValueError("unfolded text must be as long as the text")
        self.text = text
        # ``compact`` only: the text before OCR folding, so a folded ``l`` that was written ``1``
        # is still known to be a digit (a number written for another is not OCR noise).
        self.unfolded = unfolded
        self.source_length = source_length
        self._starts, self._ends, self._offsets = starts, ends, offsets

    @property
    def starts(self) -> IntArray:
        """Source start of each character."""
        if self._starts is None:
            self._build()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> IntArray:
        """Source end of each character."""
        if self._ends is None:
            self._build()
        assert self._ends is not None
        return self._ends

    def _build(self) -> None:
        assert self._offsets is not None
        self._starts, self._ends = self._offsets()
        self._offsets = None

    def __len__(self) -> int:
        return len(self.text)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to a span of the source text."""
        if not self.text or start >= end:
            pos = int(self.starts[start]) if start < len(self.text) else self.source_length
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])


def folded_digits(norm: NormalizedText) -> IntArray:
    """Offsets in ``norm.text`` of the digits OCR folding turned into letters (0, 1, 5, 8).

    A compact text keeps only its folded form; these offsets are what it takes to know later
    which of its ``o``, ``l``, ``s`` and ``b`` were written as digits (``unfold_digits``).
    """
    if norm.unfolded is None:
        return np.zeros(0, dtype=np.int64)
    return np.fromiter((m.start() for m in _FOLDED_DIGIT.finditer(norm.unfolded)), dtype=np.int64)


def unfold_digits(text: str, positions: Iterable[int]) -> str:
    """``text`` with the folded digits at ``positions`` written as digits again."""
    chars = list(text)
    for at in positions:
        chars[at] = _DIGIT_OF_FOLD[chars[at]]
    return "".join(chars)


def blank_redactions(text: str) -> str:
    """Replace redaction marks by spaces of the same length, so offsets are unchanged."""
    return _REDACTION.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Decompose, case-fold and de-confuse one non-ASCII character (cached: scripts repeat)."""
    out = []
    for c in unicodedata.normalize("NFKD", ch).casefold():
        c = _CONFUSABLES.get(c, c)
        if unicodedata.combining(c):  # accents carry no meaning for matching
            continue
        out.append(c)
    return "".join(out)


def _mark_redactions(text: str) -> str:
    """Replace each redaction run by the mark followed by spaces (same length, offsets kept)."""
    text = text.replace(REDACTION_MARK, " ")
    return _REDACTION.sub(lambda m: REDACTION_MARK + " " * (len(m.group()) - 1), text)


def _folded(text: str, *, marks: bool = False) -> tuple[str, IntArray, IntArray]:
    """Case-folded, de-confused text with per-character source spans (one-to-many safe)."""
    text = _mark_redactions(text) if marks else blank_redactions(text)
    if text.isascii():
        idx = np.arange(len(text), dtype=np.int64)
        return text.lower(), idx, idx + 1
    chars: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        folded = ch.lower() if ch.isascii() else _fold_char(ch)
        chars.append(folded)
        starts.extend([i] * len(folded))
    s = np.asarray(starts, dtype=np.int64)
    return "".join(chars), s, s + 1


_ASCII_KEEP = np.array([chr(i).isalnum() for i in range(128)], dtype=np.bool_)
_ASCII_KEEP_MARK = _ASCII_KEEP.copy()
_ASCII_KEEP_MARK[ord(REDACTION_MARK)] = True


def compact(text: str) -> NormalizedText:
    """Letters and digits only, case-folded, look-alikes and OCR confusions folded.

    Each redaction run becomes one ``REDACTION_MARK`` spanning the whole run in the source.
    Plain ASCII without redaction marks (most posts) takes a path of string operations only, and
    its offsets are built when first asked for.
    """
    if REDACTION_MARK in text or _REDACTION.search(text) is not None:
        return _compact(text)
    if text.isascii():
        folded = text.lower()
    else:
        table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}
        folded = text.translate(_ASCII_LOWER).translate(table)
    folded = folded.replace("rn", "m").replace("vv", "w").replace("cl", "d")
    kept = _NOT_ALNUM.sub("", folded)
    return NormalizedText(
        kept.translate(_OCR_CHARS),
        source_length=len(text),
        offsets=lambda: _compact_offsets(text),
        unfolded=kept,
    )


def _compact_offsets(text: str) -> tuple[IntArray, IntArray]:
    full = _compact(text)
    return full.starts, full.ends


# ``\W`` is exactly "not str.isalnum() and not an underscore", so this keeps what the full path
# keeps (letters and digits of every script).
_NOT_ALNUM = re.compile(r"[\W_]+")
_ASCII_LOWER = str.maketrans({c: c.lower() for c in map(chr, range(65, 91))})


def _compact(text: str) -> NormalizedText:
    """``compact`` with its offsets, for any text."""
    folded, starts, ends = _folded(text, marks=True)
    pairs = [m.start() for m in _OCR_PAIRS.finditer(folded)]
    if pairs:
        # Same-length folds keep offsets aligned; the folded letter spans both source characters
        # and the filler space is dropped with the rest of the punctuation.
        folded = _OCR_PAIRS.sub(lambda m: _OCR_PAIR_TO[m.group()], folded)
        at = np.asarray(pairs, dtype=np.int64)
        ends = ends.copy()
        ends[at] = ends[at + 1]
    if folded.isascii():
        codes = np.frombuffer(folded.encode("ascii"), dtype=np.uint8)
        keep = _ASCII_KEEP_MARK[codes]
        kept = codes[keep].tobytes().decode("ascii")
    else:
        keep = np.fromiter(
            (c.isalnum() or c == REDACTION_MARK for c in folded), dtype=np.bool_, count=len(folded)
        )
        kept = "".join(c for c, k in zip(folded, keep, strict=True) if k)
    starts, ends = starts[keep], ends[keep]
    if REDACTION_MARK in kept:
        for m in _REDACTION.finditer(text):
            first = int(np.searchsorted(starts, m.start()))
            if first < ends.size and starts[first] == m.start():
                ends = ends.copy() if not ends.flags.writeable else ends
                ends[first] = m.end()
    return NormalizedText(
        text=kept.translate(_OCR_CHARS),
        starts=starts,
        ends=ends,
        source_length=len(text),
        unfolded=kept,
    )


_WORD = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_APOSTROPHE = re.compile(r"['’ʼ`]")


def normalize(text: str) -> NormalizedText:
    """Words of letters and digits, case-folded and de-confused, joined by single spaces.

    Apostrophes inside words are dropped (``candidate's`` → ``candidates``); every other run of
    punctuation or whitespace becomes one space, whose source span is the gap it replaced.
    """
    folded, starts, ends = _folded(text)
    words: list[str] = []
    s_parts: list[IntArray] = []
    e_parts: list[IntArray] = []
    prev_end = -1
    for m in _WORD.finditer(folded):
        a, b = m.span()
        word = m.group()
        idx = np.arange(a, b)
        if "'" in word or "’" in word or "ʼ" in word or "`" in word:
            idx = idx[[_APOSTROPHE.fullmatch(c) is None for c in word]]
            word = _APOSTROPHE.sub("", word)
        if words:
            words.append(" ")
            s_parts.append(np.asarray([ends[prev_end]], dtype=np.int64))
            e_parts.append(np.asarray([starts[a]], dtype=np.int64))
        words.append(word)
        s_parts.append(starts[idx])
        e_parts.append(ends[idx])
        prev_end = b - 1
    empty = np.zeros(0, dtype=np.int64)
    return NormalizedText(
        text="".join(words),
        starts=np.concatenate(s_parts) if s_parts else empty,
        ends=np.concatenate(e_parts) if e_parts else empty,
        source_length=len(text),
    )
