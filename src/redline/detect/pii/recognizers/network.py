"""IP addresses (v4 and v6), checked by the standard library's ``ipaddress``."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue
from redline.detect.pii.recognizer import Recognizer, TextFacts
from redline.detect.pii.recognizers.common import TECHNICAL_WORDS

_V4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_V6 = re.compile(
    r"(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])",
    re.IGNORECASE,
)
IP_CUE = Cue(
    [
        "ip",
        "ip address",
        "ipv4",
        "ipv6",
        "address",
        "host",
        "from",
        "logged",
        "server",
        "connected",
        "login",
        "vpn",
        "router",
    ],
    before=32,
    after=12,
)
VERSION_CUE = Cue(
    [
        "version",
        "ver",
        "v",
        "build",
        "release",
        "firmware",
        "update",
        "sdk",
        "chrome",
        "android",
        "ios",
        "python",
        "node",
        "rev",
        "patch",
        *TECHNICAL_WORDS,
    ],
    before=20,
    after=0,
)


class IpAddressRecognizer(Recognizer):
    """IPv4 dotted quads and IPv6 addresses."""

    name = "ip_address"
    version = "1.0"
    entities = ("IP_ADDRESS",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """IPv4 holds three dots, IPv6 "::" or three colons: as many as a sentence rarely has."""
        return text.count(".") >= 3 or "::" in text or text.count(":") >= 3

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield syntactically valid addresses, version numbers excluded by context."""
        for match in _V4.finditer(text) if text.count(".") >= 3 else ():
            raw = match.group(0)
            if any(len(o) > 1 and o.startswith("0") for o in raw.split(".")):
                continue  # "01.02.2024" is a date
            try:
                ipaddress.IPv4Address(raw)
            except ValueError:
                continue
            yield self._scored(text, match, 0.75, "valid IPv4", raw)
        if "::" in text or text.count(":") >= 3:
            for match in _V6.finditer(text):
                raw = match.group(0)
                if sum(c in "0123456789abcdefABCDEF" for c in raw) < 4:
                    continue
                try:
                    ipaddress.IPv6Address(raw)
                except ValueError:
                    continue
                yield self._scored(text, match, 0.8, "valid IPv6", raw.lower())

    @staticmethod
    def _scored(text: str, match: re.Match[str], base: float, why: str, value: str) -> Candidate:
        notes = [why]
        score = base
        if VERSION_CUE.before_span(text, match.start()):
            score -= 0.5
            notes.append("preceded by a version word")
        elif (cue := IP_CUE.near(text, match.start(), match.end())) is not None:
            score += 0.15
            notes.append(f"context {cue!r}")
        return Candidate(
            "IP_ADDRESS", match.start(), match.end(), clamp(score), "; ".join(notes), value
        )
