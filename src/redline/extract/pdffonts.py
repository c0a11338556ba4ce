"""Decode the strings a PDF text operator draws: byte codes to characters and glyph widths.

Redaction has to know which bytes of which operator draw which characters, so it cannot use a text
extractor's output: it walks the content stream itself and decodes each string with the font's own
tables. This covers what real files use: a ``/ToUnicode`` CMap (one- or two-byte codes), simple
fonts with WinAnsi, MacRoman or ``/Differences`` encodings, and composite (Type0) fonts with
two-byte codes and a ``/W`` width array. The standard 14 fonts carry no widths: theirs come from
Adobe's core metrics as pypdf ships them, when that (private) table can be imported; any width
still unknown is estimated at half an em and marked as an estimate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PdfFont", "font_from"]

_GLYPH_NAMES = {
    "space": " ", "exclam": "!", "quotedbl": '"', "numbersign": "#", "dollar": "$",
    "percent": "%", "ampersand": "&", "quotesingle": "'", "parenleft": "(", "parenright": ")",
    "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".", "slash": "/",
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<",
    "equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[",
    "backslash": "\\", "bracketright": "]", "underscore": "_", "braceleft": "{", "bar": "|",
    "braceright": "}", "quoteright": "\u2019", "quoteleft": "\u2018", "endash": "\u2013",
    "emdash": "\u2014", "bullet": "\u2022",
}  # fmt: skip
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
ESTIMATED_WIDTH = 500.0


def _hex(token: bytes) -> bytes:
    return bytes.fromhex(re.sub(rb"\s", b"", token).decode("ascii"))


def _utf16(data: bytes) -> str:
    return data.decode("utf-16-be", errors="replace")


@dataclass(slots=True)
class _CMap:
    """A parsed ToUnicode CMap: code bytes to text, and the code lengths it uses."""

    lengths: set[int] = field(default_factory=set)
    chars: dict[bytes, str] = field(default_factory=dict)


def _parse_cmap(data: bytes, max_entries: int = 200_000) -> _CMap:
    cmap = _CMap()
    for block in re.findall(rb"begincodespacerange(.*?)endcodespacerange", data, re.S):
        for lo in _HEX.findall(block)[::2]:
            cmap.lengths.add(len(_hex(lo)))
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        tokens = _HEX.findall(block)
        for src, dst in zip(tokens[::2], tokens[1::2], strict=False):
            cmap.chars[_hex(src)] = _utf16(_hex(dst))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in re.findall(rb"<[^>]*>\s*<[^>]*>\s*(?:<[^>]*>|\[[^\]]*\])", block):
            parts = _HEX.findall(line)
            lo, hi = _hex(parts[0]), _hex(parts[1])
            width = len(lo)
            first, last = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if last - first > max_entries or len(cmap.chars) > max_entries:
                continue
            if b"[" in line:
                for i, dst in enumerate(parts[2:]):
                    cmap.chars[(first + i).to_bytes(width, "big")] = _utf16(_hex(dst))
            else:
                base = _hex(parts[2])
                start = int.from_bytes(base, "big")
                for i in range(last - first + 1):
                    value = (start + i).to_bytes(len(base), "big")
                    cmap.chars[(first + i).to_bytes(width, "big")] = _utf16(value)
    if not cmap.lengths:
        cmap.lengths = {len(k) for k in cmap.chars} or {1}
    return cmap


@dataclass(slots=True)
class PdfFont:
    """What redaction needs of one font: how to split, decode and measure a string."""

    code_length: int = 1
    to_unicode: dict[bytes, str] = field(default_factory=dict)
    base: dict[int, str] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    default_width: float | None = None
    char_widths: dict[str, float] = field(default_factory=dict)

    def split(self, data: bytes) -> list[bytes]:
        """The string's codes, in order."""
        n = self.code_length
        return [data[i : i + n] for i in range(0, len(data), n)]

    def char(self, code: bytes) -> str:
        """The text one code draws (may be empty, or several characters for a ligature)."""
        if code in self.to_unicode:
            return self.to_unicode[code]
        value = int.from_bytes(code, "big")
        if value in self.base:
            return self.base[value]
        if self.code_length == 1:
            return bytes([value]).decode("cp1252", errors="replace")
        return "\ufffd"

    def width(self, code: bytes) -> tuple[float, bool]:
        """The glyph's width in thousandths of an em, and whether it is only an estimate."""
        value = int.from_bytes(code, "big")
        if value in self.widths:
            return self.widths[value], False
        if self.default_width is not None:
            return self.default_width, False
        char = self.char(code)
        if char in self.char_widths:
            return self.char_widths[char], False
        return ESTIMATED_WIDTH, True


