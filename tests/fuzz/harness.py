"""Time-bounded fuzzing with hypothesis: one ``Target`` per property, run for a set time.

Hypothesis counts examples, not seconds, and a fuzzer's budget is time: a few seconds per target
in the normal suite, hours when someone asks for them. ``fuzz`` therefore runs a target in
batches (a fresh ``@given`` test per batch, seeded with the batch's number) until its time is
spent, so a CI run is reproducible (batch ``k`` always draws the same inputs) and a long run
simply goes through more batches. The same ``Target`` can be driven by atheris, coverage-guided,
through hypothesis' ``fuzz_one_input`` (``bench/fuzz/run.py --atheris``).

Settings, from the environment:

* ``REDLINE_FUZZ_SECONDS``: seconds per target (default 2; ``0`` runs one batch).
* ``REDLINE_FUZZ_SEED``: the first batch's seed (default 0); a long run picks a random one.
* ``REDLINE_FUZZ_FAILURES``: a folder where every failing input is written (bytes as they are,
  anything else as its ``repr``), the shrunk one last.
* ``REDLINE_FUZZ_LOG``: a JSON-lines file to which each target appends what it ran (target,
  seconds, examples), the record of the fuzzing hours.

The seeds every target starts from are files under ``tests/fuzz/corpus`` (``make_corpus.py``
writes the binary ones), kept in the repository and drawn by the strategies, so a mutation fuzzer
starts from real, valid inputs and not only from noise.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).parent / "corpus"


def seconds_per_target() -> float:
    """The time each target runs for (``REDLINE_FUZZ_SECONDS``, default 2)."""
    return float(os.environ.get("REDLINE_FUZZ_SECONDS", "2"))


@dataclass(frozen=True)
class Target:
    """One property to fuzz: its name, the inputs, and the check that must hold for each.

    ``batch`` is the number of examples per hypothesis run: small for slow inputs (files), so a
    target stops close to its time.
    """

    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    batch: int = 100

    def test(self, batch_seed: int | None, examples: int, counter: list[int] | None = None) -> Any:
        """A ``@given`` test of this target, for one batch (or for atheris, with no seed)."""

        def run(value: Any) -> None:
            if counter is not None:
                counter[0] += 1
            try:
                self.check(value)
            except BaseException:
                _keep_failure(self.name, value)
                raise

        test = given(self.strategy)(run)
        test = settings(
            max_examples=examples,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            print_blob=True,
        )(test)
        return seed(batch_seed)(test) if batch_seed is not None else test


def corpus(folder: str) -> list[Path]:
    """The seed files of one target, sorted by name (so a seed's index is stable)."""
    return sorted(p for p in (CORPUS / folder).iterdir() if p.is_file())


def fuzz(target: Target, seconds: float | None = None) -> int:
    """Run ``target`` in seeded batches until ``seconds`` are spent; return the examples run."""
    budget = seconds_per_target() if seconds is None else seconds
    first = int(os.environ.get("REDLINE_FUZZ_SEED", "0"))
    counter = [0]
    start = time.monotonic()
    batch = 0
    while True:
        target.test(first + batch, target.batch, counter)()
        batch += 1
        if time.monotonic() - start >= budget:
            break
    _log(target.name, time.monotonic() - start, counter[0], first, batch)
    return counter[0]


def _keep_failure(name: str, value: Any) -> None:
    """Write a failing input to ``REDLINE_FUZZ_FAILURES`` (a folder), to replay or add as a seed."""
    folder = os.environ.get("REDLINE_FUZZ_FAILURES")
    if not folder:
        return
    data = value if isinstance(value, bytes) else repr(value).encode()
    path = Path(folder) / f"{name}-{hashlib.sha256(data).hexdigest()[:12]}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _log(name: str, seconds: float, examples: int, first_seed: int, batches: int) -> None:
    path = os.environ.get("REDLINE_FUZZ_LOG")
    if not path:
        return
    line = {
        "target": name,
        "seconds": round(seconds, 2),
        "examples": examples,
        "first_seed": first_seed,
        "batches": batches,
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")
