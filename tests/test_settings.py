"""Settings read from ``REDLINE_*`` variables, under explicit arguments, checked by pydantic."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from redline.settings import Settings


def test_environment_variables_set_fields(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path))
    monkeypatch.setenv("REDLINE_PII_THRESHOLD", "0.7")
    monkeypatch.setenv("redline_api_port", "9001")  # names are case-blind
    settings = Settings()
    assert settings.home == tmp_path
    assert settings.pii_threshold == 0.7
    assert settings.api_port == 9001


def test_arguments_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REDLINE_HOME", "/nowhere")
    assert Settings(home=tmp_path).home == tmp_path


def test_unknown_redline_variables_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_NOT_A_SETTING", "x")
    monkeypatch.setenv("REDLINE_TEST_PG_URL", "postgresql://elsewhere")
    assert not hasattr(Settings(), "not_a_setting")


def test_a_bad_value_from_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_PII_THRESHOLD", "1.5")
    with pytest.raises(ValidationError, match="pii_threshold"):
        Settings()
