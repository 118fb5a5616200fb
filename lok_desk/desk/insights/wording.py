"""How the insight figures read in the person's language: values, changes, sizes, weekdays, table rows."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from lok_desk.core.insights import DWELL_EDGES, Figures, Insights, Trend
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP, translate

DASH = formatting.DASH


def size_name(size: str | None) -> str:
    if size is None:
        return translate("Insights", "All sizes")
    return {
        "s": translate("Insights", "S (small)"),
        "m": translate("Insights", "M (medium)"),
        "l": translate("Insights", "L (large)"),
        "xl": translate("Insights", "XL (extra large)"),
    }.get(size, translate("Insights", "Unknown size"))


def weekday_names() -> list[str]:
    return [
        translate("Insights", "Monday"),
        translate("Insights", "Tuesday"),
        translate("Insights", "Wednesday"),
        translate("Insights", "Thursday"),
        translate("Insights", "Friday"),
        translate("Insights", "Saturday"),
        translate("Insights", "Sunday"),
    ]


def percent(ratio: float | None) -> str:
    return DASH if ratio is None else f"{formatting.format_number(100 * ratio, 1)} %"


def hours(value: float | None) -> str:
    """A duration in hours, or days and hours past two days."""
    if value is None:
        return DASH
    if value < 48:
        return translate("Insights", "%1 h").replace("%1", _amount(value))
    return translate("Insights", "%1 days").replace("%1", _amount(value / 24))


def _amount(value: float) -> str:
    """A whole number without decimals, anything else with one."""
    return formatting.format_number(value, 0 if abs(value - round(value)) < 0.05 else 1)


def dwell_bin_short(index: int) -> str:
    """The dwell-time bins as a chart's axis can show them ("1–6 h", "3–5 d")."""
    upper = DWELL_EDGES[index]
    lower = DWELL_EDGES[index - 1] if index else 0.0

    def unit(value: float) -> str:
        return (
            translate("Insights", "%1 h").replace("%1", _amount(value))
            if value < 48
            else translate("Insights", "%1 d").replace("%1", _amount(value / 24))
        )

    if index == 0:
        return f"< {unit(upper)}"
    if math.isinf(upper):
        return f"≥ {unit(lower)}"
    lower_text = _amount(lower / 24) if upper >= 48 else _amount(lower)
    return f"{lower_text}–{unit(upper)}"


def count(value: float | None) -> str:
    return DASH if value is None else formatting.format_number(value, 0 if float(value).is_integer() else 1)


def share(part: int, total: int) -> str:
    """ "3 of 40 (7.5 %)"."""
    if not total:
        return DASH
    return (
        translate("Insights", "%1 of %2 (%3)")
        .replace("%1", formatting.format_number(part))
        .replace("%2", formatting.format_number(total))
        .replace("%3", percent(part / total))
    )


def dwell_bin(index: int) -> str:
    upper = DWELL_EDGES[index]
    lower = DWELL_EDGES[index - 1] if index else 0.0

    def amount(value: float) -> str:
        if value < 48:
            return hours(value)
        return translate("Insights", "%1 days").replace("%1", formatting.format_number(value / 24))

    if index == 0:
        return translate("Insights", "under %1").replace("%1", amount(upper))
    if math.isinf(upper):
        return translate("Insights", "%1 or more").replace("%1", amount(lower))
    return translate("Insights", "%1 to %2").replace("%1", amount(lower)).replace("%2", amount(upper))


def change(trend: Trend, kind: str) -> str:
    """The change against the previous period, in the figure's own unit, with its direction in words."""
    delta = trend.change
    if delta is None:
        return DASH
    if abs(delta) < 1e-9:
        return translate("Insights", "no change")
    if kind == "share":
        amount = translate("Insights", "%1 points").replace(
            "%1", formatting.format_number(abs(100 * delta), 1)
        )
    elif kind == "hours":
        amount = hours(abs(delta))
    else:
        amount = count(abs(delta))
    return (translate("Insights", "up %1") if delta > 0 else translate("Insights", "down %1")).replace(
        "%1", amount
    )


