"""The post's text as a moderator sees it: every signal in place, private data masked.

The store keeps the text as retention allows (raw, redacted with the private spans blanked, or
nothing) and the signals with their offsets and masked forms. Here the two are woven into
segments a template prints: plain text, a private datum shown by its masked form (or, after an
audited reveal, its raw value), and stretches a bank or link rule matched. A private datum is
never printed from the stored text: under ``raw`` retention the text holds the real value, so
its span is always replaced, whatever the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from redline.detect.finding import Signal, SignalKind


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the post: its text, and what evidence covers it."""

    text: str
    pii: str | None = None  # the entity type when this is a private datum
    revealed: bool = False
    matches: tuple[str, ...] = ()  # bank/entry names whose match covers it
    label: str = ""


def _label(signal: Signal) -> str:
    return f"{signal.type} (score {signal.score:.2f}, {signal.detector} {signal.detector_version})"


def segments(
    text: str,
    signals: Sequence[Signal],
    revealed: Mapping[tuple[int, int], str] | None = None,
) -> list[Segment]:
    """The text cut at every signal boundary; PII spans replaced by their masked (or raw) form.

    ``revealed`` maps a PII span (start, end) to the raw value an audited reveal returned.
    """
    revealed = revealed or {}
    size = len(text)
    pii = sorted(
        (
            s
            for s in signals
            if s.kind is SignalKind.PII
            and s.location.part == "text"
            and 0 <= s.start < s.end <= size
        ),
        key=lambda s: (s.start, -s.end),
    )
    matches = [
        s
        for s in signals
        if s.kind is not SignalKind.PII
        and s.location.part == "text"
        and 0 <= s.start < s.end <= size
    ]
    cuts = {0, size}
    for s in [*pii, *matches]:
        cuts.update((s.start, s.end))
    points = sorted(cuts)
    out: list[Segment] = []
    covered_to = 0  # PII spans may overlap: the first (longest at a start) one wins
    for start, end in pairwise(points):
        if start < covered_to:
            continue
        names = tuple(dict.fromkeys(m.masked for m in matches if m.start <= start and end <= m.end))
        datum = next((s for s in pii if s.start <= start < s.end), None)
        if datum is not None:
            if datum.start < start:
                continue  # the datum was printed where it starts
            raw = revealed.get((datum.start, datum.end))
            shown = raw if raw is not None else datum.masked
            out.append(Segment(shown, datum.type, raw is not None, names, _label(datum)))
            covered_to = datum.end
            continue
        out.append(Segment(text[start:end], None, False, names))
    return out


def other_parts(signals: Sequence[Signal]) -> list[Signal]:
    """Signals outside the post's text (links, attachments), listed beside it."""
    return [s for s in signals if s.location.part != "text"]
