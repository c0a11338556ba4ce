"""Runtime settings from ``REDLINE_*`` environment variables.

Settings are built by the caller (the CLI, the API factory, a test), never at import time, so two
configurations can live in one process and tests never inherit a developer's environment.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

CONFIG_VARIABLE = "REDLINE_CONFIG"
ENV_PREFIX = "REDLINE_"


class SettingsFileError(ValueError):
    """A settings file or value is invalid.

    Callers raise it on as ``redline.errors.ConfigError``: this module sits beside the error tree
    in the layers and cannot import it.
    """


def _default_home() -> Path:
    return Path.home() / ".redline"


def _environment(names: Iterable[str]) -> dict[str, str]:
    """``REDLINE_*`` variables naming a setting, by field name (variable names are case-blind)."""
    known = set(names)
    found = {}
    for variable, value in os.environ.items():
        name = variable[len(ENV_PREFIX) :].lower()
        if variable[: len(ENV_PREFIX)].upper() == ENV_PREFIX and name in known:
            found[name] = value
    return found


class Settings(BaseModel):
    """Everything configurable about one Redline process.

    ``Settings()`` reads ``REDLINE_*`` environment variables; keyword arguments win over them.
    The environment is read here, not by pydantic-settings: that package imports its cloud and
    command-line sources, which Redline never uses, and cost every command about 40 ms of
    start-up. Pydantic still checks and converts every value.
    """

    model_config = ConfigDict(extra="ignore")

    def __init__(self, **values: Any) -> None:
        super().__init__(**{**_environment(type(self).model_fields), **values})

    home: Path = Field(default_factory=_default_home, description="Data directory.")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; default SQLite (WAL) file in the data directory.",
    )
    max_record_bytes: int = Field(
        default=1_048_576, gt=0, description="Largest accepted content record (one JSONL line)."
    )
    pii_threshold: float = Field(
        default=0.5, ge=0.0, le=1.0, description="Lowest score a PII finding is reported at."
    )
    hash_key: str | None = Field(
        default=None,
        description="Secret for keyed hashes of private values; generated into the data directory"
        " when unset.",
    )
    retention: Literal["none", "redacted", "raw"] = Field(
        default="redacted",
        description="What the store keeps of a post's text: nothing; the text with every detected"
        " private datum blanked out (enough to replay decisions); or the raw text.",
    )
    sqlite_synchronous: Literal["NORMAL", "FULL"] = Field(
        default="FULL",
        description="SQLite durability: FULL survives power loss, NORMAL (faster) survives a"
        " process crash only.",
    )
    api_host: str = Field(default="127.0.0.1", description="Address `redline serve` listens on.")
    api_port: int = Field(default=8000, ge=0, le=65535, description="Port `redline serve` uses.")
    api_max_body_bytes: int = Field(
        default=1_048_576, gt=0, description="Largest accepted HTTP request body."
    )
    api_batch_max: int = Field(
        default=100, gt=0, description="Most items in one `POST /v1/content:batch`."
    )
    api_rate_per_second: float = Field(
        default=50.0, gt=0, description="Requests per second each API key may make, sustained."
    )
    api_rate_burst: int = Field(
        default=100, gt=0, description="Requests an API key may make at once above the rate."
    )
    api_profile: str = Field(
        default="strict",
        description="Enforcement profile of the HTTP service: strict, contain, or a YAML file.",
    )
    api_policy: Path | None = Field(
        default=None, description="Policy pack YAML for the HTTP service (default: shipped pack)."
    )


def read_settings_file(path: Path) -> dict[str, Any]:
    """Settings from a TOML file (names in lower case, as fields), checked against known names."""
    import tomllib  # here, not at the top: only a named config file needs it, not every start-up

    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SettingsFileError(f"cannot read {path}: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsFileError(f"{path}: not TOML ({error})") from None
    unknown = sorted(set(values) - set(Settings.model_fields))
    if unknown:
        raise SettingsFileError(f"{path}: unknown setting {unknown[0]!r}")
    return values


def load_settings(path: Path | None = None) -> Settings:
    """``REDLINE_*`` variables over an optional TOML file (``path``, else ``$REDLINE_CONFIG``).

    A variable set in the environment wins over the file, so one file can serve several
    deployments. A bad name or value is a ``SettingsFileError`` naming it.
    """
    if path is None and os.environ.get(CONFIG_VARIABLE):
        path = Path(os.environ[CONFIG_VARIABLE])
    from_file = read_settings_file(path) if path is not None else {}
    # Arguments beat the environment in Settings; drop the file's values the environment sets.
    chosen = {k: v for k, v in from_file.items() if k not in _environment(from_file)}
    try:
        return Settings(**chosen)
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(p) for p in first["loc"])
        raise SettingsFileError(f"setting {name}: {first['msg']}") from None
