"""Synthetic private values and look-alike fillers for the PII benchmark corpus.

Every value is drawn from one seeded ``random.Random`` plus seeded Faker instances, so the same
seed always yields the same corpus (for a given Faker version). Values are built to be *valid*
by the rules a careful detector would check (SSN ranges, Luhn, IBAN mod-97, phonenumbers
validity): a detector must never be rewarded for rejecting a value that is in fact well formed.

The checkers at the bottom (``ssn_ok``, ``luhn_ok``, ...) are independent re-implementations
used by the generator's self-checks and by the tests, never by the scorer.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import random
import string

import phonenumbers
from faker import Faker

MONTHS = """
    January February March April May June July August September October November December
""".split()

# Real, in-service NANP area codes (a sample): a detector may legitimately check them.
US_AREA_CODES = """
    201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 224 225 228 229 231
    234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 303 304 305 307
    308 309 310 312 313 314 315 316 317 318 319 320 321 323 325 330 334 336 337 339 347 351
    352 360 361 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 419 423 425 430
    432 434 435 440 443 469 478 479 480 484 501 502 503 504 505 507 508 509 510 512 513 515
    516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 573 574 575 580 585 586 601
    602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 630 631 636 641
    646 650 651 660 661 662 678 682 701 702 703 704 706 707 708 712 713 714 715 716 717 718
    719 720 724 727 731 732 734 740 754 757 760 763 765 770 772 773 774 775 781 785 786 801
    802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831 832 843 845 847 848
    850 856 857 858 859 860 862 863 864 865 870 901 903 904 906 907 908 909 910 912 913 914
    915 916 917 918 919 920 925 928 931 936 937 940 941 949 951 952 954 956 970 971 972 973
    978 979 980 985 989
""".split()
INTL_REGIONS = "GB GB GB DE FR AU IE IN MX ES NL".split()
US_STREET_TYPES = """
    St St. Street Ave Ave. Avenue Blvd Boulevard Dr Dr. Drive Ln Lane Rd Rd. Road Ct Court Pl
    Place Way Ter Terrace Pkwy Parkway Cir Circle Hwy Trail
""".split()
US_DIRECTIONALS = """
    N S E W N. S. NE NW SE SW North West
""".split()
US_TREE_NAMES = """
    Oak Maple Cedar Pine Elm Willow Birch Walnut Aspen
""".split()
US_STREET_WORDS = (
    "Oak Ridge|Lakeview|Hillcrest|Sunset|Park|Washington|Lincoln|Jefferson|Madison|Highland|"
    "River|Mill|Church|Spring|Meadow|Forest|Main|Market|Broad|Union"
).split("|")

ACCENTED_FIRST = """
    José Zoë Renée Françoise Siobhán Øyvind Ángel Chloé Björn Małgorzata Łukasz Inès Søren
    Noémie Raúl
""".split()
ACCENTED_LAST = """
    Núñez García Müller Peña Dvořák O’Brien Nguyễn Lefèvre Kovačić Sjöberg Ibáñez Çelik
""".split()

IBAN_BANKS = """
    NWBK BARC LOYD HBUK MIDL WEST AIBK BOFI ABNA RABO INGB
