"""Runtime settings from ``REDLINE_*`` environment variables.

Settings are built by the caller (the CLI, the API factory, a test), never at import time, so two
configurations can live in one process and tests never inherit a developer's environment.

``Settings`` is a standard-library dataclass, not a pydantic model: importing pydantic and
building the model class cost ~50 ms of start-up, for fifteen scalars, on paths (``redline scan``)
that need pydantic for nothing else. Each field is one row of the table (type, default,
description, limits); the converters below are one per field type and read the limits from the
row, so there is no second list of fields.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal, get_args, get_origin, get_type_hints

CONFIG_VARIABLE = "REDLINE_CONFIG"
ENV_PREFIX = "REDLINE_"


class SettingsError(ValueError):
    """A setting has a bad value; the message names the setting and what is wrong.

    Callers raise it on as ``redline.errors.ConfigError``: this module sits beside the error tree
    in the layers and cannot import it.
    """


class SettingsFileError(SettingsError):
    """A settings file, or a value ``load_settings`` was given, is invalid."""


def _default_home() -> Path:
    return Path.home() / ".redline"


def _default_secrets() -> Path:
    # The user's config directory (XDG), not the data directory: a copy of the data is no key.
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "redline"


def _about(
    description: str, *, gt: float | None = None, ge: float | None = None, le: float | None = None
) -> dict[str, Any]:
    """A field's metadata: its description (for docs) and the limits its converter checks."""
    limits = {"gt": gt, "ge": ge, "le": le}
    return {"description": description, **{k: v for k, v in limits.items() if v is not None}}


