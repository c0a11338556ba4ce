"""Street addresses as the rest of the world writes them.

``address.py`` reads the English-speaking forms: house number, name, street type. Elsewhere the
parts come in other orders, and each order is one pattern here:

* **type, name, number** ("Calle Mayor 12", "Via Roma, 5", "Rua das Flores, nº 123", "ul.
  Marszałkowska 12/4", "Av. Insurgentes Sur 1234"): Spain, Italy, Portugal, Brazil, Mexico,
  Poland;
* **name-type, number** ("Hauptstraße 12", "Kerkstraat 40", "Drottninggatan 5 B",
  "Grothstr. 210"): German, Dutch and Swedish compounds;
* **number, type, name** ("31 bis avenue Victor Hugo", "12, rue de la Paix"): France;
* **name, number, postcode town** with no type word at all ("Leszczynowa 287, 73-685 Wrocław",
  "Národní 12, 110 00 Praha"): Czechia and Poland, where the postcode says it is an address;
* **prefecture ... chōme-ban-gō** ("東京都渋谷区神南1丁目2番3号", "〒150-0041 東京都...1-2-3"),
  and **province ... road number** ("北京市朝阳区建国路88号").

Each may go on with a unit ("3º B", "apto 12", "Int. 4"), a postcode and town in the country's
shape (``10115 Berlin``, ``1012 AB Amsterdam``, ``00-026 Warszawa``, ``110 00 Praha``,
``1100-048 Lisboa``, ``São Paulo - SP, 01234-567``), and a country name on its own line. A type
word or a postcode tail is required: "Seite 12" or "Termin 15" is no address.

Every pattern is bounded; each runs only when the text holds one of its probe words (type
words, CJK address characters) or, for the typeless form, a postcode-shaped digit run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.probes import ASCII_ALNUM, Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.address import ADDRESS_CUE, COUNTRY_LINE, mask_address
from redline.detect.pii.recognizers.phone_regions import foreign

_H = r"[ \t\u00a0]"
_UP = r"[A-ZÀ-ÖØ-ÞĀ-Žа-я]"  # an upper-case letter opens a name word (case is checked later)
_NAME_WORD = r"[^\W\d_][\w'’.\-]{0,30}"
_LINK = r"(?:de|del|della|di|da|das|do|dos|du|des|la|le|les|van|von|der|den|d'|l')"
_NAME = rf"(?:{_NAME_WORD}|{_LINK})(?:{_H}{{1,2}}(?:{_NAME_WORD}|{_LINK})){{0,4}}"
_NUM = r"\d{1,5}(?:[ \u00a0]?[a-zA-Z](?![\w]))?(?:[/\-]\d{1,4}[a-zA-Z]?)?"
_TYPES_BEFORE = (
    "calle|c/|avenida|avda\\.?|av\\.|avd\\.|paseo|plaza|camino|carrera|calzada|privada|blvd\\."
    "|via|viale|piazza|piazzale|corso|vicolo|largo|strada|contrada|rua|travessa|praça|estrada"
    "|alameda|rodovia|ul\\.|ulica|al\\.|aleja|os\\.|pl\\.|náměstí|nám\\.|třída"
)
_TYPES_FRENCH = "rue|avenue|boulevard|bd|allée|impasse|chemin|quai|place|cours|route|square"
_SUFFIXES = (
    "straße|strasse|str\\.|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan|gracht|plein"
    "|kade|singel|dijk|steeg|gatan|vägen|gränd|stigen|torget|gata|väg|backe|ring"
)
_POSTCODE = (
    r"(?:\d{2}-\d{3}"  # Poland
    r"|\d{3}[ \u00a0]\d{2}"  # Czechia, Sweden
    r"|\d{4}[ \u00a0]?[A-Z]{2}(?![\w])"  # Netherlands
    r"|\d{4}-\d{3}"  # Portugal
    r"|\d{5}-\d{3}"  # Brazil
    r"|\d{4,6})"  # Germany, France, Spain, Italy, Mexico; Australia, Austria...; India
)
_TOWN = rf"[^\W\d_][\w'’.\-]{{0,30}}(?:{_H}{{1,2}}[^\W\d_][\w'’.\-]{{0,30}}){{0,3}}"
_PROVINCE = r"(?-i:(?:[ \u00a0]?\(?[A-Z]{2,4}\)?|,[ \u00a0]?[A-Z][A-Za-z.]{1,5}\.?)?)"
_SEP = rf"(?:{_H}*,{_H}*|{_H}*\n{_H}*|{_H}{{1,3}}|{_H}+-{_H}+)"
# The parts after the street line, each optional, in the order addresses write them.
_UNIT = re.compile(
    rf"(?:,?{_H}{{1,2}}(?:\d{{1,2}}\s?[º°ª]\.?(?:{_H}?(?:[A-D]|esq\.?|dto\.?|izq\.?|dcha\.?|D|E))?"
    rf"|(?:apto\.?|apt\.?|int\.?|depto\.?|piso|bloco|bl\.|lok\.|m\.|/)\s?\d{{1,4}}[A-Za-z]?"
    rf"|[A-H](?![\w])))",
    re.IGNORECASE,
)
_NEIGHBOURHOOD = re.compile(
    rf"{_H}+-{_H}+{_TOWN}(?=,|\n|$)", re.IGNORECASE
)  # Brazil: "123 - Centro,"
_POST_TAIL = re.compile(
    rf"{_SEP}(?:(?:Col\.|Colonia){_H}{_TOWN},{_H}*)?(?P<code>{_POSTCODE}){_H}{{1,2}}"
    rf"(?P<town>{_TOWN}){_PROVINCE}",
    re.IGNORECASE,
)
_TOWN_TAIL = re.compile(  # Brazil: "São Paulo - SP, 01234-567"
    rf"{_SEP}(?P<town>[^\W\d_][\w'’.\-]{{0,30}}(?:{_H}{{1,2}}[^\W\d_][\w'’.\-]{{0,30}}){{0,6}}){_H}*[-,]{_H}*(?P<state>[A-Z]{{2}}),?{_H}*(?P<code>\d{{5}}-\d{{3}})",
    re.IGNORECASE,
)
# The number sign some countries write before the house number: "Rua das Flores, nº 123",
# "Alameda Pires, n.º 7", "Calle Mayor núm. 5", "Via Roma n. 5", "ul. Długa nr 5".
_NUMBER_SIGN = r"(?:(?:n\.?[º°]\.?|núm\.?|nr\.?|n\.)[ \u00a0]?)?"
_BEFORE = re.compile(
    rf"(?<![\w])(?P<type>{_TYPES_BEFORE})(?![\w]){_H}{{0,2}}(?P<name>{_NAME}),?{_H}{{1,2}}"
    rf"{_NUMBER_SIGN}(?P<number>{_NUM})(?![\w/])",
    re.IGNORECASE,
)
_COMPOUND = re.compile(
    rf"(?<![\w])(?P<name>(?:(?-i:{_UP})[\w'’]{{0,20}}[ \-]){{0,3}}[^\W\d_][\w'’\-]{{0,30}}?"
    rf"(?:{_SUFFIXES}))(?:(?<=\.)|(?![\w])){_H}{{1,2}}(?P<number>{_NUM})(?![\w/])",
    re.IGNORECASE,
)
_FRENCH = re.compile(
    rf"(?<![\w/.\-])(?P<number>\d{{1,5}})(?:{_H}?(?:bis|ter|b|t)(?![\w]))?,?{_H}{{1,2}}"
    rf"(?P<type>{_TYPES_FRENCH})(?![\w]){_H}{{1,2}}(?P<name>{_NAME})",
    re.IGNORECASE,
)
# Typeless: capitalised name words, house number, then a postcode tail (checked after).
_TYPELESS = re.compile(
    rf"(?<![\w])(?P<name>{_UP}[\w'’.\-]{{1,30}}(?:{_H}{_UP}[\w'’.\-]{{1,30}}){{0,3}})"
    rf"{_H}{{1,2}}(?P<number>\d{{1,4}}[a-zA-Z]?(?:/\d{{1,4}}[a-zA-Z]?)?)(?=,|\n|{_H})"
)
_PREFECTURES = "東京都|北海道|京都府|大阪府|[\u4e00-\u9fff]{2,3}県"
_JAPANESE_PATTERN = (
    rf"(?:〒\d{{3}}-\d{{4}}[ \u3000\u00a0]?)?(?:{_PREFECTURES})"
    r"[\u4e00-\u9fff\u3040-\u30ffヶ]{1,16}?"
    r"(?:\d{1,2}丁目\d{1,3}番(?:地)?(?:\d{1,3}号)?|\d{1,2}-\d{1,3}(?:-\d{1,3})?)"
)
_CN_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南"
    "|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_CHINESE_PATTERN = (
    rf"(?:{_CN_PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)"
    r"[\u4e00-\u9fff]{1,16}?(?:路|街|大道|巷|弄|道)\d{1,5}号(?:\d{1,3}栋\d{1,4}室)?"
)
_TYPE_PROBES = Probes(w.replace("\\", "").rstrip("?") for w in _TYPES_BEFORE.split("|"))
_FRENCH_PROBES = Probes(_TYPES_FRENCH.split("|"))
# French types that are no English street word: only they send an English-looking post through
# the French form ("12 Avenue B" is American; "12 avenue Victor Hugo" is read in French posts).
_FRENCH_ONLY = Probes(("rue", "allée", "impasse", "chemin", "quai"))
_SUFFIX_PROBES = Probes(w.replace("\\", "") for w in _SUFFIXES.split("|"))
_CJK_PROBES = Probes(("都", "道", "府", "県", "省", "市", "自治区"))
_LAST_WORD = re.compile(r"[^\W\d_]{5,}$")  # a town name, not an abbreviation, before a "."
_POSTCODE_RUNS = frozenset((2, 3))  # 00-026, 110 00: the typeless form's postcodes
_POSTCODE_START = re.compile(r"(?<![\d\-])(?:\d{2}-\d{3}|\d{3}[ \u00a0]\d{2})(?![\d\-])")
# The typeless form's tail: a postcode of a distinctive shape (a bare four or six digits is a
# year or a count as often), then the town.
_TYPELESS_TAIL = re.compile(
    rf"(?:{_H}*,{_H}*|{_H}*\n{_H}*|{_H}{{1,2}})"
    r"(?:\d{2}-\d{3}|\d{3}[ \u00a0]\d{2}|\d{4}[ \u00a0]?[A-Z]{2}|\d{4}-\d{3}|\d{5})"
    rf"{_H}{{1,2}}{_UP}"
)


@cache
def _cjk_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The Japanese and Chinese patterns, compiled on first use.

    Their Han classes cost milliseconds to compile, which posts in other scripts should not pay
    at start-up.
    """
    return (
        (re.compile(_JAPANESE_PATTERN), "Japanese address"),
        (re.compile(_CHINESE_PATTERN), "Chinese address"),
    )


