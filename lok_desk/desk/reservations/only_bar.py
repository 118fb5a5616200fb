"""The strip above the Reservations table while it shows only the reservations behind a figure
(an Insights number a person opened to check it), with the way back to the whole list."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class OnlyBar(QWidget):
    """"Showing the 12 reservations behind: Picked up late" and Show all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onlyBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.show_all = QPushButton(self.tr("Show &all"), self)
        self.show_all.setAccessibleDescription(self.tr("Show every reservation of the list again"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_all)
        self.hide()

    def say(self, count: int, title: str) -> None:
        self.label.setText(self.tr("Showing only the %n reservations behind: {0}", None, count).format(title))
        self.show()
