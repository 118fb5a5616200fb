"""Charts drawn by Qt Charts (PySide6-Addons), loaded the first time a chart is shown, never at start-up.

Why Qt Charts, and what it costs, is in docs/decisions.md ("Charts"). Every chart here is a picture of
numbers a pane also shows as text (a table or labels), so a screen reader never depends on it; the
chart still carries an accessible name and a description that reads its numbers. A chart can be saved
as PNG (`image`) and painted into a PDF (`render_into`).

`ChartPanel` is a plain QWidget until it is first shown; only then is PySide6.QtCharts imported and the
chart view built. Data given before that is kept and drawn then.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtCore import QDateTime, QMargins, QPointF, QRect, QRectF, QSize, QSizeF, Qt, QTimeZone
from PySide6.QtGui import QColor, QImage, QPainter, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

_charts: ModuleType | None = None


def charts_module() -> ModuleType:
    """PySide6.QtCharts, imported on first use (about 3 MB of libraries the start-up never loads)."""
    global _charts
    if _charts is None:
        _charts = importlib.import_module("PySide6.QtCharts")
    return _charts


@dataclass(frozen=True)
class BarSeries:
    """One coloured set of bars: a value per category."""

    name: str
    values: Sequence[float]
    colour: str


@dataclass(frozen=True)
class LineData:
    """A line over time: (epoch seconds, value) points."""

    name: str
    points: Sequence[tuple[float, float]]
    colour: str


class ChartPanel(QWidget):
    """A chart (bars per category, or lines over time) that builds itself when first shown."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder)
        self.view: Any = None           # QChartView once built
        self._data: tuple[str, Any] | None = None
        self.title = name
        self.y_title = ""

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    # ---- data ---------------------------------------------------------------------------------------
    def set_bars(self, categories: Sequence[str], series: Sequence[BarSeries], *, y_title: str,
                 description: str, stacked: bool = False) -> None:
        """Bars per category, one colour per series (`stacked`: one bar per category, series on top of
        each other)."""
        self.y_title = y_title
        self._data = ("bars", (list(categories), list(series), stacked))
        self.setAccessibleDescription(description)
        self._draw()

    def set_lines(self, lines: Sequence[LineData], *, y_title: str, description: str) -> None:
        self.y_title = y_title
        self._data = ("lines", list(lines))
        self.setAccessibleDescription(description)
        self._draw()

    # ---- building -----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None:
            self.build()

    def build(self) -> None:
        """Import Qt Charts and make the view (on first show; tests and exports may call it early)."""
        if self.view is not None:
            return
        qtcharts = charts_module()
        chart = qtcharts.QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundRoundness(0)
        view = qtcharts.QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(self.accessibleName())
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the numbers are in the table beside it
        self._layout.replaceWidget(self._placeholder, view)
        self._placeholder.hide()
        self.view = view
        self._draw()

    def _theme(self, chart: Any) -> None:
        palette = self.palette()
        chart.setBackgroundBrush(palette.color(palette.ColorRole.Base))
        text = palette.color(palette.ColorRole.WindowText)
        chart.legend().setLabelColor(text)
        for axis in chart.axes():
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(palette.color(palette.ColorRole.Mid))

    def _draw(self) -> None:
        if self.view is None or self._data is None:
            return
        qtcharts = charts_module()
        chart = self.view.chart()
        chart.removeAllSeries()
        for axis in list(chart.axes()):
            chart.removeAxis(axis)
        kind, data = self._data
        if kind == "bars":
            self._draw_bars(qtcharts, chart, *data)
        else:
            self._draw_lines(qtcharts, chart, data)
        self._theme(chart)

    def _draw_bars(self, qtcharts: Any, chart: Any, categories: list[str], series: list[BarSeries],
                   stacked: bool) -> None:
        bars = qtcharts.QStackedBarSeries() if stacked else qtcharts.QBarSeries()
        top = 0.0
        for one in series:
            bar_set = qtcharts.QBarSet(one.name)
            bar_set.append([float(value) for value in one.values])
            bar_set.setColor(QColor(one.colour))
            bar_set.hovered.connect(
                lambda on, index, s=one: self._tip(on, f"{s.name} · {categories[index]}: "
                                                        f"{_number(s.values[index])}"))
            bars.append(bar_set)
            if not stacked:
                top = max([top, *[float(value) for value in one.values]])
        if stacked and series:
            totals = (sum(float(one.values[i]) for one in series) for i in range(len(categories)))
            top = max(totals, default=0.0)
        chart.addSeries(bars)
        x_axis = qtcharts.QBarCategoryAxis()
        x_axis.append(categories)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(x_axis)
        y_axis = qtcharts.QValueAxis()
        _count_axis(y_axis, top)
        y_axis.setTitleText(self.y_title)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(y_axis)
        chart.legend().setVisible(len(series) > 1)

    def _draw_lines(self, qtcharts: Any, chart: Any, lines: list[LineData]) -> None:
        x_axis = qtcharts.QDateTimeAxis()
        x_axis.setFormat("dd MMM")
        x_axis.setTickCount(6)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        y_axis = qtcharts.QValueAxis()
        y_axis.setTitleText(self.y_title)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        top, first, last = 1.0, None, None
        for line in lines:
            series = qtcharts.QLineSeries()
            series.setName(line.name)
            series.setColor(QColor(line.colour))
            series.replace([QPointF(when * 1000.0, value) for when, value in line.points])
            series.hovered.connect(lambda point, on, name=line.name: self._tip(
                on, f"{name} · {_when(point.x())}: {_number(point.y())}"))
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
            if line.points:
                top = max(top, max(value for _when_, value in line.points))
                first = min(first or line.points[0][0], line.points[0][0])
                last = max(last or line.points[-1][0], line.points[-1][0])
        _count_axis(y_axis, top)
        if first is not None and last is not None and last > first:
            x_axis.setRange(_datetime(first), _datetime(last))
        chart.legend().setVisible(len(lines) > 1)

    def _tip(self, on: bool, text: str) -> None:
        if on:
            QToolTip.showText(self.cursor().pos(), text, self)
        else:
            QToolTip.hideText()

    # ---- export -------------------------------------------------------------------------------------
    def image(self, size: QSize | None = None) -> QImage:
        """The chart drawn at `size` (default 1200 × 600), whether or not it is on screen."""
        self.build()
        size = size or QSize(1200, 600)
        chart = self.view.chart()
        old = chart.size()
        chart.resize(QSizeF(size))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(self.palette().color(self.palette().ColorRole.Base))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.scene().render(painter, QRectF(0, 0, size.width(), size.height()), chart.sceneBoundingRect())
        painter.end()
        chart.resize(old)
        return image

    def render_into(self, painter: QPainter, target: QRect) -> None:
        """Paint the chart into `target` (a PDF page, a printer)."""
        self.build()
        self.view.chart().scene().render(painter, QRectF(target), self.view.chart().sceneBoundingRect())


def _count_axis(axis: Any, top: float) -> None:
    """A count axis from 0 with whole-number ticks a person reads at a glance (0, 2, 4… not 0, 0, 1, 1…)."""
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000)
                 if top / s <= 6), max(1.0, top / 5))
    upper = max(step, math.ceil(top / step) * step)
    axis.setRange(0, upper)
    axis.setTickCount(int(upper / step) + 1)
    axis.setLabelFormat("%d")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _datetime(epoch_seconds: float) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(epoch_seconds * 1000), QTimeZone.utc())


def _when(epoch_ms: float) -> str:
    return QDateTime.fromMSecsSinceEpoch(int(epoch_ms)).toString("dd MMM HH:mm")
