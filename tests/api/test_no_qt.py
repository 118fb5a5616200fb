"""Importing the API client must not pull in Qt (docs/decisions.md, Layers and house rules)."""

from __future__ import annotations

import subprocess
import sys


def test_lok_desk_api_imports_no_qt() -> None:
    probe = (
        "import sys, lok_desk.api, lok_desk.api.client, lok_desk.api.webhook, lok_desk.api.check; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'PyQt6', 'PyQt5', 'qasync'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
