"""Verify a chain of shared fingerprints by aligning the texts between them.

Fingerprint hits only say "these k-grams occur in both texts". Whether the post reproduces a
passage of the document is decided here, on the compact texts themselves, seed to seed (as
read mappers do with anchors): the stretch between two consecutive seeds is compared with a small
bounded edit distance, so the cost is a few short comparisons, not a full alignment.

What counts against a passage and what does not:

* OCR noise, look-alikes missed by folding, small insertions: each edit counts, and a passage
  needs ``identity = matched / (matched + edits)`` of at least ``1 - max_distance``.
* A redaction mark in the post: the document's characters under it are forgiven (neither matched
  nor edits); the post told us it removed them. Only what the mark can stand for is forgiven:
  the post's letters around the mark must still agree with the document's on either side, so a
  mark next to another name does not turn a sentence frame into a quote.
* A rewrite between two seeds (more than ``split_edits`` edits, or a number or a word replaced
  as a whole: see ``replaced_block``; and no redaction mark): the chain is split there, and an
  end is not extended across a digit written for another digit.
  Texts on the same topic share short phrases in the same order, and a house's sentence frame
  refilled with other values ("logged 166 calls ... 51 deserve" for "logged 4 calls ... 11
  deserve") agrees everywhere but in its slots; splitting at every rewrite leaves only
  phrase-sized pieces, which are too short to count. OCR noise is scattered single characters
  (look-alikes that folding missed), so a quote read by OCR keeps its length.

Ends are extended past the first and last seed by at most ``window + k - 1`` characters (the
most winnowing can leave unselected), never further, so a boilerplate header next to a short
shared phrase cannot lend the phrase its length.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from redline.extract.normalize import REDACTION_MARK

__all__ = [
    "Alignment",
    "align_chain",
    "bounded_edit_distance",
    "chain_seeds",
    "redacted_gap",
    "replaced_block",
]


@dataclass(frozen=True, slots=True)
class Alignment:
    """An aligned passage in compact coordinates: post ``[q0, q1)``, document ``[d0, d1)``."""

    q0: int
    q1: int
    d0: int
    d1: int
    matched: int
    edits: int
    redacted: int
    seeds: int

    @property
    def identity(self) -> float:
        """Share of compared characters that agree (redacted characters are not compared)."""
        return self.matched / max(1, self.matched + self.edits)

    @property
    def length(self) -> int:
        """Length of the document passage, redacted characters included."""
        return self.d1 - self.d0


def chain_seeds(q: list[int], d: list[int], *, max_gap: int, max_drift: int) -> list[list[int]]:
    """Group seeds (sorted by post offset) into chains that run along one drifting diagonal.

    Greedy, one pass: each seed joins the open chain whose last seed it follows most closely on
    the diagonal, within ``max_gap`` post characters and ``max_drift`` off-diagonal characters.
    A k-gram the document holds twice can put a seed off the diagonal at a chain's tail; a later
    seed that follows the seed before it on the diagonal takes its place, so one repeated word
    does not cut a quote in two.
    """
    open_chains: list[list[int]] = []
    closed: list[list[int]] = []
    for i in range(len(q)):
        qi, di = q[i], d[i]
        still_open: list[list[int]] = []
        for chain in open_chains:
            (closed if qi - q[chain[-1]] > max_gap else still_open).append(chain)
        open_chains = still_open
        best, best_drift = None, max_drift + 1
        for chain in open_chains:
            dq, dd = qi - q[chain[-1]], di - d[chain[-1]]
            if dq > 0 and dd > 0 and abs(dd - dq) < best_drift:
                best, best_drift = chain, abs(dd - dq)
        if best_drift > _ON_DIAGONAL:
            for chain in open_chains:
                if len(chain) >= 2 and _replaces_tail(q, d, chain, i):
                    best, best_drift = chain, 0
                    chain.pop()
                    break
        if best is not None:
            best.append(i)
        else:
            open_chains.append([i])
    return closed + open_chains


_ON_DIAGONAL = 2  # off-diagonal characters that still count as following a seed directly


def _replaces_tail(q: list[int], d: list[int], chain: list[int], i: int) -> bool:
    """Whether seed ``i`` follows the chain's second-to-last seed on the diagonal, its tail not."""
    before, tail = chain[-2], chain[-1]
    dq, dd = q[i] - q[before], d[i] - d[before]
    if dq <= 0 or dd <= 0 or abs(dd - dq) > _ON_DIAGONAL:
        return False
    return abs((d[tail] - d[before]) - (q[tail] - q[before])) > _ON_DIAGONAL


