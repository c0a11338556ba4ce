"""The transparency report as one self-contained HTML page: tables, inline SVG charts, no CDN.

The page is rendered from the figures dictionary alone (the same one written as JSON), so what a
reader sees and what a machine loads cannot disagree.
"""

from __future__ import annotations

from html import escape
from typing import Any

from redline.report.charts import bar_chart, interval_chart

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.6rem 0; } td, th { padding: 0.2rem 0.8rem;
text-align: left; border-bottom: 1px solid #eee; } .flag { color: #b00020; font-weight: bold; }
.ok { color: #2e7d32; font-weight: bold; } figure { margin: 1rem 0; }
"""


def _table(rows: list[tuple[str, Any]]) -> str:
    body = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(_fmt(v))}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _figure(svg: str) -> str:
    return f"<figure>{svg}</figure>"


def _neutrality(section: dict[str, Any]) -> str:
    audit = section["audit"]
    parts = ["<h2>Neutrality audit</h2>"]
    verdict = (
        '<p class="flag">Enforcement differs between groups for the same rule and severity.</p>'
        if audit["biased"]
        else '<p class="ok">No significant difference in enforcement between groups for the '
        "same rule and severity.</p>"
    )
    parts.append(verdict)
    parts.append(f"<p>Tests: {escape(audit['correction'])}, alpha {audit['alpha']}.</p>")
    rows = [
        (g, r["violation_rate"]["rate"], *r["violation_rate"]["ci95"])
        for g, r in audit["groups"].items()
        if r["violation_rate"]["rate"] is not None
    ]
    parts.append(_figure(interval_chart("Violation rate by group (95% CI)", rows)))
    for stratum in audit["strata"]:
        title = f"Enforcement rate: {stratum['rule']} ({stratum['severity']})"
        rows = [
            (g, d["enforcement"]["rate"], *d["enforcement"]["ci95"])
            for g, d in stratum["groups"].items()
            if d["enforcement"]["rate"] is not None
        ]
        parts.append(_figure(interval_chart(title, rows)))
        flagged = [t for t in stratum["tests"] if t["flagged"]]
        for test in flagged:
            parts.append(
                f'<p class="flag">{escape(test["measure"])}: adjusted p = '
                f"{test['p_adjusted']:.4g}</p>"
            )
    replay = section.get("counterfactual")
    if replay is not None:
        parts.append("<h3>Counterfactual replay</h3>")
        parts.append(
            _table(
                [
                    ("decisions re-decided with the author's group swapped", replay["compared"]),
                    ("identical decisions", replay["identical"]),
                    ("differing decisions", replay["differing"]),
                ]
            )
        )
        parts.append(
            '<p class="ok">Decisions are identical with groups swapped.</p>'
            if replay["neutral"]
            else '<p class="flag">Some decisions changed when only the group changed.</p>'
        )
    return "".join(parts)


def render(figures: dict[str, Any], title: str = "Redline transparency report") -> str:
    """The whole page."""
    window = figures["window"]
    decisions = figures["decisions"]
    cases = figures["cases"]
    appeals = figures["appeals"]
    requests = figures["requests"]
    to_action = decisions["time_to_action"]
    to_outcome = appeals["time_to_outcome"]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>From {escape(window['from'] or 'the first record')} to "
        f"{escape(window['to'] or 'the last')}.</p>",
        "<h2>Decisions</h2>",
        _table(
            [
                ("decisions", decisions["total"]),
                ("with a violation", decisions["with_violations"]),
                ("median time to action (hours)", to_action["median_hours"]),
                ("90th percentile time to action (hours)", to_action["p90_hours"]),
            ]
        ),
        _figure(bar_chart("Decisions by rule broken", decisions["by_rule"])),
        _figure(bar_chart("Actions taken", decisions["by_action"])),
        _figure(bar_chart("Automation", decisions["by_automation"])),
        _figure(
            bar_chart(
                "Time to action (hours)",
                {
                    k: v
                    for k, v in (
                        ("median", to_action["median_hours"]),
                        ("90th percentile", to_action["p90_hours"]),
                    )
                    if v is not None
                },
                unit=" h",
            )
        ),
        "<h2>Human review</h2>",
        _table(
            [
                ("cases opened", cases["opened"]),
                ("cases closed", cases["closed"]),
                ("open now", cases["open_now"]),
                ("cases overturned", _pct(cases["overturn_rate"])),
            ]
        ),
        _figure(bar_chart("Case outcomes", cases["by_outcome"])),
        "<h2>Appeals</h2>",
        _table(
            [
                ("filed", appeals["filed"]),
                ("upheld", appeals["upheld"]),
                ("denied", appeals["denied"]),
                ("pending", appeals["pending"]),
                ("overturn rate", _pct(appeals["overturn_rate"])),
                ("median time to outcome (hours)", to_outcome["median_hours"]),
                ("90th percentile time to outcome (hours)", to_outcome["p90_hours"]),
            ]
        ),
        _figure(
            bar_chart(
                "Appeal outcomes",
                {
                    "upheld": appeals["upheld"],
                    "denied": appeals["denied"],
                    "pending": appeals["pending"],
                },
            )
        ),
        "<h2>External requests</h2>",
        _table(
            [
                ("requests", requests["total"]),
                ("linked to decisions", requests["linked_to_decisions"]),
            ]
        ),
        _figure(bar_chart("Requests by requester type", requests["by_requester_type"])),
        _figure(bar_chart("Requests by outcome", requests["by_outcome"])),
    ]
    if "neutrality" in figures:
        parts.append(_neutrality(figures["neutrality"]))
    parts.append("</body></html>")
    return "".join(parts)
