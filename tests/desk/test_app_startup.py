"""lok_desk.app start-up helpers: the guard against PySide6 dropping references to None."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

LEAK = textwrap.dedent("""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel
    from lok_desk.app import make_none_immortal

    calls = sys.getrefcount(None) + 10_000   # more empty QVariants than None has references
    if sys.argv[1] == "guarded":
        make_none_immortal()
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    for _ in range(calls):
        index.data(Qt.ItemDataRole.UserRole + 7)
    print("alive")
""")


def run_leak(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LEAK, mode], capture_output=True, text=True, timeout=120)


def pyside_drops_none() -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel

    model = QStandardItemModel(1, 1)   # kept: an index outliving its model is a dangling pointer
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(100):
        index.data(Qt.ItemDataRole.UserRole + 7)
    return sys.getrefcount(None) < before


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_guard_keeps_the_app_alive_through_pysides_none_leak() -> None:
    if not pyside_drops_none():
        pytest.skip("this PySide6 build no longer drops references to None")
    unguarded = run_leak("plain")
    assert unguarded.returncode != 0 and "none_dealloc" in unguarded.stderr   # the bug, as it bites
    guarded = run_leak("guarded")
    assert guarded.returncode == 0, guarded.stderr[-2000:]
    assert guarded.stdout.strip() == "alive"
