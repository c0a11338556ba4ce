"""The built-in recognizers, in the order they run."""

from __future__ import annotations

from redline.detect.pii.recognizer import Recognizer
from redline.detect.pii.recognizers.address import StreetAddressRecognizer
from redline.detect.pii.recognizers.address_intl import InternationalAddressRecognizer
from redline.detect.pii.recognizers.card import CreditCardRecognizer
from redline.detect.pii.recognizers.dob import DateOfBirthRecognizer
from redline.detect.pii.recognizers.email import EmailRecognizer
from redline.detect.pii.recognizers.geo import GeoCoordinatesRecognizer
from redline.detect.pii.recognizers.iban import IbanRecognizer
from redline.detect.pii.recognizers.labelled import LabelledNumberRecognizer
from redline.detect.pii.recognizers.national_id import NationalIdRecognizer
from redline.detect.pii.recognizers.network import IpAddressRecognizer
from redline.detect.pii.recognizers.person import PersonNameRecognizer
from redline.detect.pii.recognizers.phone import PhoneRecognizer
from redline.detect.pii.recognizers.ssn import PartialSsnRecognizer, SsnRecognizer


def default_recognizers() -> list[Recognizer]:
    """A fresh instance of every built-in recognizer."""
    return [
        SsnRecognizer(),
        PartialSsnRecognizer(),
        LabelledNumberRecognizer(),
        NationalIdRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        PhoneRecognizer(),
        EmailRecognizer(),
        DateOfBirthRecognizer(),
        StreetAddressRecognizer(),
        InternationalAddressRecognizer(),
        IpAddressRecognizer(),
        GeoCoordinatesRecognizer(),
        PersonNameRecognizer(),
    ]
