"""The exceptions a rule may honour, as pure checks on one signal in its context.

Each check answers "does this signal stop counting towards the rule?" from the signal, the text of
the part it sits in, the policy's facts and what the platform told us about the author (their own
data, as keyed hashes). None of them reads who the author is beyond that: no lean, no group.
Newsworthiness is not here on purpose: only a human grants it, on a case, and ``decide`` takes
the grant as an input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from redline.decide.policy import Exemption, Facts
from redline.detect.finding import Signal

# Characters and placeholders people and tools use to redact: "***-**-6789", "█████", "[SSN]",
# "XXX-XX-6789". A run of two is required so a lone "*" in an address or a footnote is not read
# as redaction; X runs must stand apart from letters so "Exxon" is not a mask.
_MASK_RUN = re.compile(r"[*█▇■▆•●▒░#]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])")
_PLACEHOLDER = re.compile(r"[\[<{]\s*[A-Za-z][A-Za-z _-]*\s*[\]>}]")
_ADDRESS_TYPES = frozenset({"STREET_ADDRESS"})


@dataclass(frozen=True, slots=True)
class AuthorFacts:
    """All deciding may know about the author: the id and what the platform registered.

    ``own_digests`` are keyed hashes of the author's own phone, email and address. ``newsworthy``
    holds the rule ids a human granted a newsworthiness exemption for on this content's case
    (``"*"`` for every rule). Deliberately there is no field for anything else about the author.
    """

    account_id: str | None = None
    own_digests: frozenset[str] = field(default_factory=frozenset)
    newsworthy: frozenset[str] = field(default_factory=frozenset)

    def newsworthy_for(self, rule_id: str) -> bool:
        """Whether a human granted newsworthiness for this rule on this content."""
        return "*" in self.newsworthy or rule_id in self.newsworthy


def is_masked(span_text: str) -> bool:
    """Whether a span is a redacted form ("***-**-6789", "[ADDRESS]") rather than the datum."""
    return bool(_MASK_RUN.search(span_text) or _PLACEHOLDER.fullmatch(span_text.strip()))


def _span(signal: Signal, texts: Mapping[str, str]) -> str | None:
    text = texts.get(signal.location.part)
    if text is None or not 0 <= signal.start <= signal.end <= len(text):
        return None
    return text[signal.start : signal.end]


def _before(signal: Signal, texts: Mapping[str, str], window: int) -> str:
    """The lower-cased text right before the span, cut at the start of its sentence or line."""
    text = texts.get(signal.location.part)
    if text is None or not 0 <= signal.start <= len(text):
        return ""
    chunk = text[max(0, signal.start - window) : signal.start]
    cut = max(chunk.rfind(mark) for mark in (". ", "! ", "? ", "\n"))
    return (chunk[cut + 1 :] if cut >= 0 else chunk).lower()


def _last_cue(window: str, cues: tuple[str, ...]) -> int:
    """Position of the last cue found in the window, or -1."""
    return max((window.rfind(cue.lower()) for cue in cues), default=-1)


_HOME_CUES = ("home", "house", "lives", "live at", "residence", "apartment", "apt")


def applies(
    exemption: Exemption,
    signal: Signal,
    texts: Mapping[str, str],
    facts: Facts,
    author: AuthorFacts,
) -> bool:
    """Whether ``exemption`` takes ``signal`` out of a rule. Newsworthiness is never automatic."""
    if exemption is Exemption.ALREADY_REDACTED:
        span = _span(signal, texts)
        return span is not None and is_masked(span)
    if exemption is Exemption.SELF_DISCLOSURE:
        if signal.digest is not None and signal.digest in author.own_digests:
            return True
        return _last_cue(_before(signal, texts, facts.cue_window), facts.self_disclosure_cues) >= 0
    if exemption is Exemption.PUBLIC_ADDRESS:
        if signal.type not in _ADDRESS_TYPES:
            return False
        if signal.digest is not None and signal.digest in facts.public_address_digests:
            return True
        window = _before(signal, texts, facts.cue_window)
        public = _last_cue(window, facts.public_address_cues)
        # "the post office near his home at ..." names a private address: a home cue after the
        # public one wins.
        return public >= 0 and _last_cue(window[public:], _HOME_CUES) < 0
    return False