@dataclass(frozen=True)
class SummaryRow:
    """One headline figure: its words, now, before, the change, and the reservations behind it."""

    key: str
    label: str
    value: str
    previous: str
    change: str
    ids: frozenset[str]
    sort_value: float


# The headline figures compared with the previous period: (key of figures.trends, words, value, unit);
# the words are marked for the catalogue here and translated when shown.
_TRENDED: tuple[tuple[str, str, Callable[[Figures], str], str], ...] = (
    ("deliveries", QT_TRANSLATE_NOOP("Insights", "Deliveries"),
     lambda f: count(len(f.deliveries)), "count"),
    ("pickups", QT_TRANSLATE_NOOP("Insights", "Pick-ups"),
     lambda f: count(len(f.pickups)), "count"),
    ("mean_in_locker", QT_TRANSLATE_NOOP("Insights", "Parcels in the locker, on average"),
     lambda f: count(round(f.occupancy.mean, 1)), "count"),
    ("peak_in_locker", QT_TRANSLATE_NOOP("Insights", "Parcels in the locker, at the most"),
     lambda f: count(f.occupancy.peak), "count"),
    ("full_share", QT_TRANSLATE_NOOP("Insights", "Time with every box taken"),
     lambda f: percent(f.occupancy.full_share), "share"),
    ("dwell_median", QT_TRANSLATE_NOOP("Insights", "Time in the locker, median"),
     lambda f: hours(f.dwell.median_hours), "hours"),
    ("dwell_p90", QT_TRANSLATE_NOOP("Insights", "Time in the locker, 90th percentile"),
     lambda f: hours(f.dwell.p90_hours), "hours"),
    ("delivered_late", QT_TRANSLATE_NOOP("Insights", "Delivered after the delivery deadline"),
     lambda f: share(f.lateness.delivered_late.count, f.lateness.delivered_late.total), "share"),
    ("picked_late", QT_TRANSLATE_NOOP("Insights", "Picked up after the pick-up deadline"),
     lambda f: share(f.lateness.picked_late.count, f.lateness.picked_late.total), "share"),
    ("never_delivered", QT_TRANSLATE_NOOP("Insights", "Never delivered (cancelled or expired)"),
     lambda f: share(f.lateness.never_delivered.count, f.lateness.never_delivered.total), "share"),
)


def _behind(figures: Figures, key: str) -> frozenset[str]:
    """The reservations a headline figure stands for (none for averages and shares of time)."""
    return {
        "deliveries": figures.deliveries, "pickups": figures.pickups, "dwell_median": figures.dwell.ids,
        "dwell_p90": figures.dwell.ids, "delivered_late": figures.lateness.delivered_late.ids,
        "picked_late": figures.lateness.picked_late.ids,
        "never_delivered": figures.lateness.never_delivered.ids,
    }.get(key, frozenset())


def summary_rows(insights: Insights) -> list[SummaryRow]:
    """Every headline figure: this period, the previous one and the change, then the figures of now."""
    current, previous = insights.current, insights.previous
    trends = insights.trends
    rows = []
    for key, words, show, kind in _TRENDED:
        trend = trends[key]
        rows.append(SummaryRow(key, translate("Insights", words), show(current), show(previous),
                               change(trend, kind), _behind(current, key),
                               float(trend.current) if trend.current is not None else 0.0))
    lateness, occupancy = current.lateness, current.occupancy
    for key, words, ids in (
        ("late_delivery_now", translate("Insights", "Waiting past the delivery deadline now"),
         lateness.late_delivery_now),
        ("late_pickup_now", translate("Insights", "In the locker past the pick-up deadline now"),
         lateness.late_pickup_now),
    ):
        rows.append(SummaryRow(key, words, count(len(ids)), DASH, DASH, ids, float(len(ids))))
    in_use = (translate("Insights", "%1 of %2").replace("%1", count(occupancy.in_use_now))
              .replace("%2", count(occupancy.boxes)) if occupancy.boxes else DASH)
    rows.append(SummaryRow("boxes_now", translate("Insights", "Boxes in use now"), in_use, DASH, DASH,
                           frozenset(), float(occupancy.in_use_now)))
    return rows
