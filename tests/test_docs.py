"""The docs that are generated must match the code they describe."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

from redline.cli.reference import reference
from redline.settings import describe

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m redline.cli.reference > docs/cli.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in describe():
        assert f"REDLINE_{name.upper()}" in readme, f"REDLINE_{name.upper()} missing from README"


def _quick_start_commands() -> list[str]:
    """The shell commands in the README's quick start, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```sh\n")[1:]
    return [block.split("\n```", 1)[0].strip() for block in blocks]


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2, "the quick start is two commands: main job, test suite"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == commands[1]
    assert "set -euo pipefail" in ci


def test_the_quick_starts_main_job_runs_on_a_fresh_home(tmp_path: Path) -> None:
    # The install half is what CI's own install already did; run the job half as written.
    job = _quick_start_commands()[0].split("&&", 1)[1].strip()
    env = {**os.environ, "REDLINE_HOME": str(tmp_path / "home")}
    env.pop("REDLINE_DATABASE_URL", None)
    done = subprocess.run(
        shlex.split(job), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == len((ROOT / "examples" / "posts.jsonl").read_text().splitlines())
    assert any(line["violations"] for line in lines)
    assert (tmp_path / "home" / "redline.sqlite3").exists()
