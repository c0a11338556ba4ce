"""Files benchmark: PDF pages per second (extraction + PII detection) and OCR quality.

One command, three measurements on a generated corpus (``corpus.py``, fixed seed):

1. PDF speed, side by side in the same run: Redline's reader (pypdf behind the hostile-file
   limits) against pdfminer.six's ``extract_text`` on the same file, each timed for extraction
   alone and for extraction plus Redline's PII detection; pages per second and the ratio.
2. PII F1 on the text each extractor produced (so a faster extractor that garbles text shows up),
   and Presidio on the same pypdf-extracted pages (detection only, model load timed apart).
3. OCR quality: pages rendered to images, read back by Tesseract through ``extract.ocr``, PII F1
   against the text that was drawn. Skipped with a message when Tesseract is not installed.

Usage::

    python bench/files/run.py [--pages 200] [--ocr-images 24] [--presidio-pages 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.files.corpus import Page, make_pdf, pages, render_image
from bench.pii.score import compatible

HERE = Path(__file__).resolve().parent


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float:
        return 2 * self.tp / max(2 * self.tp + self.fp + self.fn, 1)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4),
                "recall": round(r, 4), "f1": round(self.f1, 4)}  # fmt: skip


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def score_page(gold: list[tuple[str, str]], found: list[tuple[str, str]]) -> Counts:
    """Match private values on one page: compatible entity and one value inside the other.

    Offsets differ between extractors (spacing, line breaks), so values are compared, with
    whitespace ignored; a prediction matches at most one gold value.
    """
    counts = Counts()
    free = [(e, squash(v)) for e, v in found]
    for entity, value in gold:
        g = squash(value)
        hit = next(
            (i for i, (e, p) in enumerate(free)
             if compatible(e, entity) and len(p) >= 3 and (p in g or g in p)),
            None,
        )  # fmt: skip
        if hit is None:
            counts.fn += 1
        else:
            counts.tp += 1
            free.pop(hit)
    counts.fp += len(free)
    return counts


def redline_finder() -> Callable[[str], list[tuple[str, str]]]:
    from redline.detect.pii import default_scanner

    scanner = default_scanner()

    def find(text: str) -> list[tuple[str, str]]:
        return [(s.type, text[s.start : s.end]) for s in scanner.scan(text).signals]

    return find


def redline_pages(data: bytes) -> list[str]:
    from redline.extract.documents import extract_document

    doc = extract_document(data, "application/pdf")
    return [doc.text[p.start : p.end] for p in doc.pages]


def pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    text = extract_text(io.BytesIO(data))
    return text.split("\f")[: text.count("\f")] if "\f" in text else [text]


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def pdf_bench(doc: list[Page], presidio_pages: int) -> dict[str, Any]:
    data = make_pdf(doc)
    find = redline_finder()
    find("warm up 123-45-6789")  # build the scanner before timing
    results: dict[str, Any] = {"pages": len(doc), "bytes": len(data)}
    texts: dict[str, list[str]] = {}
    for name, extract in (("redline (pypdf)", redline_pages), ("pdfminer.six", pdfminer_pages)):
        page_texts, wall, cpu = timed(lambda extract=extract: extract(data))
        found, det_wall, det_cpu = timed(lambda t=page_texts: [find(x) for x in t])
        counts = Counts()
        for page, f in zip(doc, found, strict=False):
            counts.add(score_page(page.gold, f))
        texts[name] = page_texts
        results[name] = {
            "pages_read": len(page_texts),
            "extract_s": round(wall, 3),
            "extract_cpu_s": round(cpu, 3),
            "detect_s": round(det_wall, 3),
            "extract_pages_per_s": round(len(doc) / wall, 1),
            "extract_detect_pages_per_s": round(len(doc) / (wall + det_wall), 1),
            "extract_detect_pages_per_cpu_s": round(len(doc) / (cpu + det_cpu), 1),
            "pii": counts.to_dict(),
        }
    ours, peer = results["redline (pypdf)"], results["pdfminer.six"]
    results["ratio_extract_detect"] = round(
        ours["extract_detect_pages_per_s"] / peer["extract_detect_pages_per_s"], 2
    )
    results["ratio_extract_detect_cpu"] = round(
        ours["extract_detect_pages_per_cpu_s"] / peer["extract_detect_pages_per_cpu_s"], 2
    )
    if presidio_pages:
        results["presidio"] = presidio_bench(doc[:presidio_pages], texts["redline (pypdf)"])
        results["presidio"]["redline_detect_pages_per_s"] = round(len(doc) / ours["detect_s"], 1)
    return results


def presidio_bench(doc: list[Page], texts: list[str]) -> dict[str, Any]:
    try:
        from bench.pii.presidio_scan import TYPE_MAP, build_analyzer
    except ImportError as exc:
        return {"skipped": f"presidio not importable: {exc}"}
    analyzer, load_s, _ = timed(build_analyzer)
    analyzer.analyze(text="warm up", language="en")

    def run() -> list[list[tuple[str, str]]]:
        out = []
        for text in texts[: len(doc)]:
            found = analyzer.analyze(text=text, language="en")
            out.append([(TYPE_MAP[r.entity_type], text[r.start : r.end]) for r in found
                        if r.entity_type in TYPE_MAP])  # fmt: skip
        return out

    found, wall, _ = timed(run)
    counts = Counts()
    for page, f in zip(doc, found, strict=False):
        counts.add(score_page(page.gold, f))
    return {"pages": len(doc), "model_load_s": round(load_s, 2), "detect_s": round(wall, 2),
            "detect_pages_per_s": round(len(doc) / wall, 2), "pii": counts.to_dict()}  # fmt: skip


def ocr_bench(doc: list[Page]) -> dict[str, Any]:
    from redline.extract.limits import DocumentLimits
    from redline.extract.ocr import ocr_missing, read_image

    missing = ocr_missing()
    if missing:
        return {"skipped": f"{missing}; install Debian's tesseract-ocr and pip install pytesseract"}
    find = redline_finder()
    counts, drawn = Counts(), Counts()
    verbatim = total = 0
    seconds = 0.0
    for page in doc:
        image = render_image(page)
        ocr, wall, _ = timed(lambda image=image: read_image(image, DocumentLimits()))
        seconds += wall
        counts.add(score_page(page.gold, find(ocr.text)))
        drawn.add(score_page(page.gold, find("\n".join(page.lines))))
        squashed = squash(ocr.text)
        verbatim += sum(squash(v) in squashed for _, v in page.gold)
        total += len(page.gold)
    return {
        "images": len(doc),
        "ocr_s_per_image": round(seconds / max(len(doc), 1), 2),
        "pii_on_ocr_text": counts.to_dict(),
        "pii_on_drawn_text": drawn.to_dict(),
        "values_read_verbatim": round(verbatim / max(total, 1), 4),
    }


def report(pdf: dict[str, Any], ocr: dict[str, Any], seed: int) -> list[str]:
    """The figures as printed lines."""
    head = ("extractor", "extract p/s", "+detect p/s", "p/cpu-s", "PII P", "PII R", "PII F1")
    out = [
        f"== PDF: {pdf['pages']} pages, {pdf['bytes']} bytes, seed {seed}",
        "{:18} {:>12} {:>12} {:>8} {:>7} {:>7} {:>7}".format(*head),
    ]
    for name in ("redline (pypdf)", "pdfminer.six"):
        r = pdf[name]
        row = (name, r["extract_pages_per_s"], r["extract_detect_pages_per_s"],
               r["extract_detect_pages_per_cpu_s"], r["pii"]["precision"], r["pii"]["recall"],
               r["pii"]["f1"])  # fmt: skip
        out.append("{:18} {:>12} {:>12} {:>8} {:>7} {:>7} {:>7}".format(*row))
    out.append(
        f"ratio redline/pdfminer (extract + detect): {pdf['ratio_extract_detect']}x wall,"
        f" {pdf['ratio_extract_detect_cpu']}x CPU"
    )
    p = pdf.get("presidio")
    if p and "skipped" in p:
        out.append(f"presidio: skipped ({p['skipped']})")
    elif p:
        ours, theirs = p["redline_detect_pages_per_s"], p["detect_pages_per_s"]
        out.append(
            f"detection alone on the same pypdf text: redline {ours} p/s, presidio {theirs} p/s"
            f" ({ours / theirs:.0f}x; presidio on {p['pages']} pages, model load"
            f" {p['model_load_s']} s not counted); presidio PII F1 {p['pii']['f1']}"
        )
    out.append(f"== OCR: {ocr.get('images', 0)} images")
    if "skipped" in ocr:
        out.append(f"skipped: {ocr['skipped']}")
    else:
        out.append(
            f"PII F1 on OCR text {ocr['pii_on_ocr_text']['f1']} (on the drawn text"
            f" {ocr['pii_on_drawn_text']['f1']}); values read verbatim"
            f" {ocr['values_read_verbatim']:.1%}; {ocr['ocr_s_per_image']} s per image"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--ocr-images", type=int, default=24)
    parser.add_argument("--presidio-pages", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out-dir", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)

    doc = pages(args.seed, args.pages)
    pdf = pdf_bench(doc, args.presidio_pages)
    ocr = (
        ocr_bench(pages(args.seed + 1000, args.ocr_images, lines_per_page=10, wrap=60))
        if args.ocr_images
        else {"skipped": "--ocr-images 0"}
    )
    print("\n".join(report(pdf, ocr, args.seed)))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"seed": args.seed, "pdf": pdf, "ocr": ocr}, indent=2)
    (args.out_dir / "results.json").write_text(body + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
