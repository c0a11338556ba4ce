"""Screenshots of text, as people post leaked documents: fonts, sizes, crops, JPEG artefacts.

Each image is drawn from a fixed seed: a font among those installed (DejaVu and Liberation sans,
serif and mono on Debian), a size of 15-24 px, a line width of 45-90 characters, dark text on a
white or tinted page, sometimes a browser-like bar on top, a crop that trims the margins (and
sometimes cuts into the first or last line), and PNG or JPEG at quality 55-95.
"""

from __future__ import annotations

import io
import random
import textwrap
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["FONT_DIRS", "fonts", "render"]

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
_WANTED = (
    "DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "DejaVuSansCondensed.ttf",
    "LiberationSans-Regular.ttf", "LiberationSerif-Regular.ttf", "LiberationMono-Regular.ttf",
)  # fmt: skip


@lru_cache(maxsize=1)
def fonts() -> tuple[Path, ...]:
    """The installed fonts among those the screenshots use (at least one is needed)."""
    found = tuple(d / name for name in _WANTED for d in FONT_DIRS if (d / name).exists())
    if not found:
        raise SystemExit("no TrueType font found under " + ", ".join(map(str, FONT_DIRS)))
    return found


def render(text: str, seed: int) -> tuple[bytes, str]:
    """``text`` drawn as a screenshot: (image bytes, media type)."""
    rng = random.Random(seed)
    font_path = rng.choice(fonts())
    size = rng.randint(15, 24)
    font = ImageFont.truetype(str(font_path), size)
    width_chars = rng.randint(45, 90)
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(textwrap.wrap(para, width_chars) or [""])
    line_h = int(size * rng.uniform(1.25, 1.6))
    probe = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    text_w = max(int(probe.textlength(line, font=font)) for line in lines) if lines else 10
    margin = rng.randint(12, 40)
    bar = rng.randint(28, 44) if rng.random() < 0.4 else 0
    w, h = text_w + 2 * margin, len(lines) * line_h + 2 * margin + bar
    page = rng.choice(((255, 255, 255), (250, 250, 246), (245, 247, 250), (255, 253, 240)))
    ink = rng.choice(((0, 0, 0), (33, 33, 33), (20, 30, 60)))
    image = Image.new("RGB", (w, h), page)
    draw = ImageDraw.Draw(image)
    if bar:
        draw.rectangle((0, 0, w, bar), fill=(222, 225, 230))
        draw.rounded_rectangle((60, 6, w - 60, bar - 6), radius=8, fill=(255, 255, 255))
    y = margin + bar
    for line in lines:
        draw.text((margin, y), line, font=font, fill=ink)
        y += line_h
    left = rng.randint(0, margin // 2)
    top = rng.randint(0, margin // 2) + (bar if rng.random() < 0.3 else 0)
    right = w - rng.randint(0, margin // 2)
    bottom = h - rng.randint(0, margin // 2)
    if rng.random() < 0.25:  # cut into the first or last line, as a careless crop does
        if rng.random() < 0.5:
            top = margin + bar + line_h // 3
        else:
            bottom = h - margin - line_h // 3
    image = image.crop((left, top, right, max(top + line_h, bottom)))
    out = io.BytesIO()
    if rng.random() < 0.5:
        image.save(out, "PNG")
        return out.getvalue(), "image/png"
    image.save(out, "JPEG", quality=rng.randint(55, 95))
    return out.getvalue(), "image/jpeg"