def bounded_edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it must exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return max(len(a), len(b))
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return min(prev[-1], limit + 1)


def replaced_block(a: str, b: str, unfolded: tuple[str, str] | None = None) -> bool:
    """Whether ``a`` and ``b`` differ by a value changed as a whole, not by scattered noise.

    A digit written for another digit is a different number: ``84`` for ``83``, ``2.5`` for
    ``1.9``, another reference on the same letterhead. Folding has turned the digits a scanner
    confuses with letters (0, 1, 5, 8) into those letters; ``unfolded`` (the same stretches
    before folding) tells which of them were written as digits, so ``8`` for ``1`` is another
    number too while ``B`` for ``8`` stays a misread (a digit lost, or read as a letter, is
    noise). Without it, only the digits folding left (2-4, 6, 7, 9) are known.

    Otherwise, with common ends set aside, what differs is a word's worth of letters when it is
    three or more long and at least half of it (and two at least) is edits: ``fri`` for ``mon``,
    ``ue`` for ``hur`` in Tuesday for Thursday. A scanner's letter errors are mostly one
    character (or two for one: ``li`` for ``h``); where two fall within three letters the chain
    splits there, which a long quote survives.
    """
    digits_a, digits_b = sorted(c for c in a if c.isdigit()), sorted(c for c in b if c.isdigit())
    if digits_a and digits_b and digits_a != digits_b:
        return True
    head = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        head += 1
    a, b = a[head:], b[head:]
    tail = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        tail += 1
    a, b = a[: len(a) - tail], b[: len(b) - tail]
    if unfolded is not None:
        plain_a = unfolded[0][head : head + len(a)]
        plain_b = unfolded[1][head : head + len(b)]
        if _digit_for_digit(a, b, plain_a, plain_b):
            return True
    else:
        plain_a, plain_b = a, b
    span = max(len(a), len(b))
    if span < 2:
        return False
    edits = bounded_edit_distance(a, b, span)
    numeric = any(c.isdigit() for c in plain_a + plain_b)
    if not numeric and len(a) == len(b) and _misreads(a, b) >= edits - 1:
        return False  # "leavc shoke" for "leave shake": a scanner's misreads, not a new word
    return 2 * edits >= span and (numeric or (edits >= 2 and span >= 3))


# Letters a scanner reads one for the other (beyond those folding already merged: 0/o, 1/l/i,
# 5/s, 8/b). A word replaced as a whole rarely differs from the original only by these.
_MISREAD = frozenset(
    frozenset(pair)
    for pair in ("ce", "ao", "eo", "co", "nh", "hb", "uv", "tf", "gq", "nr", "mn", "yv")
)


def _misreads(a: str, b: str) -> int:
    """Positions where two equal-length stretches differ by a letter a scanner misreads."""
    return sum(x != y and frozenset((x, y)) in _MISREAD for x, y in zip(a, b, strict=True))


def _digit_for_digit(a: str, b: str, plain_a: str, plain_b: str) -> bool:
    """Whether, where two folded stretches differ, each side has a digit the other lacks.

    ``a`` and ``b`` are what differs once common ends are set aside; ``plain_*`` are the same
    stretches before folding. Digits are compared in their folded form, so ``B30`` read for
    ``830`` (a letter where a digit was) is no digit written for another.
    """
    mine = Counter(f for f, p in zip(a, plain_a, strict=True) if p.isdigit())
    theirs = Counter(f for f, p in zip(b, plain_b, strict=True) if p.isdigit())
    return bool(mine - theirs) and bool(theirs - mine)


