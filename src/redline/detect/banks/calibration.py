"""The excerpt score: the evidence of a match turned into a calibrated probability.

A match's evidence is a handful of numbers (how many characters of document text the post
shares, how many of its letters are specific to the document rather than house style or ordinary
text, how closely they agree, how much was blacked out). A logistic model turns them into a
score, fitted on the tuning split of ``bench/banks/`` (``python bench/banks/calibrate.py``
prints new coefficients) so that a score reads as a precision level: of the matches that scored
about 0.95 there, about 95% named the right document. The fit is re-run when the matcher's
evidence changes; ``VERSION`` goes into the detector version, so decisions say which fit scored
them.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from redline.detect.banks.passage import Passage

__all__ = ["CALIBRATION", "Calibration", "features"]

FEATURES = ("specific_100", "specific_chars_100", "identity", "redacted_share", "specific_share")


def features(passages: Sequence[Passage]) -> tuple[float, ...]:
    """The evidence of a match over all its passages, in the order of ``FEATURES``.

    Passages of one document add up (a long excerpt broken by a rewrite is still one excerpt);
    counts are capped where more evidence stops changing anything. Length counts only in the
    share that is specific: a long run of house style (a letterhead, a sign-off and footer, a
    statement every memo quotes) is long and still evidence of nothing.
    """
    chars = sum(p.doc_chars for p in passages)
    specific = sum(p.specific for p in passages)
    length = sum(p.length for p in passages)
    redacted = sum(p.redacted for p in passages)
    compared = max(1, length - redacted)
    identity = sum(p.identity * (p.length - p.redacted) for p in passages) / compared
    share = min(1.0, specific / compared)
    return (
        min(specific, 400) / 100,
        min(chars, 800) / 100 * share,
        identity,
        redacted / max(1, length),
        share,
    )


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic coefficients over ``FEATURES`` and where they were fitted."""

    intercept: float
    weights: tuple[float, ...]
    fitted_on: str

    def score(self, passages: Sequence[Passage]) -> float:
        """The calibrated probability that the passages are an excerpt of the document."""
        z = self.intercept + sum(
            w * x for w, x in zip(self.weights, features(passages), strict=True)
        )
        return round(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))), 4)

    @property
    def version(self) -> str:
        """A short name of this fit, for the detector version."""
        digest = hashlib.sha256(repr((self.intercept, self.weights)).encode()).hexdigest()
        return f"cal-{digest[:8]}"


CALIBRATION = Calibration(
    intercept=-1.8381,
    weights=(7.0651, 7.6675, 0.0978, 2.1073, 4.5170),
    fitted_on="bench/banks/calibrate.py, tuning split, 2000 posts, 2066 matches",
)
