"""The Reports pane's chart: recent activity per day in the locker's own time, one stacked bar per day
with a colour per status (Okabe–Ito), drawn by Qt Charts (lok_desk/desk/kit/charts.py) on first show."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from lok_desk.api import models
from lok_desk.core.owner.reports import CHART_STATUSES, activity_by_day
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.charts import BarSeries, ChartPanel
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.theme import HIGH_CONTRAST, theme_of


def bar_colour(status: str, palette: QPalette) -> str:
    """The bright Okabe–Ito colour of a status on light and dark windows, its high-contrast one there."""
    if theme_of(palette) == HIGH_CONTRAST:
        return formatting.status_style(status, HIGH_CONTRAST).foreground
    return formatting.status_style(status).background


class ActivityChart(ChartPanel):
    """Reservations that reached each moment, per day (the numbers are in the table beside it too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ReportsPane", "Activity per day chart"), parent)
        self.setMinimumHeight(220)
        self.days: dict[date, Counter[str]] = {}

    def set_rows(self, rows: list[models.RecentActivityRow]) -> None:
        self.days = activity_by_day(rows)
        parts = []
        for day, counts in self.days.items():
            text = ", ".join(f"{formatting.format_status(s)} {counts[s]}"
                             for s, _a in CHART_STATUSES if counts[s])
            parts.append(f"{formatting.format_day(day)}: {text}")
        description = "; ".join(parts) or translate("ReportsPane", "No activity")
        categories = [formatting.format_day(day, weekday=True) for day in self.days]
        series = [BarSeries(formatting.status_style(status).label,
                            [self.days[day][status] for day in self.days], bar_colour(status, self.palette()))
                  for status, _attribute in CHART_STATUSES]
        self.set_bars(categories, series, y_title=translate("ReportsPane", "Reservations"),
                      description=description, stacked=True)
