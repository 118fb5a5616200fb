"""Pieces the owner-workspace panes share: permission greying, URL checks, a plain table model, CSV export."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from lok_desk.desk.kit.asyncqt import run_dialog
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.roles import Permission

#: The raw, comparable value of a cell (epoch seconds, numbers, plain strings): the one sort role of
#: every desk table, so a proxy sorts times and counts as values, not as their display text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2    # the row's source object

Index = QModelIndex | QPersistentModelIndex

# A coroutine that asks where to save a file: (parent, title, suggested name) → path or None.
PathChooser = Callable[[QWidget, str, str], Awaitable[str | None]]


def apply_permission(permission: Permission, widgets: Iterable[QWidget], *, tooltip: str = "") -> None:
    """Enable the edit controls when allowed; otherwise grey them out and say why in the tooltip."""
    for widget in widgets:
        widget.setEnabled(bool(permission))
        widget.setToolTip(tooltip if permission else permission.reason)


class RowTableModel(QAbstractTableModel):
    """Read-only rows of display values, with raw values under SORT_ROLE and the row object under ROW_ROLE.

    `columns` are (header, function(row) → display text, function(row) → sort value).
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str], Callable[[Any], Any]]],
        parent: QObject | None = None,
        *,
        tooltip: Callable[[Any, int], str] | None = None,
        foreground: Callable[[Any, int], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._tooltip = tooltip
        self._foreground = foreground

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append(self, row: Any) -> None:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        _header, display, sort_value = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(row)
        if role == SORT_ROLE:
            value = sort_value(row)
            return "" if value is None else value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row, index.column()) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._foreground(row, index.column())
        return None


def record_list_view(
    model: QAbstractItemModel,
    parent: QWidget,
    *,
    name: str,
    sort_column: int,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    single_selection: bool = True,
) -> QTableView:
    """A read-only list of records as the owner panes show them: sorted on raw values (SORT_ROLE)
    through a proxy, whole rows selected, no row numbers, columns sized to their contents."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView(parent)
    table.setTabKeyNavigation(False)   # read-only: Tab moves on, arrows move inside
    table.setAccessibleName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


async def ask_save_csv_path(parent: QWidget, title: str, suggested: str) -> str | None:
    """A save dialog for a .csv file, awaited without exec(); a bare file name starts in Documents."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and suggested and not Path(suggested).is_absolute():
        suggested = str(Path(documents) / suggested)
    dialog = QFileDialog(parent, title, suggested, translate("csv_dialog", "CSV files (*.csv)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    accepted = await run_dialog(dialog)
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return files[0] if accepted and files else None


async def ask_open_csv_path(parent: QWidget, title: str, _suggested: str = "") -> str | None:
    """An open dialog for a .csv file, awaited without exec()."""
    dialog = QFileDialog(parent, title, "", translate("csv_dialog", "CSV files (*.csv);;All files (*)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    accepted = await run_dialog(dialog)
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return files[0] if accepted and files else None


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped, softer line of explanation under a control."""
    from lok_desk.desk.kit.forms import mute

    label = QLabel(text, parent)
    label.setWordWrap(True)
    mute(label)
    return label
