"""Importing the desk core must not pull in Qt (docs/decisions.md, Layers and house rules)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import lok_desk.core


def test_lok_desk_core_imports_no_qt() -> None:
    names = sorted(f"lok_desk.core.{info.name}" for info in pkgutil.iter_modules(lok_desk.core.__path__))
    assert "lok_desk.core.service" in names
    probe = (
        "import sys, importlib\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'PyQt6', 'PyQt5', 'qasync'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
