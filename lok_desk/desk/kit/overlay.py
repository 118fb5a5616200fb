"""Messages that never move what is under the pointer: the banner and the notice strip float over the
bottom edge of the area they belong to, instead of pushing the tabs and the table down as they come
and go (a click meant for a tab landed on a column header, and one meant for a row could hit the row
below, just before Delete)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget


class BottomOverlay(QFrame):
    """Holds `messages` stacked over the bottom edge of `area`; shown only while one of them is.

    The area's own layout never sees them, so nothing in it changes geometry when they show or hide.
    They cover the last rows of the table while shown; each has its own dismiss button.
    """

    def __init__(self, area: QWidget, messages: list[QWidget]) -> None:
        super().__init__(area)
        self.setObjectName("messageOverlay")
        self.area = area
        self.messages = list(messages)
        layout = self._stack = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for message in self.messages:
            layout.addWidget(message)
            message.installEventFilter(self)
        area.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A message shown while the overlay is hidden gets no Show, only ShowToParent: without it the
        # first notice would stay inside a hidden overlay until something else moved the window.
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ShowToParent,
                            QEvent.Type.HideToParent, QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return False

    def _place(self) -> None:
        shown = [message for message in self.messages if not message.isHidden()]
        if not shown:
            self.hide()
            return
        width = self.area.width()
        stack = self._stack
        height = min(stack.heightForWidth(width) if stack.hasHeightForWidth() else -1, self.area.height())
        if height <= 0:
            height = min(self.sizeHint().height(), self.area.height())
        self.setGeometry(0, self.area.height() - height, width, height)
        self.show()
        self.raise_()
