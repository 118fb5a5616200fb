"""The before/after list shown before an owner setting is saved, so nothing changes by surprise."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.owner.notifications import Change
from lok_desk.core.text import Text
from lok_desk.desk.kit.i18n import say
from lok_desk.desk.kit.records import RowTableModel


def _words(value: str | Text) -> str:
    return say(value) if isinstance(value, Text) else value


class ChangesDialog(QDialog):
    """Setting, now, after saving: one row per change."""

    def __init__(self, title: str, changes: list[Change], *, save_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Check the changes before they are saved to Lok:"), self))
        rows = [(say(c.setting), _words(c.before), _words(c.after)) for c in changes]
        self.model = RowTableModel(
            [
                (self.tr("Setting"), lambda c: c[0], lambda c: c[0]),
                (self.tr("Now"), lambda c: c[1] or "—", lambda c: c[1]),
                (self.tr("After saving"), lambda c: c[2] or "—", lambda c: c[2]),
            ],
            self,
        )
        self.model.set_rows(rows)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)   # read-only: Tab moves on to the buttons, arrows move inside
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(save_text)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 120 + 34 * len(changes))
