"""Span-level scoring of PII findings against the gold corpus.

Two views, because they answer different questions:

* **overlap** (the headline): a prediction hits a gold span when its type is compatible and it
  covers at least half of the gold span. This is what matters for moderation — the value was
  found and can be masked — and it does not punish a detector for a defensible boundary choice
  (taking "Apt. 5" into an address or not).
* **exact**: same type and identical start/end. This shows boundary quality, which matters for
  redaction (a masked span that leaves two digits visible is a leak).

Each gold span and each prediction is used at most once; pairs are assigned greedily, best
overlap first, so one long prediction cannot claim several gold spans. Predictions of types
outside the benchmark's entity list are ignored (counted, not scored).

Usage::

    python bench/pii/score.py GOLD.jsonl PREDICTIONS.jsonl [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench.pii`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.pii.generate import ALL_ENTITIES, ENTITIES, read_jsonl

MIN_OVERLAP = 0.5
EXAMPLES_KEPT = 50

# Which predicted types may satisfy a gold type. Identity for now: the mapping of foreign
# labels (Presidio's LOCATION, DATE_TIME, ...) happens in the adapter, not here.
COMPATIBLE: dict[str, frozenset[str]] = {entity: frozenset({entity}) for entity in ALL_ENTITIES}


@dataclass(frozen=True)
class Span:
    """A typed character span; ``score`` is the detector's confidence (1.0 for gold)."""

    entity: str
    start: int
    end: int
    score: float = 1.0

    def __len__(self) -> int:
        return max(0, self.end - self.start)


