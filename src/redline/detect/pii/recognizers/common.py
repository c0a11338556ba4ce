"""Pieces of patterns shared by several recognizers.

Kept in one place so that what counts as a separator or a "this is an order number" cue is the
same for SSNs, phones and cards.
"""

from __future__ import annotations

from redline.detect.pii.context import Cue

# Hyphen, the Unicode dashes and minus, space, no-break and thin spaces.
DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
SPACE = " \u00a0\u2009\u202f"
SEP = f"[{DASH}{SPACE}]"
SEP_OR_DOT = f"[{DASH}{SPACE}.]"

# Numbers that look like private data but are something else, judging by the word before them.
# Version, build and release words in the languages of the posts Redline reads most: an SSN- or
# IP-shaped number after one of them is a build or a version ("sestavení 409-14-2122").
TECHNICAL_WORDS = (
    "versión",
    "versão",
    "versione",
    "versie",
    "wersja",
    "verze",
    "compilación",
    "compilação",
    "compilazione",
    "kompilacja",
    "sestavení",
    "版本",
    "构建",
    "バージョン",
    "ビルド",
)
NOT_PERSONAL = Cue(
    [
        "order",
        "pedido",  # Spanish
        "commande",  # French
        "bestellung",  # German
        "ordine",  # Italian
        "factura",
        "facture",
        "rechnung",
        "catalog",
        "catalogue",
        "article",
        "artikel",
        "order no",
        "order number",
        "tracking",
        "track",
        "invoice",
        "inv",
        "ticket",
        "ref",
        "reference",
        "case",
        "case no",
        "confirmation",
        "conf",
        "booking",
        "reservation",
        "part",
        "part no",
        "serial",
        "serial no",
        "s/n",
        "model",
        "sku",
        "po",
        "purchase order",
        "item",
        "claim",
        "receipt",
        "transaction",
        "txn",
        "isbn",
        "issn",
        "upc",
        "ean",
        "batch",
        "lot",
        "shipment",
        "parcel",
        "package",
        "awb",
        "docket",
        "file no",
        "build",
        "patent",
        "version",
        "ver",
        "release",
        "flight",
        "route",
        "bus",
        "train",
        "room",
        "rma",
        "return",
        "warranty",
        "account",
        "acct",
        "member",
        "membership",
        "policy",
        "id",
        # orders, invoices and parcels in the languages of the posts Redline reads most
        "bestelling",
        "zamówienie",
        "objednávka",
        "fattura",
        "fatura",
        "factuur",
        "faktura",
        "encomenda",
        "sendungsnummer",
        "suivi",
        "rastreio",
        "seguimiento",
        "przesyłki",
        "sledování",
        "spårning",
        "track & trace",
        # technical numbers: builds, firmware, checksums
        "firmware",
        "checksum",
        "commit",
        "hash",
        "crc",
        "kernel",
        "artifact",
        "changelog",
        "patch",
        # the same technical words in the languages of the posts Redline reads most
        *TECHNICAL_WORDS,
        "订单号",
        "单号",
        "注文番号",
        "追跡番号",
    ],
    before=24,
    after=0,
)


def number_context(cue: Cue, text: str, start: int, end: int) -> tuple[bool, str | None]:
    """What the words around a number at ``start:end`` say: (a reference number?, the cue seen).

    A reference word ("Order #") nearer than any of ``cue``'s phrases before the number makes it
    a reference number; otherwise the nearest cue phrase before it, else the first after it,
    lower-cased (None when there is none).
    """
    before = cue.before_span(text, start)
    if reference_word_wins(text, start, before.start() if before else None):
        return True, None
    if before is not None:
        return False, before.group(0).lower()
    after = cue.after_span(text, end)
    return False, after.group(0).lower() if after else None


def reference_word_wins(text: str, start: int, personal_cue_start: int | None) -> bool:
    """Whether a reference-number word ("Order #") is the label nearest before ``start``.

    In a flattened row "SSN: 515-93-8700 | Order #711-65-4028" both numbers have "SSN" within
    reach; the nearer label decides.
    """
    ref = NOT_PERSONAL.before_span(text, start)
    return ref is not None and (personal_cue_start is None or ref.start() > personal_cue_start)