def redacted_gap(gap_post: str, gap_doc: str, limit: int) -> tuple[int, int, int] | None:
    """(matched, edits, hidden) for a post gap holding redaction marks, or None if it breaks.

    The letters before the first mark must agree with the start of the document's gap, those
    after the last mark with its end (``limit`` edits in all), and any letters between marks must
    appear in order in between; what is left of the document's gap is what the marks hide.
    """
    pieces = gap_post.split(REDACTION_MARK)
    head, tail, middle = pieces[0], pieces[-1], [p for p in pieces[1:-1] if p]
    if len(head) + len(tail) > len(gap_doc):
        return None
    edits = bounded_edit_distance(head, gap_doc[: len(head)], limit)
    rest = gap_doc[len(head) : len(gap_doc) - len(tail)]
    edits += bounded_edit_distance(tail, gap_doc[len(gap_doc) - len(tail) :], limit)
    if edits > limit:
        return None
    at = 0
    for piece in middle:
        at = rest.find(piece, at)
        if at < 0:
            return None
        at += len(piece)
    shown = len(head) + len(tail) + sum(map(len, middle))
    return shown - edits, edits, len(gap_doc) - shown


def _extend(
    post: str, doc: str, q: int, d: int, step: int, limit: int, plain: tuple[str, str]
) -> tuple[int, int, int]:
    """Ungapped X-drop extension from (q, d) towards ``step``: (length, matches, mismatches).

    ``plain`` are the two texts before OCR folding (or the folded texts when not known).
    """
    best = (0, 0, 0)
    best_score = score = matches = mismatches = 0
    for i in range(1, limit + 1):
        qi, di = (q - i, d - i) if step < 0 else (q + i - 1, d + i - 1)
        if not (0 <= qi < len(post) and 0 <= di < len(doc)):
            break
        if post[qi] == doc[di]:
            score, matches = score + 1, matches + 1
        elif plain[0][qi].isdigit() and plain[1][di].isdigit():
            break  # a digit for another digit: another number (see ``replaced_block``)
        else:
            score, mismatches = score - 2, mismatches + 1
        if score > best_score:
            best_score, best = score, (i, matches, mismatches)
        if score < -4:
            break
    return best


# The most document letters a redaction mark at a passage's end may stand for (a few words), and
# the fewest letters beyond the mark that must agree with the document to show where it ends.
_MAX_HIDDEN = 32
_MIN_BEYOND_MARK = 4


def _across_marks(
    post: str, doc: str, q: int, d: int, step: int, limit: int
) -> tuple[int, int, int, int]:
    """Carry a passage's end across redaction marks: (post letters, doc letters, matched, hidden).

    A quote that blacks out a word near its start or end ("LLC shake oil ████ Necessary from
    ...") would otherwise end at the mark, and a short excerpt would fall under the floor. As
    inside a passage (``redacted_gap``), a mark is forgiven only when what lies beyond it agrees
    with the document: at least ``_MIN_BEYOND_MARK`` of the post's letters next to the mark on
    its far side must be the document's, verbatim, once ``_MAX_HIDDEN`` letters at most are set
    aside for what the mark hides; the longest agreement wins, then the fewest hidden letters.
    It stops at the next mark, a disagreement or ``limit`` letters (a post's own commentary
    around a quote does not agree). ``q`` and ``d`` are the passage's first letters (``step``
    -1) or one past its last (+1).
    """
    took_q = took_d = matched = hidden = 0
    while True:
        mark, marks = q - took_q - 1 if step < 0 else q + took_q, 0
        while 0 <= mark < len(post) and post[mark] == REDACTION_MARK:
            mark, marks = mark + step, marks + 1  # adjacent marks hide one longer stretch
        if not marks:
            break
        mark -= step  # the mark farthest out
        edge = d - took_d if step < 0 else d + took_d  # where the document's hidden text begins
        best_run, best_gap = 0, 0
        for gap in range(1, _MAX_HIDDEN * marks + 1):
            at = edge - gap - 1 if step < 0 else edge + gap
            run = _agreeing(post, doc, mark, at, step, limit)
            if run > best_run:
                best_run, best_gap = run, gap
        if best_run < _MIN_BEYOND_MARK:
            break
        took_q += marks + best_run
        took_d += best_gap + best_run
        matched += best_run
        hidden += best_gap
    return took_q, took_d, matched, hidden


