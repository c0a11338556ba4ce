"""Dates of birth: a date is private only when its context says it is a birth date.

"Born March 14, 1985" is a date of birth; "the meeting on March 14, 1985" is history. The
recognizer finds dates in the common written forms, checks they are real calendar dates, and
reports them only when a birth cue ("born", "DOB", "date of birth", "birthday") sits just before
them with no other event word in between ("born in Ohio, hired on 03/04/2019" is a hire date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.probes import Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


def _month(tag: str) -> str:
    return (
        rf"(?P<mon{tag}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
        rf"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    )


# Ranges are checked in the pattern (day 1-31, month 1-12, year 1800-2099 or two digits) so that
# impossible dates never reach Python, which keeps a flood of near-miss dates cheap.
_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y4 = r"(?:1[89]\d\d|20\d\d)"


def _day(tag: str) -> str:
    return rf"(?P<day{tag}>{_D})(?:st|nd|rd|th)?"


def _year(tag: str) -> str:
    return rf"(?P<year{tag}>{_Y4}|'?\d{{2}})"


_SP = r"(?:[ \u00a0]{1,2}|-)"
_DATE_FORMS = (
    rf"{_month('a')}{_SP}{_day('a')},?{_SP}{_year('a')}",  # March 14, 1985
    rf"{_day('b')}{_SP}(?:of{_SP})?{_month('b')},?{_SP}{_year('b')}",  # 14 March 1985
    rf"(?P<yearc>{_Y4})[\-/.](?P<monc>{_M})[\-/.](?P<dayc>{_D})",  # 1985-03-14
    rf"(?P<first>{_D})(?P<sep>[\-/.])(?P<second>{_D})(?P=sep)(?P<yeard>{_Y4}|\d{{2}})",
)
_DATE = re.compile(
    r"(?<![\w/.\-])(?:" + "|".join(f"(?:{form})" for form in _DATE_FORMS) + r")(?![\w]|[/.\-]\d)",
    re.IGNORECASE,
)
# Digit-first forms alone: used when the text names no month, and far cheaper per position.
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    + "|".join(f"(?:{form})" for form in _DATE_FORMS[2:])
    + r")(?![\w]|[/.\-]\d)",
    re.IGNORECASE,
)
_MONTH_PROBES = Probes(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
_BIRTH_CUE = re.compile(
    r"(?<![a-z])(?:(?<!-)born|birth|birthdate|birthday|bday|b-day|dob|d\.o\.b\.?|date\s+of\s+birth"
    r"|birth\s+date|n[ée]e?\s+le|b\.|nacimiento|nacid[oa]|naissance|geboren|geburtsdatum"
    r"|nascita|nat[oa]\s+il|nascimento)(?![a-z])",
    re.IGNORECASE,
)
_CUE_PROBES = Probes(
    (
        "born",
        "birth",
        "bday",
        "b-day",
        "dob",
        "d.o.b",
        "b.",
        "née",
        "nee",
        "nac",  # nacimiento, nacido: Spanish
        "naissance",
        "geb",  # geboren, Geburtsdatum: German
        "nascita",
        "nato",
        "nata",
        "nascimento",
    )
)
_OTHER_EVENT = re.compile(
    r"(?<![a-z])(?:hired|joined|married|died|passed|moved|graduated|arrested|elected|signed"
    r"|meeting|released|published|issued|expires?|expiry|filed|since|until|deadline|due"
    r"|updated|posted|started|opened|closed|sworn|appointed|party|parties|celebration|bash"
    r"|dinner|lunch|brunch|drinks|cake|event|concert|sale|gift|gifts)(?![a-z])",
    re.IGNORECASE,
)
_WINDOW = 64  # wide enough for a table header ("name,email,dob") one row above


def _full_year(raw: str) -> int:
    raw = raw.lstrip("'")
    value = int(raw)
    if len(raw) == 2:
        value += 1900 if value > 30 else 2000
    return value


def parse_date(match: re.Match[str]) -> date | None:
    """The calendar date a match denotes, or None when it is not a real date."""
    g = match.groupdict()
    try:
        for tag in ("a", "b"):
            if g.get(f"mon{tag}"):
                month = _MONTHS[g[f"mon{tag}"][:3].lower()]
                return date(_full_year(g[f"year{tag}"]), month, int(g[f"day{tag}"]))
        if g.get("yearc"):
            return date(int(g["yearc"]), int(g["monc"]), int(g["dayc"]))
        first, second, year = int(g["first"]), int(g["second"]), _full_year(g["yeard"])
        # US order (month first) unless the first number cannot be a month.
        month, day = (first, second) if first <= 12 else (second, first)
        return date(year, month, day)
    except (ValueError, KeyError, TypeError):
        return None


class DateOfBirthRecognizer(Recognizer):
    """Dates introduced as birth dates."""

    name = "date_of_birth"
    version = "1.0"
    entities = ("DATE_OF_BIRTH",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """No birth cue, no date of birth."""
        return facts.digits >= 2 and facts.has_any(_CUE_PROBES)

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield real dates preceded closely by a birth cue."""
        pattern = _DATE if facts.has_any(_MONTH_PROBES) else _NUMERIC_DATE
        for match in pattern.finditer(text):
            when = parse_date(match)
            if when is None or not 1880 <= when.year <= 2030:
                continue
            window_start = max(0, match.start() - _WINDOW)
            cue = None
            for cue in _BIRTH_CUE.finditer(text, window_start, match.start()):  # noqa: B007
                pass  # keep the last: the cue nearest the date
            if cue is None:
                continue
            if _OTHER_EVENT.search(text, cue.end(), match.start()):
                continue
            yield Candidate(
                "DATE_OF_BIRTH",
                match.start(),
                match.end(),
                0.85,
                f"date after birth cue {cue.group(0).lower()!r}",
                when.isoformat(),
            )