def _capitalised(name: str) -> bool:
    words = [w for w in name.split() if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


class InternationalAddressRecognizer(Recognizer):
    """Street addresses of continental Europe, Latin America, Japan and China."""

    name = "street_address_intl"
    version = "1.0"
    entities = ("STREET_ADDRESS",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """A house number, and a street word, CJK address characters or a European postcode."""
        if facts.digits == 0:
            return False
        return (
            facts.has_any(_TYPE_PROBES)
            or facts.has_any(_SUFFIX_PROBES)
            or (not text.isascii() and facts.has_any(_CJK_PROBES))
            or facts.has_any(_FRENCH_ONLY)
            or (facts.has_any(_FRENCH_PROBES) and foreign(text, facts))
            or (facts.runs >= _POSTCODE_RUNS and self._postcode_start(text, facts))
        )

    @staticmethod
    def _postcode_start(text: str, facts: TextFacts) -> bool:
        """Whether a typeless form's postcode is here: tried at runs of two or three digits only.

        A match opens a digit run (no digit or dash may precede it): two digits before "-", or
        three before a space. Searching the whole text instead was half of this gate's cost.
        """
        return any(
            _POSTCODE_START.match(text, start) is not None
            for start, end in facts.spans
            if 2 <= end - start <= 3
        )

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield street lines in each national order, extended by unit, postcode town, country."""
        if facts.has_any(_TYPE_PROBES):
            starts = facts.probes.word_starts(_TYPE_PROBES, ASCII_ALNUM)
            for match in (
                _BEFORE.finditer(text) if starts is None else anchored(_BEFORE, text, starts)
            ):
                yield self._extend(text, match, f"street type {match.group('type').lower()!r}")
        if facts.has_any(_FRENCH_ONLY) or (facts.has_any(_FRENCH_PROBES) and foreign(text, facts)):
            for match in anchored(_FRENCH, text, facts.run_starts(1, 5)):
                yield self._extend(text, match, f"street type {match.group('type').lower()!r}")
        if facts.has_any(_SUFFIX_PROBES):
            for match in _COMPOUND.finditer(text):
                yield self._extend(text, match, "street name compound")
        if facts.runs >= _POSTCODE_RUNS and _POSTCODE_START.search(text) is not None:
            for match in _TYPELESS.finditer(text):
                if _TYPELESS_TAIL.match(text, match.end()) is not None:
                    yield self._extend(text, match, "street name and postcode")
        if not text.isascii() and facts.has_any(_CJK_PROBES):
            for pattern, why in _cjk_patterns():
                for match in pattern.finditer(text):
                    yield Candidate("STREET_ADDRESS", match.start(), match.end(), 0.9, why)

    def mask(self, entity: str, raw: str) -> str:
        """Star everything but the street type and a state or province code."""
        return mask_address(raw)

    def normalise(self, raw: str) -> str:
        """Lower-case words only, so punctuation and line breaks do not change the hash."""
        return " ".join(re.sub(r"[^\w\s]", " ", raw.lower()).split())

    def _extend(self, text: str, match: re.Match[str], why: str) -> Candidate:
        end = match.end()
        score = 0.5
        notes = [why]
        if _capitalised(match.group("name")):
            score += 0.1
        if unit := _UNIT.match(text, end):
            end = unit.end()
            score += 0.1
            notes.append("unit")
        if hood := _NEIGHBOURHOOD.match(text, end):
            end = hood.end()
        tail = self._tail(text, end)
        if tail is not None:
            end = tail
            score += 0.35
            notes.append("postcode and town")
            if country := COUNTRY_LINE.match(text, end):
                end = country.end()
        cue = ADDRESS_CUE.before_span(text, match.start())
        if cue is not None:
            score += 0.3
            notes.append(f"context {cue.group(0).lower()!r}")
        return Candidate("STREET_ADDRESS", match.start(), end, clamp(score), "; ".join(notes))

    @staticmethod
    def _tail(text: str, pos: int) -> int | None:
        """End of a postcode-and-town (or Brazilian town-state-CEP) tail at ``pos``, if any."""
        for pattern in (_POST_TAIL, _TOWN_TAIL):
            found = pattern.match(text, pos)
            if found is not None:
                end = found.end()
                # a sentence's full stop after the town ("... 10115 Berlin."), not an
                # abbreviation's ("Qro.", "Gto.")
                if text[end - 1] == "." and _LAST_WORD.search(text, pos, end - 1):
                    end -= 1
                return end
        return None
