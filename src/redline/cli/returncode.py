"""Exit codes of the ``redline`` command, one enum so scripts can rely on them.

Each code's meaning is data (``MEANINGS``), not a comment, so ``redline --help`` and
``docs/cli.md`` list them from here and cannot drift from what the commands return.
"""

from __future__ import annotations

from enum import IntEnum


class ReturnCode(IntEnum):
    """What the process exit status means."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    INPUT_REFUSED = 3
    NOT_FOUND = 4
    CONFLICT = 5
    CONFIG = 6
    STORE = 7
    CHECK_FAILED = 8


MEANINGS: dict[ReturnCode, str] = {
    ReturnCode.OK: "done",
    ReturnCode.INTERNAL: "a bug: please report it",
    ReturnCode.USAGE: "bad options or arguments",
    ReturnCode.INPUT_REFUSED: "input refused (for batches: some records; the rest were processed)",
    ReturnCode.NOT_FOUND: "a named bank, decision, account ... does not exist",
    ReturnCode.CONFLICT: "the request contradicts stored state",
    ReturnCode.CONFIG: "a policy, profile or setting is invalid",
    ReturnCode.STORE: "the store failed or is unreachable",
    ReturnCode.CHECK_FAILED: "a check failed (audit chain broken, neutrality difference flagged)",
}


def exit_codes_help() -> str:
    """The exit codes as help text, one per line."""
    return "Exit codes:\n" + "\n".join(
        f"{int(code)}  {code.name.lower()}: {MEANINGS[code]}" for code in ReturnCode
    )
