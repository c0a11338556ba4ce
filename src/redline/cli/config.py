"""The settings of one ``redline`` run, read in one place for every command.

``redline --config FILE COMMAND`` (or ``REDLINE_CONFIG=FILE``) names a TOML file of settings;
``REDLINE_*`` variables win over it. Every command gets its settings from ``settings()`` (and its
store from ``cli.store.opened_store``), so ``keys create`` writes to the very store ``serve``
reads: before, only ``serve`` read the file, and a database named only there was a different
store for every other command.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redline.errors import ConfigError
from redline.settings import Settings, SettingsError, load_settings


@dataclass
class _Run:
    """What this process was told (the file) and what it read from it (once)."""

    path: Path | None = None
    loaded: Settings | None = None


_run = _Run()


def choose(path: Path | None) -> None:
    """Remember the root ``--config`` (the root callback calls this before any command runs)."""
    _run.path, _run.loaded = path, None


def chosen() -> Path | None:
    """The settings file this run uses, if any (``--config``, else ``$REDLINE_CONFIG``)."""
    return _run.path


def settings() -> Settings:
    """This run's settings, read once.

    Raises:
        ConfigError: the file cannot be read, names an unknown setting, or a value is invalid.
    """
    if _run.loaded is None:
        try:
            _run.loaded = load_settings(_run.path)
        except SettingsError as error:
            raise ConfigError(str(error)) from None
    return _run.loaded
