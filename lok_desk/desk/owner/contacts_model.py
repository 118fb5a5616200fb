"""A directory's contacts as an editable Qt table: a view of the core's `ContactRows`
(lok_desk/core/owner/directories.py), each cell's problem painted and written in its tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from lok_desk.core.owner.contacts_csv import REQUIRED_COLUMNS
from lok_desk.core.owner.directories import EDIT_COLUMNS, ContactRows
from lok_desk.desk.kit.i18n import say, translate
from lok_desk.desk.kit.records import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

PROBLEM_BACKGROUND = QColor("#FBE3D6")   # pale vermillion; the problem is also written out in words
PROBLEM_FOREGROUND = QColor("#3A1400")


class ContactsModel(QAbstractTableModel):
    """Rows and cells of `rows` (the presenter's); edits go into it, so it is the one copy."""

    def __init__(self, rows: ContactRows, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.contacts = rows
        self.editable = True

    @property
    def dirty(self) -> bool:
        return self.contacts.dirty

    def reload(self) -> None:
        """The presenter replaced the rows (a directory opened or saved)."""
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.contacts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EDIT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            key, label = EDIT_COLUMNS[section]
            return translate("ContactsModel", label) + (" *" if key in REQUIRED_COLUMNS else "")
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags   # the model's root (Qt's model tester checks it)
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = EDIT_COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            return self.contacts.rows[index.row()].get(key, "")
        if role not in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        problem = self.contacts.problem(index.row(), key)
        if problem is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return PROBLEM_FOREGROUND   # the pale background needs dark text in dark themes too
        return say(problem)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.contacts.set(index.row(), EDIT_COLUMNS[index.column()][0], str(value)):
            return False
        self.dataChanged.emit(index, index)
        return True

    def add_row(self) -> int:
        position = len(self.contacts)
        self.beginInsertRows(QModelIndex(), position, position)
        self.contacts.add()
        self.endInsertRows()
        return position

    def remove_rows(self, positions: list[int]) -> None:
        for position in sorted(set(positions), reverse=True):
            self.beginRemoveRows(QModelIndex(), position, position)
            self.contacts.remove([position])
            self.endRemoveRows()

    def problems(self) -> list[str]:
        return [say(problem) for problem in self.contacts.problems()]
