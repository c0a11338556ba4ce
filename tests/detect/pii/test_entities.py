"""Every entity type: positives (exact span expected) paired with hard negatives.

All values are synthetic. Each positive names the exact substring the finding must cover, so a
test fails on a wrong boundary as well as on a miss.
"""

from __future__ import annotations

import pytest

from redline.detect.pii import default_scanner
from tests.detect.pii.helpers import found

POSITIVES = [
    # Issue 13: national identifiers
    ("UK_NINO", "NI number: AB 12 34 56 C", "AB 12 34 56 C"),
    ("CA_SIN", "his SIN is 130-692-544", "130-692-544"),
    ("CA_SIN", "onboarding: S.I.N. 497422287, start Monday", "497422287"),  # dotted cue
    ("BR_CPF", "C.P.F 11144477735 anotado", "11144477735"),
    ("FR_NIR", "n° de sécu 185037511600127", "185037511600127"),
    ("DE_TAX_ID", "Steueridentifikationsnummer 86095742719", "86095742719"),
    ("ES_NIF", "DNI: 12345678-Z", "12345678-Z"),
    ("ES_NIE", "su NIE es Y1234567X", "Y1234567X"),
    ("IT_FISCAL_CODE", "C.F. RSSMRA85T10A562S", "RSSMRA85T10A562S"),
    ("IN_AADHAAR", "UID 2341-2341-2346", "2341-2341-2346"),
    ("IN_PAN", "my PAN is ABCPE1234F", "ABCPE1234F"),
    ("BR_CPF", "CPF: 11144477735", "11144477735"),
    ("AU_TFN", "TFN 123456782", "123456782"),
    ("MX_CURP", "mi curp es GODE561231HDFRRN00", "GODE561231HDFRRN00"),
    # Issue 13: phones in national writings, with the country said by the text
    ("PHONE_NUMBER", "Ruf mich an unter 030 1234567, danke", "030 1234567"),
    ("PHONE_NUMBER", "Appelez-moi au 06.12.34.56.78 ce soir", "06.12.34.56.78"),
    ("PHONE_NUMBER", "彼の携帯は090-1234-5678です", "090-1234-5678"),
    ("PHONE_NUMBER", "call me on 07400 123456 ext. 7246", "07400 123456 ext. 7246"),
    ("PHONE_NUMBER", "tel:0121 234 5678", "0121 234 5678"),
    # Issue 13: other card networks
    ("CREDIT_CARD", "JCB card 3530 1113 3330 0000", "3530 1113 3330 0000"),
    ("CREDIT_CARD", "Maestro karta 6759649826438453", "6759649826438453"),
    # Issue 13: international and shorthand addresses
    (
        "STREET_ADDRESS",
        "Mora na Rua das Flores, nº 123, 1100-048 Lisboa",
        "Rua das Flores, nº 123, 1100-048 Lisboa",
    ),
    ("STREET_ADDRESS", "abita in Via Roma n. 5, 00184 Roma", "Via Roma n. 5, 00184 Roma"),
    (
        "STREET_ADDRESS",
        "Er wohnt in der Hauptstraße 12, 10115 Berlin.",
        "Hauptstraße 12, 10115 Berlin",
    ),
    ("STREET_ADDRESS", "Vive en Calle Mayor 5, 28013 Madrid", "Calle Mayor 5, 28013 Madrid"),
    (
        "STREET_ADDRESS",
        "Il habite au 12, rue de la Paix, 75002 Paris",
        "12, rue de la Paix, 75002 Paris",
    ),
    (
        "STREET_ADDRESS",
        "Adres: Kerkstraat 40, 1012 AB Amsterdam",
        "Kerkstraat 40, 1012 AB Amsterdam",
    ),
    ("STREET_ADDRESS", "住所：東京都渋谷区神南1丁目2番3号", "東京都渋谷区神南1丁目2番3号"),
    ("STREET_ADDRESS", "他住在北京市朝阳区建国路88号", "北京市朝阳区建国路88号"),
    ("STREET_ADDRESS", "meet me at 12 3rd av boston tmrw", "12 3rd av boston"),
    (
        "STREET_ADDRESS",
        "Unit 4/12 Smith Street, Parramatta NSW 2150",
        "4/12 Smith Street, Parramatta NSW 2150",
    ),
    # Issue 13: a date of birth in a pasted table row with no header
    ("DATE_OF_BIRTH", "Jane Doe\t03/14/1985\t123-45-6789\t(415) 555-2671", "03/14/1985"),
    # US_SSN
    ("US_SSN", "SSN: 123-45-6789", "123-45-6789"),
    ("US_SSN", "his social security number is 234 56 7890.", "234 56 7890"),
    ("US_SSN", "ssn 345678901", "345678901"),
    ("US_SSN", "Leaked: 401-22-3344 (SSN)", "401-22-3344"),
    ("US_SSN", "SSN\u00a0: 123\u201345\u20136789", "123\u201345\u20136789"),
    # Keys, clauses and languages (generalisations found by the blind "unseen" templates)
    ("US_SSN", "cliente: Ana Ruiz, seguro social 412-38-1190", "412-38-1190"),
    ("US_SSN", "número de seguro social: 523119087", "523119087"),
    ("US_PASSPORT", "traveller:\n  passport_no: 512339870", "512339870"),
    ("US_DRIVER_LICENSE", '{"drivers_license": "K8812034"}', "K8812034"),
    ("BANK_ACCOUNT", "the account number I use for payroll is 44019283311", "44019283311"),
    ("BANK_ACCOUNT", "Account Nurnber: 44019283311 (scanned statement)", "44019283311"),
    ("US_PASSPORT", "her passport, the number is 512339870", "512339870"),
    ("US_SSN", "my dad's social is 412330987 lol", "412330987"),
    ("US_SSN_PARTIAL", "ssn_last4: 4821", "4821"),
    (
        "BANK_ACCOUNT",
        "IBAN ES91 2100 0418 4502 0005 1332 BIC NWBKGB2L",
        "ES91 2100 0418 4502 0005 1332",
    ),
    ("US_SSN_PARTIAL", "two SSNs were exposed, one ending in 7781", "7781"),
    ("DATE_OF_BIRTH", "Geburtsdatum: 14.03.1985", "14.03.1985"),
    ("DATE_OF_BIRTH", "nacido el 3 de julio... fecha de nacimiento 07/03/1979", "07/03/1979"),
    ("STREET_ADDRESS", "Elle habite au 17 Maple Close depuis mars", "17 Maple Close"),
    ("STREET_ADDRESS", "Er wohnt in 22 Birch Lane. Das weiss jeder.", "22 Birch Lane"),
    ("STREET_ADDRESS", "meet me at 40 Grant Ave. tomorrow", "40 Grant Ave."),
    # US_SSN_PARTIAL
    ("US_SSN_PARTIAL", "last four of his SSN: 6789", "6789"),
    ("US_SSN_PARTIAL", "SSN ending in 6789", "6789"),
    ("US_SSN_PARTIAL", "XXX-XX-6789", "XXX-XX-6789"),
    ("US_SSN_PARTIAL", "on file: ***-**-6789", "***-**-6789"),
    ("US_SSN_PARTIAL", "ssn xxx-xx-6789", "xxx-xx-6789"),
    ("US_SSN_PARTIAL", "the last 4 digits of her Social Security number are 4321", "4321"),
    # STREET_ADDRESS
    ("STREET_ADDRESS", "he lives at 1520 Oak Ridge Dr", "1520 Oak Ridge Dr"),
    (
        "STREET_ADDRESS",
        "Home address: 123 Main St, Apt 4B, Springfield, IL 62704.",
        "123 Main St, Apt 4B, Springfield, IL 62704",
    ),
    (
        "STREET_ADDRESS",
        "9791 Regina Mountains\nAndreaborough, VT 62139",
        "9791 Regina Mountains\nAndreaborough, VT 62139",
    ),
    (
        "STREET_ADDRESS",
        "send it to 350 W 42nd St Suite 12, New York, New York 10036-1234",
        "350 W 42nd St Suite 12, New York, New York 10036-1234",
    ),
    ("STREET_ADDRESS", "10 Downing Street, London SW1A 2AA", "10 Downing Street, London SW1A 2AA"),
    (
        "STREET_ADDRESS",
        "Flat 3, 12 High Street\nLeeds\nLS1 4AP",
        "Flat 3, 12 High Street\nLeeds\nLS1 4AP",
    ),
    (
        "STREET_ADDRESS",
        "24 Sussex Drive, Ottawa, ON K1M 1M4",
        "24 Sussex Drive, Ottawa, ON K1M 1M4",
    ),
    (
        "STREET_ADDRESS",
        "HOME: 1600 PENNSYLVANIA AVE NW, WASHINGTON, DC 20500",
        "1600 PENNSYLVANIA AVE NW, WASHINGTON, DC 20500",
    ),
    # PHONE_NUMBER
    ("PHONE_NUMBER", "call me at (415) 555-2671", "(415) 555-2671"),
    ("PHONE_NUMBER", "cell: +1 415 555 2671", "+1 415 555 2671"),
    ("PHONE_NUMBER", "office 415.555.2671 ext. 22", "415.555.2671 ext. 22"),
    ("PHONE_NUMBER", "phone 4155552671", "4155552671"),
    ("PHONE_NUMBER", "UK mobile +44 7700 900123", "+44 7700 900123"),
    # EMAIL_ADDRESS
    ("EMAIL_ADDRESS", "mail j.doe+news@example.co.uk now", "j.doe+news@example.co.uk"),
    ("EMAIL_ADDRESS", "write to jane [at] example [dot] com", "jane [at] example [dot] com"),
    ("EMAIL_ADDRESS", "john(dot)doe(at)gmail(dot)com", "john(dot)doe(at)gmail(dot)com"),
    # DATE_OF_BIRTH
    ("DATE_OF_BIRTH", "DOB: 03/14/1985", "03/14/1985"),
    ("DATE_OF_BIRTH", "born on March 14, 1985 in Ohio", "March 14, 1985"),
    ("DATE_OF_BIRTH", "Date of birth: 1985-03-14", "1985-03-14"),
    ("DATE_OF_BIRTH", "birthday: 14th of March 1985", "14th of March 1985"),
    # CREDIT_CARD
    ("CREDIT_CARD", "card 4111 1111 1111 1111 exp 04/29", "4111 1111 1111 1111"),
    ("CREDIT_CARD", "amex 3782-822463-10005", "3782-822463-10005"),
    ("CREDIT_CARD", "5555555555554444", "5555555555554444"),
    # US_PASSPORT
    ("US_PASSPORT", "Passport No.: C12345678", "C12345678"),
    ("US_PASSPORT", "passport number 987654321", "987654321"),
    # US_DRIVER_LICENSE
    ("US_DRIVER_LICENSE", "DL# D1234567", "D1234567"),
    ("US_DRIVER_LICENSE", "driver's license: S123-4567-8901", "S123-4567-8901"),
    # BANK_ACCOUNT
    ("BANK_ACCOUNT", "checking acct 000123456789", "000123456789"),
    ("BANK_ACCOUNT", "IBAN GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32"),
    # IP_ADDRESS
    ("IP_ADDRESS", "logged in from 73.45.120.9 at noon", "73.45.120.9"),
    ("IP_ADDRESS", "ip 2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334"),
    # GEO_COORDINATES
    ("GEO_COORDINATES", "his house: 40.7128, -74.0060", "40.7128, -74.0060"),
    ("GEO_COORDINATES", "40.7128° N, 74.0060° W", "40.7128° N, 74.0060° W"),
    ("GEO_COORDINATES", "lat 40.71280 lon -74.00600", "40.71280 lon -74.00600"),
]

