"""A progress bar on a terminal, nothing when piped: batch jobs log cleanly, people see motion.

Rich is imported only when a bar is shown: piped batch runs (the common case) skip its import
time, which is part of every batch job's wall time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Advance(Protocol):
    """Callback that moves the bar by a number of bytes."""

    def __call__(self, done: int) -> None:
        """Advance by ``done`` bytes."""


@contextmanager
def byte_progress(label: str, total: int | None) -> Iterator[Advance]:
    """Yield an ``advance(n_bytes)`` callback; shows a bar only when stderr is a terminal."""
    if not sys.stderr.isatty() or not total:
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn() if total is None else TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda done: progress.advance(task, done)
