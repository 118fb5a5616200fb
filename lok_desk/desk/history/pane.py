"""The desk-history pane: this desk's own log merged with Lok's action log, filtered, searched, exported.

Lok's action log (#1) is read only for roles that may read it (owner, seller, reporter, admin; an
employee sees this desk's log alone, with the reason written above the table). Reading the local
file and writing the CSV run off the Qt thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.core.codes import SlipKind
from lok_desk.core.csv_export import write_csv
from lok_desk.core.history import (
    HISTORY_COLUMNS,
    Action,
    HistoryRow,
    Outcome,
    Source,
    history_records,
    matches,
    merged,
)
from lok_desk.core.problems import Problem
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import ProblemLine, accept_problems, problem_for, report
from lok_desk.desk.kit.problems import describe
from lok_desk.desk.kit.records import SORT_ROLE, ask_save_csv_path, record_list_view
from lok_desk.desk.kit.slips import slip_names
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for

ModelIndex = QModelIndex | QPersistentModelIndex
SavePathChooser = Callable[[QWidget, str], Awaitable[str | None]]


def action_names() -> dict[str, str]:
    return {
        Action.CREATED.value: translate("DeskHistory", "Created"),
        Action.CANCELLED.value: translate("DeskHistory", "Cancelled"),
        Action.UPDATED.value: translate("DeskHistory", "Updated"),
        Action.PRINTED_SLIP.value: translate("DeskHistory", "Printed a slip"),
        Action.REQUESTED_SHIPMENT.value: translate("DeskHistory", "Requested shipment"),
        Action.PRINTED_COURIER_SHEET.value: translate("DeskHistory", "Printed a courier sheet"),
        Action.AUDITED.value: translate("DeskHistory", "Audited the locker"),
        Action.PREPARED_REMINDER.value: translate("DeskHistory", "Prepared a reminder"),
        Action.EXPORTED_AUDIT.value: translate("DeskHistory", "Exported an audit"),
    }


def outcome_names() -> dict[str, str]:
    return {
        Outcome.DONE.value: translate("DeskHistory", "Done"),
        Outcome.REFUSED.value: translate("DeskHistory", "Refused"),
        Outcome.FAILED.value: translate("DeskHistory", "Failed"),
    }


def detail_text(row: HistoryRow) -> str:
    """The detail column: a refusal worded now, in the person's language, from its kind and Lok's facts."""
    if row.problem is not None:
        return describe(row.problem)[0]
    if row.source is Source.DESK and row.what == Action.PRINTED_SLIP.value and row.detail in set(SlipKind):
        return slip_names()[SlipKind(row.detail)]     # stored as the slip's kind, a value, never words
    return row.detail


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("From"), self.tr("Who"), self.tr("What"), self.tr("Result"),
                self.tr("Shipment id"), self.tr("Reservation id"), self.tr("Detail"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == SORT_ROLE:
            if column == 0:
                return row.at.timestamp() if row.at is not None else 0.0
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return formatting.format_utc_tooltip(row.at)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return formatting.format_long_stamp(row.at)
        if column == 1:
            return self.tr("This desk") if row.source is Source.DESK else self.tr("Lok")
        if column == 2:
            return row.who
        if column == 3:
            return action_names().get(row.what, row.what) if row.source is Source.DESK else row.what
        if column == 4:
            return outcome_names().get(row.outcome, row.outcome) if row.source is Source.DESK else row.outcome
        return (row.shipment_id, row.reservation_id, detail_text(row))[column - 5]


class DeskHistoryPane(QWidget):
    def __init__(self, session: QtSession, parent: QWidget | None = None, *,
                 save_path: SavePathChooser | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._save_path = save_path or self._ask_save_path
        self.setAccessibleName(self.tr("Desk history"))
        self.all_rows: list[HistoryRow] = []
        self.started = False
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleDescription(self.tr("What this history holds"))
        layout.addWidget(self.note)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search who, what, ids, detail…"))
        self.search_edit.setAccessibleName(self.tr("Search the history"))
        self.search_edit.setClearButtonEnabled(True)
        self.source_combo = QComboBox(self)
        self.source_combo.setAccessibleName(self.tr("From"))
        self.source_combo.addItem(self.tr("This desk and Lok"), None)
        self.source_combo.addItem(self.tr("This desk"), Source.DESK.value)
        self.source_combo.addItem(self.tr("Lok's action log"), Source.LOK.value)
        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("What"))
        self.action_combo.addItem(self.tr("Every action"), "")
        for value, name in action_names().items():
            self.action_combo.addItem(name, value)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.source_combo)
        filters.addWidget(self.action_combo)
        layout.addLayout(filters)
        self.model = HistoryModel(self)
        self.table = record_list_view(self.model, self, name=self.tr("Desk history"), sort_column=0,
                                      order=Qt.SortOrder.DescendingOrder, single_selection=False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proxy = cast(QSortFilterProxyModel, self.table.model())
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.bom_check = QCheckBox(self.tr("UTF-8 with BOM (for Excel)"), self)
        self.bom_check.setChecked(True)
        self.status = ProblemLine(self, name=self.tr("History status"))
        accept_problems(self, self.status.show_problem)
        for widget in (self.reload_button, self.export_button, self.bom_check):
            actions.addWidget(widget)
        actions.addWidget(self.status, 1)
        layout.addLayout(actions)
        self.reload_button.clicked.connect(lambda: spawn(self.load(), owner=self))
        self.export_button.clicked.connect(lambda: spawn(self.export_csv(), owner=self))
        self.search_edit.textChanged.connect(lambda _t: self.apply_filter())
        self.source_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())

    def start(self) -> None:
        if not self.started:
            self.started = True
            spawn(self.load(), owner=self)

    async def load(self) -> list[HistoryRow]:
        recorder = recorder_for(self.session)
        await recorder.flush()
        local = await asyncio.to_thread(recorder.log.read)
        lok: list[models.ActionLogEntry] = []
        unread: Problem | None = None
        permission = self.session.capabilities.can_read_company_settings()
        if permission:
            try:
                lok = await self.session.call(self.session.service.get_action_logs())
                self.note.setText(self.tr("What was done at this desk (kept on this computer), with Lok's "
                                          "action log for the whole company."))
            except LokError as error:
                self.note.setText(self.tr("What was done at this desk (kept on this computer). Lok's action "
                                          "log could not be read; the line below says why."))
                unread = problem_for(error, doing=self.tr("reading the action log"))
        else:
            self.note.setText(self.tr("What was done at this desk (kept on this computer). Lok's action "
                                      "log is not shown: {0}").format(permission.reason))
        self.all_rows = merged(local, lok)
        self.apply_filter()
        if unread is not None:
            self.status.show_problem(unread)
        return self.all_rows

    def shown(self) -> list[HistoryRow]:
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def apply_filter(self) -> None:
        source_value = self.source_combo.currentData()
        source = Source(source_value) if source_value else None
        what = str(self.action_combo.currentData() or "")
        rows = [row for row in self.all_rows
                if matches(row, self.search_edit.text(), source, what, detail_text(row))]
        self.model.set_rows(rows)
        self.status.show_text(self.tr("{0} of {1} entries").format(len(rows), len(self.all_rows)))
        self.export_button.setEnabled(bool(rows))

    async def _ask_save_path(self, parent: QWidget, suggested: str) -> str | None:
        return await ask_save_csv_path(parent, self.tr("Export the desk history"), suggested)

    async def export_csv(self) -> str | None:
        """What is shown (filtered, in the shown order) as CSV, written off the Qt thread."""
        rows = self.shown()
        path = await self._save_path(self, f"desk-history-{datetime.now().date().isoformat()}.csv")
        if not path:
            return None
        try:
            await asyncio.to_thread(write_csv, Path(path), HISTORY_COLUMNS, history_records(rows),
                                    bom=self.bom_check.isChecked())
        except OSError as error:
            report(self, error, doing=self.tr("exporting the desk history"))
            return None
        self.status.show_text(self.tr("Exported %n rows to {0}", None, len(rows)).format(path))
        return path