""".split()
IBAN_SHAPES = {  # country -> BBAN shape: "A" = upper letter (bank code), "9" = digit
    "GB": "AAAA99999999999999",
    "IE": "AAAA99999999999999",
    "DE": "999999999999999999",
    "FR": "99999999999999999999999",
    "ES": "99999999999999999999",
    "NL": "AAAA9999999999",
    "IT": "A9999999999999999999999",
}
EMOJI = ["😂", "👋", "🔥", "🙏", "😬", "💀", "🍕", "🎉", "☕", "❤️", "🇺🇸", "👀", "🤡", "✨"]


class Values:
    """One seeded source of every value the templates can ask for."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.us = Faker("en_US")
        self.gb = Faker("en_GB")
        self.ca = Faker("en_CA")
        for offset, fake in enumerate((self.us, self.gb, self.ca), start=1):
            fake.seed_instance(seed * 7919 + offset)

    # ----------------------------------------------------------------- helpers
    def pick(self, seq: list[str] | tuple[str, ...]) -> str:
        return seq[self.rng.randrange(len(seq))]

    def digits(self, n: int, *, first_nonzero: bool = False) -> str:
        out = [str(self.rng.randrange(10)) for _ in range(n)]
        if first_nonzero and n:
            out[0] = str(self.rng.randrange(1, 10))
        return "".join(out)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def _house_number(self, fake: Faker) -> str:
        # Faker emits zero-padded numbers ("0008"); no one writes a house number that way.
        number = int(fake.building_number())
        return str(number if number else self.rng.randrange(1, 300))

    # ------------------------------------------------------------------ people
    def first_name(self) -> str:
        if self.chance(0.15):
            return self.pick(ACCENTED_FIRST)
        return str(self.pick((self.us, self.gb, self.ca)).first_name())

    def last_name(self) -> str:
        if self.chance(0.15):
            return self.pick(ACCENTED_LAST)
        return str(self.pick((self.us, self.gb, self.ca)).last_name())

    def name(self) -> str:
        return f"{self.first_name()} {self.last_name()}"

    # -------------------------------------------------------------------- SSN
    def _ssn_parts(self) -> tuple[str, str, str]:
        area = self.rng.randrange(1, 900)
        while area == 666:
            area = self.rng.randrange(1, 900)
        return (
            f"{area:03d}",
            f"{self.rng.randrange(1, 100):02d}",
            f"{self.rng.randrange(1, 10000):04d}",
        )

    def ssn(self) -> str:
        a, g, s = self._ssn_parts()
        return f"{a} {g} {s}" if self.chance(0.2) else f"{a}-{g}-{s}"

    def ssn_bare(self) -> str:
        return "".join(self._ssn_parts())

    def ssn_masked(self) -> str:
        last4 = self._ssn_parts()[2]
        mask = self.pick(["XXX-XX-", "XXX-XX-", "***-**-", "xxx-xx-", "###-##-", "XXX XX "])
        return mask + last4

    def ssn_last4(self) -> str:
        return self._ssn_parts()[2]

    # ---------------------------------------------------------------- address
    def _us_street(self) -> str:
        if self.chance(0.5):
            return str(self.us.street_name())
        body = (
            self.pick(US_STREET_WORDS + US_TREE_NAMES) if self.chance(0.6) else self.us.last_name()
        )
        street = f"{body} {self.pick(US_STREET_TYPES)}"
        if self.chance(0.2):
            street = f"{self.pick(US_DIRECTIONALS)} {street}"
        elif self.chance(0.08):
            street = f"{street} {self.pick(['NW', 'NE', 'SW', 'SE'])}"
        return street

    def address_partial(self) -> str:
        """House number through street type, as written in prose ("lives at 1520 Oak Ridge Dr")."""
        return f"{self._house_number(self.us)} {self._us_street()}"

    def address_us(self, *, multiline: bool = False) -> str:
        line1 = self.address_partial()
        if self.chance(0.25):
            line1 += self.pick([" ", ", "]) + str(self.us.secondary_address())
        state = self.us.state_abbr(
            include_territories=False, include_freely_associated_states=False
        )
        if self.chance(0.15):
            state = self.us.state()
        zip_code = self.us.zipcode_plus4() if self.chance(0.2) else self.us.zipcode()
        line2 = f"{self.us.city()}, {state} {zip_code}"
        return f"{line1}\n{line2}" if multiline else f"{line1}, {line2}"

    def address_uk(self, *, multiline: bool = False) -> str:
        line1 = f"{self._house_number(self.gb)} {self.gb.street_name()}"
        if self.chance(0.3):
            line1 = f"Flat {self.rng.randrange(1, 40)}, {line1}"
        sep = "\n" if multiline else ", "
        town_sep = self.pick([", ", " "]) if not multiline else "\n"
        return f"{line1}{sep}{self.gb.city()}{town_sep}{self.gb.postcode()}"

    def address_ca(self, *, multiline: bool = False) -> str:
        line1 = f"{self._house_number(self.ca)} {self.ca.street_name()}"
        postal = str(self.ca.postalcode()).replace(" ", "")
        postal = f"{postal[:3]} {postal[3:]}"
        sep = "\n" if multiline else ", "
        return f"{line1}{sep}{self.ca.city()}, {self.ca.province_abbr()} {postal}"

    def address(self, *, multiline: bool = False) -> str:
        roll = self.rng.random()
        if roll < 0.6:
            return self.address_us(multiline=multiline)
        if roll < 0.8:
            return self.address_uk(multiline=multiline)
        return self.address_ca(multiline=multiline)

    def street_only(self) -> str:
        """A street name with no house number: not an address."""
        return self.pick(
            [
                "Main Street",
                "High Street",
                "Pennsylvania Avenue",
                "Market St",
                "Oak Ridge Drive",
                "Fifth Avenue",
                "Broadway",
                str(self.us.street_name()),
                str(self.gb.street_name()),
            ]
        )

    # ------------------------------------------------------------------ phone
    def _us_number(self) -> tuple[str, str, str]:
        while True:
            area = self.pick(US_AREA_CODES)
            exchange = f"{self.rng.randrange(2, 10)}{self.digits(2)}"
            if exchange[1:] == "11":
                continue
            sub = self.digits(4)
            if phonenumbers.is_valid_number(phonenumbers.parse(f"+1{area}{exchange}{sub}")):
                return area, exchange, sub

    def _extension(self) -> str:
        if not self.chance(0.1):
            return ""
        ext = self.digits(self.rng.randrange(2, 5), first_nonzero=True)
        return self.pick([" x", " x", " ext. ", " ext ", " Ext. "]) + ext

    def phone_us(self) -> str:
        a, e, s = self._us_number()
        shape = self.pick(
            [
                "({a}) {e}-{s}",
                "({a}) {e}-{s}",
                "{a}-{e}-{s}",
                "{a}-{e}-{s}",
                "{a}.{e}.{s}",
                "+1 {a} {e} {s}",
                "+1-{a}-{e}-{s}",
                "+1 ({a}) {e}-{s}",
                "1-{a}-{e}-{s}",
                "{a} {e} {s}",
                "+1{a}{e}{s}",
                "({a}){e}-{s}",
            ]
        )
        return shape.format(a=a, e=e, s=s) + self._extension()

    def phone_bare(self) -> str:
        """Ten bare digits: only ever placed after explicit phone context."""
        return "".join(self._us_number())

    def phone_intl(self) -> str:
        region = self.pick(INTL_REGIONS)
        kind = self.pick(
            [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
        )
        example = phonenumbers.example_number_for_type(region, kind)
        nsn = str(example.national_number)
        keep = min(3, len(nsn) - 4)
        number = example
        for _ in range(50):
            candidate = nsn[:keep] + self.digits(len(nsn) - keep)
            parsed = phonenumbers.parse(f"+{example.country_code}{candidate}")
            if phonenumbers.is_valid_number(parsed):
                number = parsed
                break
        style = (
            phonenumbers.PhoneNumberFormat.E164
            if self.chance(0.3)
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        return str(phonenumbers.format_number(number, style))

    def phone(self) -> str:
        return self.phone_intl() if self.chance(0.2) else self.phone_us()

    # ------------------------------------------------------------------ email
    def email(self) -> str:
        fake = self.pick((self.us, self.gb, self.ca))
        roll = self.rng.random()
        if roll < 0.4:
            return str(fake.free_email())
        if roll < 0.7:
            return str(fake.company_email())
        if roll < 0.85:
            user = f"{fake.first_name()}.{fake.last_name()}".lower().replace("'", "")
            tag = f"+{self.pick(['news', 'spam', 'x', 'work'])}" if self.chance(0.4) else ""
            return f"{user}{tag}@{fake.free_email_domain()}"
        return f"{fake.user_name()}{self.digits(2)}@{fake.domain_name()}"

    # ------------------------------------------------------------------- dates
    def format_date(self, d: dt.date) -> str:
        month, mon = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        shapes = [
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{d.month}/{d.day}/{d.year}",
            f"{d.year}-{d.month:02d}-{d.day:02d}",
            f"{month} {d.day}, {d.year}",
            f"{month} {d.day} {d.year}",
            f"{d.day} {month} {d.year}",
            f"{mon} {d.day}, {d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.month:02d}-{d.day:02d}-{d.year}",
            f"{month} {d.day}{suffix}, {d.year}",
            f"{d.day}-{mon}-{d.year}",
            f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        ]
        return self.pick(shapes)

    def birth_date(self) -> str:
        return self.format_date(self.us.date_of_birth(minimum_age=16, maximum_age=90))

    def other_date(self) -> str:
        start = dt.date(1975, 1, 1).toordinal()
        return self.format_date(dt.date.fromordinal(start + self.rng.randrange(20000)))

    # ------------------------------------------------------------------ cards
    def card(self) -> str:
        kind = self.pick(["visa", "visa", "mc", "mc", "amex", "discover"])
        if kind == "visa":
            body, groups = "4" + self.digits(14), (4, 4, 4, 4)
        elif kind == "mc":
            prefix = (
                str(self.rng.randrange(51, 56))
                if self.chance(0.8)
                else str(self.rng.randrange(2221, 2721))
            )
            body, groups = prefix + self.digits(15 - len(prefix)), (4, 4, 4, 4)
        elif kind == "amex":
            body, groups = self.pick(["34", "37"]) + self.digits(12), (4, 6, 5)
        else:
            prefix = self.pick(["6011", "65"])
            body, groups = prefix + self.digits(15 - len(prefix)), (4, 4, 4, 4)
        number = body + luhn_check_digit(body)
        return group_digits(number, groups, self.pick([" ", " ", "-", ""]))

    def not_a_card(self) -> str:
        """Sixteen grouped digits that fail Luhn (gift-card or voucher codes)."""
        while True:
            body = self.digits(16, first_nonzero=True)
            if not luhn_ok(body):
                return " ".join(body[i : i + 4] for i in range(0, 16, 4))

    # ------------------------------------------------------- government ids
    def passport(self) -> str:
        if self.chance(0.4):
            return self.pick(list(string.ascii_uppercase)) + self.digits(8)
        return self.digits(9, first_nonzero=True)

    def driver_license(self) -> str:
        letter = self.pick(list(string.ascii_uppercase))
        roll = self.rng.random()
        if roll < 0.3:  # California: a letter + 7 digits
            return letter + self.digits(7)
        if roll < 0.5:  # Florida / Michigan: a letter + 12 digits, often dashed
            d = self.digits(12)
            if self.chance(0.5):
                return f"{letter}{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:11]}-{d[11]}"
            return letter + d
        if roll < 0.7:  # Texas / Pennsylvania: 8 digits
            return self.digits(8, first_nonzero=True)
        if roll < 0.9:  # New York: 9 digits, sometimes spaced
            d = self.digits(9, first_nonzero=True)
            return f"{d[:3]} {d[3:6]} {d[6:]}" if self.chance(0.3) else d
        if roll < 0.95:  # Illinois: a letter + 11 digits, dashed
            d = self.digits(11)
            return f"{letter}{d[:3]}-{d[3:7]}-{d[7:]}"
        return letter + self.pick(list(string.ascii_uppercase)) + self.digits(6)  # Ohio

    # ------------------------------------------------------------------- bank
    def account_number(self) -> str:
        while True:
            number = self.digits(self.rng.randrange(8, 18))
            # Keep gold unambiguous: a 13-19 digit Luhn-valid string would also be a card.
            if not (len(number) >= 13 and luhn_ok(number)):
                return number

    def iban(self) -> str:
        country = self.pick(list(IBAN_SHAPES))
        shape = IBAN_SHAPES[country]
        bank = self.pick(IBAN_BANKS)
        bban, letters = (
            [],
            iter(bank + "".join(self.pick(list(string.ascii_uppercase)) for _ in range(4))),
        )
        for ch in shape:
            bban.append(next(letters) if ch == "A" else str(self.rng.randrange(10)))
        compact = iban_with_checksum(country, "".join(bban))
        if self.chance(0.7):
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    # --------------------------------------------------------------- network
    def ip(self) -> str:
        if self.chance(0.25):
            address = ipaddress.IPv6Address(self.us.ipv6())
            return address.compressed if self.chance(0.5) else address.exploded
        if self.chance(0.1):
            return str(self.us.ipv4_private())
        return str(self.us.ipv4_public())

    # ------------------------------------------------------------ coordinates
    def _lat_lon(self) -> tuple[float, float, int]:
        return self.rng.uniform(-60, 72), self.rng.uniform(-179.9, 179.9), self.rng.randint(4, 6)

    def geo(self) -> str:
        lat, lon, nd = self._lat_lon()
        ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
        roll = self.rng.random()
        if roll < 0.35:
            return f"{lat:.{nd}f}, {lon:.{nd}f}"
        if roll < 0.45:
            return f"{lat:.{nd}f},{lon:.{nd}f}"
        if roll < 0.7:
            return f"{abs(lat):.{nd}f}° {ns}, {abs(lon):.{nd}f}° {ew}"
        if roll < 0.9:
            return f"{abs(lat):.{nd}f}°{ns} {abs(lon):.{nd}f}°{ew}"
        return f"{_dms(lat)}{ns} {_dms(lon)}{ew}"

    def geo_latlon(self) -> str:
        """The part after a leading "lat ": "40.71280 lon -74.00600"."""
        lat, lon, nd = self._lat_lon()
        word = self.pick([" lon ", " lon ", " long ", ", lng ", " lng: ", ", lon: "])
        return f"{lat:.{nd}f}{word}{lon:.{nd}f}"

    def geo_latitude(self) -> str:
        """The part after a leading "latitude ": "40.7128, longitude -74.0060"."""
        lat, lon, nd = self._lat_lon()
        word = self.pick([", longitude ", " and longitude ", " longitude "])
        return f"{lat:.{nd}f}{word}{lon:.{nd}f}"

    # ------------------------------------------------ look-alikes (never gold)
    def order_ref(self) -> str:
        prefix = self.pick(
            [
                "Order #",
                "order no. ",
                "Order ",
                "Ticket #",
                "Case ",
                "Ref: ",
                "Confirmation #",
                "PO ",
                "RMA ",
                "Claim #",
            ]
        )
        shape = self.rng.random()
        if shape < 0.6:
            number = f"{self.digits(3)}-{self.digits(2)}-{self.digits(4)}"
        elif shape < 0.85:
            number = f"{self.digits(3)}-{self.digits(3)}-{self.digits(4)}"
        else:
            number = self.digits(9, first_nonzero=True)
        return prefix + number

    def tracking(self) -> str:
        roll = self.rng.random()
        if roll < 0.5:
            alnum = "".join(
                self.pick(list(string.ascii_uppercase + string.digits)) for _ in range(3)
            )
            if self.chance(0.5):
                return f"1Z {self.digits(3)} {alnum} {self.digits(4)} {self.digits(4)}"
            return f"1Z{self.digits(3)}{alnum}{self.digits(10)}"
        if roll < 0.75:
            d = "94" + self.digits(20)
            return " ".join(d[i : i + 4] for i in range(0, 22, 4))
        return f"{self.digits(4, first_nonzero=True)} {self.digits(4)} {self.digits(4)}"

    def ref_phone(self) -> str:
        a, e, s = self._us_number()
        prefix = self.pick(
            ["ref ", "Ref# ", "reference no. ", "Part No. ", "SKU ", "model ", "serial "]
        )
        return f"{prefix}{a}-{e}-{s}"

    def zip_code(self) -> str:
        return str(self.us.zipcode())

    def price(self) -> str:
        amount = self.rng.choice([self.rng.randrange(1, 100), self.rng.randrange(100, 5000)])
        cents = f".{self.rng.randrange(100):02d}" if self.chance(0.5) else ""
        sym = self.pick(["$", "$", "€", "£"])
        return f"{sym}{amount:,}{cents}"

    def score(self) -> str:
        a, b = self.rng.randrange(10, 120), self.rng.randrange(0, 110)
        return f"{max(a, b)}{self.pick(['-', '–', '-'])}{min(a, b)}"

    def version(self) -> str:
        roll = self.rng.random()
        triple = (
            f"{self.rng.randrange(0, 20)}.{self.rng.randrange(0, 30)}.{self.rng.randrange(0, 20)}"
        )
        if roll < 0.4:
            return f"v{triple}"
        if roll < 0.7:
            return f"version {self.version4()}"
        return f"{triple}-{self.pick(['beta', 'rc1', 'alpha.2'])}"

    def version4(self) -> str:
        return ".".join(str(self.rng.randrange(0, 30)) for _ in range(4))

    def percent(self) -> str:
        return f"{self.rng.uniform(0, 99):.{self.rng.randint(0, 1)}f}%"

    def big_number(self) -> str:
        return f"{self.rng.randrange(10_000, 20_000_000):,}"

    def isbn(self) -> str:
        return f"978-{self.digits(1)}-{self.digits(2)}-{self.digits(6)}-{self.digits(1)}"

    def case_number(self) -> str:
        return self.pick(
            [
                f"{self.rng.randrange(2015, 2026)}-CV-{self.digits(5)}",
                f"1:{self.digits(2)}-cr-{self.digits(5)}",
            ]
        )

    def invoice(self) -> str:
        return f"INV-{self.rng.randrange(2019, 2026)}-{self.digits(6)}"

    def time(self) -> str:
        hour, minute = self.rng.randrange(1, 24), self.rng.randrange(60)
        return self.pick(
            [
                f"{hour}:{minute:02d}",
                f"{hour % 12 + 1}:{minute:02d} pm",
                f"{hour:02d}:{minute:02d}:{self.rng.randrange(60):02d}",
            ]
        )

    def measure(self) -> str:
        a, b = self.rng.uniform(10, 90), self.rng.uniform(10, 90)
        return f"{a:.2f} x {b:.2f} {self.pick(['cm', 'mm', 'in'])}"

    def plate(self) -> str:
        letters = "".join(self.pick(string.ascii_uppercase) for _ in range(3))
        return f"{self.rng.randrange(1, 9)}{letters}{self.digits(3)}"

    def expiry(self) -> str:
        return f"{self.rng.randrange(1, 13):02d}/{self.rng.randrange(25, 32)}"

    def flight(self) -> str:
        airline = self.pick(["UA", "BA", "DL", "AC", "LH"])
        return f"{airline}{self.pick([' ', ''])}{self.rng.randrange(10, 2999)}"

    def team(self) -> str:
        return f"{self.us.city()} {self.pick(['Hawks', 'Tigers', 'United', 'Rovers', 'Bears'])}"

    def small_int(self) -> str:
        return str(self.rng.randrange(2, 60))

    def emoji(self) -> str:
        return self.pick(EMOJI)

    # --------------------- look-alikes for the unseen template family (never gold)
    # Added after the others and drawn only by templates_unseen.py: the standard corpus for a
    # given seed is unchanged.
    def ssn_shaped(self) -> str:
        """Nine digits grouped 3-2-4, in valid SSN ranges, used as an order or claim number."""
        return "-".join(self._ssn_parts())

    def phone_shaped(self) -> str:
        """A valid-looking US number grouped 3-3-4, used as a ticket or part number."""
        return "-".join(self._us_number())

    def nine_digits(self) -> str:
        return self.digits(9, first_nonzero=True)

    def ten_digits(self) -> str:
        return self.digits(10, first_nonzero=True)

    def last_four(self) -> str:
        """The last four digits of a payment card, as receipts print them (not an entity)."""
        return self.digits(4)

    def decimal(self) -> str:
        """A measurement with four decimals ("41.2875"): not a coordinate without context."""
        return f"{self.rng.uniform(1, 90):.4f}"

    def sku(self) -> str:
        letters = "".join(self.pick(list(string.ascii_uppercase)) for _ in range(2))
        return f"{letters}-{self.digits(5)}"

    def ordinal(self) -> str:
        n = self.rng.randrange(1, 40)
        suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    # ------------------- look-alikes for the second blind family (never gold)
    # Added after all the others and drawn only by templates_blind2.py: the standard and unseen
    # corpora for a given seed are unchanged.
    def imei(self) -> str:
        """A 15-digit, Luhn-valid handset IMEI (a device id, not a payment card)."""
        body = self.pick(["35", "35", "86", "01"]) + self.digits(12)
        number = body + luhn_check_digit(body)
        if self.chance(0.4):
            return f"{number[:2]}-{number[2:8]}-{number[8:14]}-{number[14]}"
        return number

    def patent(self) -> str:
        if self.chance(0.3):
            return f"US {self.rng.randrange(2005, 2025)}/{self.digits(7)} A1"
        grant = f"{self.rng.randrange(6_000_000, 12_000_000):,}"
        return f"US {grant}{self.pick([' B2', ' B1', ''])}"

    def cas(self) -> str:
        """A CAS registry number with its real check digit (``7732-18-5``)."""
        body = self.digits(self.rng.randrange(2, 7), first_nonzero=True) + self.digits(2)
        check = sum(int(d) * i for i, d in enumerate(reversed(body), start=1)) % 10
        return f"{body[:-2]}-{body[-2:]}-{check}"

    def lotto(self) -> str:
        balls = sorted(self.rng.sample(range(1, 70), 5))
        return " ".join(f"{b:02d}" for b in balls) + f" + {self.rng.randrange(1, 27):02d}"

    def train(self) -> str:
        line = self.pick(["Amtrak", "ICE", "TGV", "Eurostar", "IC"])
        return f"{line} {self.digits(4, first_nonzero=True)}"

    def hull(self) -> str:
        return str(self.rng.randrange(571, 806))

    def serial9(self) -> str:
        """A letter and eight digits: a serial number shaped like a US passport number."""
        return self.pick(list(string.ascii_uppercase)) + self.digits(8)

    def upc(self) -> str:
        body = self.digits(11)
        total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
        number = body + str((10 - total % 10) % 10)
        return f"{number[0]} {number[1:6]} {number[6:11]} {number[11]}"

    def mac(self) -> str:
        return ":".join(f"{self.rng.randrange(256):02X}" for _ in range(6))

    def oid(self) -> str:
        return f"1.3.6.1.4.1.{self.rng.randrange(2, 60000)}.{self.rng.randrange(1, 20)}"

    def hex_id(self) -> str:
        return "".join(self.pick(list("0123456789abcdef")) for _ in range(12))

    def chat_stamp(self) -> str:
        """A chat export's message time ("[3/12/2024 9:41 PM]"): a date that is no birth date."""
        d = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(2400))
        hour, minute = self.rng.randrange(1, 13), self.rng.randrange(60)
        ampm = self.pick(["AM", "PM"])
        return self.pick(
            [
                f"[{d.month}/{d.day}/{d.year} {hour}:{minute:02d} {ampm}]",
                f"[{d.isoformat()} {hour + 8:02d}:{minute:02d}]",
                f"[{d.day:02d}.{d.month:02d}.{d.year} {hour + 8:02d}:{minute:02d}]",
            ]
        )

    def iso_stamp(self) -> str:
        d = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(2400))
        return (
            f"{d.isoformat()}T{self.rng.randrange(24):02d}:{self.rng.randrange(60):02d}:"
            f"{self.rng.randrange(60):02d}Z"
        )

    def log_stamp(self) -> str:
        d = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(2400))
        return (
            f"{d.day:02d}/{MONTHS[d.month - 1][:3]}/{d.year}:{self.rng.randrange(24):02d}:"
            f"{self.rng.randrange(60):02d}:{self.rng.randrange(60):02d} +0000"
        )


