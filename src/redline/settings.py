"""Runtime settings from ``REDLINE_*`` environment variables.

Settings are built by the caller (the CLI, the API factory, a test), never at import time, so two
configurations can live in one process and tests never inherit a developer's environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

CONFIG_VARIABLE = "REDLINE_CONFIG"


class SettingsFileError(ValueError):
    """A settings file or value is invalid.

    Callers raise it on as ``redline.errors.ConfigError``: this module sits beside the error tree
    in the layers and cannot import it.
    """


def _default_home() -> Path:
    return Path.home() / ".redline"


class Settings(BaseSettings):
    """Everything configurable about one Redline process."""

    model_config = SettingsConfigDict(env_prefix="REDLINE_", extra="ignore")

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
    # Init values beat the environment in pydantic-settings; drop the ones the environment sets.
    chosen = {k: v for k, v in from_file.items() if f"REDLINE_{k.upper()}" not in os.environ}
    try:
        return Settings(**chosen)
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(p) for p in first["loc"])
        raise SettingsFileError(f"setting {name}: {first['msg']}") from None
