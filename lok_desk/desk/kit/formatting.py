"""How the desk writes dates, money and reservation statuses for people, in the desk's language.

Month and day names, digit grouping and the decimal mark come from the default QLocale (set by
`lok_desk.desk.kit.i18n.install_language`); the names are read once per locale and kept, because the
reservations table formats thousands of dates while it loads.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale

from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP, translate

DASH = "—"


class _LocaleWords(NamedTuple):
    name: str
    months: tuple[str, ...]     # 12 short month names, "nov" / "Nov"
    days: tuple[str, ...]       # 7 short day names from Monday
    long_days: tuple[str, ...]  # 7 full day names from Monday


_words: _LocaleWords | None = None


def _locale_words() -> _LocaleWords:
    global _words
    locale = QLocale()
    # QLocale() is cheap; comparing its name catches a QLocale.setDefault made since the last call.
    if _words is None or _words.name != locale.bcp47Name():
        short = QLocale.FormatType.ShortFormat
        _words = _LocaleWords(
            locale.bcp47Name(),
            # Spanish abbreviations sometimes end in a dot ("sept."); a date reads better without it.
            tuple(locale.monthName(m, short).rstrip(".") for m in range(1, 13)),
            tuple(locale.dayName(d, short).rstrip(".") for d in range(1, 8)),
            tuple(locale.dayName(d, QLocale.FormatType.LongFormat) for d in range(1, 8)),
        )
    return _words


def zone(tz_name: str | None) -> ZoneInfo:
    """The IANA zone, or UTC when the server sends a name this machine does not know."""
    try:
        return ZoneInfo(tz_name) if tz_name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _aware(dt: datetime) -> datetime:
    # The API's dates are UTC; a naive one is read as UTC rather than as this machine's local time.
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _local(dt: datetime, tz_name: str | None) -> datetime:
    return _aware(dt).astimezone(zone(tz_name))


def format_local(dt: datetime | None, tz_name: str | None) -> str:
    """`28 Nov 2026 14:05` (`28 nov 2026 14:05` in Spanish) in the location's own time zone (the
    clock staff at that locker see)."""
    if dt is None:
        return DASH
    local = _local(dt, tz_name)
    month = _locale_words().months[local.month - 1]
    return f"{local.day} {month} {local.year} {local.hour:02d}:{local.minute:02d}"


def zone_known(tz_name: str | None) -> bool:
    """The location's own zone is known here (not the UTC that stands in for a missing one)."""
    return bool(tz_name) and zone(tz_name).key == tz_name


def format_local_marked(dt: datetime | None, tz_name: str | None) -> str:
    """format_local for a column that mixes locations: a time shown in UTC because the locker's zone is
    unknown (a public-network locker the desk cannot read) says "UTC", so it is not read as local."""
    text = format_local(dt, tz_name)
    return text if dt is None or zone_known(tz_name) else f"{text} UTC"


def format_short_stamp(dt: datetime | None) -> str:
    """`28 Nov 14:05:12` in this computer's time zone (logs of what just happened)."""
    if dt is None:
        return DASH
    local = _aware(dt).astimezone()
    month = _locale_words().months[local.month - 1]
    return f"{local.day} {month} {local.hour:02d}:{local.minute:02d}:{local.second:02d}"


def format_long_stamp(dt: datetime | None) -> str:
    """`28 Nov 2026 14:05:12` in this computer's time zone."""
    if dt is None:
        return DASH
    local = _aware(dt).astimezone()
    month = _locale_words().months[local.month - 1]
    return f"{local.day} {month} {local.year} {local.hour:02d}:{local.minute:02d}:{local.second:02d}"


def format_weekday_time(dt: datetime) -> str:
    """`Sat 14:05` / `sáb 14:05`: a locker's local clock in a table cell."""
    return f"{_locale_words().days[dt.weekday()]} {dt.hour:02d}:{dt.minute:02d}"


def format_long_date(dt: datetime) -> str:
    """`Saturday 28 Nov 2026, 14:05` / `sábado 28 nov 2026, 14:05`."""
    words = _locale_words()
    return (f"{words.long_days[dt.weekday()]} {dt.day} {words.months[dt.month - 1]} {dt.year}, "
            f"{dt.hour:02d}:{dt.minute:02d}")


def format_day(day: date, *, weekday: bool = False) -> str:
    """`28 Nov` or `Sat 28 Nov` (`sáb 28 nov`): a day on a chart axis."""
    words = _locale_words()
    text = f"{day.day} {words.months[day.month - 1]}"
    return f"{words.days[day.weekday()]} {text}" if weekday else text


def format_utc_tooltip(dt: datetime | None) -> str:
    """`2026-11-28 20:05:12 UTC`, for tooltips beside a local time (ISO order reads the same in
    every language)."""
    if dt is None:
        return ""
    return _aware(dt).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def format_number(value: float | int, decimals: int = 0) -> str:
    """`1,234` / `1,234.5` grouped and pointed the way the desk's locale writes numbers."""
    if isinstance(value, int) and decimals == 0:
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def format_mxn(value: float | int | None) -> str:
    """`$1,234.50 MXN` (the API's money is always Mexican pesos; the code says so in any language)."""
    if value is None:
        return DASH
    return f"${format_number(float(value), 2)} MXN"


