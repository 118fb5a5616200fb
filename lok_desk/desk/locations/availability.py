"""A picture of a locker's boxes: per size, one square per box, free ones bright, taken ones hatched."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lok_desk.api import models
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.theme import semantic_colour

SIZE_ORDER = ("s", "m", "l", "xl")
FREE_COLOUR = QColor("#009E73")        # Okabe–Ito bluish green
TAKEN_COLOUR = QColor("#D9D9D9")
TAKEN_EDGE = QColor("#8C8C8C")


@dataclass(frozen=True)
class SizeRow:
    """What one line of the picture says about one box size."""

    size: str
    total: int | None
    occupied: int | None
    available: bool | None

    @property
    def free(self) -> int | None:
        if self.total is None or self.occupied is None:
            return None
        return max(self.total - self.occupied, 0)

    def summary(self) -> str:
        if self.free is not None and self.total is not None:
            return translate("BoxAvailabilityView", "{free} free of {total}").format(
                free=self.free, total=self.total)
        if self.available is True:
            return translate("BoxAvailabilityView", "boxes available")
        if self.available is False:
            return translate("BoxAvailabilityView", "none free")
        return translate("BoxAvailabilityView", "no count reported")


def size_rows(location: models.LocationDetail | None) -> list[SizeRow]:
    """One row per size the locker reports, in s/m/l/xl order (unknown sizes after them)."""
    if location is None:
        return []
    rows = [SizeRow(str(box.size or "?"), box.total, box.occupied, box.available) for box in location.boxes]
    order = {size: index for index, size in enumerate(SIZE_ORDER)}
    return sorted(rows, key=lambda row: order.get(row.size.lower(), len(order)))


class BoxAvailabilityView(QWidget):
    """Custom-painted: a person sees at a glance how many boxes of each size are free."""

    CELL = 14
    GAP = 3
    LABEL_W = 70
    SUMMARY_W = 120
    ROW_GAP = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SizeRow] = []
        self._public_boxes: int | None = None
        self.setAccessibleName(self.tr("Box availability"))
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setMinimumWidth(self.LABEL_W + self.SUMMARY_W + 8 * (self.CELL + self.GAP))

    def set_location(self, location: models.LocationDetail | None) -> None:
        self._rows = size_rows(location)
        self._public_boxes = location.public_boxes if location is not None else None
        self.setAccessibleDescription(self.summary_text())
        self.setToolTip(self.summary_text())
        self.updateGeometry()
        self.update()

    def summary_text(self) -> str:
        """The picture in words (screen readers, tests): `S: 3 free of 10; M: ...`."""
        parts = [f"{row.size.upper()}: {row.summary()}" for row in self._rows]
        if self._public_boxes is not None:
            parts.append(self.tr("public network boxes in use: {n}").format(n=self._public_boxes))
        return "; ".join(parts) if parts else self.tr("This locker reports no boxes.")

    # ---- geometry --------------------------------------------------------------------------------
    def _bar_width(self, width: int) -> int:
        return max(width - self.LABEL_W - self.SUMMARY_W, self.CELL)

    def _per_line(self, width: int) -> int:
        return max(1, (self._bar_width(width) + self.GAP) // (self.CELL + self.GAP))

    def _row_height(self, row: SizeRow, width: int) -> int:
        line_height = self.fontMetrics().height() * 2
        if row.total is None:
            return max(self.CELL, line_height)
        lines = max(1, math.ceil(row.total / self._per_line(width)))
        return max(lines * (self.CELL + self.GAP) - self.GAP, line_height)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = sum(self._row_height(row, width) + self.ROW_GAP for row in self._rows)
        footer = self.fontMetrics().height() * 2 + 8
        return max(height, self.fontMetrics().height() * 2) + footer

    def sizeHint(self) -> QSize:
        width = max(self.width(), 420)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.heightForWidth(self.minimumWidth()))

    # ---- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        width = self.width()
        if not self._rows:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect().adjusted(0, 0, 0, -metrics.height() * 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             self.tr("This locker reports no boxes."))
        bold = QFont(self.font())
        bold.setBold(True)
        big = QFont(bold)
        big.setPointSizeF(bold.pointSizeF() * 1.25)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        y = 0
        per_line = self._per_line(width)
        for row in self._rows:
            height = self._row_height(row, width)
            # size letter and its inside measures
            painter.setPen(self.palette().windowText().color())
            painter.setFont(big)
            painter.drawText(QRectF(0, y, self.LABEL_W, metrics.height() * 1.3),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.size.upper())
            dims = models.BOX_SIZES.get(models.BoxSize(row.size)) if row.size in SIZE_ORDER else None
            if dims is not None:
                painter.setFont(small)
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(QRectF(0, y + metrics.height() * 1.25, self.LABEL_W, metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft,
                                 f"{dims.width:g}×{dims.height:g}×{dims.length:g}")
            x0 = self.LABEL_W
            if row.total is not None and row.occupied is not None:
                free = row.free or 0
                for box in range(row.total):
                    line, col = divmod(box, per_line)
                    rect = QRectF(x0 + col * (self.CELL + self.GAP), y + line * (self.CELL + self.GAP),
                                  self.CELL, self.CELL)
                    if box < free:
                        painter.setPen(QPen(FREE_COLOUR.darker(130), 1))
                        painter.setBrush(FREE_COLOUR)
                        painter.drawRoundedRect(rect, 2, 2)
                    else:
                        painter.setPen(QPen(TAKEN_EDGE, 1))
                        painter.setBrush(TAKEN_COLOUR)
                        painter.drawRoundedRect(rect, 2, 2)
                        # a diagonal stroke: "taken" reads without colour too
                        painter.drawLine(rect.bottomLeft() + _pt(2, -2), rect.topRight() + _pt(-2, 2))
            else:
                painter.setPen(QPen(TAKEN_EDGE, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                rect = QRectF(x0, y, min(self._bar_width(width), 220), self.CELL + 4)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setFont(small)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("counts not reported"))
            # the numbers
            painter.setFont(bold)
            painter.setPen(semantic_colour("good", self.palette()) if (row.free or row.available) else
                           self.palette().windowText().color())
            summary_rect = QRectF(width - self.SUMMARY_W + 8, y, self.SUMMARY_W - 8, metrics.height() * 1.3)
            painter.drawText(summary_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             row.summary())
            y += height + self.ROW_GAP
        # legend and public boxes
        painter.setFont(small)
        legend_y = self.height() - metrics.height() - 6
        painter.setPen(QPen(FREE_COLOUR.darker(130), 1))
        painter.setBrush(FREE_COLOUR)
        painter.drawRoundedRect(QRectF(0, legend_y + 2, 10, 10), 2, 2)
        painter.setPen(self.palette().windowText().color())
        # Legend words are measured, not given fixed room: translations are longer or shorter.
        legend_metrics = painter.fontMetrics()
        free_word, taken_word = self.tr("free"), self.tr("taken")
        x = 14
        painter.drawText(QRectF(x, legend_y, legend_metrics.horizontalAdvance(free_word) + 4,
                                metrics.height() + 2), Qt.AlignmentFlag.AlignLeft, free_word)
        x += legend_metrics.horizontalAdvance(free_word) + 16
        painter.setPen(QPen(TAKEN_EDGE, 1))
        painter.setBrush(TAKEN_COLOUR)
        taken = QRectF(x, legend_y + 2, 10, 10)
        painter.drawRoundedRect(taken, 2, 2)
        painter.drawLine(taken.bottomLeft() + _pt(2, -2), taken.topRight() + _pt(-2, 2))
        painter.setPen(self.palette().windowText().color())
        x += 14
        painter.drawText(QRectF(x, legend_y, legend_metrics.horizontalAdvance(taken_word) + 4,
                                metrics.height() + 2), Qt.AlignmentFlag.AlignLeft, taken_word)
        x += legend_metrics.horizontalAdvance(taken_word) + 24
        if self._public_boxes is not None:
            painter.drawText(QRectF(x, legend_y, max(width - x, 0), metrics.height() + 2),
                             Qt.AlignmentFlag.AlignLeft,
                             self.tr("Public network boxes in use here: {n}").format(n=self._public_boxes))
        painter.end()


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)
