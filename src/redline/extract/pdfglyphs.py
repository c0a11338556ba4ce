"""Walk a PDF page's content streams glyph by glyph: what each text operator draws, and where.

For each glyph the walk records which stream, which operator, which string of a ``TJ`` array and
which bytes of that string draw it, its advance and its box on the page (user-space points). It
also assembles the page's text from those glyphs, inserting a space or a line break where the pen
jumps, with a map from every character back to its glyph. Redaction detects private data in that
text and then knows exactly which bytes to take out of the file.

The text state machine follows the PDF specification's text chapter (``q``/``Q``/``cm`` for the
graphics state; ``BT``, ``Tf``, ``Tc``, ``Tw``, ``Tz``, ``TL``, ``Ts``, ``Td``, ``TD``, ``Tm``,
``T*`` for the text state; ``Tj``, ``TJ``, ``'`` and ``"`` for showing text). Form XObjects drawn
with ``Do`` are walked too, to a bounded depth, so text hidden in a reused form is not missed.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from redline.extract.limits import Deadline
from redline.extract.pdffonts import PdfFont, font_from

__all__ = ["Glyph", "PageGlyphs", "Stream", "string_bytes", "walk_page"]

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 8
_SHOW = {b"Tj", b"TJ", b"'", b'"'}


def mul(a: Matrix, b: Matrix) -> Matrix:
    """The matrix that applies ``a`` then ``b``."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """Point (x, y) transformed by ``m``."""
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@dataclass(slots=True)
class Stream:
    """One content stream walked: the page's own, or a form XObject's (with its object)."""

    operations: list[Any]
    owner: Any = None


@dataclass(frozen=True, slots=True)
class Glyph:
    """One drawn glyph: where its bytes are, how far it moves the pen, and its box."""

    stream: int
    op: int
    item: int
    start: int
    end: int
    text: str
    advance: float  # in unscaled text space: what a TJ adjustment must make up if it is removed
    scale: float  # font size times horizontal scaling: converts advance to TJ thousandths
    estimated: bool
    box: tuple[float, float, float, float]
    origin: tuple[float, float]
    end_point: tuple[float, float]
    size: float


@dataclass(slots=True)
class PageGlyphs:
    """Every glyph of a page, the page text built from them, and the char-to-glyph map."""

    streams: list[Stream] = field(default_factory=list)
    glyphs: list[Glyph] = field(default_factory=list)
    text: str = ""
    char_glyph: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    ctm: Matrix = IDENTITY
    font: PdfFont = field(default_factory=PdfFont)
    size: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    th: float = 1.0
    tl: float = 0.0
    rise: float = 0.0

    def copy(self) -> _State:
        return _State(self.ctm, self.font, self.size, self.tc, self.tw, self.th, self.tl, self.rise)


def string_bytes(value: Any) -> bytes | None:
    """The raw bytes of a PDF string operand (None for a number or anything else)."""
    if isinstance(value, bytes):
        return value
    if hasattr(value, "original_bytes"):  # as written in the file (get_original_bytes adds a BOM)
        return bytes(value.original_bytes)
    return None


def _number(value: Any) -> float:
    return float(value)


class _Walker:
    def __init__(self, reader: Any, deadline: Deadline | None) -> None:
        self.reader = reader
        self.deadline = deadline
        self.page = PageGlyphs()
        self.fonts: dict[int, PdfFont] = {}
        self.steps = 0

    def font(self, resources: Any, name: Any) -> PdfFont:
        fonts = resources.get("/Font") if resources is not None else None
        ref = fonts.get_object().get(name) if fonts is not None else None
        if ref is None:
            return PdfFont()
        obj = ref.get_object()
        key = id(obj)
        if key not in self.fonts:
            self.fonts[key] = font_from(obj)
        return self.fonts[key]

    def walk(self, operations: list[Any], owner: Any, resources: Any, ctm: Matrix, depth: int,
             seen: frozenset[int]) -> None:  # fmt: skip
        from pypdf.generic import ContentStream

        index = len(self.page.streams)
        self.page.streams.append(Stream(operations, owner))
        state = _State(ctm=ctm)
        stack: list[_State] = []
        tm = tlm = IDENTITY
        for n, (operands, op) in enumerate(operations):
            self.steps += 1
            if self.deadline is not None and self.steps % 2048 == 0:
                self.deadline.check()
            if op == b"q":
                stack.append(state.copy())
            elif op == b"Q":
                state = stack.pop() if stack else state
            elif op == b"cm" and len(operands) == 6:
                m = tuple(_number(v) for v in operands)
                state.ctm = mul(m, state.ctm)  # type: ignore[arg-type]
            elif op == b"BT":
                tm = tlm = IDENTITY
            elif op == b"Tf" and len(operands) == 2:
                state.font = self.font(resources, operands[0])
                state.size = _number(operands[1])
            elif op == b"Tc" and operands:
                state.tc = _number(operands[0])
            elif op == b"Tw" and operands:
                state.tw = _number(operands[0])
            elif op == b"Tz" and operands:
                state.th = _number(operands[0]) / 100.0
            elif op == b"TL" and operands:
                state.tl = _number(operands[0])
            elif op == b"Ts" and operands:
                state.rise = _number(operands[0])
            elif op in (b"Td", b"TD") and len(operands) == 2:
                tx, ty = _number(operands[0]), _number(operands[1])
                if op == b"TD":
                    state.tl = -ty
                tm = tlm = mul((1, 0, 0, 1, tx, ty), tlm)
            elif op == b"Tm" and len(operands) == 6:
                tm = tlm = tuple(_number(v) for v in operands)  # type: ignore[assignment]
            elif op == b"T*":
                tm = tlm = mul((1, 0, 0, 1, 0, -state.tl), tlm)
            elif op in _SHOW:
                if op in (b"'", b'"'):
                    if op == b'"' and len(operands) == 3:
                        state.tw, state.tc = _number(operands[0]), _number(operands[1])
                    tm = tlm = mul((1, 0, 0, 1, 0, -state.tl), tlm)
                items = operands[0] if op == b"TJ" else operands[-1:]
                tm = self.show(index, n, list(items) if op == b"TJ" else items, state, tm)
            elif op == b"Do" and operands and depth < _MAX_FORM_DEPTH:
                self.form(operands[0], resources, state.ctm, depth, seen, ContentStream)

    def form(self, name: Any, resources: Any, ctm: Matrix, depth: int, seen: frozenset[int],
             content_stream: Any) -> None:  # fmt: skip
        xobjects = resources.get("/XObject") if resources is not None else None
        ref = xobjects.get_object().get(name) if xobjects is not None else None
        if ref is None:
            return
        obj = ref.get_object()
        if obj.get("/Subtype") != "/Form" or id(obj) in seen:
            return
        matrix = tuple(_number(v) for v in obj.get("/Matrix", IDENTITY))
        inner = obj.get("/Resources")
        operations = content_stream(obj, self.reader).operations
        self.walk(
            operations,
            obj,
            inner.get_object() if inner is not None else resources,
            mul(matrix, ctm),  # type: ignore[arg-type]
            depth + 1,
            seen | {id(obj)},
        )

    def show(self, stream: int, op: int, items: list[Any], state: _State, tm: Matrix) -> Matrix:
        font, size, th = state.font, state.size, state.th
        for k, item in enumerate(items):
            data = string_bytes(item)
            if data is None:
                with contextlib.suppress(TypeError, ValueError):  # junk in a TJ array: skip it
                    tm = mul((1, 0, 0, 1, -_number(item) / 1000.0 * size * th, 0), tm)
                continue
            pos = 0
            for code in font.split(data):
                width, estimated = font.width(code)
                trm = mul(mul((size * th, 0, 0, size, 0, state.rise), tm), state.ctm)
                corners = [apply(trm, x, y) for x in (0, width / 1000) for y in (-0.22, 0.9)]
                xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                space = state.tw if code == b" " else 0.0
                advance = (width / 1000.0 * size + state.tc + space) * th
                tm = mul((1, 0, 0, 1, advance, 0), tm)
                self.page.glyphs.append(
                    Glyph(
                        stream=stream,
                        op=op,
                        item=k,
                        start=pos,
                        end=pos + len(code),
                        text=font.char(code),
                        advance=advance,
                        scale=size * th,
                        estimated=estimated,
                        box=(min(xs), min(ys), max(xs), max(ys)),
                        origin=apply(trm, 0, 0),
                        end_point=apply(trm, width / 1000, 0),
                        size=abs(trm[3]) or abs(trm[0]) or 1.0,
                    )
                )
                pos += len(code)
        return tm


def _assemble(page: PageGlyphs) -> None:
    """Build the page text: glyph characters, a space at a gap, a newline at a new baseline."""
    out: list[str] = []
    index: list[int] = []
    previous: Glyph | None = None
    for i, glyph in enumerate(page.glyphs):
        if previous is not None:
            dy = abs(glyph.origin[1] - previous.end_point[1])
            dx = glyph.origin[0] - previous.end_point[0]
            if dy > 0.5 * glyph.size:
                out.append("\n")
                index.append(-1)
            elif (dx > 0.2 * glyph.size or dx < -glyph.size) and not out[-1].isspace():
                out.append(" ")
                index.append(-1)
        for ch in glyph.text:
            out.append(ch)
            index.append(i)
        previous = glyph
    page.text = "".join(out)
    page.char_glyph = index


def walk_page(page: Any, reader: Any, deadline: Deadline | None = None) -> PageGlyphs:
    """Every glyph the page draws, with the page text assembled from them."""
    from pypdf.generic import ContentStream

    walker = _Walker(reader, deadline)
    contents = page.get_contents()
    operations = ContentStream(contents, reader).operations if contents is not None else []
    resources = page.get("/Resources")
    walker.walk(
        operations,
        None,
        resources.get_object() if resources is not None else None,
        IDENTITY,
        0,
        frozenset(),
    )
    _assemble(walker.page)
    return walker.page
