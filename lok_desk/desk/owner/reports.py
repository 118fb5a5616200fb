"""Reports pane: recent activity (#23) as a table and a per-day chart, the action log (#1) with filter and
search, a request for the full activity report (#19), and CSV export of either table — a view of
`ReportsPresenter` (lok_desk/core/owner/reports.py), which loads, counts, filters and words the exports.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.csv_export import write_csv
from lok_desk.core.owner.reports import (
    ACTIVITY_COLUMNS,
    LOG_COLUMNS,
    ReportsPresenter,
    action_log_records,
    activity_by_day,
    activity_records,
    is_read,
    log_matches,
)
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import with_error
from lok_desk.desk.kit.i18n import say, translate
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine, problem_for, tell
from lok_desk.desk.kit.records import (
    ROW_ROLE,
    SORT_ROLE,
    PathChooser,
    RowTableModel,
    ask_save_csv_path,
    hint_label,
)
from lok_desk.desk.owner.activity_chart import ActivityChart
from lok_desk.desk.qt_session import QtSession


def _local_in(dt: datetime | None, tz_name: str) -> str:
    return formatting.format_local(dt, tz_name) if dt is not None else formatting.DASH


class ActionLogFilter(QSortFilterProxyModel):
    """The action log's filter (lok_desk/core/owner/reports.log_matches): free text over every field and a
    result class (all, 2xx, 4xx, 5xx)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status_class = 0           # 0 = any, else 2/4/5 for 2xx/4xx/5xx
        self.text = ""
        self.reads = False              # the desks' reads are hidden until asked for: the people's first
        self.setSortRole(SORT_ROLE)

    def set_reads(self, shown: bool) -> None:
        self.beginFilterChange()
        self.reads = shown
        self.endFilterChange()

    def set_status_class(self, value: int) -> None:
        # beginFilterChange/endFilterChange replace the deprecated invalidateFilter() (Qt 6.9+).
        self.beginFilterChange()
        self.status_class = value
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        entry = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return isinstance(entry, models.ActionLogEntry) and log_matches(
            entry, self.text, self.status_class, reads=self.reads)


