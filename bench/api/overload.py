"""The overload step of ``bench/api/run.py``: twice the service's capacity, shedding off and on.

Each side gets a fresh store and its own ``redline serve`` (so the "off" side's backlog and grown
tables never slow the "on" side), a warm-up at half the capacity, then ``2 x capacity`` offered
for the same seconds. Reported per side: offered, answered and shed per second, p50/p99 of the
answered requests (from when each was due, so queueing counts), and how fast refusals came back.
The target (issue 14): with shedding on, answered >= 90% of capacity and answered p99 < 100 ms.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from bench.api.load import measure


def overload(
    name: str,
    env: dict[str, str],
    capacity: float,
    seconds: float,
    body_for: Callable[[str], Callable[[int], dict[str, Any]]],
    server_class: Any,
    shedding: dict[str, str],
) -> dict[str, Any]:
    """Offer twice ``capacity`` with shedding off, then on (``shedding``: its settings)."""
    rate = round(2 * capacity)
    sides = {}
    for label, extra in (("off", {"REDLINE_API_MAX_IN_FLIGHT": "0"}), ("on", shedding)):
        side_env = {**env, **extra}
        with tempfile.TemporaryDirectory() as home:
            if "REDLINE_DATABASE_URL" not in env:
                side_env["REDLINE_HOME"] = home
            with server_class(side_env) as server:
                token = server.cli("keys", "create", "--role", "ingest", "--name", "bench")
                body = body_for(f"{label}-{secrets.token_hex(3)}")
                warm = measure(server.url, token, body, capacity / 2, 3, 0)
                step = measure(server.url, token, body, rate, seconds, warm.sent)
        summary = step.summary()
        sides[label] = {
            "offered_rps": rate,
            "answered_rps": summary["achieved_rps"],
            "shed_rps": summary["shed_rps"],
            "p50_ms": summary["p50_ms"],
            "p99_ms": summary["p99_ms"],
            "shed_p99_ms": summary["shed_p99_ms"],
            "errors": summary["errors"],
        }
        print(f"{name}: overload {rate}/s, shedding {label} -> {sides[label]}", file=sys.stderr)
    on = sides["on"]
    return {
        "store": name,
        "capacity_rps": capacity,
        "shedding": shedding,
        "off": sides["off"],
        "on": on,
        "target_met": on["answered_rps"] >= 0.9 * capacity and on["p99_ms"] < 100,
    }


def report(results: list[dict[str, Any]]) -> None:
    """The overload table: each store's off and on sides next to each other."""
    print("\nOverload: twice the most answered per second, load shedding off and on\n")
    columns = [
        "store",
        "shedding",
        "offered/s",
        "answered/s",
        "answered / capacity",
        "shed/s",
        "p50 ms (answered)",
        "p99 ms (answered)",
        "p99 ms (shed)",
        "other errors",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for r in results:
        for label in ("off", "on"):
            side = r[label]
            cells = [
                f"{r['store']} (capacity {r['capacity_rps']:g}/s)",
                label,
                side["offered_rps"],
                side["answered_rps"],
                f"{side['answered_rps'] / r['capacity_rps']:.0%}",
                side["shed_rps"],
                side["p50_ms"],
                side["p99_ms"],
                side["shed_p99_ms"],
                sum(side["errors"].values()),
            ]
            print("| " + " | ".join(str(c) for c in cells) + " |")
        verdict = "met" if r["target_met"] else "NOT met"
        print(f"\n{r['store']}: target (on: answered >= 90% of capacity, p99 < 100 ms) {verdict}")
