"""`lok-desk`: the desktop app's entry point (command-line flags, QApplication, qasync loop)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("lok-desk: the desktop window is not built yet (see the main-window issue).", file=sys.stderr)
    return 2
