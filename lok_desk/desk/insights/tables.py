"""The Insights pane's tables: models over the figures, as text a screen reader reads cell by cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from lok_desk.core.insights import Figures, Insights
from lok_desk.desk.insights import plurals, wording
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.records import SORT_ROLE, RowTableModel

IDS_ROLE = Qt.ItemDataRole.UserRole + 3  # the reservation ids behind a cell, when it has some


def _summary_tooltip(row: Any, _column: int) -> str:
    behind = len(row.ids)
    if not behind:
        return ""
    return translate("Insights", plurals.OPEN_BEHIND, None, behind)


def summary_model(parent: QObject) -> RowTableModel:
    return RowTableModel(
        [
            (translate("Insights", "Figure"), lambda r: r.label, lambda r: r.label),
            (translate("Insights", "This period"), lambda r: r.value, lambda r: r.sort_value),
            (translate("Insights", "Previous period"), lambda r: r.previous, lambda r: r.previous),
            (translate("Insights", "Change"), lambda r: r.change, lambda r: r.change),
        ],
        parent,
        tooltip=_summary_tooltip,
    )


def location_model(parent: QObject, location_name: Callable[[str], str]) -> RowTableModel:
    def late(f: Figures) -> str:
        return wording.share(f.lateness.delivered_late.count, f.lateness.delivered_late.total)

    columns: list[tuple[str, Callable[[Any], str], Callable[[Any], Any]]] = [
        (
            translate("Insights", "Location"),
            lambda f: location_name(f.location or ""),
            lambda f: location_name(f.location or ""),
        ),
        (translate("Insights", "Size"), lambda f: wording.size_name(f.size), lambda f: f.size or ""),
        (
            translate("Insights", "Boxes in use now"),
            lambda f: (
                f"{f.occupancy.in_use_now} / {f.occupancy.boxes}" if f.occupancy.boxes else wording.DASH
            ),
            lambda f: f.occupancy.in_use_now,
        ),
        (
            translate("Insights", "Free now"),
            lambda f: wording.count(f.occupancy.free_now) if f.occupancy.boxes else wording.DASH,
            lambda f: f.occupancy.free_now,
        ),
        (
            translate("Insights", "Waiting past delivery now"),
            lambda f: wording.count(len(f.lateness.late_delivery_now)),
            lambda f: len(f.lateness.late_delivery_now),
        ),
        (
            translate("Insights", "Past pick-up now"),
            lambda f: wording.count(len(f.lateness.late_pickup_now)),
            lambda f: len(f.lateness.late_pickup_now),
        ),
        (
            translate("Insights", "In the locker, average"),
            lambda f: wording.count(round(f.occupancy.mean, 1)),
            lambda f: f.occupancy.mean,
        ),
        (
            translate("Insights", "In the locker, most"),
            lambda f: wording.count(f.occupancy.peak),
            lambda f: f.occupancy.peak,
        ),
        (
            translate("Insights", "Time full"),
            lambda f: wording.percent(f.occupancy.full_share),
            lambda f: -1 if f.occupancy.full_share is None else f.occupancy.full_share,
        ),
        (
            translate("Insights", "Deliveries"),
            lambda f: wording.count(len(f.deliveries)),
            lambda f: len(f.deliveries),
        ),
        (
            translate("Insights", "Median time in the locker"),
            lambda f: wording.hours(f.dwell.median_hours),
            lambda f: f.dwell.median_hours or 0,
        ),
        (
            translate("Insights", "90th percentile"),
            lambda f: wording.hours(f.dwell.p90_hours),
            lambda f: f.dwell.p90_hours or 0,
        ),
        (translate("Insights", "Delivered late"), late, lambda f: f.lateness.delivered_late.ratio or 0),
        (
            translate("Insights", "Picked up late"),
            lambda f: wording.share(f.lateness.picked_late.count, f.lateness.picked_late.total),
            lambda f: f.lateness.picked_late.ratio or 0,
        ),
        (
            translate("Insights", "Never delivered"),
            lambda f: wording.share(f.lateness.never_delivered.count, f.lateness.never_delivered.total),
            lambda f: f.lateness.never_delivered.ratio or 0,
        ),
    ]
    return RowTableModel(columns, parent)


#: Which reservations each column of the location table stands for (column index → ids of a row).
LOCATION_IDS: dict[int, Callable[[Figures], frozenset[str]]] = {
    4: lambda f: f.lateness.late_delivery_now,
    5: lambda f: f.lateness.late_pickup_now,
    9: lambda f: f.deliveries,
    10: lambda f: f.dwell.ids,
    11: lambda f: f.dwell.ids,
    12: lambda f: f.lateness.delivered_late.ids,
    13: lambda f: f.lateness.picked_late.ids,
    14: lambda f: f.lateness.never_delivered.ids,
}


def dwell_model(parent: QObject) -> RowTableModel:
    return RowTableModel(
        [
            (translate("Insights", "Time in the locker"), lambda r: r[0], lambda r: r[3]),
            (translate("Insights", "Parcels"), lambda r: wording.count(r[1]), lambda r: r[1]),
            (translate("Insights", "Share"), lambda r: r[2], lambda r: r[1]),
        ],
        parent,
    )


def dwell_rows(insights: Insights) -> list[tuple[str, int, str, int, frozenset[str]]]:
    dwell = insights.current.dwell
    return [
        (
            wording.dwell_bin(index),
            b.count,
            wording.percent(b.count / dwell.count if dwell.count else None),
            index,
            b.ids,
        )
        for index, b in enumerate(dwell.bins)
    ]


def fill_week(model: QStandardItemModel, counts: tuple[int, ...], *, dark: bool) -> None:
    """7 rows (Monday first) × 24 hours; a cell's shade grows with its count, its text is the count."""
    model.clear()
    model.setHorizontalHeaderLabels([f"{hour:02d}" for hour in range(24)])
    model.setVerticalHeaderLabels(wording.weekday_names())
    top = max(counts, default=0) or 1
    days = wording.weekday_names()
    for day in range(7):
        for hour in range(24):
            value = counts[day * 24 + hour]
            item = QStandardItem(str(value) if value else "")
            item.setEditable(False)
            item.setData(value, SORT_ROLE)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            # What a screen reader says for the cell: the day, the hour and the count in words.
            item.setData(
                translate("Insights", "%1, %2:00: %3")
                .replace("%1", days[day])
                .replace("%2", f"{hour:02d}")
                .replace("%3", str(value)),
                Qt.ItemDataRole.AccessibleTextRole,
            )
            if value:
                strength = value / top
                shade = QColor(0, 114, 178)  # Okabe–Ito blue
                shade.setAlphaF(0.15 + 0.75 * strength)
                item.setBackground(shade)
                if strength > 0.55 or dark:
                    item.setForeground(QColor("#ffffff"))
            model.setItem(day, hour, item)
