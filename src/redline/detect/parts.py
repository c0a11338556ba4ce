"""PII detection over every part of a content: the post's text and each attachment's text.

Each part is scanned whole (a datum split across a page break is still one datum), then every
signal is given its part name and the page its start falls on, so a finding reads "attachment:0,
page 14, offsets 812-823". URLs are matched by the link rules, not scanned for PII here.
"""

from __future__ import annotations

from dataclasses import replace

from redline.detect.budget import Budget
from redline.detect.finding import DetectorFailure, Signal
from redline.detect.pii.scanner import PiiOptions, PiiResult, PiiScanner
from redline.extract.parts import Part, Parts

__all__ = ["pii_parts", "scan_part", "scan_parts"]


def pii_parts(parts: Parts) -> list[Part]:
    """The parts PII detection reads: the text and every readable attachment."""
    return [p for p in parts.parts if not p.name.startswith("url:")]


def scan_part(
    scanner: PiiScanner, part: Part, options: PiiOptions, budget: Budget | None = None
) -> PiiResult:
    """Signals in one part, each located by part name and page, within the content's budget."""
    # ``replace`` builds a new options object (~5 us); the post's own text needs none
    named = options if options.part == part.name else replace(options, part=part.name)
    result = scanner.scan(part.text, named, budget)
    if not part.pages:
        return result
    signals = [
        replace(s, location=replace(s.location, page=part.page_at(s.start))) for s in result.signals
    ]
    return PiiResult(signals, result.failures)


def scan_parts(
    scanner: PiiScanner, parts: Parts, options: PiiOptions, budget: Budget | None = None
) -> PiiResult:
    """Signals in every PII part, in part order, and the recognizer failures of each.

    One ``budget`` is shared by the parts: once a part spent it, the later parts are not
    scanned, and each has a ``detector_budget`` failure saying so.
    """
    if len(parts.parts) == 1:  # the post's text alone, the common case
        return scan_part(scanner, parts.parts[0], options, budget)
    signals: list[Signal] = []
    failures: list[DetectorFailure] = []
    for part in pii_parts(parts):
        result = scan_part(scanner, part, options, budget)
        signals.extend(result.signals)
        failures.extend(result.failures)
    return PiiResult(signals, failures)
