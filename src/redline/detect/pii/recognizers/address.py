"""Street addresses: US, UK and Canadian, whole or as fragments in prose.

Presidio has no street-address recognizer; this is where Redline leads, because a home address is
the core of doxxing. An address is assembled from parts rather than matched by one monster
pattern: a street line (house number, name words, a street type), then optionally a direction, a
unit ("Apt 4B", "Suite 200"), and a tail (city + state + ZIP, city + province + postal code,
town + postcode). Each part adds confidence, so "1520 Oak Ridge Dr" alone is reported, while
"3 dogs way" (lower case, no tail, no cue) stays below the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue, phrase_pattern
from redline.detect.pii.probes import Probes
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.address_terms import (
    CA_PROVINCE_NAMES,
    CA_PROVINCES,
    COMMON_TYPES,
    NOT_NAME_WORDS,
    STREET_TYPES,
    UNIT_WORDS,
    US_STATE_NAMES,
    US_STATES,
    WHOLE_WORD_TYPES,
)

_H = r"[ \t\u00a0]"  # horizontal space
_WORD = r"(?:[^\W\d_][\w'’.\-]{0,24}|\d{1,3}(?:st|nd|rd|th))"
_NUMBER = r"(?P<number>\d{1,6}[a-z]?(?:[\-–/]\d{1,5}[a-z]?)?)"
_PREFIX = (
    rf"(?P<prefix>(?:flat|studio|apartment|apt|unit)\.?{_H}{{1,2}}[a-z0-9]{{1,5}}"
    rf"(?:{_H}*,{_H}*|{_H}*\n{_H}*))"
)
# Up to five words after the number; which of them is the street type is settled in Python with
# a set lookup, far cheaper than a regex alternation of four hundred street types.
_WORDS = rf"(?P<words>{_WORD}(?:{_H}{{1,3}}{_WORD}){{0,4}})"
# Two patterns rather than one with an optional prefix: a pattern that starts with a digit is
# rejected at once at every other position, which keeps digit-free stretches cheap.
_STREET_WITH_NUMBER = re.compile(
    rf"(?<![\w#/.\-,$€£¥]){_NUMBER},?{_H}{{1,3}}{_WORDS}", re.IGNORECASE
)
_STREET_AFTER_PREFIX = re.compile(
    rf"(?<![\w#/.\-]){_PREFIX}(?:{_H}*{_NUMBER},?{_H}{{1,3}})?{_WORDS}", re.IGNORECASE
)
_PREFIX_PROBES = Probes(("flat", "studio", "apartment", "apt", "unit"))
_NUMBERED_ROUTE = re.compile(
    rf"(?<![\w#/.\-]){_NUMBER}{_H}{{1,3}}(?:state{_H}|county{_H}|us{_H})?"
    rf"(?P<type>route|rte|highway|hwy|road|rd){_H}{{1,2}}\d{{1,4}}(?![\w])",
    re.IGNORECASE,
)
_ROUTE_TYPES = frozenset({"route", "rte", "highway", "hwy", "road", "rd"})
_TOKEN = re.compile(r"[^ \t\u00a0]+")
_SEP = rf"(?:{_H}*,{_H}*|{_H}*\n{_H}*|{_H}{{1,3}})"
_POST_DIRECTION = re.compile(rf"{_H}{{1,2}}(?:N|S|E|W|NE|NW|SE|SW)\.?(?![\w])", re.IGNORECASE)
_UNIT = re.compile(
    rf"(?:{_H}*,{_H}*|{_H}{{1,3}}|{_H}*\n{_H}*)(?:{phrase_pattern(UNIT_WORDS)}\.?{_H}{{0,2}}#?"
    rf"{_H}{{0,2}}[a-z0-9][a-z0-9\-]{{0,5}})(?![\w])",
    re.IGNORECASE,
)
_CITY = rf"(?P<city>[^\W\d_][\w'’.\-]{{0,24}}(?:{_H}{{1,2}}[^\W\d_][\w'’.\-]{{0,24}}){{0,3}})"
_US_TAIL = re.compile(
    rf"{_SEP}{_CITY}(?:{_H}*,{_H}*|{_H}{{1,3}})"
    rf"(?P<region>{'|'.join(sorted(US_STATES))}|{phrase_pattern(US_STATE_NAMES)})\.?"
    rf"(?:(?:{_H}*,)?{_H}{{1,3}}(?P<code>\d{{5}}(?:-\d{{4}})?))?(?![\w])",
    re.IGNORECASE,
)
_CA_TAIL = re.compile(
    rf"{_SEP}{_CITY}(?:{_H}*,{_H}*|{_H}{{1,3}})"
    rf"(?P<region>{'|'.join(sorted(CA_PROVINCES))}|{phrase_pattern(CA_PROVINCE_NAMES)})\.?"
    rf"(?:(?:{_H}*,)?{_H}{{1,3}}(?P<code>[a-z]\d[a-z]{_H}?\d[a-z]\d))?(?![\w])",
    re.IGNORECASE,
)
_UK_TAIL = re.compile(
    rf"(?:{_SEP}{_CITY})?(?:{_SEP}(?P<county>[^\W\d_][\w'’.\-]{{0,24}}(?:{_H}[^\W\d_][\w'’.\-]{{0,24}}){{0,2}}))?"
    rf"{_SEP}(?P<code>[a-z]{{1,2}}\d[a-z\d]?{_H}?\d[a-z]{{2}})(?![\w])",
    re.IGNORECASE,
)
_AU_TAIL = re.compile(
    rf"{_SEP}{_CITY}(?:{_H}*,{_H}*|{_H}{{1,3}})(?P<region>NSW|VIC|QLD|WA|SA|TAS|ACT|NT)"
    rf"(?:{_H}*,)?{_H}{{1,3}}(?P<code>\d{{4}})(?![\w])",
    re.IGNORECASE,
)
# India: "Indiranagar, Bengaluru 560038", "Civil Lines, Haridwar - 157490" (a six-digit PIN)
_IN_TAIL = re.compile(
    rf"(?:{_SEP}[^\W\d_][\w'’.\-]{{0,24}}(?:{_H}{{1,2}}(?:[^\W\d_][\w'’.\-]{{0,24}}|\d{{1,3}})){{0,3}}){{1,3}}"
    rf"(?:{_H}*-{_H}*|{_H}*,{_H}*|{_H}{{1,2}})(?P<code>[1-9]\d{{5}})(?![\w])",
    re.IGNORECASE,
)
# After a lower-case shorthand street ("12 3rd av boston"): the town, one word and maybe a
# prefix, when it is no common word ("... blvd tmrw" is not a town).
_SHORT_TOWN = re.compile(
    rf"{_H}{{1,2}}(?:(?:new|east|west|north|south|port|lake|fort|mount|san|santa|st\.?|el|la)"
    rf"{_H})?(?P<town>[a-z]{{3,20}})(?![\w])"
)
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)$", re.IGNORECASE)
# A country on its own line after the town: part of a multi-line postal address.
COUNTRY_LINE = re.compile(
    r"\n[ \u00a0]*(?:Deutschland|Germany|France|España|Spain|Italia|Italy|Portugal|Brasil"
    r"|Brazil|México|Mexico|Nederland|Netherlands|Polska|Poland|Česká republika|Česko"
    r"|Czech Republic|Sverige|Sweden|Österreich|Austria|Schweiz|Suisse|Belgique|België"
    r"|Australia|India|United Kingdom|UK|Canada|USA|United States)(?![\w])",
    re.IGNORECASE,
)
_ZIP_ONLY = re.compile(rf"(?:{_H}*,{_H}*|{_H}{{1,2}})(?P<code>\d{{5}}(?:-\d{{4}})?)(?![\w\-])")

ADDRESS_CUE = Cue(
    [
        "address",
        "addr",
        "home address",
        "lives at",
        "lives",
        "live at",
        "living at",
        "lives on",
        "resides at",
        "reside at",
        "residence",
        "resident of",
        "home",
        "house",
        "located at",
        "moved to",
        "moving to",
        "mailing",
        "billing",
        "shipping",
        "ship to",
        "deliver to",
        "delivered to",
        "visit",
        "door",
        "doorstep",
        "apartment",
        "stay at",
        "staying at",
        "stays at",
        "address is",
        "domicile",
        "dwelling",
        "property at",
        "his place",
        "her place",
        "their place",
        "go to",
        "show up at",
        "outside",
        "is at",
        # the same cues in the languages posts mix in most often
        "habite",  # French: il habite au ...
        "adresse",  # French, German
        "domicile",
        "vive en",  # Spanish
        "dirección",
        "direccion",
        "domicilio",
        "wohnt",  # German
        "anschrift",
        "abita",  # Italian
        "indirizzo",
        "mora na",  # Portuguese
        "endereço",
    ],
    before=48,
    after=0,
)
_WEAK_CUE = re.compile(r"(?<![\w])(?:at|on|to|from|of|in)\s{1,3}$", re.IGNORECASE)
_UPPER_ENDS = frozenset("NSEW")
_LEADING_DIRECTIONS = frozenset({"n", "s", "e", "w", "n.", "s.", "e.", "w."})
_NOT_TOWNS = NOT_NAME_WORDS | frozenset(
    "tmrw tomorrow today tonight now asap pls please lol thanks then later soon near next"
    " and but with for from".split()
)


def _capitalised(words: list[str]) -> bool:
    return all(w[0].isupper() or w[0].isdigit() for w in words if w)


def _street_end(match: re.Match[str]) -> tuple[int, str, list[str]] | None:
    """Where the street line ends: at the last street-type word with a plausible name before it.

    Returns the end offset, the street-type word, and the name words, or None when the words
    after the number hold no street type (then it was a number in prose, not an address).
    """
    words = match.group("words")
    parts = words.split()  # the words are separated by horizontal space only
    bare = [part.lower().rstrip(".") for part in parts]
    for i in range(len(parts) - 1, 0, -1):
        if bare[i] in STREET_TYPES and NOT_NAME_WORDS.isdisjoint(bare[:i]):
            word = parts[i]
            end = match.start("words") + _token_end(words, i)
            if word.endswith(".") and bare[i] in WHOLE_WORD_TYPES:
                end -= len(word) - len(word.rstrip("."))  # the sentence's full stop, not ours
            return end, word, parts[:i]
    return None


def _token_end(words: str, index: int) -> int:
    """Offset in ``words`` where its ``index``-th space-separated token ends."""
    for i, token in enumerate(_TOKEN.finditer(words)):
        if i == index:
            return token.end()
    raise ValueError(f"no token {index}")


_MASK_WORD = re.compile(r"(\w+)")  # captured: split() keeps the words at odd positions
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum() says


def mask_address(raw: str) -> str:
    """Star everything but the street type and a state or province code."""
    parts = _MASK_WORD.split(raw)
    for i in range(1, len(parts), 2):
        token = parts[i]
        if token.lower() in STREET_TYPES or token in US_STATES or token in CA_PROVINCES:
            continue
        parts[i] = _ALNUM.sub("*", token) if "_" in token else "*" * len(token)
    return "".join(parts)


class StreetAddressRecognizer(Recognizer):
    """US, UK and Canadian street addresses, full or partial."""

    name = "street_address"
    version = "1.0"
    entities = ("STREET_ADDRESS",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Every form has a number and a street-type word ("St", "Road", "Ridge")."""
        if facts.digits == 0:
            return False
        return not STREET_TYPES.isdisjoint(facts.words)

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield street lines extended by direction, unit and tail, scored by their parts."""
        numbers = facts.run_starts(1, 6)  # a house number opens the street line
        matches = [anchored(_STREET_WITH_NUMBER, text, numbers)]
        if facts.has_any(_PREFIX_PROBES):
            matches.append(_STREET_AFTER_PREFIX.finditer(text))
        for found in matches:
            for match in found:
                street = _street_end(match)
                if street is not None:
                    end, street_type, words = street
                    yield self._extend(text, match, end, street_type, words)
        for match in (
            _NUMBERED_ROUTE.finditer(text) if not _ROUTE_TYPES.isdisjoint(facts.words) else ()
        ):
            yield self._extend(text, match, match.end(), match.group("type"), [])

    def mask(self, entity: str, raw: str) -> str:
        """Star everything but the street type and a state or province code."""
        return mask_address(raw)

    def normalise(self, raw: str) -> str:
        """Lower-case words only, so punctuation and line breaks do not change the hash."""
        return " ".join(re.sub(r"[^\w\s]", " ", raw.lower()).split())

    def _extend(
        self, text: str, match: re.Match[str], end: int, street_type: str, words: list[str]
    ) -> Candidate:
        kind = street_type.lower().rstrip(".")
        score = 0.35
        why = [f"street type {kind!r}"]
        score += 0.2 if kind in COMMON_TYPES or not words else 0.0
        if _capitalised([*words, street_type]):
            score += 0.1
        else:
            score -= 0.1
            why.append("lower case")
        if match.groupdict().get("prefix"):
            score += 0.1
        if words and (_ORDINAL.match(words[-1]) or words[0].lower() in _LEADING_DIRECTIONS):
            score += 0.1  # "26th blvd", "s crawford ct": how street names are written
        if direction := _POST_DIRECTION.match(text, end):
            end = direction.end()
        if unit := _UNIT.match(text, end):
            end = unit.end()
            score += 0.15
            why.append("unit")
        tail = self._tail(text, end)
        if tail is not None:
            end, tail_kind = tail
            score += 0.45
            why.append(tail_kind)
            if country := COUNTRY_LINE.match(text, end):
                end = country.end()
        elif zip_only := _ZIP_ONLY.match(text, end):
            end = zip_only.end()
            score += 0.2
            why.append("ZIP")
        elif (
            not _capitalised([*words, street_type])
            and (town := _SHORT_TOWN.match(text, end))
            and town.group("town") not in _NOT_TOWNS
        ):
            end = town.end()
            why.append("town")
        cue = ADDRESS_CUE.before_span(text, match.start())
        if cue is not None:
            score += 0.3
            why.append(f"context {cue.group(0).lower()!r}")
        elif _WEAK_CUE.search(text, max(0, match.start() - 8), match.start()):
            score += 0.1
        return Candidate("STREET_ADDRESS", match.start(), end, clamp(score), "; ".join(why))

    @staticmethod
    def _tail(text: str, pos: int) -> tuple[int, str] | None:
        """End of a city/state/ZIP, city/province/postal or town/postcode tail at ``pos``."""
        for pattern, kind in (
            (_CA_TAIL, "Canadian tail"),
            (_US_TAIL, "US tail"),
            (_UK_TAIL, "UK postcode"),
            (_AU_TAIL, "Australian tail"),
            (_IN_TAIL, "Indian PIN"),
        ):
            found = pattern.match(text, pos)
            if found is None:
                continue
            city = found.groupdict().get("city")
            if city and city.split()[0].lower() in NOT_NAME_WORDS:
                continue
            if kind in ("Australian tail", "Indian PIN"):
                return found.end(), kind
            if kind == "UK postcode":
                code = found.group("code")
                if not code.isupper() and not city:
                    continue  # a lone lower-case "ab1 2cd" is too weak to count
                return found.end(), kind
            region = found.group("region")
            if len(region) == 2 and not region.isupper() and not found.group("code"):
                continue  # "Boston or Chicago" is not Oregon
            if kind == "Canadian tail" and not found.group("code") and region.upper() == "ON":
                continue  # "ON" alone is too common a word; insist on the postal code
            return found.end(), kind
        return None
