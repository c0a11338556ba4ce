"""The post as the case page prints it: every PII span replaced, overlaps resolved, matches kept."""

from __future__ import annotations

from redline.console.evidence import segments
from redline.detect.finding import Location, Signal, SignalKind


def signal(kind: SignalKind, start: int, end: int, masked: str, type_: str = "X") -> Signal:
    return Signal(kind, type_, Location(start, end), 1.0, "d", "1", masked)


TEXT = "call 555-0143 at 42 Maple Avenue now"


def test_pii_is_replaced_by_its_masked_form_and_never_printed() -> None:
    phone = signal(SignalKind.PII, 5, 13, "***-0143", "PHONE_NUMBER")
    address = signal(SignalKind.PII, 17, 32, "** ***** Avenue", "STREET_ADDRESS")
    out = segments(TEXT, [address, phone])
    assert "".join(s.text for s in out) == "call ***-0143 at ** ***** Avenue now"
    assert [s.pii for s in out if s.pii] == ["PHONE_NUMBER", "STREET_ADDRESS"]


def test_overlapping_pii_prints_once_and_a_match_covers_the_rest() -> None:
    outer = signal(SignalKind.PII, 17, 32, "[ADDRESS]")
    inner = signal(SignalKind.PII, 20, 25, "[STREET]")
    match = signal(SignalKind.BANK_MATCH, 0, 36, "bank/doc")
    out = segments(TEXT, [inner, match, outer])
    assert "".join(s.text for s in out) == "call 555-0143 at [ADDRESS] now"
    assert all(s.matches == ("bank/doc",) for s in out)
    assert "Maple" not in "".join(s.text for s in out)


def test_a_revealed_span_shows_its_raw_value_marked() -> None:
    address = signal(SignalKind.PII, 17, 32, "** ***** Avenue")
    out = segments(TEXT, [address], {(17, 32): "42 Maple Avenue"})
    revealed = [s for s in out if s.revealed]
    assert [s.text for s in revealed] == ["42 Maple Avenue"]


def test_spans_outside_the_text_are_ignored() -> None:
    out = segments("short", [signal(SignalKind.PII, 3, 99, "***")])
    assert "".join(s.text for s in out) == "short"