NEGATIVES = [
    # Issue 13: build and version numbers named in the language of the post
    ("US_SSN", "Verze 14.1.28.4, sestavení 887-61-7162"),
    ("US_SSN", "版本 10.9.9.29，构建号 812-86-0644"),
    ("US_SSN", "versión 3.2, compilación 887-61-7162"),
    ("IP_ADDRESS", "Verze 14.1.28.4 je venku"),
    ("IP_ADDRESS", "版本 10.9.9.29 已发布"),
    # Issue 13
    ("US_SSN", "build 327-66-8440-rc4 failed on commit 3fa2c1"),
    ("US_SSN", "upgraded to firmware 891-99-8496, checksum e049029"),
    ("CA_SIN", "Order 130 692 544 ships Monday"),
    ("AU_TFN", "Invoice 123 456 782 is overdue"),
    ("DE_TAX_ID", "Bestellung 86 095 742 719 ist unterwegs"),
    ("IN_AADHAAR", "Tracking 2341 2341 2346 out for delivery"),
    ("BR_CPF", "Pedido 111.444.777-35 enviado"),
    ("FR_NIR", "Commande 1 85 03 75 116 001 27 expédiée"),
    ("UK_NINO", "NI number GB123456C"),
    ("ES_NIF", "DNI 12345678A"),
    ("ES_NIE", "NIE X1234567A"),
    ("IT_FISCAL_CODE", "codice RSSMRA85T10A562T"),
    ("IN_PAN", "code ABCDE12345"),
    ("MX_CURP", "CURP GODE561231HDFRRN09"),
    ("PHONE_NUMBER", "Bestellung 043 721 4022 versandt"),
    ("PHONE_NUMBER", "Lottery numbers: 5 12 33 41 52, jackpot $40"),
    ("STREET_ADDRESS", "Rechnung Nr. 12345 vom 01.02.2020 über 300,00 €"),
    ("GEO_COORDINATES", "Las medias medidas fueron 79.8769, 112.0491 en 17 muestras"),
    ("DATE_OF_BIRTH", "Invoice | 03/14/2021 | $400.00"),
    ("US_SSN", "Pedido 523-41-8870 enviado ayer"),
    ("BANK_ACCOUNT", "the account balance today is 1234567"),
    ("BANK_ACCOUNT", "Account status: 20240101 processed"),
    ("BANK_ACCOUNT", "checking the order status now: 123456789"),
    ("DATE_OF_BIRTH", "the Ohio-born singer opens her tour on March 3, 2024"),
    ("GEO_COORDINATES", "the duplicate sample reads 41.2875, 12.3344"),
    ("PHONE_NUMBER", "Catalogue no. 312-467-2291 is out of print"),
    ("STREET_ADDRESS", "ASKING $85 FIRM. PICKUP ON ELM STREET ONLY"),
    ("US_SSN", "Order #123-45-6789 has shipped"),
    ("US_SSN", "000-12-3456 and 666-12-3456 and 912-12-3456"),
    ("US_SSN", "123-00-6789 or 123-45-0000"),
    ("US_SSN", "ticket 123456789"),
    ("US_SSN_PARTIAL", "XXX-XX-XXXX"),
    ("US_SSN_PARTIAL", "the last four games ended 2021"),
    ("STREET_ADDRESS", "the protest on Main Street grew"),
    ("STREET_ADDRESS", "I have 3 dogs way too many"),
    ("STREET_ADDRESS", "ZIP 62704"),
    ("PHONE_NUMBER", "ref 415-555-0100"),
    ("PHONE_NUMBER", "Tracking: 1Z 999 AA1 0123 4567"),
    ("PHONE_NUMBER", "4155552671"),
    ("PHONE_NUMBER", "won 21-14 in 2019"),
    ("EMAIL_ADDRESS", "follow @jdoe and see icon@2x.png"),
    ("DATE_OF_BIRTH", "the meeting on March 14, 1985"),
    ("DATE_OF_BIRTH", "born in Ohio, hired on 03/04/2019"),
    ("DATE_OF_BIRTH", "DOB: 02/30/1990"),
    ("CREDIT_CARD", "4111 1111 1111 1112"),
    ("CREDIT_CARD", "Order 1234567812345678"),
    ("US_PASSPORT", "987654321"),
    ("US_DRIVER_LICENSE", "D1234567"),
    ("BANK_ACCOUNT", "routing number 021000021"),
    ("BANK_ACCOUNT", "GB00 WEST 1234 5698 7654 32"),
    ("IP_ADDRESS", "version 10.0.1.2 released"),
    ("IP_ADDRESS", "999.1.1.1 and 01.02.2024"),
    ("GEO_COORDINATES", "prices 12.50, 13.75"),
    ("GEO_COORDINATES", "91.1234, 10.1234"),
]


