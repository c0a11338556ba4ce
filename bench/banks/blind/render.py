"""Pictures of text: phone and browser screenshots, and scanned PDF pages with no text layer.

Fonts, sizes, widths, colours, crops, scaling and JPEG quality vary per picture, the way
screenshots of a leaked memo vary as they spread. Only what a person could still read is made:
the smallest rendered letter size is 15 pixels.
"""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSansMono.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationMono-Regular.ttf",
    "LiberationSansNarrow-Regular.ttf",
)
BACKGROUNDS = ((255, 255, 255), (250, 250, 247), (244, 241, 234), (238, 240, 243), (255, 253, 240))
INKS = ((0, 0, 0), (33, 33, 33), (55, 55, 60), (20, 30, 60))


def fonts() -> list[Path]:
    found = [d / f for d in FONT_DIRS for f in FONT_FILES if (d / f).exists()]
    if not found:
        raise SystemExit("no DejaVu or Liberation fonts under /usr/share/fonts/truetype")
    return found


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by rendered width; blank lines between paragraphs are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            if font.getlength(line + " " + word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def draw_text(
    text: str,
    font: ImageFont.FreeTypeFont,
    width: int,
    margin: int,
    spacing: float,
    bg: tuple[int, int, int],
    ink: tuple[int, int, int],
    top: int = 0,
) -> Image.Image:
    lines = wrap(text, font, width - 2 * margin)
    size = font.size
    line_h = int(size * spacing)
    height = top + 2 * margin + line_h * len(lines)
    image = Image.new("RGB", (width, height), bg)
    pen = ImageDraw.Draw(image)
    y = top + margin
    for line in lines:
        pen.text((margin, y), line, font=font, fill=ink)
        y += line_h
    return image


def screenshot(text: str, rng: random.Random) -> tuple[str, str, bytes, dict[str, object]]:
    """A screenshot of `text`: (file name, media type, bytes, how it was made)."""
    font_path = rng.choice(fonts())
    size = rng.randint(16, 26)
    font = ImageFont.truetype(str(font_path), size)
    width = rng.randint(560, 1100)
    margin = rng.randint(14, 48)
    chrome = rng.random() < 0.35
    top = 40 if chrome else 0
    image = draw_text(
        text,
        font,
        width,
        margin,
        rng.uniform(1.25, 1.6),
        rng.choice(BACKGROUNDS),
        rng.choice(INKS),
        top,
    )
    if chrome:  # a viewer's title bar above the page
        pen = ImageDraw.Draw(image)
        pen.rectangle((0, 0, width, top - 6), fill=(222, 224, 228))
        small = ImageFont.truetype(str(font_path), 14)
        pen.text(
            (12, 10),
            f"memo_{rng.randint(100, 999)}.pdf  -  page {rng.randint(1, 5)}",
            font=small,
            fill=(80, 80, 80),
        )
    # crops: trim margins, sometimes cut through the first line like a hurried screenshot
    left = rng.randint(0, margin - 8)
    right = image.width - rng.randint(0, margin - 8)
    upper = rng.randint(0, top + margin - 4)
    cut_line = rng.random() < 0.15
    if cut_line:
        upper = top + margin + size // 2
    lower = image.height - rng.randint(0, margin - 4)
    image = image.crop((left, upper, right, lower))
    scale = rng.uniform(max(0.8, 15 / size), 1.4)
    if abs(scale - 1) > 0.05:
        image = image.resize(
            (int(image.width * scale), int(image.height * scale)), Image.Resampling.LANCZOS
        )
    buf = io.BytesIO()
    if rng.random() < 0.35:
        image.save(buf, "PNG")
        name, media, quality = "screenshot.png", "image/png", None
    else:
        quality = rng.randint(30, 92)
        image.save(buf, "JPEG", quality=quality)
        name, media = f"IMG_{rng.randint(1000, 9999):04d}.jpg", "image/jpeg"
    meta: dict[str, object] = {
        "font": font_path.name,
        "size": size,
        "scale": round(scale, 2),
        "width": image.width,
        "quality": quality,
        "chrome": chrome,
        "cut_first_line": cut_line,
    }
    return name, media, buf.getvalue(), meta


def scanned_pdf(text: str, rng: random.Random) -> tuple[bytes, dict[str, object]]:
    """One PDF page that is only a picture of typed text: slightly rotated, noisy, grey."""
    dpi = rng.choice([150, 200])
    width, height = int(8.5 * dpi), int(11 * dpi)
    font_path = rng.choice([p for p in fonts() if "Mono" not in p.name])
    points = rng.choice([10, 11, 12])
    font = ImageFont.truetype(str(font_path), int(points * dpi / 72))
    page = Image.new("L", (width, height), 255)
    block = draw_text(text, font, width, dpi, 1.35, (255, 255, 255), (25, 25, 25)).convert("L")
    page.paste(block.crop((0, 0, width, min(block.height, height))), (0, int(0.6 * dpi)))
    angle = rng.uniform(-1.2, 1.2)
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pen = ImageDraw.Draw(page)
    for _ in range(rng.randint(200, 1200)):  # dust and toner specks
        x, y = rng.randrange(width), rng.randrange(height)
        pen.point((x, y), fill=rng.randint(90, 200))
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    buf = io.BytesIO()
    fixed = time.gmtime(1_790_000_000)  # a fixed date, so the same seed gives the same bytes
    page.save(
        buf, "PDF", resolution=dpi, quality=rng.randint(50, 85), creationDate=fixed, modDate=fixed
    )
    meta: dict[str, object] = {
        "font": font_path.name,
        "points": points,
        "dpi": dpi,
        "angle": round(angle, 2),
    }
    return buf.getvalue(), meta
