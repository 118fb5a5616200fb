"""The house rules that tools can check: ruff over the tree, mypy --strict over the Qt-free packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.prefix) / "bin" / "ruff").exists(),
                    reason="ruff is in the test extra")
def test_ruff_is_clean() -> None:
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_api_and_sandbox_pass_mypy_strict() -> None:
    # Strictness is configured per package in pyproject.toml; --strict here guards the api explicitly.
    result = _run("mypy", "--no-incremental", "lok_desk/api", "lok_desk/sandbox")
    assert result.returncode == 0, result.stdout + result.stderr
    result = _run("mypy", "--strict", "--no-incremental", "lok_desk/api")
    assert result.returncode == 0, result.stdout + result.stderr