@dataclass(frozen=True, slots=True, init=False)
class Settings:
    """Everything configurable about one Redline process.

    ``Settings()`` reads ``REDLINE_<NAME>`` environment variables (names case-blind, unknown ones
    ignored); keyword arguments win over them. Every value is converted to its field's type and
    checked against its limits here, so a bad value fails at start-up, naming the setting, and is
    never silently coerced. ``dataclasses.replace`` passes every field, so it reads nothing from
    the environment. Fields with ``repr=False`` are secrets: kept out of ``repr`` and of errors.
    """

    home: Path = field(default_factory=_default_home, metadata=_about("Data directory."))
    database_url: str | None = field(
        default=None,
        repr=False,  # may carry a password
        metadata=_about(
            "SQLAlchemy URL of the store; default SQLite (WAL) file in the data directory."
        ),
    )
    max_record_bytes: int = field(
        default=1_048_576,
        metadata=_about("Largest accepted content record (one JSONL line).", gt=0, le=1 << 30),
    )
    pii_threshold: float = field(
        default=0.5, metadata=_about("Lowest score a PII finding is reported at.", ge=0.0, le=1.0)
    )
    detect_budget_seconds: float = field(
        default=5.0,
        metadata=_about(
            "CPU seconds PII detection may spend on one content (all its parts); past them the"
            " content is decided on what was found and sent to review.",
            gt=0.0,
            le=3600.0,
        ),
    )
    detect_max_findings: int = field(
        default=10_000,
        metadata=_about(
            "Findings PII detection may make in one content (all its parts); past them the"
            " content is decided on what was found and sent to review.",
            gt=0,
            le=10_000_000,
        ),
    )
    output_max_findings: int = field(
        default=100,
        metadata=_about(
            "Findings shown per part of a content in API responses and CLI output (per"
            " violation in a decision); the rest are counted, not listed.",
            gt=0,
            le=1_000_000,
        ),
    )
    hash_key: str | None = field(
        default=None,
        repr=False,
        metadata=_about(
            "Secret for keyed hashes of private values (after a rotation, the key ring: keys"
            " oldest first, comma-separated); see docs/security.md."
        ),
    )
    hash_key_file: Path | None = field(
        default=None, metadata=_about("File holding the keyed-hash secret, outside the data dir.")
    )
    hash_key_provider: str | None = field(
        default=None, metadata=_about("KMS hook: `module:function` returning the hash key text.")
    )
    secrets_dir: Path = field(
        default_factory=_default_secrets,
        metadata=_about(
            "Where an embedded (SQLite) install generates its keyed-hash secret when none is"
            " set; never inside the data directory."
        ),
    )
    retention: Literal["none", "redacted", "raw"] = field(
        default="redacted",
        metadata=_about(
            "What the store keeps of a post's text: nothing; the text with every detected"
            " private datum blanked out (enough to replay decisions); or the raw text."
        ),
    )
    sqlite_synchronous: Literal["NORMAL", "FULL"] = field(
        default="FULL",
        metadata=_about(
            "SQLite durability: FULL survives power loss, NORMAL (faster) survives a"
            " process crash only."
        ),
    )
    api_host: str = field(
        default="127.0.0.1", metadata=_about("Address `redline serve` listens on.")
    )
    api_port: int = field(
        default=8000, metadata=_about("Port `redline serve` uses.", ge=0, le=65535)
    )
    api_max_body_bytes: int = field(
        default=1_048_576,
        metadata=_about("Largest accepted HTTP request body.", gt=0, le=1 << 30),
    )
    api_batch_max: int = field(
        default=100,
        metadata=_about("Most items in one `POST /v1/content:batch`.", gt=0, le=10_000),
    )
    api_rate_per_second: float = field(
        default=50.0,
        metadata=_about(
            "Requests per second each API key may make, sustained.", gt=0, le=1_000_000
        ),
    )
    api_rate_burst: int = field(
        default=100,
        metadata=_about("Requests an API key may make at once above the rate.", gt=0, le=1_000_000),
    )
    api_max_in_flight: int = field(
        default=8,
        metadata=_about(
            "Requests the service works on at once; past them, 503 (0: no bound).", ge=0, le=100_000
        ),
    )
    api_queue_wait_seconds: float = field(
        default=0.02,
        metadata=_about(
            "Longest a request waits for a free place before its 503.", ge=0.0, le=60.0
        ),
    )
    api_max_in_flight_per_key: int = field(
        default=0,
        metadata=_about(
            "Requests one API key may have in flight; past them, 429 (0: no cap).", ge=0, le=100_000
        ),
    )
    api_profile: str = field(
        default="strict",
        metadata=_about(
            "Enforcement profile of the HTTP service: strict, contain, or a YAML file."
        ),
    )
    phone_regions: tuple[str, ...] = field(
        default=("US",),
        metadata=_about(
            "Countries (ISO 3166 two-letter codes, comma-separated in the environment) whose"
            " national phone writings are read when a post names no country: the platform's"
            " main markets. A +CC elsewhere in the post, a country or city name near the"
            " number and the post's language are read first."
        ),
    )
    api_policy: Path | None = field(
        default=None,
        metadata=_about("Policy pack YAML for the HTTP service (default: shipped pack)."),
    )
    exchange_key: str | None = field(
        default=None,
        repr=False,
        metadata=_about(
            "Secret shared by the members of a signal exchange, keying excerpt fingerprints"
            " (at least 16 characters; several exchanges: comma-separated); docs/exchange.md."
        ),
    )
    exchange_key_file: Path | None = field(
        default=None,
        metadata=_about("File holding the exchange secret(s), one a line, outside the data dir."),
    )
    exchange_feed_level: Literal["CLEAR", "GREEN", "AMBER", "RED"] = field(
        default="AMBER",
        metadata=_about(
            "Highest sharing level the HTTP exchange feed serves to `exchange` keys (TLP)."
        ),
    )
    exchange_platform: str = field(
        default="redline",
        metadata=_about("This platform's name in the provenance of the signals it exports."),
    )

    def __init__(self, **values: Any) -> None:
        unknown = sorted(values.keys() - _CONVERTERS.keys())
        if unknown:
            raise TypeError(f"Settings() got an unexpected keyword argument {unknown[0]!r}")
        missing = _CONVERTERS.keys() - values.keys()
        from_env = _environment(missing) if missing else {}
        for row in fields(self):
            if row.name in values:
                value = _convert(row, values[row.name], from_env=False)
            elif row.name in from_env:
                value = _convert(row, from_env[row.name], from_env=True)
            elif row.default_factory is not MISSING:
                value = row.default_factory()
            else:
                value = row.default
            object.__setattr__(self, row.name, value)  # frozen: the one place values are set


def _environment(names: Iterable[str]) -> dict[str, str]:
    """``REDLINE_*`` variables naming a setting, by field name (variable names are case-blind)."""
    known = set(names)
    found = {}
    for variable, value in os.environ.items():
        name = variable[len(ENV_PREFIX) :].lower()
        if variable[: len(ENV_PREFIX)].upper() == ENV_PREFIX and name in known:
            found[name] = value
    return found


class _Refused(Exception):
    """A converter's complaint (``must be ...``); ``_convert`` adds the setting's name."""


# A converter takes a value and whether it is environment text, which is the only place a number
# may arrive as a string; a file or an argument must give a number as a number.
Converter = Callable[[object, bool], object]


