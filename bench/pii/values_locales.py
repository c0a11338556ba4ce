"""Private values as people write them in eighteen locales, for the multilingual PII corpus.

One ``IntlValues`` holds a seeded Faker per locale; ``use(locale)`` picks the locale the next
values are written for. Values follow each country's own rules (checksums, structures, the
national numbering plan) so that a careful detector is never rewarded for a wrong check; the
national-ID checksums are independent re-implementations, compared with python-stdnum in
``tests/bench/test_pii_intl.py``.

Addresses are assembled here from Faker's parts in each country's postal format (Faker's own
``address()`` writes several countries the American way), with the unit, the postcode and
sometimes the country name where people write them.
"""

from __future__ import annotations

import datetime as dt
import string

import phonenumbers
from faker import Faker

from bench.pii.values import Values, iban_with_checksum, luhn_check_digit

LOCALES: tuple[str, ...] = (
    "en_US",
    "en_GB",
    "en_CA",
    "en_AU",
    "en_IN",
    "fr_FR",
    "de_DE",
    "nl_NL",
    "es_ES",
    "es_MX",
    "it_IT",
    "pt_PT",
    "pt_BR",
    "pl_PL",
    "cs_CZ",
    "sv_SE",
    "ja_JP",
    "zh_CN",
)
REGION = {loc: loc[3:] for loc in LOCALES} | {"en_GB": "GB"}
COUNTRY_NAME = {
    "en_US": "USA",
    "en_GB": "United Kingdom",
    "en_CA": "Canada",
    "en_AU": "Australia",
    "en_IN": "India",
    "fr_FR": "France",
    "de_DE": "Deutschland",
    "nl_NL": "Nederland",
    "es_ES": "España",
    "es_MX": "México",
    "it_IT": "Italia",
    "pt_PT": "Portugal",
    "pt_BR": "Brasil",
    "pl_PL": "Polska",
    "cs_CZ": "Česká republika",
    "sv_SE": "Sverige",
    "ja_JP": "日本",
    "zh_CN": "中国",
}
# The national identifiers of issue 13, by the locale whose posts carry them.
NATIONAL_IDS: dict[str, tuple[str, ...]] = {
    "en_US": ("US_SSN",),
    "en_GB": ("UK_NINO",),
    "en_CA": ("CA_SIN",),
    "fr_FR": ("FR_NIR",),
    "de_DE": ("DE_TAX_ID",),
    "es_ES": ("ES_NIF", "ES_NIE"),
    "it_IT": ("IT_FISCAL_CODE",),
    "en_IN": ("IN_AADHAAR", "IN_PAN"),
    "pt_BR": ("BR_CPF",),
    "en_AU": ("AU_TFN",),
    "es_MX": ("MX_CURP",),
}
IBAN_COUNTRY = {
    "en_GB": ("GB", "AAAA99999999999999"),
    "fr_FR": ("FR", "9999999999AAAAAAAAAAA99"),
    "de_DE": ("DE", "999999999999999999"),
    "nl_NL": ("NL", "AAAA9999999999"),
    "es_ES": ("ES", "99999999999999999999"),
    "it_IT": ("IT", "A9999999999AAAAAAAAAAAA"),
    "pt_PT": ("PT", "999999999999999999999"),
    "pl_PL": ("PL", "999999999999999999999999"),
    "cs_CZ": ("CZ", "99999999999999999999"),
    "sv_SE": ("SE", "99999999999999999999"),
    "pt_BR": ("BR", "99999999999999999999999AA"),
}
# Card networks a locale's posts name most, beyond Visa and Mastercard.
LOCAL_CARDS = {
    "ja_JP": ("jcb", "jcb"),
    "zh_CN": ("unionpay", "unionpay"),
    "en_IN": ("rupay", "rupay"),
    "pl_PL": ("maestro",),
    "cs_CZ": ("maestro",),
    "de_DE": ("maestro",),
    "nl_NL": ("maestro",),
    "fr_FR": ("visa", "uatp"),
    "en_US": ("diners", "uatp", "discover", "amex"),
}
CARD_KINDS = ("visa", "mc", "jcb", "unionpay", "maestro", "diners", "mir", "rupay", "uatp")

