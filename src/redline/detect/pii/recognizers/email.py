"""Email addresses, including the "name [at] domain [dot] com" forms people use to dodge filters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.probes import Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts

_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
_PLAIN = re.compile(
    rf"(?<![\w.+\-%])[a-z0-9_%+\-](?:[a-z0-9._%+\-]{{0,62}}[a-z0-9_%+\-])?"
    rf"@(?:{_LABEL}\.){{1,8}}[a-z]{{2,24}}(?![\w\-]|\.[a-z0-9])",
    re.IGNORECASE,
)
_AT = r"\s{0,2}(?:\[at\]|\(at\)|\{at\}|<at>|\sat\s)\s{0,2}"
_DOT = r"\s{0,2}(?:\[dot\]|\(dot\)|\{dot\}|<dot>|\sdot\s|\.)\s{0,2}"
_OBFUSCATED = re.compile(
    rf"(?<![\w.(\[{{<])[a-z0-9](?:[a-z0-9._+\-]|[\[({{<]dot[\])}}>]){{0,40}}{_AT}"
    rf"(?:{_LABEL}{_DOT}){{1,4}}"
    r"(?:com|org|net|edu|gov|io|co|uk|us|ca|de|fr|info|me)(?![\w])",
    re.IGNORECASE,
)
_SPELLED_HINT = re.compile(r"[\[({<]at[\])}>]|\sdot\s", re.IGNORECASE)
# Every spelled-out hint holds one of these (lower-cased): a probe before the case-blind regex.
_SPELLED_PROBES = Probes(("at]", "at)", "at}", "at>", "dot"))
# "icon@2x.png" is an image name, not an address.
_FILE_SUFFIXES = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "js", "css", "ts"})


class EmailRecognizer(Recognizer):
    """Email addresses, plain and obfuscated."""

    name = "email_address"
    version = "1.0"
    entities = ("EMAIL_ADDRESS",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Plain addresses hold an ``@``; obfuscated ones spell out "at"."""
        return "@" in text or (
            facts.has_any(_SPELLED_PROBES) and _SPELLED_HINT.search(text) is not None
        )

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield plain addresses and spelled-out ones."""
        if "@" in text:
            for match in _PLAIN.finditer(text):
                address = match.group(0)
                if address.rsplit(".", 1)[-1].lower() in _FILE_SUFFIXES:
                    continue
                yield Candidate(
                    "EMAIL_ADDRESS",
                    match.start(),
                    match.end(),
                    0.9,
                    "address syntax",
                    address.lower(),
                )
        if _SPELLED_HINT.search(text) is None:
            return
        for match in _OBFUSCATED.finditer(text):
            canonical = re.sub(_DOT, ".", re.sub(_AT, "@", match.group(0), flags=re.I), flags=re.I)
            yield Candidate(
                "EMAIL_ADDRESS",
                match.start(),
                match.end(),
                0.75,
                "spelled-out address ('at', 'dot')",
                canonical.lower(),
            )