def _simple_encoding(font: Any) -> dict[int, str]:
    found = font.get("/Encoding")
    encoding: Any = found.get_object() if found is not None else None
    codec = "cp1252"
    differences: list[Any] = []
    if isinstance(encoding, str) and encoding == "/MacRomanEncoding":
        codec = "mac_roman"
    elif hasattr(encoding, "get"):
        if encoding.get("/BaseEncoding") == "/MacRomanEncoding":
            codec = "mac_roman"
        differences = list(encoding.get("/Differences", []))
    table = {i: bytes([i]).decode(codec, errors="replace") for i in range(32, 256)}
    code = 0
    for item in differences:
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, int | float) and not isinstance(item, str):
            code = int(item)
            continue
        name = str(item).lstrip("/")
        if name in _GLYPH_NAMES:
            table[code] = _GLYPH_NAMES[name]
        elif len(name) == 1:
            table[code] = name
        elif re.fullmatch(r"uni[0-9A-Fa-f]{4}", name):
            table[code] = chr(int(name[3:], 16))
        code += 1
    return table


def _cid_widths(descendant: Any) -> dict[int, float]:
    widths: dict[int, float] = {}
    w = descendant.get("/W")
    items = list(w.get_object()) if w is not None else []
    i = 0
    while i + 1 < len(items) and len(widths) < 200_000:
        first = int(items[i])
        nxt = items[i + 1].get_object() if hasattr(items[i + 1], "get_object") else items[i + 1]
        if isinstance(nxt, list):
            for k, value in enumerate(nxt):
                widths[first + k] = float(value)
            i += 2
        elif i + 2 < len(items):
            last, value = int(nxt), float(items[i + 2])
            for code in range(first, min(last, first + 65536) + 1):
                widths[code] = value
            i += 3
        else:
            break
    return widths


def _core_widths(base_font: str) -> dict[str, float]:
    """Widths by character of a standard 14 font, from pypdf's copy of Adobe's core AFMs."""
    try:
        from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS
    except ImportError:  # a pypdf without the table: widths are estimated instead
        return {}
    metrics = CORE_FONT_METRICS.get(base_font.lstrip("/").split("+")[-1])
    widths = getattr(metrics, "character_widths", None) or {}
    return {k: float(v) for k, v in widths.items() if isinstance(k, str) and len(k) == 1}


def font_from(font: Any) -> PdfFont:
    """Build the decoder for a font dictionary (anything unreadable falls back to estimates)."""
    out = PdfFont()
    if font is None:
        return out
    font = font.get_object()
    to_unicode = font.get("/ToUnicode")
    if to_unicode is not None:
        try:
            cmap = _parse_cmap(to_unicode.get_object().get_data())
            out.to_unicode = cmap.chars
            out.code_length = max(cmap.lengths)
        except Exception:  # a broken CMap: fall back to the encoding, verification catches the rest
            out.to_unicode = {}
    if font.get("/Subtype") == "/Type0":
        out.code_length = 2
        descendants = font.get("/DescendantFonts")
        descendant = descendants.get_object()[0].get_object() if descendants else {}
        out.widths = _cid_widths(descendant)
        out.default_width = float(descendant.get("/DW", 1000))
        return out
    out.base = _simple_encoding(font)
    first = int(font.get("/FirstChar", 0))
    widths = font.get("/Widths")
    if widths is not None:
        out.widths = {first + i: float(w) for i, w in enumerate(widths.get_object())}
        descriptor = font.get("/FontDescriptor")
        missing = descriptor.get_object().get("/MissingWidth") if descriptor else None
        out.default_width = float(missing) if missing is not None else None
    else:
        out.char_widths = _core_widths(str(font.get("/BaseFont", "")))
    return out