@dataclass
class Counts:
    """True positives, false positives, false negatives, and the ratios derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Scores:
    """Per-entity and micro-averaged counts for one system over one corpus."""

    overlap: dict[str, Counts] = field(default_factory=dict)
    exact: dict[str, Counts] = field(default_factory=dict)
    records: int = 0
    missing_records: int = 0
    ignored_predictions: int = 0
    errors: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    template_errors: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def micro(self, view: str = "overlap") -> Counts:
        total = Counts()
        for counts in getattr(self, view).values():
            total.add(counts)
        return total

    def to_dict(self, *, with_errors: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "records": self.records,
            "missing_records": self.missing_records,
            "ignored_predictions": self.ignored_predictions,
            "micro": {
                "overlap": self.micro("overlap").to_dict(),
                "exact": self.micro("exact").to_dict(),
            },
            "per_entity": {
                e: {"overlap": self.overlap[e].to_dict(), "exact": self.exact[e].to_dict()}
                for e in self.overlap
            },
        }
        if with_errors:
            out["errors"] = self.errors
            out["errors_by_template"] = self.template_errors
        return out


def compatible(pred_entity: str, gold_entity: str) -> bool:
    return pred_entity in COMPATIBLE.get(gold_entity, frozenset())


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_spans(
    gold: Sequence[Span],
    pred: Sequence[Span],
    *,
    exact: bool = False,
    min_overlap: float = MIN_OVERLAP,
) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one-to-one; return (gold index, prediction index) pairs.

    Candidates are ranked by the share of the gold span covered, then by intersection over
    union (so the tighter of two covering predictions wins), then by position for determinism.
    """
    candidates: list[tuple[float, float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not compatible(p.entity, g.entity):
                continue
            if exact:
                if (p.start, p.end) == (g.start, g.end):
                    candidates.append((1.0, 1.0, gi, pi))
                continue
            inter = overlap(g, p)
            if not inter or not len(g) or inter < min_overlap * len(g):
                continue
            union = max(g.end, p.end) - min(g.start, p.start)
            candidates.append((inter / len(g), inter / union, gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _snippet(text: str, span: Span, width: int = 40) -> str:
    """The span in its context, marked with ⟦ ⟧ (the corpus is synthetic, nothing to mask)."""
    left = text[max(0, span.start - width) : span.start]
    right = text[span.end : span.end + width]
    return f"{left}⟦{text[span.start : span.end]}⟧{right}"


class _Examples:
    """Collects error examples for one record, and counts errors per (entity, template)."""

    def __init__(self, scores: Scores, rid: str, tag: str | None, text: str) -> None:
        self.scores, self.rid, self.tag, self.text = scores, rid, tag, text

    def _keep(self, entity: str, kind: str, **fields: Any) -> None:
        by_template = self.scores.template_errors.setdefault(entity, {}).setdefault(kind, {})
        by_template[self.tag or "?"] = by_template.get(self.tag or "?", 0) + 1
        bucket = self.scores.errors.setdefault(entity, {}).setdefault(kind, [])
        if len(bucket) < EXAMPLES_KEPT:
            bucket.append({"id": self.rid, "template": self.tag, **fields})

    def boundary(self, g: Span, p: Span) -> None:
        self._keep(g.entity, "boundary", gold=_snippet(self.text, g), pred=_snippet(self.text, p))

    def missed(self, g: Span, overlapping: list[str]) -> None:
        self._keep(g.entity, "false_negative", gold=_snippet(self.text, g), overlapping=overlapping)

    def spurious(self, p: Span, overlapping: list[str]) -> None:
        self._keep(
            p.entity,
            "false_positive",
            pred=_snippet(self.text, p),
            score=p.score,
            overlapping=overlapping,
        )


def score_records(
    gold_records: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Span]],
    *,
    entities: Sequence[str] = ENTITIES,
    min_score: float = 0.0,
) -> Scores:
    """Score predictions (by record id) against gold records; see the module docstring."""
    wanted = set(entities)
    scores = Scores(overlap={e: Counts() for e in entities}, exact={e: Counts() for e in entities})
    for record in gold_records:
        scores.records += 1
        rid, text, tag = record["id"], record["text"], record.get("template")
        gold = [
            Span(g["entity"], g["start"], g["end"]) for g in record["gold"] if g["entity"] in wanted
        ]
        if rid not in predictions:
            scores.missing_records += 1
        raw = [p for p in predictions.get(rid, ()) if p.score >= min_score]
        pred = [p for p in raw if p.entity in wanted]
        scores.ignored_predictions += len(raw) - len(pred)
        for view in ("overlap", "exact"):
            table: dict[str, Counts] = getattr(scores, view)
            pairs = match_spans(gold, pred, exact=view == "exact")
            hit_gold = {gi for gi, _ in pairs}
            hit_pred = {pi for _, pi in pairs}
            for gi, _ in pairs:
                table[gold[gi].entity].tp += 1
            missed = [g for gi, g in enumerate(gold) if gi not in hit_gold]
            spurious = [p for pi, p in enumerate(pred) if pi not in hit_pred]
            for g in missed:
                table[g.entity].fn += 1
            for p in spurious:
                table[p.entity].fp += 1
            if view == "overlap":
                examples = _Examples(scores, rid, tag, text)
                for gi, pi in pairs:
                    if (gold[gi].start, gold[gi].end) != (pred[pi].start, pred[pi].end):
                        examples.boundary(gold[gi], pred[pi])
                for g in missed:
                    examples.missed(g, [p.entity for p in pred if overlap(p, g)])
                for p in spurious:
                    examples.spurious(p, [g.entity for g in gold if overlap(p, g)])
    return scores


def score_by_locale(
    gold_records: Sequence[Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Span]],
    *,
    entities: Sequence[str] = ENTITIES,
    min_score: float = 0.0,
) -> dict[str, Scores]:
    """The same scores, one set per locale of the records (records without one are skipped).

    A negative record counts in its locale too: its false positives lower that locale's
    precision, as they would for a platform moderating in that language.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for record in gold_records:
        if record.get("locale"):
            groups.setdefault(str(record["locale"]), []).append(record)
    return {
        locale: score_records(records, predictions, entities=entities, min_score=min_score)
        for locale, records in sorted(groups.items())
    }


def format_locale_table(columns: Mapping[str, Mapping[str, Scores]]) -> str:
    """Per-locale micro P/R/F1 (overlap) and exact F1, side by side for each named system."""
    names = list(columns)
    head = f"{'locale':8} {'records':>7} {'gold':>5} " + " ".join(f"| {n[:26]:^26} " for n in names)
    sub = f"{'':8} {'':>7} {'':>5} " + " ".join(
        f"| {'P':>5} {'R':>5} {'F1':>5}  {'xF1':>5} " for _ in names
    )
    lines = [head, sub, "-" * len(sub)]
    for locale in columns[names[0]]:
        first = columns[names[0]][locale]
        gold = first.micro().tp + first.micro().fn
        cells = []
        for n in names:
            ov, ex = columns[n][locale].micro("overlap"), columns[n][locale].micro("exact")
            cells.append(f"| {ov.precision:5.3f} {ov.recall:5.3f} {ov.f1:5.3f}  {ex.f1:5.3f} ")
        lines.append(f"{locale:8} {first.records:>7} {gold:>5} " + "".join(cells))
    return "\n".join(lines)


def parse_findings(line: Mapping[str, Any]) -> list[Span]:
    """Spans from one ``redline scan``-format output line (``entity`` or ``type`` accepted)."""
    spans = []
    for f in line.get("findings") or []:
        spans.append(
            Span(
                str(f.get("entity") or f.get("type")),
                int(f["start"]),
                int(f["end"]),
                float(f.get("score", 1.0)),
            )
        )
    return spans


def load_predictions(path: Path) -> dict[str, list[Span]]:
    return {str(line["id"]): parse_findings(line) for line in read_jsonl(path)}


def gold_as_predictions(gold_records: Iterable[Mapping[str, Any]]) -> dict[str, list[Span]]:
    """The gold itself in prediction form: a perfect system, for checking the plumbing."""
    return {
        r["id"]: [Span(g["entity"], g["start"], g["end"]) for g in r["gold"]] for r in gold_records
    }


def format_table(
    columns: Mapping[str, Scores],
    entities: Sequence[str] = ENTITIES,
    gold_counts: Mapping[str, int] | None = None,
) -> str:
    """Side-by-side per-entity P/R/F1 (overlap) and exact P/R/F1 for each named system."""
    names = list(columns)
    head1 = f"{'':18} {'gold':>5} " + " ".join(f"| {n[:37]:^37} " for n in names)
    head2 = f"{'entity':18} {'':>5} " + " ".join(
        f"| {'P':>5} {'R':>5} {'F1':>5}  {'xP':>5} {'xR':>5} {'xF1':>5} " for _ in names
    )
    lines = [head1, head2, "-" * len(head2)]

    def row(label: str, count: str, cells: list[tuple[Counts, Counts]]) -> str:
        parts = [f"{label:18} {count:>5} "]
        for ov, ex in cells:
            parts.append(
                f"| {ov.precision:5.3f} {ov.recall:5.3f} {ov.f1:5.3f}  "
                f"{ex.precision:5.3f} {ex.recall:5.3f} {ex.f1:5.3f} "
            )
        return "".join(parts)

    for e in entities:
        if e not in columns[names[0]].overlap:
            continue
        first = columns[names[0]].overlap[e]
        count = gold_counts[e] if gold_counts else first.tp + first.fn
        lines.append(
            row(e, str(count), [(columns[n].overlap[e], columns[n].exact[e]) for n in names])
        )
    lines.append("-" * len(head2))
    total = columns[names[0]].micro()
    lines.append(
        row(
            "micro",
            str(total.tp + total.fn),
            [(columns[n].micro("overlap"), columns[n].micro("exact")) for n in names],
        )
    )
    lines.append("P/R/F1: at least 50% of the gold span covered; xP/xR/xF1: exact boundaries.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("gold", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--min-score", type=float, default=0.0)
    parser.add_argument("--json", type=Path, help="write the figures (and error examples) here")
    args = parser.parse_args(argv)
    gold = read_jsonl(args.gold)
    scores = score_records(gold, load_predictions(args.predictions), min_score=args.min_score)
    print(format_table({args.predictions.name: scores}))
    if scores.missing_records:
        print(f"warning: {scores.missing_records} gold records have no output line")
    if args.json:
        args.json.write_text(json.dumps(scores.to_dict(), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
