"""Values for the international family (``--templates blind_intl``): one locale per record.

``IntlValues`` extends ``Values`` with a current ``locale`` (set by the generator from the
template being rendered) and draws names, phone numbers, addresses, dates, IBANs, cards and
national identifiers the way people in that locale write them. Phone numbers are valid by
libphonenumber's metadata for the locale's region, IBANs pass mod-97 and the national check
digits a careful detector may test (Spain, France, the Netherlands, Portugal, Italy), cards
pass Luhn, and identifiers pass the checks in ``national_ids``.

Only the blind_intl family draws from this class, so the other families' corpora are unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import unicodedata
from typing import NamedTuple

import phonenumbers
from faker import Faker

from bench.pii import national_ids as ids
from bench.pii.values import (
    Values,
    group_digits,
    iban_ok,
    iban_with_checksum,
    luhn_check_digit,
    luhn_ok,
)


class Locale(NamedTuple):
    region: str  # libphonenumber region
    country: str  # the country's name as its people write it at the end of an address
    iban: str | None  # IBAN country code, where the country uses IBANs at home
    ext_words: tuple[str, ...]  # how an extension is written after a phone number


LOCALES: dict[str, Locale] = {
    "en_US": Locale("US", "USA", None, (" ext. ", " x", " ext ")),
    "en_GB": Locale("GB", "United Kingdom", "GB", (" ext. ", " ext ", " x")),
    "en_CA": Locale("CA", "Canada", None, (" ext. ", " x", " poste ")),
    "en_AU": Locale("AU", "Australia", None, (" ext. ", " ext ")),
    "en_IN": Locale("IN", "India", None, (" ext. ", " Extn. ")),
    "fr_FR": Locale("FR", "France", "FR", (" poste ", " p. ")),
    "de_DE": Locale("DE", "Deutschland", "DE", (" Durchwahl ", " App. ")),
    "nl_NL": Locale("NL", "Nederland", "NL", (" toestel ", " tst. ")),
    "es_ES": Locale("ES", "España", "ES", (" ext. ", " extensión ")),
    "it_IT": Locale("IT", "Italia", "IT", (" int. ", " interno ")),
    "pt_PT": Locale("PT", "Portugal", "PT", (" ext. ", " extensão ")),
    "pt_BR": Locale("BR", "Brasil", None, (" ramal ", " r. ")),
    "pl_PL": Locale("PL", "Polska", "PL", (" wew. ", " w. ")),
    "cs_CZ": Locale("CZ", "Česká republika", "CZ", (" linka ", " kl. ")),
    "sv_SE": Locale("SE", "Sverige", "SE", (" ankn. ", " anknytning ")),
    "ja_JP": Locale("JP", "日本", None, (" 内線", " 内線 ")),
    "zh_CN": Locale("CN", "中国", None, (" 转", " 分机 ")),
    "es_MX": Locale("MX", "México", None, (" ext. ", " extensión ")),
    "he_IL": Locale("IL", "ישראל", "IL", (" שלוחה ", " שלוחה ")),
}

MONTH_NAMES = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
}
# Where people write the trunk 0 in brackets after the country code ("+44 (0)20 ...").
TRUNK_IN_BRACKETS = {"GB", "DE", "NL", "SE", "AU"}
# Where numbers are often written in pairs after the area code ("030 12 34 56").
PAIRED = {"fr_FR", "nl_NL", "de_DE", "es_ES", "pl_PL", "cs_CZ", "sv_SE", "pt_PT", "en_GB"}
# Where numbers are often written with dots ("06.12.34.56.78", "415.555.0134").
DOTTED = {"fr_FR", "en_US", "en_CA", "es_MX", "de_DE", "it_IT", "pl_PL"}
INTL_CARDS = ("jcb", "maestro", "unionpay", "diners", "mir", "rupay", "uatp", "visa", "mc")
# Cards a locale's people most often carry (the rest are drawn now and then everywhere).
LOCAL_CARDS = {
    "ja_JP": ("jcb", "jcb", "visa"),
    "zh_CN": ("unionpay", "unionpay", "unionpay"),
    "en_IN": ("rupay", "rupay", "visa", "maestro"),
    "nl_NL": ("maestro", "maestro", "visa"),
    "de_DE": ("maestro", "mc", "visa"),
    "en_US": ("diners", "jcb", "uatp"),
}
IBAN_BBAN = {  # "A" an upper letter, "9" a digit; the banks' own check digits are fixed after
    "GB": "AAAA99999999999999",
    "FR": "99999999999999999999999",
    "DE": "999999999999999999",
    "NL": "AAAA9999999999",
    "ES": "99999999999999999999",
    "IT": "A9999999999999999999999",
    "PT": "999999999999999999999",
    "PL": "999999999999999999999999",
    "CZ": "99999999999999999999",
    "SE": "99999999999999999999",
    "IL": "9999999999999999999",
}
IBAN_BANKS = {
    "GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"],
    "NL": ["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB"],
}


# How each identifier is grouped when an invoice or contract number imitates it.
LOOK_ALIKE_LAYOUTS: dict[str, tuple[tuple[int, ...], str | tuple[str, ...]]] = {
    "nir": ((1, 2, 2, 2, 3, 3, 2), " "),
    "taxid": ((2, 3, 3, 3), " "),
    "aadhaar": ((4, 4, 4), " "),
    "cpf": ((3, 3, 3, 2), (".", ".", "-")),
    "sin": ((3, 3, 3), " "),
}


class IntlValues(Values):
    """``Values`` with a current locale; every draw goes through the same seeded ``rng``."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.seed = seed
        self.locale = "en_US"
        self._fakers: dict[str, Faker] = {}

    # ------------------------------------------------------------ locale plumbing
    @property
    def info(self) -> Locale:
        return LOCALES[self.locale]

    @property
    def lang(self) -> str:
        return self.locale[:2]

    @property
    def fake(self) -> Faker:
        fake = self._fakers.get(self.locale)
        if fake is None:
            fake = Faker(self.locale)
            fake.seed_instance(self.seed * 7919 + 1000 + list(LOCALES).index(self.locale))
            if self.locale == "it_IT":
                _sort_town_list(fake)
            self._fakers[self.locale] = fake
        return fake

    # ------------------------------------------------------------------ people
    def local_first(self) -> str:
        return str(self.fake.first_name())

    def local_last(self) -> str:
        return str(self.fake.last_name())

    def local_name(self) -> str:
        if self.lang in ("ja", "zh"):
            return f"{self.local_last()}{self.local_first()}"
        return f"{self.local_first()} {self.local_last()}"

    def local_city(self) -> str:
        if self.locale == "zh_CN":
            return f"{self.fake.city_name()}市"
        return str(self.fake.city())

    def local_street(self) -> str:
        """A street name with no number: not an address on its own."""
        return self._street_name()

    def local_email(self) -> str:
        fake = self.fake
        if self.lang in ("ja", "zh", "he"):
            user = f"{self.us.first_name().lower()}{self.digits(self.rng.randrange(2, 5))}"
            domain = self.pick(
                {
                    "ja": ["docomo.ne.jp", "yahoo.co.jp", "gmail.com", "ezweb.ne.jp"],
                    "zh": ["qq.com", "163.com", "126.com", "sina.com"],
                    "he": ["walla.co.il", "gmail.com", "012.net.il"],
                }[self.lang]
            )
            return f"{user}@{domain}"
        user = _ascii(f"{fake.first_name()}.{fake.last_name()}".lower()).replace(" ", "")
        if self.chance(0.5):
            return str(fake.free_email()) if self.chance(0.5) else str(fake.company_email())
        return f"{user}{self.digits(self.rng.randrange(0, 3))}@{fake.free_email_domain()}"

    # ------------------------------------------------------------------ phone
    def _phone_number(self, kind: str) -> phonenumbers.PhoneNumber:
        region = self.info.region
        wanted = (
            phonenumbers.PhoneNumberType.MOBILE
            if kind == "mobile"
            else phonenumbers.PhoneNumberType.FIXED_LINE
        )
        example = phonenumbers.example_number_for_type(region, wanted)
        nsn = phonenumbers.national_significant_number(example)
        for _ in range(300):
            keep = self.rng.randrange(1, 3)
            candidate = nsn[:keep] + self.digits(len(nsn) - keep)
            number = phonenumbers.parse(f"+{example.country_code}{candidate}")
            if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
                wanted,
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
            ):
                return number
        return example

    def phone(self, kind: str = "any", *, intl: float = 0.15, ext: float = 0.0) -> str:
        """A number as written in the locale: national format with its trunk prefix, or
        international; sometimes split in pairs, dotted, compact, or with a written extension."""
        if kind == "any":
            kind = "mobile" if self.chance(0.6) else "fixed"
        number = self._phone_number(kind)
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        cc = number.country_code
        if self.chance(intl):
            text = self._international(number, national, cc)
        else:
            text = self._national_variant(national)
        if self.chance(ext):
            text += self.pick(list(self.info.ext_words)) + self.digits(
                self.rng.randrange(2, 5), first_nonzero=True
            )
        return text

    def _international(self, number: phonenumbers.PhoneNumber, national: str, cc: int) -> str:
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        roll = self.rng.random()
        if roll < 0.45:
            return formatted
        if roll < 0.6:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        rest = formatted.split(" ", 1)[1]
        if cc == 1:  # North America dials out with 011, not 00: keep the +1 form
            return formatted
        if roll < 0.8 and national.startswith("0") and self.info.region in TRUNK_IN_BRACKETS:
            return f"+{cc} (0){rest}"  # the trunk 0 in brackets, as the British and Germans do
        dial_out = _dial_out_prefix(self.info.region)
        return f"{dial_out}{cc} {rest}" if dial_out else formatted

    def _national_variant(self, national: str) -> str:
        roll = self.rng.random()
        digits = "".join(ch for ch in national if ch.isdigit())
        if roll < 0.45:
            return national
        if roll < 0.6:
            return digits
        head, _, tail = national.replace("(", "").replace(")", "").partition(" ")
        tail_digits = "".join(ch for ch in tail if ch.isdigit())
        if (
            roll < 0.72 and tail_digits and self.locale in PAIRED
        ):  # pairs: "030 12 34 56", "06 12 34 56 78"
            pairs = [tail_digits[i : i + 2] for i in range(0, len(tail_digits), 2)]
            if len(pairs[-1]) == 1:
                pairs[-2:] = [pairs[-2] + pairs[-1]]
            return f"{head} {' '.join(pairs)}"
        if roll < 0.84 and self.locale in DOTTED:
            return national.replace(" ", ".").replace("-", ".").replace("(", "").replace(")", "")
        if roll < 0.92 and tail_digits and self.locale == "de_DE":
            return f"{head}/{tail_digits}"
        if self.locale == "ja_JP" and self.chance(0.5):
            return national.translate(_FULL_WIDTH)  # full-width digits and hyphens
        return national.replace(" ", "-").replace("(", "").replace(")", "")

    # ---------------------------------------------------------------- address
    def _house(self, letters: bool = False) -> str:
        n = str(self.rng.randrange(1, 40) if self.chance(0.6) else self.rng.randrange(1, 240))
        if letters and self.chance(0.15):
            n += self.pick(["a", "b", "A", "c"])
        return n

    def _street_name(self) -> str:
        name = str(self.fake.street_name())
        if self.locale == "pl_PL" and not name.startswith(("ul.", "al.", "pl.", "os.")):
            return f"ul. {name}"
        return name

    def address(self, style: str = "line") -> str:
        """An address in the locale's own order: ``line`` (one line), ``ml`` (several lines,
        often ending with the country) or ``part`` (street and number only, as in prose)."""
        maker = getattr(self, f"_address_{self.locale}", None)
        if maker is None:
            raise KeyError(f"no address form for locale {self.locale}")
        return str(maker(style))

    def _country_tail(self, style: str) -> str:
        return f"\n{self.info.country}" if style == "ml" and self.chance(0.6) else ""

    def _lines(self, line1: str, town: str, style: str) -> str:
        """Street line and town line: one line with a comma, or two and maybe the country."""
        if style == "ml":
            return f"{line1}\n{town}{self._country_tail(style)}"
        return f"{line1}, {town}"

    def _address_en_US(self, style: str) -> str:
        roll = self.rng.random()
        if style == "part":
            return self.address_partial()
        if roll < 0.2:  # lower-case shorthand: "12 3rd av boston"
            return (
                f"{self._house()} {self.ordinal()} {self.pick(['av', 'ave', 'st', 'street'])} "
                f"{self.us.city().lower()}"
            )
        if roll < 0.35:  # highway and suite
            hwy = self.pick(["us hwy", "US Hwy", "State Hwy", "Hwy", "County Rd"])
            return (
                f"{self.rng.randrange(100, 9999)} {hwy} {self.rng.randrange(1, 99)} "
                f"{self.pick(['ste', 'Ste', 'Suite', '#'])} {self.rng.randrange(1, 400)}, "
                f"{self.us.city()}, {self.us.state_abbr(include_territories=False)}"
            )
        if roll < 0.5:  # directional after the street type
            return (
                f"{self._house()} {self.us.last_name()} {self.pick(['St', 'Ave', 'Blvd', 'Rd'])} "
                f"{self.pick(['NW', 'NE', 'SW', 'SE', 'N', 'S'])}, {self.us.city()}, "
                f"{self.us.state_abbr(include_territories=False)} {self.us.zipcode()}"
            )
        return self.address_us(multiline=style == "ml") + self._country_tail(style)

    def _address_en_GB(self, style: str) -> str:
        if style == "part":
            return f"{self._house()} {self.gb.street_name()}"
        return self.address_uk(multiline=style == "ml") + self._country_tail(style)

    def _address_en_CA(self, style: str) -> str:
        if style == "part":
            return f"{self._house()} {self.ca.street_name()}"
        if self.chance(0.25):  # unit-dash-number, as Canadians write a flat
            line1 = f"{self.rng.randrange(101, 2400)}-{self._house()} {self.ca.street_name()}"
            postal = str(self.ca.postalcode())
            sep = "\n" if style == "ml" else ", "
            return f"{line1}{sep}{self.ca.city()}, {self.ca.province_abbr()} {postal}" + (
                self._country_tail(style)
            )
        return self.address_ca(multiline=style == "ml") + self._country_tail(style)

    def _address_en_AU(self, style: str) -> str:
        street = str(self.fake.street_name())
        number = self._house()
        roll = self.rng.random()
        if roll < 0.3:
            line1 = f"{self.rng.randrange(1, 40)}/{number} {street}"
        elif roll < 0.5:
            line1 = f"Unit {self.rng.randrange(1, 40)}, {number} {street}"
        else:
            line1 = f"{number} {street}"
        if style == "part":
            return line1
        suburb = str(self.fake.city())
        suburb = suburb.upper() if self.chance(0.3) else suburb
        tail = f"{suburb} {self.fake.state_abbr()} {self.fake.postcode()}"
        sep = "\n" if style == "ml" else ", " if self.chance(0.7) else " "
        return f"{line1}{sep}{tail}{self._country_tail(style)}"

    def _address_en_IN(self, style: str) -> str:
        label = self.pick(["H.No.", "House No.", "Flat No.", "Flat", "No."])
        number = (
            f"{self.rng.randrange(1, 20)}-{self.rng.randrange(1, 10)}-{self.rng.randrange(1, 999)}"
            if label == "H.No." and self.chance(0.5)
            else str(self.rng.randrange(1, 999))
        )
        line1 = f"{label} {number}, {self.fake.street_name()}"
        if style == "part":
            return line1
        pin = str(self.fake.postcode())
        city = self.fake.city()
        if style == "ml":
            landmark = f"{self.pick(['Near', 'Opp.'])} {self.fake.last_name()} Temple"
            return f"{line1}\n{landmark}\n{city} {pin}{self._country_tail(style)}"
        return f"{line1}, {city}{self.pick([' - ', ' ', '-'])}{pin}"

    def _address_fr_FR(self, style: str) -> str:
        number = self._house() + (self.pick([" bis", " ter", "bis"]) if self.chance(0.1) else "")
        street = str(self.fake.street_name())
        line1 = f"{number}{self.pick([', ', ' '])}{street}"
        if style == "part":
            return f"{number} {street}"
        city = str(self.fake.city())
        town = f"{self.fake.postcode()} {city.upper() if self.chance(0.4) else city}"
        if style == "ml":
            extra = (
                f"Bât. {self.pick(list('ABC'))}, {self.rng.randrange(1, 8)}e étage\n"
                if self.chance(0.2)
                else ""
            )
            return f"{extra}{line1}\n{town}{self._country_tail(style)}"
        return f"{line1}, {town}"

    def _house_after_street(self, letters: bool = True) -> str:
        return f"{self._street_name()} {self._house(letters)}"

    def _address_de_DE(self, style: str) -> str:
        line1 = self._house_after_street()
        if style == "part":
            return line1
        return self._lines(line1, f"{self.fake.postcode()} {self.fake.city()}", style)

    def _address_nl_NL(self, style: str) -> str:
        line1 = f"{self._street_name()} {self._house()}" + (
            self.pick(["-II", " hs", "A", "-1", " bis"]) if self.chance(0.25) else ""
        )
        if style == "part":
            return line1
        pc = str(self.fake.postcode()).replace(" ", "")
        pc = f"{pc[:4]} {pc[4:]}" if self.chance(0.7) else pc
        town = f"{pc} {self.fake.city()}"
        return self._lines(line1, town, style)

    def _address_es_ES(self, style: str) -> str:
        street = str(self.fake.street_name())
        if self.chance(0.2):
            street = f"C/ {self.fake.last_name()}"
        number = self._house()
        line1 = f"{street}{self.pick([', ', ' ', ', nº '])}{number}"
        if self.chance(0.5):
            floor = self.pick(["1º", "2º", "3º", "4º", "5º", "bajo", "1.º"])
            line1 += f", {floor} {self.pick(['A', 'B', 'izq.', 'dcha.', '2ª'])}"
        if style == "part":
            return line1
        town = f"{self.fake.postcode()} {self.fake.city()}"
        return self._lines(line1, town, style)

    def _address_it_IT(self, style: str) -> str:
        line1 = f"{self.fake.street_name()}{self.pick([' ', ', '])}{self._house()}"
        if style == "part":
            return line1
        town = f"{self.fake.postcode()} {self.fake.city()}" + (
            f" ({self.fake.state_abbr()})" if self.chance(0.6) else ""
        )
        sep = "\n" if style == "ml" else self.pick([", ", " - "])
        return f"{line1}{sep}{town}{self._country_tail(style)}"

    def _address_pt_PT(self, style: str) -> str:
        line1 = f"{self.fake.street_name()}, {self.pick(['', 'n.º ', 'nº '])}{self._house()}"
        if self.chance(0.4):
            line1 += (
                f", {self.rng.randrange(1, 9)}.º {self.pick(['Esq.', 'Dto.', 'Esq', 'Frente'])}"
            )
        if style == "part":
            return line1
        town = f"{self.fake.postcode()} {self.fake.city()}"
        return self._lines(line1, town, style)

    def _address_pt_BR(self, style: str) -> str:
        kind = self.pick(["Rua", "Av.", "Avenida", "Rua", "Travessa"])
        line1 = f"{kind} {self.fake.last_name()}, {self.pick(['', 'nº ', 'n. '])}{self._house()}"
        if self.chance(0.4):
            line1 += f", {self.pick(['apto', 'apt.', 'ap.', 'casa'])} {self.rng.randrange(1, 400)}"
        if style == "part":
            return line1
        rest = f"{self.fake.bairro()}, {self.fake.city()} - {self.fake.estado_sigla()}"
        cep = str(self.fake.postcode())
        if style == "ml":
            return f"{line1}\n{rest}\nCEP {cep}{self._country_tail(style)}"
        return f"{line1} - {rest}, {self.pick(['', 'CEP '])}{cep}"

    def _address_pl_PL(self, style: str) -> str:
        line1 = f"{self._street_name()} {self._house(letters=True)}" + (
            f"/{self.rng.randrange(1, 80)}" if self.chance(0.5) else ""
        )
        if style == "part":
            return line1
        town = f"{self.fake.postcode()} {self.fake.city()}"
        return self._lines(line1, town, style)

    def _address_cs_CZ(self, style: str) -> str:
        number = (
            f"{self.rng.randrange(100, 3000)}/{self.rng.randrange(1, 80)}"
            if self.chance(0.5)
            else self._house()
        )
        line1 = f"{self.fake.street_name()} {number}"
        if style == "part":
            return line1
        town = f"{self.fake.postcode()} {self.fake.city()}"
        return self._lines(line1, town, style)

    def _address_sv_SE(self, style: str) -> str:
        line1 = f"{self.fake.street_name()} {self._house(letters=True)}" + (
            f" lgh {self.rng.randrange(1001, 1503)}" if self.chance(0.2) else ""
        )
        if style == "part":
            return line1
        pc = str(self.fake.postcode()).replace(" ", "")
        town = f"{pc[:3]} {pc[3:]} {self.fake.city()}"
        return self._lines(line1, town, style)

    def _address_ja_JP(self, style: str) -> str:
        fake = self.fake
        chome, ban, go = (
            self.rng.randrange(1, 9),
            self.rng.randrange(1, 30),
            self.rng.randrange(1, 20),
        )
        block = f"{chome}丁目{ban}番{go}号" if self.chance(0.5) else f"{chome}-{ban}-{go}"
        place = f"{fake.city()}{fake.town()}{block}"
        if style == "part":
            return place
        building = (
            f" {fake.building_name()}{fake.town()}{self.rng.randrange(101, 1205)}号室"
            if self.chance(0.4)
            else ""
        )
        head = f"〒{fake.zipcode()} " if self.chance(0.6) else ""
        sep = "\n" if style == "ml" and head else ""
        return f"{head.strip()}{sep or (' ' if head else '')}{fake.prefecture()}{place}{building}"

    def _address_zh_CN(self, style: str) -> str:
        fake = self.fake
        street = f"{fake.street_name()}{self.rng.randrange(1, 300)}号"
        if style == "part":
            return f"{fake.district()}区{street}"
        tower, entrance, room = (
            self.rng.randrange(1, 30),
            self.rng.randrange(1, 6),
            self.rng.randrange(101, 2605),
        )
        unit = f"{tower}栋{entrance}单元{room}室" if self.chance(0.5) else ""
        province = str(fake.province())
        city = "" if province.endswith("市") else f"{fake.city_name()}市"
        return f"{province}{city}{fake.district()}区{street}{unit}"

    def _address_es_MX(self, style: str) -> str:
        kind = self.pick(["Calle", "Av.", "Avenida", "Calz."])
        line1 = f"{kind} {self.fake.last_name()} {self.pick(['', '#', 'No. '])}{self._house()}"
        if self.chance(0.3):
            line1 += f" Int. {self.rng.randrange(1, 40)}"
        if style == "part":
            return line1
        col = f"Col. {self.fake.last_name()}"
        town = f"{self.fake.postcode()[:5]} {self.fake.city()}, {self.fake.state_abbr()}"
        sep = "\n" if style == "ml" else ", "
        return f"{line1}{sep}{col}{sep}{town}{self._country_tail(style)}"

    def _address_he_IL(self, style: str) -> str:
        street = str(self.fake.street_title())
        while any(ch.isdigit() for ch in street):  # Faker also names streets by number
            street = str(self.fake.street_title())
        line1 = f"{self.pick(['רחוב ', 'רח׳ ', ''])}{street} {self._house()}"
        if self.chance(0.3):
            line1 += f" דירה {self.rng.randrange(1, 40)}"
        if style == "part":
            return line1
        sep = "\n" if style == "ml" else ", "
        return f"{line1}{sep}{self.fake.city_name()}{self._country_tail(style)}"

    # ------------------------------------------------------------------- dates
    def local_date(self, d: dt.date) -> str:
        lang, loc = self.lang, self.locale
        months = MONTH_NAMES.get(lang, MONTH_NAMES["en"]).split()
        month = months[d.month - 1]
        dd, mm, yyyy = f"{d.day:02d}", f"{d.month:02d}", str(d.year)
        if loc == "en_US":
            return self.format_date(d)
        if lang == "en":
            shapes = [f"{dd}/{mm}/{yyyy}", f"{d.day} {month} {yyyy}", f"{d.day}/{d.month}/{yyyy}",
                      f"{d.day} {month[:3]} {yyyy}"]  # fmt: skip
            if loc == "en_CA":
                shapes.append(f"{yyyy}-{mm}-{dd}")
        elif lang == "fr":
            day = "1er" if d.day == 1 else str(d.day)
            shapes = [f"{dd}/{mm}/{yyyy}", f"{day} {month} {yyyy}", f"{dd}.{mm}.{yyyy}"]
        elif lang == "de":
            shapes = [f"{dd}.{mm}.{yyyy}", f"{d.day}. {month} {yyyy}", f"{d.day}.{d.month}.{yyyy}"]
        elif lang in ("nl",):
            shapes = [f"{dd}-{mm}-{yyyy}", f"{d.day} {month} {yyyy}", f"{dd}/{mm}/{yyyy}"]
        elif lang in ("es", "pt"):
            shapes = [f"{dd}/{mm}/{yyyy}", f"{d.day} de {month} de {yyyy}", f"{dd}-{mm}-{yyyy}"]
        elif lang == "it":
            shapes = [f"{dd}/{mm}/{yyyy}", f"{d.day} {month} {yyyy}", f"{dd}-{mm}-{yyyy}"]
        elif lang == "pl":
            shapes = [f"{dd}.{mm}.{yyyy}", f"{d.day} {month} {yyyy}", f"{yyyy}-{mm}-{dd}"]
        elif lang == "cs":
            shapes = [
                f"{d.day}. {d.month}. {yyyy}",
                f"{dd}.{mm}.{yyyy}",
                f"{d.day}. {month} {yyyy}",
            ]
        elif lang == "sv":
            shapes = [f"{yyyy}-{mm}-{dd}", f"{d.day} {month} {yyyy}"]
        elif lang == "ja":
            shapes = [f"{yyyy}年{d.month}月{d.day}日", f"{yyyy}/{mm}/{dd}", f"{yyyy}年{mm}月{dd}日"]
            if 1927 <= d.year <= 1988:
                shapes.append(f"昭和{d.year - 1925}年{d.month}月{d.day}日")
            elif 1990 <= d.year <= 2018:
                shapes.append(f"平成{d.year - 1988}年{d.month}月{d.day}日")
        elif lang == "zh":
            shapes = [f"{yyyy}年{d.month}月{d.day}日", f"{yyyy}-{mm}-{dd}", f"{yyyy}.{mm}.{dd}"]
        else:  # he
            shapes = [f"{dd}/{mm}/{yyyy}", f"{dd}.{mm}.{yyyy}", f"{d.day}.{d.month}.{yyyy}"]
        return self.pick(shapes)

    def birth_day(self) -> dt.date:
        return self.us.date_of_birth(minimum_age=16, maximum_age=85)

    def local_dob(self) -> str:
        return self.local_date(self.birth_day())

    def local_other_date(self) -> str:
        start = dt.date(2015, 1, 1).toordinal()
        return self.local_date(dt.date.fromordinal(start + self.rng.randrange(4000)))

    # ------------------------------------------------------------------- cards
    def intl_card(self, network: str | None = None) -> str:
        """A Luhn-valid card of ``network``; by default mostly the locale's own networks."""
        if network is None:
            local = LOCAL_CARDS.get(self.locale)
            network = self.pick(local if local and self.chance(0.6) else INTL_CARDS)
        return self._card(network)

    def _card(self, network: str) -> str:
        length, groups = 16, (4, 4, 4, 4)
        if network == "jcb":
            prefix = str(self.rng.randrange(3528, 3590))
        elif network == "maestro":
            prefix = self.pick(
                ["5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763"]
            )
            length = self.rng.choice([16, 16, 19, 13, 12, 18])
            groups = {19: (4, 4, 4, 4, 3), 18: (4, 4, 4, 6), 13: (4, 4, 5), 12: (4, 4, 4)}.get(
                length, groups
            )
        elif network == "unionpay":
            prefix = "62" + str(self.rng.randrange(2126, 2926))
            if self.chance(0.4):
                length, groups = 19, self.rng.choice([(4, 4, 4, 4, 3), (6, 13)])
        elif network == "diners":
            prefix = self.pick(["36", "300", "305", "38", "39"])
            length, groups = 14, (4, 6, 4)
        elif network == "mir":
            prefix = f"220{self.rng.randrange(0, 5)}"
        elif network == "rupay":
            prefix = self.pick(["6521", "6522", "508", "607", "8174", "8200"])
        elif network == "uatp":
            prefix, length, groups = "1", 15, (4, 5, 6)
        elif network == "visa":
            prefix = "4"
        else:
            prefix = str(self.rng.randrange(51, 56))
        body = prefix + self.digits(length - 1 - len(prefix))
        number = body + luhn_check_digit(body)
        return group_digits(number, groups, self.pick([" ", " ", "-", ""]))

    # -------------------------------------------------------------------- bank
    def local_iban(self) -> str:
        country = self.info.iban or self.pick(["DE", "FR", "ES", "NL", "GB"])
        bban = "".join(
            self.pick(list(string.ascii_uppercase)) if ch == "A" else self.digits(1)
            for ch in IBAN_BBAN[country]
        )
        if country in IBAN_BANKS:
            bban = self.pick(IBAN_BANKS[country]) + bban[4:]
        bban = _national_bban(country, bban)
        compact = iban_with_checksum(country, bban)
        if self.chance(0.7):
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def local_account(self) -> str:
        return self.digits(self.rng.randrange(8, 13), first_nonzero=True)

    # ------------------------------------------------------------ national ids
    def uk_nino(self) -> str:
        return ids.make_uk_nino(self.rng)

    def ca_sin(self) -> str:
        return ids.make_ca_sin(self.rng)

    def fr_nir(self) -> str:
        return ids.make_fr_nir(self.rng, self.birth_day())

    def de_tax_id(self) -> str:
        return ids.make_de_tax_id(self.rng)

    def es_nif(self) -> str:
        return ids.make_es_nif(self.rng)

    def es_nie(self) -> str:
        return ids.make_es_nie(self.rng)

    def it_fiscal_code(self) -> str:
        it = self._faker_for("it_IT")
        code = ids.make_it_fiscal_code(self.rng, it.last_name(), it.first_name(), self.birth_day())
        return code if self.chance(0.9) else " ".join((code[:3], code[3:6], code[6:11], code[11:]))

    def in_aadhaar(self) -> str:
        return ids.make_in_aadhaar(self.rng)

    def in_pan(self) -> str:
        return ids.make_in_pan(self.rng, self._faker_for("en_IN").last_name())

    def br_cpf(self) -> str:
        return ids.make_br_cpf(self.rng)

    def au_tfn(self) -> str:
        return ids.make_au_tfn(self.rng)

    def mx_curp(self) -> str:
        return ids.make_mx_curp(self.rng, self.birth_day())

    def _faker_for(self, locale: str) -> Faker:
        current, self.locale = self.locale, locale
        try:
            return self.fake
        finally:
            self.locale = current

    # --------------------------------------------- hard negatives (never gold)
    def local_price(self) -> str:
        amount = self.rng.randrange(2, 3000)
        cents = self.rng.randrange(100)
        return {
            "en_US": f"${amount:,}.{cents:02d}",
            "en_GB": f"£{amount:,}.{cents:02d}",
            "en_CA": f"${amount:,}.{cents:02d} CAD",
            "en_AU": f"A${amount:,}.{cents:02d}",
            "en_IN": f"₹{amount * 80:,}",
            "fr_FR": f"{amount:,},{cents:02d} €".replace(",", " ", 1 if amount >= 1000 else 0),
            "de_DE": f"{amount:,},{cents:02d} €".replace(",", ".", 1 if amount >= 1000 else 0),
            "nl_NL": f"€ {amount},{cents:02d}",
            "es_ES": f"{amount},{cents:02d} €",
            "it_IT": f"€ {amount},{cents:02d}",
            "pt_PT": f"{amount},{cents:02d} €",
            "pt_BR": f"R$ {amount},{cents:02d}",
            "pl_PL": f"{amount},{cents:02d} zł",
            "cs_CZ": f"{amount * 25} Kč",
            "sv_SE": f"{amount * 11} kr",
            "ja_JP": f"{amount * 150:,}円",
            "zh_CN": f"¥{amount * 7}",
            "es_MX": f"${amount * 18:,} MXN",
            "he_IL": f"₪{amount * 4}",
        }[self.locale]

    def ssn_build(self) -> str:
        """A build or version number grouped 3-2-4 (shaped like an SSN, in valid SSN ranges)."""
        return "-".join(self._ssn_parts())

    def isbn13(self) -> str:
        body = "978" + self.digits(9)
        check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
        d = body + str(check)
        return self.pick([d, f"{d[:3]}-{d[3]}-{d[4:7]}-{d[7:12]}-{d[12]}"])

    def s10_tracking(self) -> str:
        """A UPU S10 parcel code with its real check digit (``RR123456785FR``)."""
        body = self.digits(8)
        total = sum(int(c) * w for c, w in zip(body, [8, 6, 4, 2, 3, 5, 9, 7], strict=True))
        check = 11 - total % 11
        check = 0 if check == 10 else 5 if check == 11 else check
        country = self.info.region if self.info.region != "US" else "US"
        return f"{self.pick(['RR', 'LX', 'CP', 'RA', 'EE', 'LZ'])}{body}{check}{country}"

    def order_number(self) -> str:
        return self.pick(
            [
                f"{self.rng.randrange(100, 999)}-{self.digits(7)}-{self.digits(7)}",
                f"{self.rng.randrange(2019, 2027)}{self.digits(6)}",
                f"#{self.digits(9, first_nonzero=True)}",
                f"{self.pick(list(string.ascii_uppercase))}{self.digits(8)}",
            ]
        )

    def invoice_like_id(self) -> str:
        """A reference number shaped like a national identifier that fails its check."""
        kind = self.pick(["nir", "taxid", "aadhaar", "cpf", "sin", "dni"])
        if kind in LOOK_ALIKE_LAYOUTS:
            sizes, seps = LOOK_ALIKE_LAYOUTS[kind]
            return group_digits(ids.fail_digits(self.rng, sum(sizes), ids.any_id_ok), sizes, seps)
        number = self.rng.randrange(10_000_000, 100_000_000)
        wrong = ids._DNI_LETTERS[(number + self.rng.randrange(1, 23)) % 23]
        return f"{number}-{wrong}"

    def abn(self) -> str:
        """An Australian Business Number (a company's, public) with its valid checksum."""
        weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
        while True:
            d = str(self.rng.randrange(1, 10)) + self.digits(10)
            total = sum(
                (int(c) - (1 if i == 0 else 0)) * w
                for i, (c, w) in enumerate(zip(d, weights, strict=True))
            )
            if total % 89 == 0:
                return f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}"

    def upi_ref(self) -> str:
        return ids.fail_digits(self.rng, 12, ids.any_id_ok)

    def grouped12(self) -> str:
        d = ids.fail_digits(self.rng, 12, ids.any_id_ok)
        return f"{d[:4]}-{d[4:8]}-{d[8:]}"

    def latitude_prose(self) -> str:
        """One latitude or a range in prose: a place on a map, not a point anyone lives at."""
        lat = self.rng.randrange(10, 70)
        return self.pick([f"{lat}°", f"{lat}.{self.rng.randrange(1, 9)}°", f"{lat} degrees"])

    def postcode_only(self) -> str:
        return str(self.fake.postcode())

    def km(self) -> str:
        return f"{self.rng.randrange(2, 900)}{self.pick([',', '.'])}{self.rng.randrange(10)} km"


