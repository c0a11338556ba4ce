"""Opening the CLI's inputs and outputs, where ``-`` means stdin or stdout."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from redline.errors import InputError


@contextmanager
def open_input(path: str) -> Iterator[tuple[BinaryIO, int | None]]:
    """Yield a binary stream and its size in bytes (None for stdin)."""
    if path == "-":
        yield sys.stdin.buffer, None
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", field="input") from None
    with stream:
        yield stream, os.fstat(stream.fileno()).st_size


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Yield a text stream for results: stdout unless a path is given."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}", field="output") from None
    with stream:
        yield stream