def _agreeing(post: str, doc: str, mark: int, at: int, step: int, limit: int) -> int:
    """Letters that agree going away from ``mark`` in the post and from ``at`` in the document."""
    run = 0
    while run < limit:
        qi, di = mark + step * (run + 1), at + step * run
        if not (0 <= qi < len(post) and 0 <= di < len(doc)) or post[qi] != doc[di]:
            break
        run += 1
    return run


def align_chain(
    post: str,
    doc: str,
    seeds: list[tuple[int, int]],
    k: int,
    *,
    split_edits: int,
    extend: int,
    unfolded: tuple[str | None, str | None] = (None, None),
) -> list[Alignment]:
    """Aligned passages along one chain of (post, document) seed offsets, sorted by post offset.

    ``unfolded`` are the post's and the document's compact texts before OCR folding, where
    known: with both, a ``1`` written for an ``8`` is another number, not a look-alike.
    """
    seeds = [(q, d) for q, d in seeds if post[q : q + k] == doc[d : d + k]]  # drop hash collisions
    plain = (unfolded[0] or post, unfolded[1] or doc)
    both = None if unfolded[0] is None or unfolded[1] is None else plain
    runs: list[Alignment] = []
    if not seeds:
        return runs
    q0, d0 = seeds[0]
    qe, de, lq, ld = q0 + k, d0 + k, q0, d0
    matched, edits, redacted, count = k, 0, 0, 1

    def close() -> None:
        bl, bm, bx = _extend(post, doc, q0, d0, -1, extend, plain)
        fl, fm, fx = _extend(post, doc, qe, de, +1, extend, plain)
        bq, bd, bmark, bhidden = _across_marks(post, doc, q0 - bl, d0 - bl, -1, extend)
        fq, fd, fmark, fhidden = _across_marks(post, doc, qe + fl, de + fl, +1, extend)
        runs.append(
            Alignment(q0 - bl - bq, qe + fl + fq, d0 - bl - bd, de + fl + fd,
                      matched + bm + fm + bmark + fmark, edits + bx + fx,
                      redacted + bhidden + fhidden, count)
        )  # fmt: skip

    for q, d in seeds[1:]:
        if q <= lq or d <= ld:
            continue
        if q < qe or d < de:  # overlapping k-grams: same diagonal, or a small indel inside
            drift = abs((q - lq) - (d - ld))
            matched += max(0, min(q + k - qe, d + k - de))
            edits += drift
        else:
            gap_post, gap_doc = post[qe:q], doc[de:d]
            if REDACTION_MARK in gap_post:
                found = redacted_gap(gap_post, gap_doc, split_edits)
                if found is None:
                    close()
                    q0, d0, qe, de, lq, ld = q, d, q + k, d + k, q, d
                    matched, edits, redacted, count = k, 0, 0, 1
                    continue
                matched, edits, redacted = (
                    matched + found[0],
                    edits + found[1],
                    redacted + found[2],
                )
            elif gap_post == gap_doc:
                matched += len(gap_post)
            else:
                e = bounded_edit_distance(gap_post, gap_doc, split_edits)
                gap_plain = None if both is None else (both[0][qe:q], both[1][de:d])
                if e > split_edits or replaced_block(gap_post, gap_doc, gap_plain):
                    close()
                    q0, d0, qe, de, lq, ld = q, d, q + k, d + k, q, d
                    matched, edits, redacted, count = k, 0, 0, 1
                    continue
                edits += e
                matched += max(len(gap_post), len(gap_doc)) - e
            matched += k
        qe, de, lq, ld = max(qe, q + k), max(de, d + k), q, d
        count += 1
    close()
    return runs
