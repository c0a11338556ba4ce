"""Settings: ``REDLINE_*`` variables under explicit arguments, every value converted and checked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from redline.settings import (
    Settings,
    SettingsError,
    SettingsFileError,
    describe,
    load_settings,
)


@pytest.fixture(autouse=True)
def _no_redline_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test sees only the ``REDLINE_*`` variables it sets (CI may set some)."""
    import os

    for variable in list(os.environ):
        if variable.upper().startswith("REDLINE_"):
            monkeypatch.delenv(variable)


def test_environment_variables_set_fields(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path))
    monkeypatch.setenv("REDLINE_PII_THRESHOLD", "0.7")
    monkeypatch.setenv("redline_api_port", "9001")  # names are case-blind
    monkeypatch.setenv("REDLINE_API_POLICY", "pack.yaml")
    monkeypatch.setenv("REDLINE_RETENTION", "raw")
    monkeypatch.setenv("REDLINE_DATABASE_URL", "sqlite:///x")
    settings = Settings()
    assert settings.home == tmp_path
    assert settings.pii_threshold == 0.7
    assert settings.api_port == 9001
    assert settings.api_policy == Path("pack.yaml")
    assert settings.retention == "raw"
    assert settings.database_url == "sqlite:///x"


def test_defaults() -> None:
    settings = Settings()
    assert settings.home == Path.home() / ".redline"
    assert (settings.database_url, settings.hash_key, settings.api_policy) == (None, None, None)
    assert (settings.retention, settings.sqlite_synchronous) == ("redacted", "FULL")
    assert (settings.api_port, settings.pii_threshold, settings.max_record_bytes) == (
        8000,
        0.5,
        1_048_576,
    )


def test_arguments_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REDLINE_HOME", "/nowhere")
    monkeypatch.setenv("REDLINE_API_PORT", "9001")
    chosen = Settings(home=tmp_path, api_port=8001)
    assert (chosen.home, chosen.api_port) == (tmp_path, 8001)
    assert Settings(home=str(tmp_path)).home == tmp_path  # a path may be given as a str


def test_replace_copies_fields_without_reading_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    original = Settings(home=tmp_path)
    monkeypatch.setenv("REDLINE_HOME", "/nowhere")
    monkeypatch.setenv("REDLINE_API_PORT", "9001")
    copy = dataclasses.replace(original, api_port=1234)
    assert (copy.home, copy.api_port) == (tmp_path, 1234)
    with pytest.raises(SettingsError, match="api_port"):
        dataclasses.replace(original, api_port=-1)  # replace checks what it changes