AU_TYPES = (
    "Street St Road Rd Avenue Ave Drive Dr Court Ct Place Pl Crescent Cres Parade Pde "
    "Terrace Tce Lane Close Way Highway Hwy Boulevard Circuit Grove Esplanade"
).split()
AU_STATES = "NSW VIC QLD WA SA TAS ACT NT".split()
IN_LOCALITIES = (
    "Indiranagar|Koramangala|Banjara Hills|Andheri West|Salt Lake|Anna Nagar|Civil Lines|"
    "Model Town|Sector 15|Gomti Nagar|Aundh|Vasant Kunj"
).split("|")
IN_TYPES = "Road|Marg|Street|Lane|Nagar|Cross Road|Main Road".split("|")
DE_SUFFIX = "straße str. strasse weg allee platz gasse ring damm".split()
NL_SUFFIX = "straat laan weg gracht plein kade singel dijk".split()
SV_SUFFIX = "gatan vägen gränd stigen torget".split()
ES_TYPES = ("Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Camino")
IT_TYPES = ("Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo")
PT_TYPES = ("Rua", "Avenida", "Av.", "Travessa", "Largo", "Praça", "Estrada")
FR_TYPES = ("rue", "avenue", "boulevard", "allée", "impasse", "place", "chemin", "quai")
MX_TYPES = ("Calle", "Av.", "Avenida", "Calzada", "Blvd.", "Privada")
IT_PROVINCES = "RM MI TO NA FI BO VE GE BA PA".split()
BR_STATES = "SP RJ MG BA PR RS PE CE SC GO".split()
MX_STATES = "CDMX Jal. NL Pue. Ver. Gto. Yuc. Qro.".split()
IT_CITIES = (
    "Roma Milano Napoli Torino Palermo Genova Bologna Firenze Bari Catania Verona Padova "
    "Trieste Brescia Parma Modena Perugia Livorno Cagliari Bergamo"
).split()
PL_CITIES = "Warszawa Kraków Łódź Wrocław Poznań Gdańsk Lublin Katowice".split()
JA_CITIES = "千代田区 渋谷区 新宿区 港区 中央区 横浜市西区 大阪市北区 札幌市中央区".split()
ZH_ROADS = "建国路 人民路 解放路 中山路 南京路 长安街 和平路 体育西路".split()
ZH_DISTRICTS = "朝阳区 海淀区 天河区 浦东新区 福田区 武侯区 西湖区 鼓楼区".split()


def _groups(text: str, sizes: tuple[int, ...], sep: str) -> str:
    out, pos = [], 0
    for size in sizes:
        if text[pos : pos + size]:
            out.append(text[pos : pos + size])
        pos += size
    if pos < len(text):
        out.append(text[pos:])
    return sep.join(out)


# ------------------------------------------------------------------ checksums
def sin_ok_digits(body: str) -> str:
    """The Luhn check digit a Canadian SIN (and Luhn-based ids) end with."""
    return luhn_check_digit(body)