def _integer(value: object, text: bool) -> int:
    if text and isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            raise _Refused("must be an integer") from None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _Refused("must be an integer")


def _number(value: object, text: bool) -> float:
    if text and isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise _Refused("must be a number") from None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _Refused("must be a number")
    if not math.isfinite(value):
        raise _Refused("must be a finite number")
    return float(value)


def _string(value: object, text: bool) -> str:
    if isinstance(value, str):
        return value
    raise _Refused("must be a string")


def _path(value: object, text: bool) -> Path:
    # TOML has no path type and callers often hold a str: a path is given as either.
    if isinstance(value, str | Path):
        return Path(value)
    raise _Refused("must be a path")


def _regions(value: object, text: bool) -> tuple[str, ...]:
    # the environment gives "US,GB"; a file or an argument a list of strings
    items = value.split(",") if text and isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise _Refused("must be a list of two-letter country codes")
    codes = tuple(i.strip().upper() for i in items if i.strip())
    if not all(len(c) == 2 and c.isascii() and c.isalpha() for c in codes):
        raise _Refused("must be two-letter country codes (ISO 3166), such as US or GB")
    return codes


_BY_TYPE: dict[object, Converter] = {
    int: _integer,
    float: _number,
    str: _string,
    Path: _path,
    tuple[str, ...]: _regions,
}


def _converter(hint: object) -> Converter:
    """The converter for a field's type: a base type, ``Literal`` choices, or ``X | None``."""
    if get_origin(hint) is Literal:
        choices = get_args(hint)

        def choice(value: object, text: bool) -> object:
            if isinstance(value, str) and value in choices:
                return value
            raise _Refused(f"must be one of {', '.join(map(repr, choices))}")

        return choice
    if isinstance(hint, UnionType) and NoneType in get_args(hint):
        (inner,) = (arg for arg in get_args(hint) if arg is not NoneType)
        base = _converter(inner)
        return lambda value, text: None if value is None else base(value, text)
    return _BY_TYPE[hint]


def _check_limits(row: Field[Any], value: Any) -> None:
    """Refuse a number outside the field's ``gt``/``ge``/``le`` limits (fields without pass)."""
    gt, ge, le = (row.metadata.get(k) for k in ("gt", "ge", "le"))
    if ge is not None and le is not None and not ge <= value <= le:
        raise _Refused(f"must be within [{_shown(ge)}, {_shown(le)}]")
    if ge is not None and not value >= ge:
        raise _Refused(f"must be at least {_shown(ge)}")
    if le is not None and not value <= le:
        raise _Refused(f"must be at most {_shown(le)}")
    if gt is not None and not value > gt:
        raise _Refused(f"must be greater than {_shown(gt)}")


def _shown(limit: float) -> str:
    """A limit as people write it: ``1073741824``, not ``1.07374e+09``; ``0.5`` as it is."""
    return str(int(limit)) if float(limit).is_integer() else f"{limit:g}"


def _convert(row: Field[Any], value: object, *, from_env: bool) -> object:
    """``value`` as the field's type, within its limits, else a ``SettingsError`` naming both."""

    def refused(problem: _Refused, got: object) -> SettingsError:
        # A secret's value never reaches a message (or a log holding it); only its type does.
        shown = repr(got) if row.repr else f"a value of type {type(value).__name__}"
        return SettingsError(f"setting {row.name}: {problem}, got {shown}")

    try:
        converted = _CONVERTERS[row.name](value, from_env)
    except _Refused as problem:
        raise refused(problem, value) from None
    try:
        _check_limits(row, converted)
    except _Refused as problem:
        raise refused(problem, converted) from None
    return converted


_CONVERTERS: dict[str, Converter] = {
    name: _converter(hint) for name, hint in get_type_hints(Settings).items()
}


def describe() -> dict[str, str]:
    """Each setting's name and description, in declaration order (for docs and their tests)."""
    return {row.name: row.metadata["description"] for row in fields(Settings)}


def read_settings_file(path: Path) -> dict[str, Any]:
    """Settings from a TOML file (names in lower case, as fields), checked against known names."""
    import tomllib  # here, not at the top: only a named config file needs it, not every start-up

    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SettingsFileError(f"cannot read {path}: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsFileError(f"{path}: not TOML ({error})") from None
    unknown = sorted(set(values) - _CONVERTERS.keys())
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
    except SettingsError as error:
        raise SettingsFileError(str(error)) from None
