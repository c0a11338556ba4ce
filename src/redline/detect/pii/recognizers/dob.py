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


# Month names of the languages posts are written in most, as dates write them (Polish and Czech
# in the genitive: "5 marca 1990"), to their number.
_WORLD_MONTHS: dict[str, int] = {}
for _names in (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada"
    " grudnia",
    "ledna února března dubna května června července srpna září října listopadu prosince",
    "januari februari mars april maj juni juli augusti september oktober november december",
):
    for _number, _name in enumerate(_names.split(), start=1):
        _WORLD_MONTHS.setdefault(_name, _number)
_WORLD_MONTH = "|".join(sorted(_WORLD_MONTHS, key=len, reverse=True))


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
    # 5. März 1990, 6 de outubro de 1987, 21 febbraio 1972, 9 januari 1986
    rf"(?P<daye>{_D})\.?(?:{_SP}de)?{_SP}(?P<mone>{_WORLD_MONTH})(?:{_SP}de)?,?{_SP}(?P<yeare>{_Y4})",
    rf"(?P<yearf>{_Y4})年(?P<monf>{_M})月(?P<dayf>{_D})日",  # 1979年9月3日
)
# Around a date: no Latin letter or digit (a date inside a word is no date); kana and Han may
# touch it, as those scripts write without spaces ("1991/12/17生まれ").
_LATIN = r"0-9A-Za-z\u00c0-\u024f"
_DATE = re.compile(
    rf"(?<![{_LATIN}/.\-])(?:"
    + "|".join(f"(?:{form})" for form in _DATE_FORMS)
    + rf")(?![{_LATIN}]|[/.\-]\d)",
    re.IGNORECASE,
)
# Digit-first forms alone: used when the text names no month, and far cheaper per position.
_NUMERIC_DATE = re.compile(
    rf"(?<![{_LATIN}/.\-])(?:"
    + "|".join(f"(?:{form})" for form in (*_DATE_FORMS[2:4], _DATE_FORMS[5]))
    + rf")(?![{_LATIN}]|[/.\-]\d)",
    re.IGNORECASE,
)
_MONTH_PROBES = Probes(
    (
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        *_WORLD_MONTHS,
    )
)
_BIRTH_CUE = re.compile(
    r"(?<![a-z])(?:(?<!-)born|birth|birthdate|birthday|bday|b-day|dob|d\.o\.b\.?|date\s+of\s+birth"
    r"|birth\s+date|n[ée]e?\s+le|b\.|nacimiento|nacid[oa]|naissance|geboren|geburtsdatum"
    r"|nascita|nat[oa]\s+il|nascimento|nasceu|nació|geboortedatum|född|födelsedatum"
    r"|narozen[aáíý]?|narození|narodil[aoi]?|urodzeni[ae]|urodził[ay]?|ur\.|生年月日|出生日期|出生)(?![a-z])",
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
        "nasceu",
        "nació",
        "né",
        "narodil",
        "geboorte",
        "född",
        "födelse",
        "narozen",
        "urodz",
        "ur.",
        "生年月日",
        "出生",
        "生まれ",
        "geboren",
    )
)
# A birth word after the date: "ist am 5. März 1990 in Köln geboren", "1975年4月20日出生".
_BIRTH_AFTER = re.compile(
    r"[^\d\n]{0,40}?(?:(?<![a-z])geboren(?![a-z])|出生|生まれ)", re.IGNORECASE
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
        if g.get("mone"):
            month = _WORLD_MONTHS[g["mone"].lower()]
            return date(int(g["yeare"]), month, int(g["daye"]))
        if g.get("yearf"):
            return date(int(g["yearf"]), int(g["monf"]), int(g["dayf"]))
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
    version = "1.1"
    entities = ("DATE_OF_BIRTH",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """No birth cue, no date of birth."""
        if facts.digits < 2:
            return False
        # a cue, or a pasted table row (tab or pipe separated, with an identifier in it)
        return facts.has_any(_CUE_PROBES) or (
            facts.digits >= 14 and ("\t" in text or "|" in text or ";" in text)
        )

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
            if cue is not None and _OTHER_EVENT.search(text, cue.end(), match.start()):
                cue = None
            if cue is not None:
                why = f"date after birth cue {cue.group(0).lower()!r}"
            elif (after := _BIRTH_AFTER.match(text, match.end())) is not None and not (
                _OTHER_EVENT.search(text, match.end(), after.end())
            ):
                why = "date before a birth word"
            elif _in_person_row(text, match.start(), match.end()):
                why = "date in a table row with a name and an identifier"
            else:
                continue
            yield Candidate(
                "DATE_OF_BIRTH", match.start(), match.end(), 0.85, why, when.isoformat()
            )


_CELL_EDGE = frozenset("\t|;,")
_ROW_ID = re.compile(r"\b\d{3}[-\s]\d{2}[-\s]\d{4}\b|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b")
_NAME_CELL = re.compile(r"\s*[^\W\d_][^\t|;,\d]{1,60}")


def _in_person_row(text: str, start: int, end: int) -> bool:
    """Whether the date is a cell of a pasted table row about a person, header or not.

    The row opens with a name, the date is the cell right after it, and the row holds an SSN or
    a phone number.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start].rstrip(" \u00a0")
    after = text[end:line_end].lstrip(" \u00a0")
    if not before or before[-1] not in _CELL_EDGE or (after and after[0] not in _CELL_EDGE):
        return False
    first_cell = _NAME_CELL.match(text, line_start, start)
    if first_cell is None or text[first_cell.end() : start].strip(" \u00a0\t|;,"):
        return False  # the date must be the cell right after the name
    return _ROW_ID.search(text, end, line_end) is not None