_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_check_digit(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(_VERHOEFF_INV[c])


def de_tax_id_check(body: str) -> str:
    """ISO 7064 MOD 11,10 check digit of a German Steuer-ID (10 digits in, 1 out)."""
    product = 10
    for ch in body:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return "0" if check == 10 else str(check)


_CF_ODD = [
    1,
    0,
    5,
    7,
    9,
    13,
    15,
    17,
    19,
    21,
    2,
    4,
    18,
    20,
    11,
    3,
    6,
    8,
    12,
    14,
    16,
    10,
    22,
    25,
    24,
    23,
]


def it_cf_check(body: str) -> str:
    """The check letter of an Italian codice fiscale (15 characters in)."""
    total = 0
    for i, ch in enumerate(body):
        index = int(ch) if ch.isdigit() else ord(ch) - 65
        total += _CF_ODD[index] if i % 2 == 0 else index
    return chr(65 + total % 26)


def curp_check(body: str) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
    total = sum(alphabet.index(ch) * (18 - i) for i, ch in enumerate(body))
    return str((10 - total % 10) % 10)


def cpf_checks(body: str) -> str:
    digits = [int(c) for c in body]
    for _ in range(2):
        total = sum(d * w for d, w in zip(digits, range(len(digits) + 1, 1, -1), strict=True))
        digits.append((11 - total % 11) % 10 if total % 11 >= 2 else 0)
    return "".join(map(str, digits[-2:]))


_TFN_WEIGHTS = (1, 4, 3, 7, 5, 8, 6, 9, 10)
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


class IntlValues(Values):
    """Values for one locale at a time (``use``), drawn from one seeded source."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.fakers = {}
        for offset, loc in enumerate(LOCALES, start=11):
            fake = Faker(loc)
            fake.seed_instance(seed * 7919 + offset)
            self.fakers[loc] = fake
        self.locale = "en_US"
        self.fake = self.fakers["en_US"]

    def use(self, locale: str) -> None:
        self.locale, self.fake = locale, self.fakers[locale]

    @property
    def region(self) -> str:
        return REGION[self.locale]

    # ------------------------------------------------------------------ names
    def local_name(self) -> str:
        return str(self.fake.name())

    def local_first(self) -> str:
        return str(self.fake.first_name())

    def local_city(self) -> str:
        if self.locale == "ja_JP":
            return self.pick(JA_CITIES)
        if self.locale == "zh_CN":
            return str(self.fake.city_name()) + "市"
        if self.locale == "pl_PL":
            return self.pick(PL_CITIES)
        if self.locale == "it_IT":  # Faker's Italian towns depend on PYTHONHASHSEED
            return self.pick(IT_CITIES)
        return str(self.fake.city())

    # ----------------------------------------------------------------- phones
    def _valid_number(self, region: str) -> phonenumbers.PhoneNumber:
        kind = self.pick(
            [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
        )
        example = phonenumbers.example_number_for_type(region, kind)
        nsn = str(example.national_number)
        keep = min(3, len(nsn) - 4)
        for _ in range(100):
            candidate = nsn[:keep] + self.digits(len(nsn) - keep)
            parsed = phonenumbers.parse(f"+{example.country_code}{candidate}")
            if phonenumbers.is_valid_number(parsed) and phonenumbers.region_code_for_number(
                parsed
            ) in (region, None):
                return parsed
        return example

    def local_phone(self) -> str:
        """A number of the locale's country in its national writing (trunk 0, local groups)."""
        number = self._valid_number(self.region)
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        roll = self.rng.random()
        digits = "".join(ch for ch in national if ch.isdigit())
        if self.region == "FR" and roll < 0.4:
            national = ".".join(digits[i : i + 2] for i in range(0, 10, 2))
        elif self.region in ("FR", "ES", "SE", "DE", "NL", "BE", "CZ", "PL") and roll < 0.55:
            head = 4 if self.region in ("DE", "NL") and digits.startswith("0") else 3
            rest = digits[head:]
            pairs = " ".join(rest[i : i + 2] for i in range(0, len(rest), 2))
            national = f"{digits[:head]} {pairs}" if len(rest) % 2 == 0 else national
        elif self.region in ("DE", "AU", "GB") and roll < 0.65:
            national = national.replace(" ", "/", 1) if self.region == "DE" else national
        if self.chance(0.08):
            national += self.pick([" ext. ", " ext ", " x", " Ext. "]) + (
                self.digits(self.rng.randrange(2, 5), first_nonzero=True)
            )
        return national

    def intl_phone(self) -> str:
        """The locale's number with its country code, as +CC or 00CC."""
        number = self._valid_number(self.region)
        style = self.rng.random()
        if style < 0.25:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if style < 0.4:
            return "00" + text[1:]
        if style < 0.5 and self.region in ("GB", "DE", "IT", "CH", "AT"):
            cc, _, rest = text.partition(" ")
            return f"{cc} (0){rest}"
        return text

    # -------------------------------------------------------------- addresses
    def _number(self) -> str:
        n = self.rng.randrange(1, 300) if self.chance(0.8) else self.rng.randrange(1, 2000)
        return str(n)

    def _pick_street(self, types: tuple[str, ...]) -> str:
        name = str(self.fake.last_name())
        return f"{self.pick(types)} {name}"

    def local_address(self, *, multiline: bool = False) -> str:
        """A home address in the locale's postal format, one line or several."""
        loc, n = self.locale, self._number()
        sep = "\n" if multiline else self.pick([", ", ", ", " "])
        fake = self.fake
        if loc == "en_US":
            return self.address_us(multiline=multiline)
        if loc == "en_GB":
            return self.address_uk(multiline=multiline)
        if loc == "en_CA":
            return self.address_ca(multiline=multiline)
        if loc == "en_AU":
            street = f"{fake.last_name()} {self.pick(AU_TYPES)}"
            line1 = f"{n} {street}"
            if self.chance(0.3):
                line1 = f"{self.pick(['Unit ', ''])}{self.rng.randrange(1, 40)}/{line1}"
            tail = f"{fake.city()} {self.pick(AU_STATES)} {fake.postcode()}"
            addr = f"{line1}{sep}{tail}"
        elif loc == "en_IN":
            house = self.pick([f"{n}/{self.rng.randrange(1, 90)}", f"H.No. {n}", f"Flat {n}", n])
            street = f"{fake.last_name()} {self.pick(IN_TYPES)}"
            tail = f"{self.pick(IN_LOCALITIES)}, {fake.city()} {self.pick(['- ', ''])}{self.digits(6, first_nonzero=True)}"  # noqa: E501 (one address format per line reads best)
            addr = f"{house}, {street}{sep}{tail}"
        elif loc == "fr_FR":
            street = f"{self.pick(FR_TYPES)} {self.pick(['de ', 'du ', '', 'Victor '])}{fake.last_name()}"  # noqa: E501 (one address format per line reads best)
            code = f"{self.rng.randrange(1, 96):02d}{self.digits(3)}"
            line1 = f"{n}{self.pick([', ', ' ', ' bis '])}{street}"
            addr = f"{line1}{sep}{code} {fake.city()}"
        elif loc in ("de_DE", "nl_NL", "sv_SE"):
            suffixes = {"de_DE": DE_SUFFIX, "nl_NL": NL_SUFFIX, "sv_SE": SV_SUFFIX}[loc]
            stem = str(fake.last_name()).split()[-1]
            street = f"{stem}{self.pick(suffixes)}"
            if loc == "de_DE" and self.chance(0.3):
                street = (
                    f"{fake.first_name()}-{stem}-{self.pick(['Straße', 'Weg', 'Platz', 'Allee'])}"
                )
            house = n + (self.pick(["a", "b", " B", ""]) if self.chance(0.3) else "")
            if loc == "nl_NL":
                code = f"{self.rng.randrange(1000, 10000)} {self.pick(string.ascii_uppercase)}{self.pick(string.ascii_uppercase)}"  # noqa: E501 (one address format per line reads best)
            elif loc == "sv_SE":
                code = f"{self.rng.randrange(100, 990)} {self.digits(2)}"
            else:
                code = f"{self.rng.randrange(1, 100):02d}{self.digits(3)}"
            addr = f"{street} {house}{sep}{code} {fake.city()}"
        elif loc in ("es_ES", "it_IT", "pt_PT", "pt_BR", "es_MX"):
            types = {
                "es_ES": ES_TYPES,
                "it_IT": IT_TYPES,
                "pt_PT": PT_TYPES,
                "pt_BR": PT_TYPES,
                "es_MX": MX_TYPES,
            }[loc]
            street = self._pick_street(types)
            if loc == "es_ES":
                unit = self.pick(
                    [
                        "",
                        f", {self.rng.randrange(1, 9)}º {self.pick('ABCD')}",
                        f", {self.rng.randrange(1, 9)}º",
                    ]
                )
                tail = f"{self.rng.randrange(1, 53):02d}{self.digits(3)} {fake.city()}"
                addr = f"{street}{self.pick([', ', ' '])}{n}{unit}{sep}{tail}"
            elif loc == "it_IT":
                tail = f"{self.rng.randrange(0, 99):02d}{self.digits(3)} {self.local_city()}{self.pick(['', ' (' + self.pick(IT_PROVINCES) + ')', ' ' + self.pick(IT_PROVINCES)])}"  # noqa: E501 (one address format per line reads best)
                addr = f"{street}{self.pick([', ', ' '])}{n}{sep}{tail}"
            elif loc == "pt_PT":
                tail = f"{self.rng.randrange(1000, 9999)}-{self.digits(3)} {fake.city()}"
                addr = f"{street}{self.pick([', ', ' '])}{n}{self.pick(['', ', 2º Esq.', ', 1º D'])}{sep}{tail}"  # noqa: E501 (one address format per line reads best)
            elif loc == "pt_BR":
                tail = f"{fake.city()} - {self.pick(BR_STATES)}, {self.digits(5, first_nonzero=True)}-{self.digits(3)}"  # noqa: E501 (one address format per line reads best)
                addr = f"{street}, {n}{self.pick(['', ' - Centro', ', apto 12', ' - Jardim América'])}{sep}{tail}"  # noqa: E501 (one address format per line reads best)
            else:
                tail = f"Col. {fake.last_name()}, {self.digits(5, first_nonzero=True)} {fake.city()}, {self.pick(MX_STATES)}"  # noqa: E501 (one address format per line reads best)
                addr = f"{street} {n}{self.pick(['', ' Int. 4', ' Depto. 12'])}{sep}{tail}"
        elif loc == "pl_PL":
            street = f"{self.pick(['ul. ', 'ul. ', 'al. ', ''])}{fake.street_name()}"
            house = n + (f"/{self.rng.randrange(1, 80)}" if self.chance(0.5) else "")
            addr = f"{street} {house}{sep}{self.digits(2)}-{self.digits(3)} {self.local_city()}"
        elif loc == "cs_CZ":
            house = n + (f"/{self.rng.randrange(1, 60)}" if self.chance(0.4) else "")
            code = f"{self.rng.randrange(100, 800)} {self.digits(2)}"
            addr = f"{fake.street_name()} {house}{sep}{code} {fake.city()}"
        elif loc == "ja_JP":
            pref = str(fake.prefecture())
            block = self.pick(
                [
                    f"{self.rng.randrange(1, 9)}丁目{self.rng.randrange(1, 30)}番{self.rng.randrange(1, 20)}号",  # noqa: E501 (one address format per line reads best)
                    f"{self.rng.randrange(1, 9)}-{self.rng.randrange(1, 30)}-{self.rng.randrange(1, 20)}",  # noqa: E501 (one address format per line reads best)
                ]
            )
            addr = f"{pref}{self.pick(JA_CITIES)}{fake.town()}{block}"
            if self.chance(0.5):
                addr = f"〒{self.digits(3)}-{self.digits(4)} {addr}"
            return addr
        else:  # zh_CN
            addr = f"{fake.province()}{fake.city_name()}市{self.pick(ZH_DISTRICTS)}{self.pick(ZH_ROADS)}{self.rng.randrange(1, 400)}号"  # noqa: E501 (one address format per line reads best)
            if self.chance(0.3):
                addr += f"{self.rng.randrange(1, 30)}栋{self.rng.randrange(101, 2800)}室"
            return addr
        if multiline and self.chance(0.5):
            addr += "\n" + COUNTRY_NAME[loc]
        return addr

    def us_shorthand(self) -> str:
        """A lower-case US address with abbreviated types and no ZIP ("12 3rd av boston")."""
        n = self._number()
        roll = self.rng.random()
        if roll < 0.35:
            street = f"{self.ordinal()} {self.pick(['av', 'ave', 'st', 'blvd'])}"
        elif roll < 0.6:
            street = f"us hwy {self.rng.randrange(1, 99)} {self.pick(['ste', 'suite', 'unit'])} {self.rng.randrange(100, 400)}"  # noqa: E501 (one address format per line reads best)
        elif roll < 0.8:
            street = f"{self.us.last_name().lower()} {self.pick(['st', 'rd', 'dr', 'ave'])} {self.pick(['nw', 'ne', 'sw', 'se', 'n', 'e'])}"  # noqa: E501 (one address format per line reads best)
        else:
            street = f"{self.pick(['n', 's', 'e', 'w'])} {self.us.last_name().lower()} {self.pick(['st', 'ave', 'ln', 'ct'])}"  # noqa: E501 (one address format per line reads best)
        city = str(self.us.city()).lower()
        return f"{n} {street} {city}" if self.chance(0.7) else f"{n} {street}"

    # ----------------------------------------------------------- national ids
    def national_id(self) -> tuple[str, str]:
        """(entity, value) of one of the locale's national identifiers."""
        entity = self.pick(NATIONAL_IDS[self.locale])
        make = {
            "US_SSN": self.ssn,
            "UK_NINO": self.nino,
            "CA_SIN": self.sin,
            "FR_NIR": self.nir,
            "DE_TAX_ID": self.de_tax_id,
            "ES_NIF": self.dni,
            "ES_NIE": self.nie,
            "IT_FISCAL_CODE": self.codice_fiscale,
            "IN_AADHAAR": self.aadhaar,
            "IN_PAN": self.pan,
            "BR_CPF": self.cpf,
            "AU_TFN": self.tfn,
            "MX_CURP": self.curp,
        }[entity]
        return entity, make()

    def nino(self) -> str:
        while True:
            prefix = self.pick(NINO_FIRST) + self.pick(NINO_SECOND)
            if prefix not in NINO_BAD_PREFIXES:
                break
        body = self.digits(6)
        suffix = self.pick("ABCD")
        if self.chance(0.5):
            return f"{prefix} {body[:2]} {body[2:4]} {body[4:]} {suffix}"
        return f"{prefix}{body}{suffix}"

    def sin(self) -> str:
        body = self.pick("1234567") + self.digits(7)  # 0 is never issued, 8 and 9 not to people
        number = body + luhn_check_digit(body)
        return _groups(number, (3, 3, 3), self.pick([" ", "-", " ", ""]))

    def nir(self) -> str:
        sex = self.pick("12")
        year, month = self.digits(2), f"{self.rng.randrange(1, 13):02d}"
        dept = f"{self.rng.randrange(1, 96):02d}"
        commune, order = self.digits(3), f"{self.rng.randrange(1, 1000):03d}"
        body = sex + year + month + dept + commune + order
        key = f"{97 - int(body) % 97:02d}"
        if self.chance(0.6):
            return f"{sex} {year} {month} {dept} {commune} {order} {key}"
        return body + key

    def de_tax_id(self) -> str:
        while True:
            body = self.pick("123456789") + self.digits(9)
            counts = [body.count(d) for d in set(body)]
            # one digit twice or three times, the rest once at most
            if max(counts) in (2, 3) and sum(1 for c in counts if c > 1) == 1:
                break
        number = body + de_tax_id_check(body)
        return _groups(number, (2, 3, 3, 3), " ") if self.chance(0.4) else number

    def dni(self) -> str:
        number = self.digits(8)
        letter = _DNI_LETTERS[int(number) % 23]
        return number + self.pick(["", "", "-"]) + letter

    def nie(self) -> str:
        first = self.pick("XYZ")
        body = self.digits(7)
        letter = _DNI_LETTERS[int(str("XYZ".index(first)) + body) % 23]
        return f"{first}{self.pick(['', '-'])}{body}{self.pick(['', '-'])}{letter}"

    def codice_fiscale(self) -> str:
        letters = string.ascii_uppercase
        surname = "".join(self.pick(letters) for _ in range(3))
        name = "".join(self.pick(letters) for _ in range(3))
        year = self.digits(2)
        month = self.pick("ABCDEHLMPRST")
        day = self.rng.randrange(1, 29) + (40 if self.chance(0.5) else 0)
        place = self.pick(letters) + self.digits(3)
        body = f"{surname}{name}{year}{month}{day:02d}{place}"
        return body + it_cf_check(body)

    def aadhaar(self) -> str:
        body = self.pick("23456789") + self.digits(10)
        number = body + verhoeff_check_digit(body)
        return _groups(number, (4, 4, 4), self.pick([" ", " ", "-", ""]))

    def pan(self) -> str:
        letters = string.ascii_uppercase
        return (
            "".join(self.pick(letters) for _ in range(3))
            + self.pick("PCHFATBLJG")
            + self.pick(letters)
            + self.digits(4)
            + self.pick(letters)
        )

    def cpf(self) -> str:
        while True:
            body = self.digits(9)
            if len(set(body)) > 1:
                break
        number = body + cpf_checks(body)
        if self.chance(0.75):
            return f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}"
        return number

    def tfn(self) -> str:
        while True:
            body = self.digits(8, first_nonzero=True)
            total = sum(int(d) * w for d, w in zip(body, _TFN_WEIGHTS, strict=False))
            for last in range(10):
                if (total + last * _TFN_WEIGHTS[8]) % 11 == 0:
                    number = body + str(last)
                    return _groups(number, (3, 3, 3), self.pick([" ", " ", ""]))

    def curp(self) -> str:
        letters = string.ascii_uppercase
        vowels = "AEIOU"
        born = dt.date(1950, 1, 1) + dt.timedelta(days=self.rng.randrange(20000))
        states = "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS".split()  # noqa: E501 (one address format per line reads best)
        consonants = "BCDFGHJKLMNPQRSTVWXZ"
        body = (
            self.pick(letters)
            + self.pick(vowels)
            + self.pick(letters)
            + self.pick(letters)
            + born.strftime("%y%m%d")
            + self.pick("HM")
            + self.pick(states)
            + "".join(self.pick(consonants) for _ in range(3))
            + (self.pick("0123456789") if born.year < 2000 else self.pick("ABCDEFGH"))
        )
        return body + curp_check(body)

    # -------------------------------------------------------- cards and banks
    def intl_card(self) -> str:
        kinds = LOCAL_CARDS.get(self.locale, ())
        kind = self.pick(kinds) if kinds and self.chance(0.6) else self.pick(CARD_KINDS)
        prefix, length, groups = {
            "visa": ("4", 16, (4, 4, 4, 4)),
            "mc": (self.pick(["51", "53", "55", "2221"]), 16, (4, 4, 4, 4)),
            "amex": (self.pick(["34", "37"]), 15, (4, 6, 5)),
            "discover": ("6011", 16, (4, 4, 4, 4)),
            "jcb": (str(self.rng.randrange(3528, 3590)), 16, (4, 4, 4, 4)),
            "unionpay": ("62" + self.digits(2), self.pick([16, 16, 19]), (4, 4, 4, 4, 3)),
            "maestro": (
                self.pick(["5018", "5020", "5038", "6304", "6759", "6761"]),
                self.pick([12, 13, 16, 19]),
                (4, 4, 4, 4, 3),
            ),
            "diners": (self.pick(["36", "38", "300", "305"]), 14, (4, 6, 4)),
            "mir": (str(self.rng.randrange(2200, 2205)), 16, (4, 4, 4, 4)),
            "rupay": (self.pick(["60", "65", "81", "82", "508"]), 16, (4, 4, 4, 4)),
            "uatp": ("1" + self.digits(1), 15, (4, 5, 6)),
        }[kind]
        body = prefix + self.digits(length - 1 - len(prefix))
        number = body + luhn_check_digit(body)
        sep = self.pick([" ", " ", "-", ""])
        if kind in ("unionpay", "maestro") and length != 16:
            return (
                number
                if sep == "" or length < 16
                else " ".join(number[i : i + 4] for i in range(0, length, 4))
            )
        return _groups(number, groups, sep)

    def local_iban(self) -> str:
        country, shape = IBAN_COUNTRY.get(self.locale, IBAN_COUNTRY["de_DE"])
        letters = iter("".join(self.pick(string.ascii_uppercase) for _ in range(len(shape))))
        bban = "".join(next(letters) if ch == "A" else str(self.rng.randrange(10)) for ch in shape)
        compact = iban_with_checksum(country, bban)
        if self.chance(0.7):
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    # ------------------------------------------------------------------ dates
    def local_date(self, born: bool = True) -> str:
        """A date in the locale's own writing (day first in Europe, year first in Asia)."""
        d = (
            self.us.date_of_birth(minimum_age=16, maximum_age=90)
            if born
            else dt.date(1990, 1, 1) + dt.timedelta(days=self.rng.randrange(13000))
        )
        loc = self.locale
        if loc in ("en_US",):
            return self.format_date(d)
        if loc in ("ja_JP", "zh_CN"):
            return self.pick(
                [
                    f"{d.year}年{d.month}月{d.day}日",
                    f"{d.year}/{d.month:02d}/{d.day:02d}",
                    f"{d.year}-{d.month:02d}-{d.day:02d}",
                ]
            )
        if loc == "sv_SE":
            return self.pick(
                [
                    f"{d.year}-{d.month:02d}-{d.day:02d}",
                    f"{d.day} {SV_MONTHS[d.month - 1]} {d.year}",
                ]
            )
        months = LOCAL_MONTHS.get(loc[:2], LOCAL_MONTHS["en"])
        sep = {"de": ".", "cs": ".", "pl": ".", "nl": "-"}.get(loc[:2], "/")
        word = months[d.month - 1]
        long_form = {
            "es": f"{d.day} de {word} de {d.year}",
            "pt": f"{d.day} de {word} de {d.year}",
            "de": f"{d.day}. {word} {d.year}",
            "cs": f"{d.day}. {word} {d.year}",
        }.get(loc[:2], f"{d.day} {word} {d.year}")
        return self.pick(
            [
                f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}",
                f"{d.day}{sep}{d.month}{sep}{d.year}",
                long_form,
            ]
        )

    # ---------------------------------------------------------- look-alikes
    def local_price(self) -> str:
        amount = self.rng.randrange(2, 3000)
        cents = self.rng.randrange(100)
        sym = {
            "en_GB": "£",
            "ja_JP": "¥",
            "zh_CN": "¥",
            "en_IN": "₹",
            "pt_BR": "R$",
            "pl_PL": "zł",
            "cs_CZ": "Kč",
            "sv_SE": "kr",
            "en_US": "$",
            "en_CA": "$",
            "en_AU": "$",
            "es_MX": "$",
        }.get(self.locale, "€")
        if sym in ("€", "zł", "Kč", "kr"):
            return f"{amount},{cents:02d} {sym}"
        return f"{sym}{amount}.{cents:02d}"

    def order_number(self) -> str:
        """Reference numbers in the shapes of national ids and phones (never gold)."""
        return self.pick(
            [
                self.digits(11, first_nonzero=True),
                self.digits(9, first_nonzero=True),
                f"{self.digits(3)} {self.digits(3)} {self.digits(3)}",
                f"{self.digits(3)}.{self.digits(3)}.{self.digits(3)}-{self.digits(2)}",
                f"{self.digits(4)} {self.digits(4)} {self.digits(4)}",
                f"{self.digits(2)} {self.digits(3)} {self.digits(3)} {self.digits(3)}",
                f"0{self.digits(2)} {self.digits(3)} {self.digits(4)}",
            ]
        )

    def tracking_code(self) -> str:
        return self.pick(
            [
                f"{self.pick(['LX', 'RR', 'CP', 'EE'])}{self.digits(9)}{self.pick(['DE', 'FR', 'CN', 'JP', 'NL'])}",  # noqa: E501 (one address format per line reads best)
                f"JJD{self.digits(15)}",
                f"1Z{self.digits(3)}{''.join(self.pick(string.ascii_uppercase) for _ in range(3))}{self.digits(10)}",  # noqa: E501 (one address format per line reads best)
                self.digits(12, first_nonzero=True),
            ]
        )

    def isbn13(self) -> str:
        body = "978" + self.digits(9)
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
        number = body + str((10 - total % 10) % 10)
        return f"{number[:3]}-{number[3]}-{number[4:7]}-{number[7:12]}-{number[12]}"

    def stat_pair(self) -> str:
        return f"{self.rng.uniform(10, 80):.4f}, {self.rng.uniform(1, 150):.4f}"

    def build_id(self) -> str:
        """An SSN-shaped number in a version string, build number or checksum."""
        return self.pick(
            [
                f"{self.rng.randrange(1, 9)}.{self.rng.randrange(0, 20)}.{self.ssn_shaped()}",
                self.ssn_shaped(),
                f"{self.ssn_shaped()}-rc{self.rng.randrange(1, 5)}",
            ]
        )


LOCAL_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),  # noqa: E501 (one address format per line reads best)
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),  # noqa: E501 (one address format per line reads best)
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),  # noqa: E501 (one address format per line reads best)
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),  # noqa: E501 (one address format per line reads best)
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),  # noqa: E501 (one address format per line reads best)
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),  # noqa: E501 (one address format per line reads best)
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),  # noqa: E501 (one address format per line reads best)
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),  # noqa: E501 (one address format per line reads best)
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince".split(),  # noqa: E501 (one address format per line reads best)
}
SV_MONTHS = (
    "januari februari mars april maj juni juli augusti september oktober november december".split()
)
