"""The sandbox clock: real time plus a persisted offset, and the date formats the sandbox speaks."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

MS_PER_HOUR = 3_600_000
MS_PER_DAY = 24 * MS_PER_HOUR

# The sandbox clock stays within 1970-01-01 .. 9000-01-01: every date it derives from "now" (deadlines
# days ahead, token and grant expiry) can then still be written as ISO 8601 on every platform.
CLOCK_MIN_MS = 0
CLOCK_MAX_MS = 221_845_392_000_000

_EPOCH_MS = re.compile(r"^-?\d{1,15}$")


class SandboxClock:
    """Sandbox time = wall-clock time + `offset_ms`; advancing it simulates the passage of days."""

    def __init__(self, offset_ms: int = 0) -> None:
        self.offset_ms = offset_ms

    def now_ms(self) -> int:
        return int(time.time() * 1000) + self.offset_ms

    def now_iso(self) -> str:
        return iso(self.now_ms())


def iso(ms: int) -> str:
    """Epoch milliseconds → ISO 8601 UTC with milliseconds and `Z` (sorts lexicographically)."""
    dt = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def parse_instant(value: str) -> int | None:
    """ISO 8601 (a naive one is taken as UTC) or epoch milliseconds → epoch ms; None when unreadable."""
    text = value.strip()
    if not text:
        return None
    if _EPOCH_MS.match(text):
        return int(text)
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return int(dt.timestamp() * 1000)
    except (OverflowError, ValueError, OSError):
        return None


def in_range(ms: int) -> bool:
    """Instants the sandbox can format: years 1970..9999."""
    return 0 <= ms < 253_402_300_799_000
