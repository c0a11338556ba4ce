"""The docs that are generated must match the code they describe."""

from __future__ import annotations

from pathlib import Path

from redline.cli.reference import reference
from redline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m redline.cli.reference > docs/cli.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"REDLINE_{name.upper()}" in readme, f"REDLINE_{name.upper()} missing from README"