class StatusStyle(NamedTuple):
    """How one reservation status looks: a label, colours (Okabe–Ito) and a symbol, so colour is
    never the only cue for a colour-blind reader. `label` is the English source text; show it through
    `format_status`, which translates it."""

    label: str
    background: str
    foreground: str
    symbol: str


# Themes the status colours come in (lok_desk.desk.kit.theme picks one from the window's palette).
LIGHT = "light"
DARK = "dark"
HIGH_CONTRAST = "high_contrast"

# Okabe–Ito: #E69F00 orange, #56B4E9 sky blue, #009E73 bluish green, #F0E442 yellow, #0072B2 blue,
# #D55E00 vermillion, #CC79A7 reddish purple. Each status also has its own symbol and words. Text
# colours are chosen for WCAG AA (4.5:1) on their chip; tests/desk/test_theme.py measures them.
STATUS_STYLE: dict[str, StatusStyle] = {
    "pending": StatusStyle(QT_TRANSLATE_NOOP("status", "Pending"), "#F0E442", "#000000", "◌"),
    "reserved": StatusStyle(QT_TRANSLATE_NOOP("status", "Reserved"), "#56B4E9", "#000000", "○"),
    "delivered": StatusStyle(QT_TRANSLATE_NOOP("status", "In locker"), "#009E73", "#000000", "■"),
    "reopened": StatusStyle(QT_TRANSLATE_NOOP("status", "Reopened"), "#E69F00", "#000000", "↻"),
    "reopened2": StatusStyle(QT_TRANSLATE_NOOP("status", "Reopened twice"), "#CC79A7", "#000000", "↻↻"),
    "picked_up": StatusStyle(QT_TRANSLATE_NOOP("status", "Picked up"), "#0072B2", "#FFFFFF", "✓"),
    "cancelled": StatusStyle(QT_TRANSLATE_NOOP("status", "Cancelled"), "#9E9E9E", "#000000", "✕"),
    "overdue": StatusStyle(QT_TRANSLATE_NOOP("status", "Overdue"), "#D55E00", "#000000", "!"),
}

# Dark windows: deep tints of the same hues with light text, so a table of chips does not glare.
_DARK_COLOURS = {
    "pending": ("#4A4500", "#FFF27A"),
    "reserved": ("#0E4A5C", "#9FE6FF"),
    "delivered": ("#00402F", "#7FE8C4"),
    "reopened": ("#4D3500", "#FFCC66"),
    "reopened2": ("#4A2640", "#F2B8DA"),
    "picked_up": ("#1F3A66", "#C6DAFF"),
    "cancelled": ("#3A3A3A", "#D8D8D8"),
    "overdue": ("#5A2000", "#FFB38A"),
}
# High contrast: bright words on black inside an outline of the same colour (painted by the chip).
_HIGH_CONTRAST_COLOURS = {
    "pending": ("#000000", "#FFFF00"),
    "reserved": ("#000000", "#00FFFF"),
    "delivered": ("#000000", "#00FF80"),
    "reopened": ("#000000", "#FFB000"),
    "reopened2": ("#000000", "#FF9CFF"),
    "picked_up": ("#000000", "#FFFFFF"),
    "cancelled": ("#000000", "#C8C8C8"),
    "overdue": ("#000000", "#FF7070"),
}

STATUS_STYLES: dict[str, dict[str, StatusStyle]] = {
    LIGHT: STATUS_STYLE,
    DARK: {key: style._replace(background=_DARK_COLOURS[key][0], foreground=_DARK_COLOURS[key][1])
           for key, style in STATUS_STYLE.items()},
    HIGH_CONTRAST: {key: style._replace(background=_HIGH_CONTRAST_COLOURS[key][0],
                                        foreground=_HIGH_CONTRAST_COLOURS[key][1])
                    for key, style in STATUS_STYLE.items()},
}

UNKNOWN_STATUS = StatusStyle(QT_TRANSLATE_NOOP("status", "Unknown"), "#FFFFFF", "#000000", "?")
_UNKNOWN_BY_THEME = {LIGHT: UNKNOWN_STATUS, DARK: UNKNOWN_STATUS._replace(background="#2E2E2E",
                                                                           foreground="#FFFFFF"),
                     HIGH_CONTRAST: UNKNOWN_STATUS._replace(background="#000000", foreground="#FFFFFF")}


def format_status(status: str | None) -> str:
    """A human label for an `event_history` status; unknown values are shown, not hidden."""
    if not status:
        return translate("status", UNKNOWN_STATUS.label)
    style = STATUS_STYLE.get(str(status))
    if style is not None:
        return translate("status", style.label)
    return str(status).replace("_", " ").capitalize()


def status_style(status: str | None, theme: str = LIGHT) -> StatusStyle:
    """The style for a status in a theme (label translated), with the unknown style (and the raw
    value as label) as fallback."""
    styles = STATUS_STYLES.get(theme, STATUS_STYLE)
    style = styles.get(str(status)) if status else None
    if style is None:
        style = _UNKNOWN_BY_THEME.get(theme, UNKNOWN_STATUS)
    return style._replace(label=format_status(status))


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of `#RRGGBB`."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio (1–21) between two `#RRGGBB` colours; text needs 4.5 (AA)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
