"""The status chip: colour, symbol and words together, so colour is never the only cue."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.theme import HIGH_CONTRAST, theme_of
from lok_desk.desk.reservations.table_model import STATUS_ROLE

_PAD_X = 8
_PAD_Y = 3


def chip_text(status: str) -> str:
    """ "● Reserved" — the symbol from STATUS_STYLE and the human label."""
    style = formatting.STATUS_STYLE.get(status)
    if style is None:
        return formatting.format_status(status) if status else "?"
    return f"{style.symbol} {formatting.format_status(status)}"


def chip_colours(status: str, palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) for the theme the palette belongs to (light, dark or high contrast)."""
    style = formatting.STATUS_STYLES[theme_of(palette)].get(status)
    if style is None:
        return palette.color(QPalette.ColorRole.AlternateBase), palette.color(QPalette.ColorRole.Text)
    return QColor(style.background), QColor(style.foreground)


def paint_chip(painter: QPainter, rect: QRect, status: str, palette: QPalette) -> None:
    """Draw the chip left-aligned and vertically centred in `rect`."""
    text = chip_text(status)
    metrics = QFontMetrics(painter.font())
    width = min(rect.width() - 2, metrics.horizontalAdvance(text) + 2 * _PAD_X)
    height = min(rect.height() - 2, metrics.height() + 2 * _PAD_Y)
    chip = QRectF(rect.left() + 4, rect.top() + (rect.height() - height) / 2, width, height)
    background, foreground = chip_colours(status, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # High contrast chips are black: an outline in the text colour keeps their shape visible.
    outlined = theme_of(palette) == HIGH_CONTRAST
    painter.setPen(QPen(foreground, 1.5) if outlined else Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawRoundedRect(chip.adjusted(0.75, 0.75, -0.75, -0.75) if outlined else chip,
                            height / 2, height / 2)
    painter.setPen(foreground)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(chip.width()) - 2 * _PAD_X + 2)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, elided)
    painter.restore()


class StatusChipDelegate(QStyledItemDelegate):
    """Paints the status column as a rounded chip; selection still shows behind it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # Let the style draw the cell background (selection, hover, alternate rows) without text.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        status = index.data(STATUS_ROLE) or ""
        paint_chip(painter, option.rect, str(status), option.palette)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        text = chip_text(str(index.data(STATUS_ROLE) or ""))
        return QSize(metrics.horizontalAdvance(text) + 2 * _PAD_X + 12, metrics.height() + 2 * _PAD_Y + 6)


class StatusChip(QLabel):
    """The same chip as a standalone widget (detail panel, timeline)."""

    def __init__(self, status: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = ""
        self.set_status(status)

    def set_status(self, status: str) -> None:
        self._status = status
        text = chip_text(status)
        self.setText(text)
        self.setAccessibleName(text)
        metrics = QFontMetrics(self.font())
        self.setMinimumSize(
            metrics.horizontalAdvance(text) + 2 * _PAD_X + 10, metrics.height() + 2 * _PAD_Y + 2
        )
        self.update()

    def status(self) -> str:
        return self._status

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_chip(painter, self.rect().adjusted(-4, 0, 0, 0), self._status, self.palette())
        painter.end()
