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
NOT_PERSONAL = Cue(
    [
        "order", "order no", "order number", "tracking", "track", "invoice", "inv", "ticket",
        "ref", "reference", "case", "case no", "confirmation", "conf", "booking", "reservation",
        "part", "part no", "serial", "serial no", "s/n", "model", "sku", "po", "purchase order",
        "item", "claim", "receipt", "transaction", "txn", "isbn", "issn", "upc", "ean", "batch",
        "lot", "shipment", "parcel", "package", "awb", "docket", "file no", "build", "patent",
        "version", "ver", "release", "flight", "route", "bus", "train", "room",
    ],
    before=24,
    after=0,
)