def _table(parent: QWidget, name: str, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setTabKeyNavigation(False)   # read-only: Tab moves on, arrows move inside
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class ReportsPane(QWidget):
    """Everyone who sees it may read and export; requesting the full report is reading too (#19)."""

    # Built after the buttons whose handlers export them.
    activity_table: QTableView
    logs_table: QTableView
    report_binder: FormBinder

    def __init__(self, session: QtSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reports"))
        self._session = session
        self.choose_save_path: PathChooser = ask_save_csv_path
        self.presenter = ReportsPresenter(session.service, session.call)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Report sections"))
        self.tabs.addTab(self._build_activity(), self.tr("Recent activity"))
        self.tabs.addTab(self._build_logs(), self.tr("Action log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    # ---- recent activity --------------------------------------------------------------------------
    def _build_activity(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(hint_label(self.tr(
            "Reservations that changed in the last two days, from Lok's recent-activity report. Times are "
            "each locker's local time."), page), 1)
        self.activity_reload = QPushButton(self.tr("Reload"), page)
        self.activity_reload.setAccessibleName(self.tr("Reload recent activity"))
        self.activity_reload.clicked.connect(lambda: spawn(self.load_activity(), owner=self))
        self.activity_export = QPushButton(self.tr("Export CSV…"), page)
        self.activity_export.setAccessibleDescription(self.tr("Export recent activity to CSV"))
        self.activity_export.clicked.connect(
            lambda: spawn(self.export(self.activity_table, "recent-activity.csv"), owner=self))
        top.addWidget(self.activity_reload)
        top.addWidget(self.activity_export)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.chart = ActivityChart(splitter)
        self.activity_model = RowTableModel(
            [
                (self.tr("Order"), lambda r: r.order_id, lambda r: r.order_id),
                (self.tr("Locker"), lambda r: r.locker, lambda r: r.locker),
                (self.tr("Reserved"), lambda r: _local_in(r.reserved_at, r.timezone),
                 lambda r: _ts(r.reserved_at)),
                (self.tr("Delivered"), lambda r: _local_in(r.delivered_at, r.timezone),
                 lambda r: _ts(r.delivered_at)),
                (self.tr("Picked up"), lambda r: _local_in(r.picked_up_at, r.timezone),
                 lambda r: _ts(r.picked_up_at)),
                (self.tr("Cancelled"), lambda r: _local_in(r.cancelled_at, r.timezone),
                 lambda r: _ts(r.cancelled_at)),
                (self.tr("Box"), lambda r: r.box, lambda r: r.box),
                (self.tr("Time zone"), lambda r: r.timezone, lambda r: r.timezone),
            ],
            self,
            tooltip=lambda r, c: formatting.format_utc_tooltip(
                [None, None, r.reserved_at, r.delivered_at, r.picked_up_at, r.cancelled_at, None, None][c]),
        )
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.activity_model)
        proxy.setSortRole(SORT_ROLE)
        self.activity_table = _table(splitter, self.tr("Recent activity"), proxy)
        self.activity_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.activity_table)
        splitter.setSizes([280, 360])
        layout.addWidget(splitter, 1)
        self.activity_status = QLabel(page)
        self.activity_status.setAccessibleDescription(self.tr("Recent activity status"))
        layout.addWidget(self.activity_status)
        return page

    @property
    def activity_rows(self) -> list[models.RecentActivityRow]:
        return self.presenter.activity

    @property
    def activity_loaded(self) -> bool:
        return self.presenter.activity_loaded_at is not None

    @property
    def logs_loaded(self) -> bool:
        return self.presenter.logs_loaded_at is not None

    async def load_activity(self) -> list[models.RecentActivityRow]:
        self.activity_reload.setEnabled(False)
        try:
            problem = await self.presenter.load_activity()
        finally:
            self.activity_reload.setEnabled(True)
        if problem is not None:
            tell(self, problem)
            return self.presenter.activity
        rows = self.presenter.activity
        self.activity_model.set_rows(rows)
        self.chart.set_rows(rows)
        self.activity_table.resizeColumnsToContents()
        self.activity_status.setText(self.tr("%n reservations · loaded {time}", None, len(rows)).format(
            time=datetime.now().strftime("%H:%M:%S")))
        return rows

    # ---- action log -------------------------------------------------------------------------------
    def _build_logs(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.log_search = QLineEdit(page)
        self.log_search.setAccessibleName(self.tr("Search the action log"))
        self.log_search.setPlaceholderText(self.tr("Search: resource, user, origin, details…"))
        self.log_search.setClearButtonEnabled(True)
        self.log_result = QComboBox(page)
        self.log_result.setAccessibleName(self.tr("Result filter"))
        for text, value in ((self.tr("Any result"), 0), (self.tr("Succeeded (2xx)"), 2),
                            (self.tr("Refused (4xx)"), 4), (self.tr("Server errors (5xx)"), 5)):
            self.log_result.addItem(text, value)
        # Lok logs every call: the desks' own list reads would bury the people's changes.
        self.log_reads = QCheckBox(self.tr("Show desks' reads (%n)", "", 0), page)
        self.log_reads.setAccessibleDescription(self.tr(
            "Lines that only read (desks and programs keeping their lists fresh) are hidden unless checked"))
        self.logs_reload = QPushButton(self.tr("Reload"), page)
        self.logs_reload.setAccessibleName(self.tr("Reload action log"))
        self.logs_reload.clicked.connect(lambda: spawn(self.load_logs(), owner=self))
        self.logs_export = QPushButton(self.tr("Export CSV…"), page)
        self.logs_export.setAccessibleDescription(self.tr("Export action log to CSV"))
        self.logs_export.clicked.connect(lambda: spawn(self.export(self.logs_table, "action-log.csv"),
                                                       owner=self))
        search_label = QLabel(self.tr("&Search:"), page)
        search_label.setBuddy(self.log_search)
        filters.addWidget(search_label)
        filters.addWidget(self.log_search, 1)
        filters.addWidget(self.log_result)
        filters.addWidget(self.log_reads)
        filters.addWidget(self.logs_reload)
        filters.addWidget(self.logs_export)
        layout.addLayout(filters)
        self.logs_model = RowTableModel(
            [
                (self.tr("When"), lambda e: _machine_local(e.timestamp), lambda e: _ts(e.timestamp)),
                (self.tr("Resource"), lambda e: e.resource or "", lambda e: e.resource or ""),
                (self.tr("Result"), lambda e: _result_text(e.status), lambda e: e.status or 0),
                (self.tr("User"), lambda e: e.user_email or "", lambda e: e.user_email or ""),
                (self.tr("Origin"), lambda e: e.origin or "", lambda e: e.origin or ""),
                (self.tr("Details"), lambda e: (e.payload or "")[:300], lambda e: e.payload or ""),
            ],
            self,
            tooltip=lambda e, c: formatting.format_utc_tooltip(e.timestamp) if c == 0 else (
                (e.payload or "")[:2000] if c == 5 else ""),
        )
        self.logs_proxy = ActionLogFilter(self)
        self.logs_proxy.setSourceModel(self.logs_model)
        self.log_search.textChanged.connect(self.logs_proxy.set_text)
        self.log_search.textChanged.connect(self._show_log_count)
        self.log_result.currentIndexChanged.connect(self._on_log_result)
        self.log_reads.toggled.connect(self.logs_proxy.set_reads)
        self.log_reads.toggled.connect(self._show_log_count)
        self.logs_table = _table(page, self.tr("Action log"), self.logs_proxy)
        self.logs_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        layout.addWidget(self.logs_table, 1)
        self.logs_status = QLabel(page)
        self.logs_status.setAccessibleDescription(self.tr("Action log status"))
        layout.addWidget(self.logs_status)
        layout.addWidget(self._build_full_report(page))
        return page

    def _on_log_result(self, _index: int) -> None:
        self.logs_proxy.set_status_class(int(self.log_result.currentData()))
        self._show_log_count()

    def _show_log_count(self, *_: object) -> None:
        shown, total = self.logs_proxy.rowCount(), self.logs_model.rowCount()
        reads = sum(1 for entry in self.presenter.logs if is_read(entry))
        self.log_reads.setText(self.tr("Show desks' reads (%n)", "", reads))
        self.logs_status.setText(self.tr("Showing {shown} of {total} entries (Lok keeps the newest 1,000 "
                                         "here; request the full report for more).").format(
            shown=shown, total=total))

    async def load_logs(self) -> list[models.ActionLogEntry]:
        self.logs_reload.setEnabled(False)
        try:
            problem = await self.presenter.load_logs()
        finally:
            self.logs_reload.setEnabled(True)
        if problem is not None:
            tell(self, problem)
            return []
        entries = self.presenter.logs
        self.logs_model.set_rows(entries)
        self.logs_table.resizeColumnsToContents()
        self.logs_table.setColumnWidth(5, 320)
        self._show_log_count()
        return entries

    # ---- full report (#19) ------------------------------------------------------------------------
    def _build_full_report(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Full activity report"), parent)
        group.setAccessibleName(self.tr("Full activity report"))
        layout = QVBoxLayout(group)
        layout.addWidget(hint_label(self.tr(
            "Lok prepares the complete action log for the dates you choose and sends it by e-mail "
            "(to the administrator address in Notifications)."), group))
        row = QHBoxLayout()
        form = QFormLayout()
        today = QDate.currentDate()
        self.report_from = QDateEdit(today.addDays(-30), group)
        self.report_from.setCalendarPopup(True)
        self.report_from.setDisplayFormat("dd MMM yyyy")
        self.report_from.setAccessibleName(self.tr("Report from"))
        self.report_until = QDateEdit(today, group)
        self.report_until.setCalendarPopup(True)
        self.report_until.setDisplayFormat("dd MMM yyyy")
        self.report_until.setAccessibleName(self.tr("Report until"))
        from_box, self.report_from_error = with_error(self.report_from, group)
        until_box, self.report_until_error = with_error(self.report_until, group)
        self.report_from.dateChanged.connect(lambda _d: self.report_binder.clear_field("from"))
        self.report_until.dateChanged.connect(lambda _d: self.report_binder.clear_field("until"))
        form.addRow(self.tr("&From:"), from_box)
        form.addRow(self.tr("&Until (inclusive):"), until_box)
        for field, box in ((self.report_from, from_box), (self.report_until, until_box)):
            label = form.labelForField(box)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        row.addLayout(form)
        self.report_button = QPushButton(self.tr("Request full report"), group)
        self.report_button.setAccessibleName(self.tr("Request full report"))
        self.report_button.clicked.connect(lambda: spawn(self.request_report(), owner=self))
        row.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout.addLayout(row)
        self.report_message = QLabel(group)
        self.report_message.setWordWrap(True)
        self.report_message.setAccessibleDescription(self.tr("Report answer"))
        self.report_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.report_message)
        self.report_line = ProblemLine(group, name=self.tr("Report problem"))
        layout.addWidget(self.report_line)
        self.report_binder = FormBinder(group, self.report_line)
        self.report_binder.add("from", self.report_from, self.report_from_error)
        self.report_binder.add("until", self.report_until, self.report_until_error)
        return group

    async def request_report(self) -> str | None:
        """#19 for the days chosen (checked first, at the date that is wrong)."""
        first, last = self.report_from.date().toPython(), self.report_until.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        self.report_button.setEnabled(False)
        self.report_message.clear()
        try:
            outcome = await self.presenter.request_report(first, last)
        finally:
            self.report_button.setEnabled(True)
        if outcome.problem is not None:
            self.report_binder.show(outcome.problem, {field: say(text) for field, text in outcome.messages})
            return None
        self.report_binder.clear()
        text = outcome.value or self.tr("Lok accepted the request.")
        self.report_message.setText("✓ " + text)
        return text

    # ---- export -----------------------------------------------------------------------------------
    def shown_rows(self, table: QTableView) -> list[Any]:
        """The records a table shows, in its order (its filter and sort included)."""
        model = table.model()
        return [model.index(row, 0).data(ROW_ROLE) for row in range(model.rowCount())]

    async def export(self, table: QTableView, suggested: str) -> str | None:
        """Save what a table shows (filter and order included) to a CSV file the person chooses, written by
        the one CSV writer (lok_desk/core/csv_export.py): Lok's values, not the table's formatting."""
        rows = self.shown_rows(table)
        headers: tuple[str, ...]
        if table is self.activity_table:
            headers, records = ACTIVITY_COLUMNS, activity_records(rows)
        else:
            headers, records = LOG_COLUMNS, action_log_records(rows)
        path = await self.choose_save_path(self, self.tr("Export to CSV"), suggested)
        if not path:
            return None
        try:
            await asyncio.to_thread(write_csv, path, headers, records, bom=True)
        except OSError as error:
            tell(self, problem_for(error, doing=self.tr("saving the CSV file")))
            return None
        self._session.notify(self.tr("Saved %n rows to {path}.", None, len(rows)).format(path=path))
        return path

    # ---- pane protocol ----------------------------------------------------------------------------
    def start(self) -> None:
        spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        await self.load_activity()
        await self.load_logs()


def _ts(dt: datetime | None) -> float:
    """A sortable number for a date (missing dates first)."""
    return dt.timestamp() if dt is not None else 0.0


def _machine_local(dt: datetime | None) -> str:
    if dt is None:
        return formatting.DASH
    return formatting.format_long_stamp(dt)


def _result_text(status: int | None) -> str:
    if status is None:
        return formatting.DASH
    if 200 <= status < 300:
        return f"✓ {status}"
    if 400 <= status < 500:
        return translate("ReportsPane", "✕ {status} refused").format(status=status)
    if status >= 500:
        return translate("ReportsPane", "! {status} server error").format(status=status)
    return str(status)


__all__ = ["ActionLogFilter", "ActivityChart", "ReportsPane", "activity_by_day"]
