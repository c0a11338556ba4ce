"""Exit codes of the ``redline`` command, one enum so scripts can rely on them."""

from __future__ import annotations

from enum import IntEnum


class ReturnCode(IntEnum):
    """What the process exit status means."""

    OK = 0
    INTERNAL = 1  # a bug: please report it
    USAGE = 2  # bad flags or arguments (also what Click uses)
    INPUT_REFUSED = 3  # some input records were refused; the rest were processed
    NOT_FOUND = 4  # a named bank, decision, account ... does not exist
    CONFLICT = 5  # the request contradicts stored state
    CONFIG = 6  # a policy, profile or setting is invalid
    STORE = 7  # the store failed or is unreachable
    INTEGRITY = 8  # a verification (audit chain) failed
