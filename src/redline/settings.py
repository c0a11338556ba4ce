"""Runtime settings from ``REDLINE_*`` environment variables.

Settings are built by the caller (the CLI, the API factory, a test), never at import time, so two
configurations can live in one process and tests never inherit a developer's environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
        description="Enforcement profile the HTTP service applies: strict, contain, or a YAML file.",
    )
    api_policy: Path | None = Field(
        default=None, description="Policy pack YAML for the HTTP service (default: shipped pack)."
    )
