"""Entry point of the ``redline`` command.

Each command group lives in its own ``*_cmd.py`` module and is registered here, so this file is
the table of contents of the CLI. Errors from the core are mapped to exit codes once, in ``main``.
"""

from __future__ import annotations

import sys

import typer

from redline.cli.account_cmd import account_app
from redline.cli.audit_cmd import audit_app
from redline.cli.decision_cmd import decision_app
from redline.cli.moderate_cmd import moderate
from redline.cli.replay_cmd import replay
from redline.cli.returncode import ReturnCode
from redline.cli.scan_cmd import scan
from redline.errors import (
    ConfigError,
    Conflict,
    InputError,
    NotFound,
    RedlineError,
    StoreError,
)

app = typer.Typer(
    name="redline",
    help="Redline: find private information and known hacked material, decide, act, explain.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Redline: find private information and known hacked material, decide, act, explain."""


app.command(name="scan")(scan)
app.command(name="moderate")(moderate)
app.command(name="replay")(replay)
app.add_typer(account_app, name="account")
app.add_typer(decision_app, name="decision")
app.add_typer(audit_app, name="audit")

_EXIT_CODES: tuple[tuple[type[RedlineError], ReturnCode], ...] = (
    (InputError, ReturnCode.INPUT_REFUSED),
    (NotFound, ReturnCode.NOT_FOUND),
    (Conflict, ReturnCode.CONFLICT),
    (ConfigError, ReturnCode.CONFIG),
    (StoreError, ReturnCode.STORE),
)


def exit_code_for(error: RedlineError) -> ReturnCode:
    """Map an error from the core to the process exit code."""
    for kind, code in _EXIT_CODES:
        if isinstance(error, kind):
            return code
    return ReturnCode.INTERNAL


def main() -> None:
    """Run the CLI, turning Redline errors into one-line messages and exit codes.

    Click's standalone mode already maps usage errors to exit code 2 and ``typer.Exit`` to its
    code; only our own error tree needs mapping here.
    """
    try:
        app()
    except RedlineError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(exit_code_for(error))


if __name__ == "__main__":
    main()
