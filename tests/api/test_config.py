"""Service settings: ``REDLINE_*`` variables over an optional TOML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.settings import SettingsFileError, load_settings


def test_file_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("REDLINE_API_PORT", "REDLINE_API_PROFILE", "REDLINE_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    config = tmp_path / "redline.toml"
    config.write_text('api_port = 9001\napi_profile = "contain"\n', encoding="utf-8")
    assert load_settings(config).api_port == 9001
    monkeypatch.setenv("REDLINE_API_PORT", "9002")
    chosen = load_settings(config)
    assert (chosen.api_port, chosen.api_profile) == (9002, "contain")
    monkeypatch.setenv("REDLINE_CONFIG", str(config))
    assert load_settings().api_profile == "contain"


@pytest.mark.parametrize(
    ("text", "named"),
    [("api_prot = 1\n", "api_prot"), ("api_port = 'x'\n", "api_port"), ("= broken", "TOML")],
)
def test_bad_files_name_the_problem(tmp_path: Path, text: str, named: str) -> None:
    config = tmp_path / "redline.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsFileError, match=named):
        load_settings(config)
    with pytest.raises(SettingsFileError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")