@pytest.mark.parametrize(("entity", "text", "expected"), POSITIVES)
def test_finds_entity_with_exact_span(entity: str, text: str, expected: str) -> None:
    assert found(text, entity) == [expected]


@pytest.mark.parametrize(("entity", "text"), NEGATIVES)
def test_hard_negative_is_not_reported(entity: str, text: str) -> None:
    assert found(text, entity) == []


def test_every_entity_has_positives_and_negatives() -> None:
    from redline.detect.pii import ENTITIES

    covered_pos = {e for e, _, _ in POSITIVES}
    covered_neg = {e for e, _ in NEGATIVES}
    required = set(ENTITIES) - {"PERSON_NAME"}
    assert required <= covered_pos
    assert required <= covered_neg


def test_person_names_only_where_labelled_or_titled() -> None:
    assert found("Name: Jane Q. Doe", "PERSON_NAME") == ["Jane Q. Doe"]
    assert found("Sen. John Smith said", "PERSON_NAME") == ["John Smith"]
    assert found("John Smith said", "PERSON_NAME") == []
    assert found("MP\u00a0John Smith said", "PERSON_NAME") == ["John Smith"]  # no-break space


def test_iban_look_alike_letters_are_refused_not_a_failure() -> None:
    # A case-blind [A-Z] also takes the Kelvin sign and the dotted capital I; the checksum must
    # refuse them, not raise (a raising recognizer sends the post to review as a failure).
    for text in ("IBAN GB82 WEST 1234 5698 7654 3\u212a", "IBAN DE89 3704 0044 0532 0130 0\u0130"):
        result = default_scanner().scan(text)
        assert result.failures == []
        assert [s.type for s in result.signals if s.type == "BANK_ACCOUNT"] == []


def test_two_labels_type_each_number_by_its_own_label() -> None:
    text = "SSN 123456789, passport 987654321"
    assert found(text, "US_SSN") == ["123456789"]
    assert found(text, "US_PASSPORT") == ["987654321"]
