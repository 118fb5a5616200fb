"""Small widgets the shell shares (the environment badge, the message banner, an eliding label) and
`place_window`, which opens a window inside the screen it is on."""

from __future__ import annotations

import binascii
from typing import ClassVar

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QToolButton,
    QWidget,
)

from lok_desk.core.problems import Problem
from lok_desk.desk.kit.problems import announce, describe


class EnvironmentBadge(QWidget):
    """PRODUCTION in solid red, SANDBOX in amber stripes, CUSTOM in blue: never confused at a glance."""

    # environment -> (background, text colour, striped)
    STYLES: ClassVar[dict[str, tuple[str, str, bool]]] = {
        "PRODUCTION": ("#B3261E", "#FFFFFF", False),
        "SANDBOX": ("#F2B134", "#1F1A00", True),
        "CUSTOM": ("#1F5FAD", "#FFFFFF", False),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._environment = "SANDBOX"
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Environment"))
        font = QFont(self.font())
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        self.setFont(font)
        self.set_environment("SANDBOX")

    @property
    def environment(self) -> str:
        return self._environment

    def text(self) -> str:
        return self._text

    def set_environment(self, environment: str, server: str = "") -> None:
        self._environment = environment
        self._text = {
            "PRODUCTION": self.tr("PRODUCTION"),
            "SANDBOX": self.tr("SANDBOX · practice data"),
            "CUSTOM": self.tr("CUSTOM SERVER"),
        }.get(environment, environment)
        tips = {
            "PRODUCTION": self.tr("Live Lok service: real lockers, real customers' parcels."),
            "SANDBOX": self.tr("Lok sandbox on this computer: nothing here reaches a real locker."),
            "CUSTOM": self.tr("A Lok server you chose"),
        }
        tip = tips.get(environment, "")
        if server:
            tip += f"\n{server}"
        self.setToolTip(tip)
        self.setAccessibleDescription(self._text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 28, metrics.height() + 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        background, foreground, striped = self.STYLES.get(self._environment, ("#555555", "#FFFFFF", False))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        path = QPainterPath()
        path.addRoundedRect(rect, 5, 5)
        painter.fillPath(path, QColor(background))
        if striped:
            # Diagonal hazard stripes: the sandbox looks like a training area, not like production.
            painter.save()
            painter.setClipPath(path)
            painter.setPen(QPen(QColor(0, 0, 0, 38), 5))
            step = 12
            for x in range(-self.height(), self.width() + self.height(), step):
                painter.drawLine(x, self.height(), x + self.height(), 0)
            painter.restore()
        painter.setPen(QPen(QColor(background).darker(140), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QColor(foreground))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()


class Banner(QWidget):
    """An inline message across the top of the window (not a pop-up): what happened, what to do next."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setObjectName("banner")
        self.problem: Problem | None = None
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Message"))
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, what: str, next_step: str = "", *, kind: str = "error",
                     problem: Problem | None = None) -> None:
        """Show what happened and what to do next; `problem` says what it is about, so the window can
        dismiss it by kind (an offline message goes when the server answers). Said at once to a screen
        reader too."""
        self.problem = problem
        colours = {"error": ("#FDECEA", "#611A15", "#F5C2C0", QStyle.StandardPixmap.SP_MessageBoxWarning),
                   "info": ("#E8F1FB", "#0B3A66", "#B8D4F0", QStyle.StandardPixmap.SP_MessageBoxInformation)}
        background, foreground, border, pixmap = colours.get(kind, colours["info"])
        self.setStyleSheet(
            f"#banner {{ background: {background}; border-bottom: 1px solid {border}; }}"
            f"#banner QLabel {{ color: {foreground}; }}")
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
        self.label.setText(f"<b>{_escape(what)}</b> {_escape(next_step)}")
        self.label.setAccessibleName(self.tr("Message: {0}").format(self.text()))
        self.show()
        announce(self, self.text(), assertive=kind == "error")

    def show_problem(self, problem: Problem) -> None:
        """The window's place for a Problem that has no form or pane line of its own."""
        what, next_step = describe(problem)
        self.show_message(what, next_step, problem=problem)

    def text(self) -> str:
        return self.label.text().replace("<b>", "").replace("</b>", "")

    def dismiss(self) -> None:
        self.problem = None
        self.hide()
        self.closed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Style sheets on a plain QWidget subclass need this to paint their background.
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")



class ElidedLabel(QLabel):
    """One line of text that gives way in a narrow window: it ends in "…" instead of being cut off
    mid-letter, and the whole text stays in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M" * 8)), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)
        painter.end()


# A comfortable first size on a big screen; on a small one the window takes what the screen offers.
FIRST_SIZE = QSize(1280, 800)


#: A screen this small (available area, frame counted) starts the window maximised: 1366×768 and
#: 1024×600 laptops, where a window with a title bar of its own showed its status bar below the screen.
SMALL_SCREEN = QSize(1400, 820)
#: The frame (title bar, borders) before the window manager has drawn one: enough for common themes.
FRAME_GUESS = QSize(8, 40)


def window_placement(available: QRect, frame_extra: QSize, size: QSize, minimum: QSize,
                     top_left: QPoint | None) -> tuple[bool, QRect]:
    """(maximise?, client rectangle) for a main window on a screen whose available area is `available`:
    the frame (`frame_extra`, a guess when not drawn yet) counts, so the title bar and the status bar
    both stay on the screen. `top_left` is the restored position (None: centred)."""
    if available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height():
        return True, QRect(available)
    room = QSize(available.width() - frame_extra.width(), available.height() - frame_extra.height())
    size = size.boundedTo(room).expandedTo(minimum.boundedTo(room))
    target = QRect(top_left if top_left is not None else available.topLeft(), size)
    if top_left is None:
        target.moveCenter(available.center())
    # Shift (never shrink again) so the whole frame lies on the screen.
    left = min(max(target.left(), available.left()),
               available.right() - size.width() - frame_extra.width() + 1)
    top = min(max(target.top(), available.top()),
              available.bottom() - size.height() - frame_extra.height() + 1)
    target.moveTopLeft(QPoint(max(left, available.left()), max(top, available.top())))
    return False, target


def place_window(window: QWidget, saved: str = "") -> None:
    """Restore the last geometry (`saved`: base64 of saveGeometry, or ""), then fit it, frame counted, to
    the available area of the screen the window is on: a geometry saved on a bigger or second monitor
    never leaves the status bar, where results and errors appear, off-screen; a small screen starts the
    window maximised (`window_placement`)."""
    restored = False
    if saved:
        try:
            data = QByteArray.fromBase64(QByteArray(saved.encode("ascii")),
                                         QByteArray.Base64Option.AbortOnBase64DecodingErrors)
            restored = bool(data) and window.restoreGeometry(data)
        except (UnicodeEncodeError, binascii.Error, ValueError):
            restored = False
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    if not available.isValid():
        return
    if window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    extra = QSize(max(0, frame.width() - window.width()), max(0, frame.height() - window.height()))
    if extra.isNull() or not window.isVisible():
        extra = extra.expandedTo(FRAME_GUESS)   # not drawn yet: the title bar counts all the same
    where = window.geometry().topLeft() if restored else None
    maximise, target = window_placement(available, extra, window.size() if restored else FIRST_SIZE,
                                        window.minimumSize(), where)
    if maximise:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(target.size())
    window.move(target.topLeft())


def saved_geometry(window: QWidget) -> str:
    """The window's geometry as `place_window` takes it back (base64 text for the settings file)."""
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def fit_to_screen(window: QWidget) -> None:
    """Shrink a dialog to the available area of its screen (1024×600, or 4K at 200 %): its form
    scrolls vertically and its buttons, outside the scroll area, stay in view."""
    screen = window.screen()
    if screen is None or not screen.availableGeometry().isValid():
        return
    available = screen.availableGeometry()
    # Leave room for the title bar and borders the window manager adds.
    room = QSize(available.width() - 16, available.height() - 48)
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room))



def focus_table(table: QAbstractItemView) -> None:
    """The focus in a list, on its current row (the first when none is current), so a screen reader
    reads a row at once and the arrows move from there."""
    model = table.model()
    if model is not None and not table.currentIndex().isValid() and model.rowCount() > 0:
        table.setCurrentIndex(model.index(0, 0))
    table.setFocus(Qt.FocusReason.ShortcutFocusReason)
