"""``--help`` shows what the code says: every option's help and default, and the exit codes."""

from __future__ import annotations

from typing import Any

import typer
from typer.main import get_command
from typer.testing import CliRunner

from redline.cli.main import build_app
from redline.cli.returncode import MEANINGS, ReturnCode

WIDE = {"COLUMNS": "1000", "NO_COLOR": "1", "TERM": "dumb"}


def _help(app: typer.Typer, args: list[str]) -> str:
    done = CliRunner().invoke(app, [*args, "--help"], env=WIDE)
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())


def _commands(group: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    """Every command and subcommand under ``group``, with the words that call it."""
    found: list[tuple[list[str], Any]] = []
    for name, command in getattr(group, "commands", {}).items():
        found.append(([*path, name], command))
        found += _commands(command, [*path, name])
    return found


def test_every_options_help_and_default_reach_the_help_page() -> None:
    app = build_app()
    checked = 0
    for path, command in _commands(get_command(app), []):
        page = _help(app, path)
        for param in command.params:
            text = getattr(param, "help", None)
            if text:
                assert " ".join(text.split()) in page, (path, param.name, page)
                checked += 1
            shown = getattr(param, "show_default", None)
            if isinstance(shown, str):
                assert f"[default: ({shown})]" in page, (path, param.name, page)
    assert checked > 100


def test_serve_help_names_the_settings_its_defaults_come_from() -> None:
    page = _help(build_app(), ["serve"])
    assert "REDLINE_API_HOST" in page and "REDLINE_API_PORT" in page


def test_the_root_help_lists_every_exit_code() -> None:
    page = _help(build_app(), [])
    for code in ReturnCode:
        assert f"{int(code)} {code.name.lower()}: {' '.join(MEANINGS[code].split())}" in page