def test_settings_are_frozen_and_secrets_stay_out_of_repr() -> None:
    settings = Settings(hash_key="s3cret", database_url="postgresql://u:pw@db/x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.api_port = 1  # type: ignore[misc]
    assert "s3cret" not in repr(settings) and "pw@" not in repr(settings)


def test_unknown_redline_variables_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_NOT_A_SETTING", "x")
    monkeypatch.setenv("REDLINE_TEST_PG_URL", "postgresql://elsewhere")
    assert not hasattr(Settings(), "not_a_setting")


def test_an_unknown_argument_is_refused() -> None:
    with pytest.raises(TypeError, match="not_a_setting"):
        Settings(not_a_setting=1)


def test_a_bad_value_from_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_PII_THRESHOLD", "1.5")
    with pytest.raises(SettingsError, match=r"pii_threshold: must be within \[0, 1\], got 1.5"):
        Settings()


@pytest.mark.parametrize(
    ("variable", "text", "message"),
    [
        ("API_PORT", "x", "api_port: must be an integer, got 'x'"),
        ("API_PORT", "80.5", "api_port: must be an integer"),
        ("API_PORT", "65536", r"api_port: must be within \[0, 65535\], got 65536"),
        ("API_PORT", "-1", r"api_port: must be within \[0, 65535\], got -1"),
        ("MAX_RECORD_BYTES", "0", "max_record_bytes: must be greater than 0, got 0"),
        ("API_BATCH_MAX", "-3", "api_batch_max: must be greater than 0"),
        ("API_RATE_BURST", "0", "api_rate_burst: must be greater than 0"),
        ("API_BATCH_MAX", "99999999999999999999", "api_batch_max: must be at most 10000, got"),
        ("MAX_RECORD_BYTES", "1073741825", "max_record_bytes: must be at most 1073741824"),
        ("API_MAX_BODY_BYTES", str(2**63), "api_max_body_bytes: must be at most 1073741824"),
        ("API_RATE_BURST", "1e30", "api_rate_burst: must be an integer"),
        ("API_RATE_BURST", str(10**20), "api_rate_burst: must be at most 1000000"),
        ("API_RATE_PER_SECOND", "1e30", "api_rate_per_second: must be at most 1000000"),
        ("DETECT_MAX_FINDINGS", str(10**8), "detect_max_findings: must be at most 10000000"),
        ("DETECT_BUDGET_SECONDS", "0", "detect_budget_seconds: must be greater than 0"),
        ("DETECT_BUDGET_SECONDS", "3601", "detect_budget_seconds: must be at most 3600"),
        ("OUTPUT_MAX_FINDINGS", "0", "output_max_findings: must be greater than 0"),
        ("API_MAX_BODY_BYTES", "0", "api_max_body_bytes: must be greater than 0"),
        ("API_RATE_PER_SECOND", "0", "api_rate_per_second: must be greater than 0, got 0.0"),
        ("API_RATE_PER_SECOND", "fast", "api_rate_per_second: must be a number, got 'fast'"),
        ("API_RATE_PER_SECOND", "inf", "api_rate_per_second: must be a finite number"),
        ("PII_THRESHOLD", "nan", "pii_threshold: must be a finite number"),
        ("PII_THRESHOLD", "-0.1", r"pii_threshold: must be within \[0, 1\]"),
        ("RETENTION", "all", "retention: must be one of 'none', 'redacted', 'raw', got 'all'"),
        ("SQLITE_SYNCHRONOUS", "normal", "sqlite_synchronous: must be one of 'NORMAL', 'FULL'"),
    ],
)
def test_each_kind_of_bad_environment_value_is_named(
    monkeypatch: pytest.MonkeyPatch, variable: str, text: str, message: str
) -> None:
    monkeypatch.setenv(f"REDLINE_{variable}", text)
    with pytest.raises(SettingsError, match=f"^setting {message}"):
        Settings()


def test_limits_are_inclusive_where_they_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_PII_THRESHOLD", "1")
    monkeypatch.setenv("REDLINE_API_PORT", "0")
    settings = Settings()
    assert (settings.pii_threshold, settings.api_port) == (1.0, 0)
    assert Settings(pii_threshold=0, api_port=65535).pii_threshold == 0.0  # int for a float


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"api_port": "9001"}, "api_port: must be an integer"),  # only the environment is text
        ({"api_port": True}, "api_port: must be an integer"),
        ({"pii_threshold": "0.5"}, "pii_threshold: must be a number"),
        ({"home": 3}, "home: must be a path"),
        ({"api_host": 127}, "api_host: must be a string"),
        ({"retention": None}, "retention: must be one of"),
    ],
)
def test_arguments_of_the_wrong_type_are_refused(values: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=f"^setting {message}"):
        Settings(**values)


def test_a_secret_never_appears_in_an_error() -> None:
    with pytest.raises(SettingsError, match="hash_key: must be a string") as error:
        Settings(hash_key=123456789)
    assert "123456789" not in str(error.value)


def test_every_setting_is_described() -> None:
    described = describe()
    assert list(described) == [row.name for row in dataclasses.fields(Settings)]
    assert all(text.strip() for text in described.values())


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "redline.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_file_values_are_converted(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        'home = "/srv/redline"\napi_policy = "pack.yaml"\npii_threshold = 1\n'
        'api_port = 9001\nretention = "none"\nhash_key = "k"\n',
    )
    settings = load_settings(config)
    assert settings.home == Path("/srv/redline") and settings.api_policy == Path("pack.yaml")
    assert (settings.pii_threshold, settings.api_port) == (1.0, 9001)
    assert (settings.retention, settings.hash_key) == ("none", "k")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('api_port = "9001"\n', "api_port: must be an integer"),  # a number must be a number
        ("api_port = 70000\n", r"api_port: must be within \[0, 65535\]"),
        ("pii_threshold = 2.0\n", r"pii_threshold: must be within \[0, 1\]"),
        ("api_batch_max = 0\n", "api_batch_max: must be greater than 0"),
        ('retention = "everything"\n', "retention: must be one of"),
        ("home = 1\n", "home: must be a path"),
        ("api_profile = true\n", "api_profile: must be a string"),
    ],
)
def test_bad_file_values_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SettingsFileError, match=f"setting {message}"):
        load_settings(_config(tmp_path, text))


def test_a_bad_environment_value_under_a_file_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDLINE_API_PORT", "port")
    with pytest.raises(SettingsFileError, match="api_port: must be an integer"):
        load_settings(_config(tmp_path, "api_port = 9001\n"))


def test_phone_regions_from_the_environment_a_file_or_an_argument(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().phone_regions == ("US",)
    monkeypatch.setenv("REDLINE_PHONE_REGIONS", "gb, DE")
    assert Settings().phone_regions == ("GB", "DE")
    assert Settings(phone_regions=["fr"]).phone_regions == ("FR",)
    with pytest.raises(SettingsError, match="phone_regions: must be two-letter country codes"):
        Settings(phone_regions=["France"])
    with pytest.raises(SettingsError, match="phone_regions: must be a list"):
        Settings(phone_regions="FR")
