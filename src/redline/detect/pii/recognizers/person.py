"""Person names, where the text itself says a name follows.

Finding every name needs a statistical model (spaCy, optional, later); the policy only needs names
in the places doxxing puts them: labelled fields ("Name: Jane Q. Doe", "Subject: ...") and after
a title ("Sen. John Smith", "candidate Maria Lopez"). That is what a dossier line looks like, and
it is what makes a partial SSN identifying.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.probes import Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts

_NAME_WORD = r"[A-Z][a-zà-ÿ'’\-]{1,24}|[A-Z]\."
_FULL = rf"(?P<name>(?:{_NAME_WORD})(?:[ \u00a0](?:{_NAME_WORD})){{1,3}})(?![\w])"
_LABELLED = re.compile(
    r"(?<![\w])(?i:(?:full|legal|real|first\s+and\s+last|candidate|subject|target|employee"
    r"|account\s+holder|cardholder|owner|tenant|resident)\s+)?(?i:name)\s*[:=\-–|]\s*" + _FULL,
)
_TITLED = re.compile(
    r"(?<![\w])(?:Sen\.|Senator|Rep\.|Representative|Gov\.|Governor|Mayor|Councilman"
    r"|Councilwoman|Councillor|Judge|Mr\.|Mrs\.|Ms\.|Mx\.|Dr\.|[Cc]andidate|[Cc]ongressman"
    r"|[Cc]ongresswoman|MP|Minister|Secretary)[ \u00a0]" + _FULL,
)

# A labelled name needs the word "name"; a titled one one of these (lower-cased) title words.
_NAME_PROBES = Probes(("name",))
_TITLE_PROBES = Probes(
    (
        "sen",
        "rep",
        "gov",
        "mayor",
        "council",
        "judge",
        "mr",
        "ms",
        "mx",
        "dr.",
        "candidate",
        "congress",
        "mp",
        "minister",
        "secretary",
    )
)


class PersonNameRecognizer(Recognizer):
    """Names in labelled fields and after titles."""

    name = "person_name"
    version = "1.0"
    entities = ("PERSON_NAME",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """A label or a title word must be present."""
        return facts.has_any(_NAME_PROBES) or facts.has_any(_TITLE_PROBES)

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield the name after a label or a title."""
        for probes, pattern, score, why in (
            (_NAME_PROBES, _LABELLED, 0.85, "labelled name"),
            (_TITLE_PROBES, _TITLED, 0.7, "title"),
        ):
            for match in pattern.finditer(text) if facts.has_any(probes) else ():
                yield Candidate(
                    "PERSON_NAME",
                    match.start("name"),
                    match.end("name"),
                    score,
                    why,
                    " ".join(match.group("name").lower().split()),
                )
