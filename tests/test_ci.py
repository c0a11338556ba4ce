"""`.ci/run` installs the system packages the tests need and fails the build when it cannot.

The script runs for real, on a copy of itself with its own package list, with ``apt-get`` and
``python`` replaced by stand-ins on ``PATH`` (the stand-in python records that the test suite
would have started).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_ci(
    tmp_path: Path, packages: str, apt_status: int
) -> tuple[subprocess.CompletedProcess[str], bool]:
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    (tmp_path / ".ci" / "system-packages").write_text(packages)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    started = tmp_path / "suite-started"
    for name, body in (("apt-get", f"exit {apt_status}"), ("python", f"touch {started}")):
        stand_in = bin_dir / name
        stand_in.write_text(f"#!/bin/sh\n{body}\n")
        stand_in.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    done = subprocess.run(
        ["bash", str(tmp_path / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=60
    )
    return done, started.exists()


def test_a_package_that_cannot_be_installed_fails_the_build(tmp_path: Path) -> None:
    packages = "# comment\nredline-test-no-such-package redline-test-no-such-program\n"
    done, started = _run_ci(tmp_path, packages, apt_status=100)
    assert done.returncode != 0
    assert "could not install redline-test-no-such-package" in done.stderr
    assert not started


def test_an_install_that_leaves_the_program_missing_fails_the_build(tmp_path: Path) -> None:
    done, started = _run_ci(tmp_path, "some-package redline-test-no-such-program\n", apt_status=0)
    assert done.returncode != 0
    assert "redline-test-no-such-program is still missing" in done.stderr
    assert not started


def test_with_every_package_present_the_suite_runs(tmp_path: Path) -> None:
    done, started = _run_ci(tmp_path, "bash bash\n", apt_status=100)
    assert done.returncode == 0, done.stderr
    assert started


def test_the_list_names_what_the_tests_use() -> None:
    listed = (ROOT / ".ci" / "system-packages").read_text().split("\n")
    pairs = {
        tuple(line.split()[:2]) for line in listed if line.strip() and not line.startswith("#")
    }
    assert {("chromium", "chromium"), ("tesseract-ocr", "tesseract")} <= pairs
