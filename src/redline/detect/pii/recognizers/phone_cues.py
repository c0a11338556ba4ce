"""The words that say a number is a phone number, in the languages of the posts Redline reads most.

``PHONE_CUE`` raises a candidate's score; ``PHONE_WORD``, the words that can only mean a phone,
lets a national writing be read against any country; a number glued to one of ``GLUED_CUES``
("tel0612345678") is still a phone number, where a number glued to another word is part of it.
"""

from __future__ import annotations

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue

# Words a number may be glued to ("tel0612345678", "Handy:0151..." needs no gluing rule).
GLUED_CUES = ("tel", "tél", "ph", "mob", "cell", "handy", "fon", "tlf", "phone", "call")
PHONE_CUE = Cue(
    [
        "phone",
        "ph",
        "tel",
        "telephone",
        "cell",
        "cellphone",
        "cell phone",
        "mobile",
        "mob",
        "call",
        "calling",
        "text",
        "txt",
        "sms",
        "whatsapp",
        "signal",
        "number",
        "contact",
        "reach",
        "fax",
        "landline",
        "dial",
        "hotline",
        "tel no",
        "ph#",
        # the same in the languages of the posts Redline reads most
        "tél",
        "téléphone",
        "portable",
        "appelez",
        "appelle",
        "handy",
        "telefon",
        "telefonnummer",
        "anrufen",
        "móvil",
        "movil",
        "teléfono",
        "telefono",
        "llámame",
        "llamame",
        "cellulare",
        "cell",
        "chiamami",
        "celular",
        "telemóvel",
        "telefone",
        "ligue",
        "mobil",
        "bellen",
        "telefoon",
        "komórka",
        "zadzwoń",
        "zavolej",
        "ring",
        "電話",
        "携帯",
        "手机",
        "电话",
        "拨打",
    ],
    before=40,
    after=20,
)


# Words that can only mean a phone ("number", "call", "text" are said of much else): after one
# of them, a number in a national writing is read against any country.
PHONE_WORD = Cue(
    [
        "phone",
        "ph",
        "tel",
        "telephone",
        "cell",
        "cellphone",
        "mobile",
        "mob",
        "whatsapp",
        "fax",
        "landline",
        "tél",
        "téléphone",
        "portable",
        "handy",
        "telefon",
        "móvil",
        "movil",
        "teléfono",
        "telefono",
        "cellulare",
        "celular",
        "telemóvel",
        "telefone",
        "mobil",
        "telefoon",
        "komórka",
        "電話",
        "携帯",
        "手机",
        "电话",
    ],
    before=24,
    after=0,
)


def glued_to_cue(text: str, start: int) -> bool:
    """Whether the word a number is glued to is a phone word ("tel0612345678")."""
    return text[max(0, start - 6) : start].lower().endswith(GLUED_CUES)


def with_context(
    start: int, end: int, score: float, why: list[str], reference: bool, cue: str | None, value: str
) -> Candidate:
    """The phone candidate, its score moved by what the words around it say."""
    if reference:
        score -= 0.6
        why.append("labelled as a reference number")
    elif cue:
        score += 0.3
        why.append(f"context {cue!r}")
    return Candidate("PHONE_NUMBER", start, end, clamp(score), "; ".join(why), value)
