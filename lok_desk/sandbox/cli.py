"""`lok-desk-sandbox`: runs the Lok sandbox headless on loopback."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("lok-desk-sandbox: not built yet (see the Lok sandbox issue).", file=sys.stderr)
    return 2