def _dms(value: float) -> str:
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round(((value - deg) * 60 - minutes) * 60, 1)
    return f"{deg}°{minutes}′{seconds}″"


def group_digits(number: str, sizes: tuple[int, ...], seps: str | tuple[str, ...] = " ") -> str:
    """``number`` cut into groups of ``sizes``, joined by ``seps`` (one, or one per gap)."""
    gaps = (seps,) * (len(sizes) - 1) if isinstance(seps, str) else seps
    parts, pos = [], 0
    for size in sizes:
        parts.append(number[pos : pos + size])
        pos += size
    return parts[0] + "".join(gap + part for gap, part in zip(gaps, parts[1:], strict=True))


# ------------------------------------------------------------------ checkers
def luhn_check_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = "".join(ch for ch in number if ch.isdigit())
    return len(digits) > 1 and luhn_check_digit(digits[:-1]) == digits[-1]


def _iban_mod97(text: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in text)) % 97


def iban_with_checksum(country: str, bban: str) -> str:
    check = 98 - _iban_mod97(bban + country + "00")
    return f"{country}{check:02d}{bban}"


def iban_ok(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    return len(compact) > 4 and _iban_mod97(compact[4:] + compact[:4]) == 1


def ssn_ok(text: str) -> bool:
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 9:
        return False
    area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
    return area not in (0, 666) and area < 900 and group != 0 and serial != 0


def phone_ok(text: str) -> bool:
    for marker in (" x", " ext. ", " ext ", " Ext. ", " EXT. ", " EXT ", " X"):
        text = text.split(marker)[0]
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, "US")))
    except phonenumbers.NumberParseException:
        return False
