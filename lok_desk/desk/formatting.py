"""How the desk writes dates, money and reservation statuses for people (pure Python, no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DASH = "—"


def zone(tz_name: str | None) -> ZoneInfo:
    """The IANA zone, or UTC when the server sends a name this machine does not know."""
    try:
        return ZoneInfo(tz_name) if tz_name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _aware(dt: datetime) -> datetime:
    # The API's dates are UTC; a naive one is read as UTC rather than as this machine's local time.
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def format_local(dt: datetime | None, tz_name: str | None) -> str:
    """`28 Nov 2026 14:05` in the location's own time zone (the clock staff at that locker see)."""
    if dt is None:
        return DASH
    return _aware(dt).astimezone(zone(tz_name)).strftime("%d %b %Y %H:%M")


def format_utc_tooltip(dt: datetime | None) -> str:
    """`2026-11-28 20:05:12 UTC`, for tooltips beside a local time."""
    if dt is None:
        return ""
    return _aware(dt).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def format_clock(dt: datetime) -> str:
    """`14:05` — a wall-clock time."""
    return dt.strftime("%H:%M")


def format_mxn(value: float | int | None) -> str:
    """`$1,234.50 MXN` (the API's money is always Mexican pesos)."""
    if value is None:
        return DASH
    return f"${value:,.2f} MXN"


class StatusStyle(NamedTuple):
    """How one reservation status looks: a label, colours (Okabe–Ito) and a symbol, so colour is
    never the only cue for a colour-blind reader."""

    label: str
    background: str
    foreground: str
    symbol: str


# Okabe–Ito: #E69F00 orange, #56B4E9 sky blue, #009E73 bluish green, #F0E442 yellow, #0072B2 blue,
# #D55E00 vermillion, #CC79A7 reddish purple. Each status also has its own symbol and words.
STATUS_STYLE: dict[str, StatusStyle] = {
    "pending": StatusStyle("Pending", "#F0E442", "#000000", "◌"),
    "reserved": StatusStyle("Reserved", "#56B4E9", "#000000", "○"),
    "delivered": StatusStyle("In locker", "#009E73", "#FFFFFF", "■"),
    "reopened": StatusStyle("Reopened", "#E69F00", "#000000", "↻"),
    "reopened2": StatusStyle("Reopened twice", "#CC79A7", "#000000", "↻↻"),
    "picked_up": StatusStyle("Picked up", "#0072B2", "#FFFFFF", "✓"),
    "cancelled": StatusStyle("Cancelled", "#9E9E9E", "#000000", "✕"),
    "overdue": StatusStyle("Overdue", "#D55E00", "#FFFFFF", "!"),
}

UNKNOWN_STATUS = StatusStyle("Unknown", "#FFFFFF", "#000000", "?")


def format_status(status: str | None) -> str:
    """A human label for an `event_history` status; unknown values are shown, not hidden."""
    if not status:
        return UNKNOWN_STATUS.label
    style = STATUS_STYLE.get(str(status))
    if style is not None:
        return style.label
    return str(status).replace("_", " ").capitalize()


def status_style(status: str | None) -> StatusStyle:
    """The style for a status, with the unknown style (and the raw value as label) as fallback."""
    style = STATUS_STYLE.get(str(status)) if status else None
    return style or UNKNOWN_STATUS._replace(label=format_status(status))
