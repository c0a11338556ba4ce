"""Which countries a text's national phone writings may belong to.

"030 101396" is a Berlin number in a German post and nothing in an American one: a number
written without its country code is only valid relative to a country, and every digit string
is valid somewhere. So the recognizer reads numbers against the countries the text itself
points to, strongest hint first:

1. a ``+CC`` (or ``00CC``) number elsewhere in the text: its author dials from that country;
2. a country or big city named in the text ("Deutschland", "Lyon", "東京");
3. the text's language, from its script (kana, Han, Hangul, Hebrew, Arabic, Cyrillic, Greek,
   Thai, Devanagari), its letters ("ß", "ł") or its common words
   ("und", "chez"), and the country domains of its e-mail addresses and links;
4. the platform's default regions (``Settings.phone_regions``), its main markets.

All word hints are probe words of the one Aho-Corasick pass every text already gets, so
inferring costs set lookups, and only texts holding a national-number candidate ask at all.
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from redline.detect.pii.probes import Probes
from redline.detect.pii.recognizer import TextFacts

# Countries and big cities, in the languages posts name them in, lower case.
_PLACES: dict[str, str] = {
    "GB": "united kingdom|england|scotland|wales|london|manchester|birmingham|glasgow|leeds",
    "IE": "ireland|dublin",
    "AU": "australia|sydney|melbourne|brisbane|perth|adelaide",
    "NZ": "new zealand|auckland",
    "IN": "india|mumbai|delhi|bengaluru|bangalore|chennai|kolkata|hyderabad|pune",
    "FR": "france|frankreich|francia|paris|lyon|marseille|toulouse|bordeaux|lille|nantes",
    "DE": "deutschland|germany|allemagne|alemania|berlin|münchen|hamburg|köln|frankfurt",
    "AT": "österreich|austria|wien|vienna",
    "CH": "schweiz|suisse|switzerland|zürich|genève",
    "NL": "nederland|netherlands|holland|amsterdam|rotterdam|utrecht|den haag",
    "BE": "belgique|belgië|belgium|bruxelles|brussel|antwerpen",
    "ES": "españa|spain|espagne|madrid|barcelona|valencia|sevilla|bilbao",
    "MX": "méxico|mexico|cdmx|guadalajara|monterrey|puebla",
    "IT": "italia|italy|italie|roma|milano|napoli|torino|firenze|bologna",
    "PT": "portugal|lisboa|porto|coimbra|braga",
    "BR": "brasil|brazil|são paulo|rio de janeiro|brasília|salvador|belo horizonte",
    "PL": "polska|poland|warszawa|kraków|łódź|wrocław|poznań|gdańsk",
    "CZ": "česko|česká republika|czech|praha|brno|ostrava|plzeň",
    "SE": "sverige|sweden|stockholm|göteborg|malmö|uppsala",
    "JP": "日本|japan|東京|大阪|京都|横浜|tokyo|osaka|kyoto",
    "CN": "中国|china|北京|上海|广州|深圳|beijing|shanghai",
    "IL": "israel|ישראל|tel aviv|jerusalem",
}
# Common words of each language, with the countries whose numbers posts in it hold (a space on
# either side where the word is short). English has none: its words are in nearly every post,
# and a text with no other hint is read as English anyway (``ENGLISH``).
_LANGUAGES: dict[tuple[str, ...], str] = {
    ("FR", "BE", "CH"): (
        " le | la | les | est | et | au | chez | ou |appelez|portable|téléphone|habite|né le"
        "|née le|numéro|rue "
    ),
    ("DE", "AT", "CH"): (
        " und | ist | der | die | das | ich | mich | oder | unter |handy|telefon|wohnt"
        "|anschrift|straße|geboren|ruf "
    ),
    ("NL", "BE"): " het | een | hij | zij | woont | bel | mijn | op | naar |nummer|straat",
    ("ES", "MX"): (
        " el | los | las | su | es | y | llámame|llamame|móvil|movil|teléfono|vive en|calle |nació"
    ),
    ("IT",): " il | di | è | chiamami| oppure|cellulare|cell.|abita|nato il|nata il|via ",
    ("PT", "BR"): (" ele | ela | ou | mora |liga para|celular|telemóvel|telefone|nasceu|rua |você"),
    ("PL",): " przy | pod | albo |zadzwoń|mieszka|numer|urodził| ul. |tel. ",
    ("CZ",): " na | nebo |zavolej|bydlí|adrese|narodil|mobil ",
    ("SE",): " han | hon | bor | på | eller |ring mig|född|mobil ",
}
_PLACE_PROBES = {region: Probes(words.split("|")) for region, words in _PLACES.items()}


def _language_words(words: str) -> list[str]:
    """The words of a ``_LANGUAGES`` entry; spaces kept around short ones only."""
    return [w if len(w.strip()) < 5 else w.strip() for w in words.split("|") if w.strip()]


_LANGUAGE_PROBES = [
    (regions, Probes(_language_words(words))) for regions, words in _LANGUAGES.items()
]
# Letters only some languages write.
_LETTERS: dict[str, tuple[str, ...]] = {
    "ß": ("DE", "AT", "CH"),
    "ł": ("PL",),
    "ż": ("PL",),
    "ś": ("PL",),
    "ř": ("CZ",),
    "ů": ("CZ",),
    "ě": ("CZ",),
    "å": ("SE",),
    "ã": ("PT", "BR"),
    "õ": ("PT", "BR"),
    "ñ": ("ES", "MX"),
    "ç": ("FR", "PT", "BR"),
}
_LETTER_PROBES = [(regions, Probes((letter,))) for letter, regions in _LETTERS.items()]
# Countries whose numbers a text with a phone word ("Tel.") but no other hint is read against:
# the cue says it is a phone number; the country only decides whether it is a valid one.
WORLD = (
    "GB DE FR IT ES NL PT BR MX AU IN JP CN PL CZ SE AT CH BE IE DK NO FI GR TR IL ZA NZ AR CO"
).split()
_FOREIGN = Probes(
    [w for words in _LANGUAGES.values() for w in _language_words(words)]
    + [w for words in _PLACES.values() for w in words.split("|")]
    + list(_LETTERS)
)
# Kana and Han (U+3040-U+9FFF) are the only characters whose UTF-8 opens with bytes E3-E9:
# a bytes class compiles in microseconds, a class of twenty thousand characters in milliseconds.
_CJK = re.compile(rb"[\xe3-\xe9]")
# Scripts written in a few countries only, with those countries, most populous first. A post in
# Hebrew holds Israeli numbers, whatever the English-speaking guesses would make of them.
_SCRIPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("\u0370", "\u03ff", ("GR", "CY")),
    ("\u0400", "\u04ff", ("RU", "UA", "BY", "KZ", "BG", "RS")),
    ("\u0590", "\u05ff", ("IL",)),
    ("\u0600", "\u06ff", ("EG", "SA", "AE", "MA", "DZ", "IQ", "JO", "PK", "IR")),
    ("\u0900", "\u097f", ("IN", "NP")),
    ("\u0e00", "\u0e7f", ("TH",)),
    ("\uac00", "\ud7af", ("KR",)),
)
# Any of those scripts, or kana and Han, or another Indic or Southeast Asian script (U+0800-0FFF),
# by the lead byte of its UTF-8, as ``_CJK``: one search of one class, where a search for each
# script cost more than the rest of ``foreign``. (CD also leads some rare combining marks.)
_NON_LATIN = re.compile(rb"[\xcd-\xdb\xe0\xe3-\xed]")


# The UTF-8 lead bytes of those scripts (and of a few neighbours, told apart below).
_SCRIPT_LEAD = re.compile(rb"[\xcd-\xdb\xea-\xed]|\xe0[\xa4\xa5\xb8\xb9]")


def _script_regions(text: str) -> tuple[str, ...]:
    """The countries of the first letter of a regional script in a non-ASCII text, if any.

    Found by the letter's UTF-8 lead byte, as ``_CJK``: a class of the scripts' thousands of
    characters costs milliseconds to compile.
    """
    encoded = text.encode("utf-8", "replace")
    for found in _SCRIPT_LEAD.finditer(encoded):
        letter = encoded[found.start() : found.start() + 3].decode("utf-8", "ignore")[:1]
        for low, high, regions in _SCRIPTS:
            if low <= letter <= high:
                return regions
    return ()


def foreign(text: str, facts: TextFacts) -> bool:
    """Whether the text hints at a language or country other than English-speaking America.

    Its words, letters, places, script or a +CC number count; curly quotes and emoji do not.
    The phone and address recognizers both ask, the phone one up to three times: the answer is
    kept in ``facts.hints``.
    """
    known = facts.hints.get("foreign")
    if known is None:
        known = facts.hints["foreign"] = _foreign(text, facts)
    return known


def _foreign(text: str, facts: TextFacts) -> bool:
    return (
        facts.has_any(_FOREIGN)
        or (not text.isascii() and _NON_LATIN.search(text.encode("utf-8", "replace")) is not None)
        or (
            ("+" in text or "00" in text)
            and _OTHER_CALLING.search(text) is not None
            and any(r not in NANP for r in _dialled(text))
        )
    )


_CCTLD = re.compile(r"\.([a-z]{2})(?![a-z0-9.\-])", re.IGNORECASE)
_TLD_REGION = {"uk": "GB"}
ENGLISH = ("GB", "AU", "IN", "IE", "NZ")
_KANA = re.compile(r"[\u3040-\u30ff]")
_CALLING = re.compile(r"(?:\+|(?<!\d)00)(\d{1,3})")
_OTHER_CALLING = re.compile(r"(?:\+|(?<!\d)00)[02-9]")  # a calling code other than +1
NANP = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1])


@cache
def _regions_of_code(code: int) -> tuple[str, ...]:
    return tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ()))


def _dialled(text: str) -> list[str]:
    """Regions of the +CC / 00CC numbers in the text (the longest code that exists wins)."""
    found: list[str] = []
    for match in _CALLING.finditer(text):
        digits = match.group(1)
        for size in (1, 2, 3):
            regions = _regions_of_code(int(digits[:size])) if len(digits) >= size else ()
            if regions:
                found.extend(regions)
                break
    return found


def infer_regions(text: str, facts: TextFacts) -> tuple[list[str], int, int]:
    """The regions to read national numbers against, strongest hint first.

    Returns the list, how many of its first entries come from the text itself (a number valid
    only in a default region scores lower), and how many come from the text or the platform's
    defaults (the rest are guesses: the English-speaking countries, read strictly).
    """
    inferred: list[str] = []
    if "+" in text or "00" in text:
        inferred.extend(_dialled(text))
    if "@" in text or "www." in text or "://" in text:
        for match in _CCTLD.finditer(text):
            code = match.group(1).lower()
            region = _TLD_REGION.get(code, code.upper())
            if phonenumbers.country_code_for_region(region):
                inferred.append(region)
    for region, probes in _PLACE_PROBES.items():
        if facts.has_any(probes):
            inferred.append(region)
    if not text.isascii():
        if _KANA.search(text):
            inferred.append("JP")
        elif _CJK.search(text.encode("utf-8", "replace")):  # Han, since no kana
            inferred.append("CN")
        inferred.extend(_script_regions(text))
    for regions, probes in _LANGUAGE_PROBES:
        if facts.has_any(probes):
            inferred.extend(regions)
    if not text.isascii():
        for regions, probes in _LETTER_PROBES:
            if facts.has_any(probes):
                inferred.extend(regions)
    ordered = list(dict.fromkeys(r for r in inferred if r not in NANP))
    own = len(ordered)
    ordered.extend(r for r in facts.regions if r not in ordered and r not in NANP)
    trusted = len(ordered)
    if not own:  # no hint: English, most likely, so the English-speaking countries
        ordered.extend(r for r in ENGLISH if r not in ordered)
    return ordered, own, trusted
