"""Entry point of the ``redline`` command.

``COMMANDS`` is the table of contents of the CLI: each command or command group lives in its own
``*_cmd.py`` module. Modules are imported only when their command runs (or for ``--help``), so
``redline scan`` never pays for SQLAlchemy and Alembic at start-up; start-up time is part of
every batch job's wall time. Errors from the core are mapped to exit codes once, in ``main``.
"""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from redline.cli.returncode import ReturnCode, exit_codes_help
from redline.errors import (
    ConfigError,
    Conflict,
    InputError,
    NotFound,
    RedlineError,
    StoreError,
)
from redline.settings import CONFIG_VARIABLE, SettingsError

# name -> (module, attribute, "command" for a function or "group" for a Typer sub-app)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "scan": ("redline.cli.scan_cmd", "scan", "command"),
    "redact": ("redline.cli.redact_cmd", "redact", "command"),
    "moderate": ("redline.cli.moderate_cmd", "moderate", "command"),
    "replay": ("redline.cli.replay_cmd", "replay", "command"),
    "account": ("redline.cli.account_cmd", "account_app", "group"),
    "decision": ("redline.cli.decision_cmd", "decision_app", "group"),
    "audit": ("redline.cli.audit_cmd", "audit_app", "group"),
    "case": ("redline.cli.case_cmd", "case_app", "group"),
    "appeal": ("redline.cli.appeal_cmd", "appeal_app", "group"),
    "request": ("redline.cli.request_cmd", "request_app", "group"),
    "export": ("redline.cli.export_cmd", "export_app", "group"),
    "report": ("redline.cli.report_cmd", "report_app", "group"),
    "bank": ("redline.cli.bank_cmd", "bank_app", "group"),
    "exchange": ("redline.cli.exchange_cmd", "exchange_app", "group"),
    "keys": ("redline.cli.keys_cmd", "keys_app", "group"),
    "serve": ("redline.cli.serve_cmd", "serve", "command"),
    "worker": ("redline.cli.worker_cmd", "worker_app", "group"),
    "webhooks": ("redline.cli.webhooks_cmd", "webhooks_app", "group"),
    "events": ("redline.cli.events_cmd", "events_app", "group"),
    "demo": ("redline.cli.demo_cmd", "demo_app", "group"),
}


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or just ``only`` when the command line names it."""
    app = typer.Typer(
        name="redline",
        help="Redline: find private information and known hacked material, decide, act, explain.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        epilog=exit_codes_help(),
    )

    @app.callback()
    def _root(
        config: Annotated[
            Path | None,
            typer.Option(
                "--config",
                envvar=CONFIG_VARIABLE,
                help="TOML file of settings for every command (names as in the README's settings"
                " table, lower case); REDLINE_* variables win over it.",
            ),
        ] = None,
    ) -> None:
        """Redline: find private information and known hacked material, decide, act, explain."""
        from redline.cli.config import choose

        choose(config)

    for name, (module_name, attribute, kind) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(module_name), attribute)
        if kind == "group":
            app.add_typer(target, name=name)
        else:
            app.command(name=name)(target)
    return app


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
    first = sys.argv[1] if len(sys.argv) > 1 else None
    # Importing a command builds most of the heap the process will ever hold (Typer, pydantic,
    # compiled detectors), and it all lives until exit. The cyclic collector would trace that
    # heap ~70 times as it grows, finding next to nothing: ~5 ms of a `redline scan` start-up.
    # So collect nothing while importing, then freeze what was built (later collections skip it).
    gc.disable()
    try:
        app = build_app(first if first in COMMANDS else None)
    finally:
        gc.freeze()
        gc.enable()
    try:
        app()
    except RedlineError as error:
        from redline.cli.fields import describe

        typer.echo(f"error: {describe(error)}", err=True)
        sys.exit(exit_code_for(error))
    except SettingsError as error:  # a bad REDLINE_* value: settings sit below the error tree
        typer.echo(f"error: {error}", err=True)
        sys.exit(ReturnCode.CONFIG)


if __name__ == "__main__":
    main()
