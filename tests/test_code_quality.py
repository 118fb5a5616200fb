"""The house rules that tools can check: ruff over the tree, mypy --strict over the whole package."""

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


def test_the_whole_package_passes_mypy_strict() -> None:
    # pyproject.toml makes strict the default; --strict here keeps the rule if that line is ever lost.
    # The desk (Qt) included: typed helpers (i18n.QT_TRANSLATE_NOOP, asyncqt.async_slot) and the panes'
    # protocols (desk/window/panes.py) keep it free of ignores.
    result = _run("mypy", "--strict", "--no-incremental", "lok_desk")
    assert result.returncode == 0, result.stdout + result.stderr