_EXTENSION = re.compile(
    "(?:"
    + "|".join(
        sorted(
            {re.escape(w.strip()) for loc in LOCALES.values() for w in loc.ext_words},
            key=len,
            reverse=True,
        )
    )
    + r")\s*\d+$",
    re.IGNORECASE,
)


def _sort_town_list(fake: Faker) -> None:
    """Faker's it_IT town list is built from a set, so its order (and the town a seed draws)
    changes with PYTHONHASHSEED; sorted, the same seed gives the same corpus in every process.
    Only the town names change: Faker still draws the same index from its own random."""
    for provider in fake.get_providers():
        towns = getattr(provider, "cities", None)
        if isinstance(towns, list):
            provider.cities = sorted(towns)  # type: ignore[attr-defined]


def _dial_out_prefix(region: str) -> str | None:
    """The digits dialled before a country code from ``region`` (00, 0011, 010...), if fixed."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return None
    prefix = meta.preferred_international_prefix or meta.international_prefix
    return prefix if prefix and prefix.isdigit() else None


def phone_valid(text: str, locale: str) -> bool:
    """Whether ``text`` (extension allowed) is a valid number in ``locale``'s region."""
    number = _EXTENSION.sub("", text).strip()
    try:
        parsed = phonenumbers.parse(number, LOCALES[locale].region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


def iban_valid(text: str) -> bool:
    """mod-97 and, where this module fixes them, the national check digits."""
    compact = text.replace(" ", "").upper()
    if not iban_ok(compact):
        return False
    country, bban = compact[:2], compact[4:]
    if country in IBAN_BBAN and len(bban) != len(IBAN_BBAN[country]):
        return False
    return _national_bban(country, bban) == bban


def card_valid(text: str) -> bool:
    digits = re.sub(r"[ -]", "", text)
    return digits.isdigit() and 12 <= len(digits) <= 19 and luhn_ok(digits)


def _national_bban(country: str, bban: str) -> str:
    """Fix the banks' own check digits inside a BBAN, where a careful detector may test them."""
    if country == "ES":  # two CCC control digits over bank+branch and the account
        bank_branch, account = bban[:8], bban[10:]
        return bank_branch + _ccc_digit("00" + bank_branch) + _ccc_digit(account) + account
    if country == "FR":  # the RIB key
        bank, branch, account = bban[:5], bban[5:10], bban[10:21]
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        return f"{bank}{branch}{account}{key:02d}"
    if country == "NL":  # the old eleven-test on the account number
        while sum(int(c) * w for c, w in zip(bban[4:], range(10, 0, -1), strict=True)) % 11:
            bban = bban[:4] + str((int(bban[4:]) + 1) % 10**10).zfill(10)
        return bban
    if country == "PT":  # the NIB's two check digits
        body = bban[:19]
        return body + f"{98 - int(body) * 100 % 97:02d}"
    if country == "IT":  # the CIN letter, from the same tables as the codice fiscale
        rest = bban[1:]
        return ids.it_check_char(rest) + rest
    return bban


def _ccc_digit(digits: str) -> str:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11
    return "0" if d == 11 else "1" if d == 10 else str(d)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
