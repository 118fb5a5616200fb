"""The Today board: what needs this desk today, bucket by bucket, live from the reservation store.

The buckets are lok_desk.core.today; this pane loads what the store lacks once (the active
reservations of the person's locations, and those finished in the last 30 days for "Resolved"),
then follows the store: whatever the sync engine, the Reservations pane or this board merges shows
here without a key press. A one-minute tick re-sorts the board as time passes (a parcel becomes
overdue while nobody touches anything).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError
from lok_desk.core.csv_export import write_csv
from lok_desk.core.reminders import contact_of
from lok_desk.core.store import Origin, StoreChange
from lok_desk.core.today import (
    ATTENTION,
    EXPORT_COLUMNS,
    BoardRow,
    Bucket,
    board,
    cancellable_overdue,
    export_records,
    load_board,
    named_shipments,
    opening_bucket,
)
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import confirm, spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import ProblemLine, accept_problems, problem_for, report
from lok_desk.desk.kit.problems import describe
from lok_desk.desk.kit.records import SORT_ROLE, ask_save_csv_path
from lok_desk.desk.kit.tokens_view import PrinterChooser, ask_printer
from lok_desk.desk.kit.widgets import focus_table
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from lok_desk.desk.today.reminder import OPEN_URL, OpenUrl, ReminderDialog

#: How long a reservation that left the attention buckets stays under "resolved" (core.today.RESOLVED_FOR).
RESOLVED_DAYS = 30
#: The lists whose recipients the desk may remind (parcels waiting past pick-up, or never delivered).
REMINDABLE = (Bucket.WAITING_PAST_PICKUP, Bucket.OVERDUE_DELIVERY)

ModelIndex = QModelIndex | QPersistentModelIndex


def bucket_names() -> dict[Bucket, str]:
    return {
        Bucket.ARRIVING_TODAY: translate("TodayBoard", "Arriving today"),
        Bucket.OVERDUE_DELIVERY: translate("TodayBoard", "Overdue for delivery"),
        Bucket.WAITING_PAST_PICKUP: translate("TodayBoard", "Waiting past pick-up"),
        Bucket.EXPIRING_PRE: translate("TodayBoard", "Pre-reservations expiring"),
        Bucket.DELIVERED_TODAY: translate("TodayBoard", "Delivered today"),
        Bucket.PICKED_UP_TODAY: translate("TodayBoard", "Picked up today"),
        Bucket.RESOLVED: translate("TodayBoard", "Resolved (30 days)"),
    }


def when_header(bucket: Bucket) -> str:
    return {
        Bucket.ARRIVING_TODAY: translate("TodayBoard", "Delivery due"),
        Bucket.OVERDUE_DELIVERY: translate("TodayBoard", "Delivery was due"),
        Bucket.WAITING_PAST_PICKUP: translate("TodayBoard", "Pick-up was due"),
        Bucket.EXPIRING_PRE: translate("TodayBoard", "Expires"),
        Bucket.DELIVERED_TODAY: translate("TodayBoard", "Delivered"),
        Bucket.PICKED_UP_TODAY: translate("TodayBoard", "Picked up"),
        Bucket.RESOLVED: translate("TodayBoard", "Resolved"),
    }[bucket]


class BucketModel(QAbstractTableModel):
    """The rows of one bucket; raw values under SORT_ROLE so dates and days sort as such."""

    COLUMNS: tuple[str, ...] = ("shipment", "location", "status", "when", "days", "result")
    #: The late lists also show who to remind (issue 22): Lok sends the recipient with the reservation.
    CONTACT_COLUMNS: tuple[str, ...] = ("shipment", "location", "status", "when", "days", "recipient",
                                        "phone", "email", "result")

    def __init__(self, bucket: Bucket, session: QtSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.bucket = bucket
        if bucket in REMINDABLE:
            self.COLUMNS = self.CONTACT_COLUMNS
        self.session = session
        self.rows: list[BoardRow] = []
        #: Bulk-action results by reservation id ("Cancelled", "Refused: …").
        self.results: dict[str, str] = {}

    def set_rows(self, rows: list[BoardRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headers(self) -> list[str]:
        names = {"shipment": self.tr("Shipment id"), "location": self.tr("Location"),
                 "status": self.tr("Status"), "when": when_header(self.bucket), "days": self.tr("Days late"),
                 "recipient": self.tr("Recipient"), "phone": self.tr("Phone"), "email": self.tr("E-mail"),
                 "result": self.tr("Result")}
        return [names[column] for column in self.COLUMNS]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def raw(self, row: BoardRow, column: int) -> Any:
        """What a cell holds before formatting (also what the CSV export writes)."""
        reservation = row.reservation
        name = self.COLUMNS[column]
        if name == "shipment":
            return reservation.shipment_id or reservation.id or ""
        if name == "location":
            return self.session.location_name(reservation.location_id)
        if name == "status":
            return str(reservation.current_status or "")
        if name == "when":
            return row.when
        if name == "days":
            return row.days_late
        if name in ("recipient", "phone", "email"):
            contact = contact_of(reservation)
            return {"recipient": contact.name, "phone": contact.phone, "email": contact.email}[name]
        return self.results.get(row.reservation_id, "")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = self.raw(row, index.column())
        name = self.COLUMNS[index.column()]
        if role == SORT_ROLE:
            if isinstance(value, datetime):
                return value.timestamp()
            return value if value is not None else -1
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, datetime):
            return formatting.format_utc_tooltip(value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # Said with its column's name: a row read aloud was values only (which date is which?).
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return self.tr("{0}: {1}").format(self.headers()[index.column()], shown if shown else "—")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if name == "status":
            return formatting.format_status(value)
        if name == "when":
            return formatting.format_local_marked(
                value, self.session.location_timezone(row.reservation.location_id))
        if name == "days":
            if value is None:
                return ""
            if int(value) == 0:
                return self.tr("less than a day")
            return self.tr("%n days", None, int(value))
        return value


class BucketView(QWidget):
    def __init__(self, model: BucketModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)   # Tab moves on to the actions; arrows move inside
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(bucket_names()[model.bucket])
        # Most urgent first: the oldest deadline of the late lists, the newest event of the "today" ones.
        newest_first = model.bucket in (Bucket.DELIVERED_TODAY, Bucket.PICKED_UP_TODAY, Bucket.RESOLVED)
        self.table.sortByColumn(BucketModel.COLUMNS.index("when"), Qt.SortOrder.DescendingOrder
                                if newest_first else Qt.SortOrder.AscendingOrder)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def set_rows(self, rows: list[BoardRow]) -> None:
        """New rows, keeping the person's selection (by reservation id): a sync round every few
        seconds must not undo a selection made for a bulk action."""
        chosen = {row.reservation_id for row in self.selected_rows()}
        self.model.set_rows(rows)
        if not chosen:
            return
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for position in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(position, 0)).row()
            if self.model.rows[source].reservation_id in chosen:
                selection.select(self.proxy.index(position, 0), flags)

    def selected_rows(self) -> list[BoardRow]:
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.rows[row] for row in sorted(rows) if row < len(self.model.rows)]

    def shown_rows(self) -> list[BoardRow]:
        """The rows in the order they are shown (what the export writes)."""
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]


class TodayBoard(QWidget):
    """Tabs per bucket with counts; Enter or double-click opens a row; bulk cancel; CSV export."""

    counts_changed = Signal()
    open_requested = Signal(str)

    def __init__(self, session: QtSession, parent: QWidget | None = None, *,
                 choose_printer: PrinterChooser = ask_printer,
                 on_open_reservation: Callable[[str], None] | None = None,
                 save_path: Callable[[QWidget, str], Any] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: Opens the mail client for a reminder (a test hands in its own).
        self.open_url: OpenUrl = OPEN_URL
        self.choose_printer = choose_printer
        self._save_path = save_path or self._ask_save_path
        if on_open_reservation is not None:
            self.open_requested.connect(on_open_reservation)
        self.setAccessibleName(self.tr("Today"))
        self.buckets: dict[Bucket, list[BoardRow]] = {bucket: [] for bucket in Bucket}
        self._seen: dict[str, datetime] = {}
        self._loaded = False
        self._load_task: asyncio.Task[None] | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription(self.tr("Today summary"))
        layout.addWidget(self.summary)
        self.by_location = QLabel(self)
        self.by_location.setWordWrap(True)
        self.by_location.setAccessibleDescription(self.tr("Late by location"))
        layout.addWidget(self.by_location)
        self.tabs = QTabWidget(self)
        self.views: dict[Bucket, BucketView] = {}
        for bucket in Bucket:
            view = BucketView(BucketModel(bucket, session, self), self.tabs)
            # `activated` alone covers Enter and a double-click; `doubleClicked` as well opened twice.
            view.table.activated.connect(lambda index, v=view: self._open_index(v, index))
            view.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
            self.views[bucket] = view
            self.tabs.addTab(view, bucket_names()[bucket])
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        layout.addWidget(self.tabs, 1)
        actions = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel selected…"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel selected overdue reservations"))
        self.cancel_button.clicked.connect(lambda: spawn(self.cancel_selected(), owner=self))
        self.export_button = QPushButton(self.tr("Export shown…"), self)
        self.export_button.setAccessibleDescription(self.tr("Export the shown rows as CSV"))
        self.export_button.clicked.connect(lambda: spawn(self.export_shown(), owner=self))
        self.remind_button = QPushButton(self.tr("Re&mind recipient…"), self)
        self.remind_button.setAccessibleName(self.tr("Remind recipient…"))
        self.remind_button.setAccessibleDescription(self.tr(
            "Copies or e-mails a reminder to the chosen row's recipient (never a code)"))
        self.remind_button.clicked.connect(lambda: self.remind_selected())
        self.bom_check = QCheckBox(self.tr("UTF-8 with BOM (for Excel)"), self)
        self.bom_check.setChecked(True)
        # The board's line: counts and results, and any failure of the board (the one problem path).
        self.status = ProblemLine(self, name=self.tr("Board status"))
        accept_problems(self, self.status.show_problem)
        for widget in (self.cancel_button, self.remind_button, self.export_button, self.bom_check):
            actions.addWidget(widget)
        actions.addWidget(self.status, 1)
        layout.addLayout(actions)
        self._unsubscribe = session.store.subscribe(self._on_store_change)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self._recompute_soon = QTimer(self)
        self._recompute_soon.setSingleShot(True)
        self._recompute_soon.setInterval(50)
        self._recompute_soon.timeout.connect(self.recompute)
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.recompute)
        self.recompute()

    # ---- data -----------------------------------------------------------------------------------
    def tab_title(self) -> str:
        # The badge counts what is late (overdue, past pick-up, expiring); arriving today is the plan.
        attention = sum(len(self.buckets[b]) for b in ATTENTION if b is not Bucket.ARRIVING_TODAY)
        return self.tr("&Today ({0})").format(attention) if attention else self.tr("&Today")

    def _location_filter(self) -> str | None:
        caps = self.session.capabilities
        return None if caps.sees_all_locations else caps.location_id

    def _on_store_change(self, change: StoreChange) -> None:
        if change.inserted or change.updated or change.removed:
            self._recompute_soon.start()

    def recompute(self) -> None:
        self._recompute_soon.stop()
        own = self._location_filter()
        reservations = [r for r in self.session.store if own is None or r.location_id == own]
        self.buckets = board(reservations, self.session.server_now(),
                             lambda lid: formatting.zone(self.session.location_timezone(lid)),
                             seen_on_board=self._seen, resolved_for=timedelta(days=RESOLVED_DAYS))
        names = bucket_names()
        for bucket, view in self.views.items():
            rows = self.buckets[bucket]
            view.set_rows(rows)
            index = self.tabs.indexOf(view)
            self.tabs.setTabText(index, f"{names[bucket]} ({len(rows)})")
            view.empty.setText("" if rows else self.tr("Nothing here now."))
            view.empty.setVisible(not rows)
        overdue = len(self.buckets[Bucket.OVERDUE_DELIVERY])
        waiting = len(self.buckets[Bucket.WAITING_PAST_PICKUP])
        arriving = len(self.buckets[Bucket.ARRIVING_TODAY])
        self.summary.setText(self.tr(
            "{0} arriving today · {1} overdue for delivery · {2} waiting past their pick-up date").format(
            arriving, overdue, waiting) if self._loaded or len(self.session.store) else self.tr("Loading…"))
        self.by_location.setText(self._late_by_location())
        self.by_location.setVisible(bool(self.by_location.text()))
        self._update_actions()
        self.counts_changed.emit()

    def _late_by_location(self) -> str:
        """The late lists split by location (issue 23), for a person who sees more than one."""
        if not self.session.capabilities.sees_all_locations:
            return ""
        late: dict[str, list[int]] = {}
        names: dict[str, str] = {}
        for which, bucket in enumerate((Bucket.OVERDUE_DELIVERY, Bucket.WAITING_PAST_PICKUP)):
            for row in self.buckets[bucket]:
                location = row.reservation.location_id or ""
                late.setdefault(location, [0, 0])[which] += 1
                # A public-network locker is not among the company's locations: its name comes with
                # the reservation (variant A) when the session does not know it.
                embedded = getattr(row.reservation.location, "internal_name", None)
                known = self.session.location_name(location)
                names[location] = embedded if embedded and known == location else known
        parts = [self.tr("{0}: {1} overdue · {2} past pick-up").format(names[location], overdue, waiting)
                 for location, (overdue, waiting) in sorted(late.items(),
                                                            key=lambda item: names[item[0]].casefold())]
        return "; ".join(parts)

    def counts(self) -> dict[Bucket, int]:
        return {bucket: len(rows) for bucket, rows in self.buckets.items()}

    def start(self) -> None:
        """Load once what the store lacks, then follow the store (called when the window shows)."""
        if self._load_task is None:
            self._load_task = spawn(self.load(), owner=self)
            self._tick.start()

    async def load(self) -> None:
        now = self.session.server_now()
        own = self._location_filter()
        try:
            await load_board(self.session.service, self.session.store, now=now, location_id=own,
                             call=self.session.call)
        except LokError as error:
            report(self, error, doing=self.tr("loading the board"))
        first = not self._loaded
        self._loaded = True
        self.recompute()
        # Open on the list that needs action, unless the person already chose one while it loaded.
        if first and self.current_bucket() is Bucket.ARRIVING_TODAY:
            self.tabs.setCurrentWidget(self.views[opening_bucket(self.counts())])

    # ---- actions --------------------------------------------------------------------------------
    def focus_list(self) -> None:
        """Ctrl+T: the focus in the list in front, on its current row."""
        focus_table(self.views[self.current_bucket()].table)

    def current_bucket(self) -> Bucket:
        widget = self.tabs.currentWidget()
        for bucket, view in self.views.items():
            if view is widget:
                return bucket
        return Bucket.ARRIVING_TODAY

    def _update_actions(self) -> None:
        bucket = self.current_bucket()
        view = self.views[bucket]
        write = self.session.capabilities.can_write_reservations(self._location_filter())
        cancellable = cancellable_overdue(view.selected_rows()) if bucket is Bucket.OVERDUE_DELIVERY else []
        self.cancel_button.setEnabled(bool(write) and bool(cancellable))
        if not write:
            self.cancel_button.setToolTip(write.reason)
        elif bucket is not Bucket.OVERDUE_DELIVERY:
            self.cancel_button.setToolTip(self.tr("Select reservations under “Overdue for delivery”"))
        else:
            self.cancel_button.setToolTip(
                self.tr("Cancel the selected reservations that were never delivered"))
        self.export_button.setEnabled(bool(view.model.rows))
        self.remind_button.setEnabled(bucket in REMINDABLE and len(view.selected_rows()) == 1)

    def _open_index(self, view: BucketView, index: QModelIndex) -> None:
        row = view.model.rows[view.proxy.mapToSource(index).row()]
        if row.reservation_id:
            self.open_requested.emit(row.reservation_id)

    async def cancel_selected(self, *, confirmed: bool | None = None) -> dict[str, str]:
        """Cancel the selected overdue, never-delivered reservations after one confirmation naming how
        many; each row's Result says done or refused and why. `confirmed` skips the question (tests)."""
        view = self.views[Bucket.OVERDUE_DELIVERY]
        rows = cancellable_overdue(view.selected_rows())
        if not rows:
            return {}
        if confirmed is None:
            # Singular and plural spelled out: the desk installs no English plural catalogue in tests,
            # and "reservation(s)" reads like a form, not a question.
            # The question names the shipments (a few, then "and N more"): a count alone hid which.
            named = self._listed(rows)
            if len(rows) == 1:
                question = self.tr("Cancel 1 reservation that was never delivered ({0})? Its box is released "
                                   "and its tokens stop working.").format(named)
                ok_text = self.tr("Cancel 1 reservation")
                keep_text = self.tr("Keep it")
            else:
                question = self.tr("Cancel {0} reservations that were never delivered ({1})? Their boxes "
                                   "are released and their tokens stop working.").format(len(rows), named)
                ok_text = self.tr("Cancel {0} reservations").format(len(rows))
                keep_text = self.tr("Keep them")
            confirmed = await confirm(self, self.tr("Cancel reservations"), question, ok_text=ok_text,
                                      keep_text=keep_text, destructive=True)
        if not confirmed:
            return {}
        recorder_for(self.session)   # the desk history records each cancel with its result
        results: dict[str, str] = {}
        for row in rows:
            try:
                await self.session.call(self.session.service.cancel_reservation(row.reservation_id))
            except LokError as error:
                refused = problem_for(error, doing=self.tr("cancelling the reservation"))
                results[row.reservation_id] = self.tr("Refused: {0}").format(describe(refused)[0])
            else:
                results[row.reservation_id] = self.tr("Cancelled")
        for model in (v.model for v in self.views.values()):
            model.results.update(results)
        cancelled = [row for row in rows if results.get(row.reservation_id) == self.tr("Cancelled")]
        refused_rows = [row for row in rows if row not in cancelled]
        # Which shipments, not only how many: the cancelled rows leave this list; each row's reason is
        # in its Result column wherever the row is.
        said = []
        if cancelled:
            said.append(self.tr("Cancelled %n: {0}.", None, len(cancelled)).format(self._listed(cancelled)))
        if refused_rows:
            said.append(self.tr("Refused %n: {0}; the reason is in its Result column.", None,
                                len(refused_rows)).format(self._listed(refused_rows)))
        self.status.show_text(" ".join(said))
        # The cancelled rows leave the board for Resolved; read them again so the board moves at once.
        for row in rows:
            if results.get(row.reservation_id) == self.tr("Cancelled"):
                try:
                    fresh = await self.session.call(self.session.service.get_reservation(
                        row.reservation_id, include_tokens=False))
                except LokError:
                    continue
                self.session.store.merge([fresh.reservation], Origin.OWN)
        self.recompute()
        return results

    def _listed(self, rows: list[BoardRow]) -> str:
        """A few shipments by name, then "and N more" (lok_desk.core.today.named_shipments)."""
        shown, more = named_shipments(rows)
        named = ", ".join(shown)
        return self.tr("{0} and %n more", None, more).format(named) if more else named

    def remind_selected(self) -> ReminderDialog | None:
        """The reminder for the chosen row of a late list (a window beside the board)."""
        bucket = self.current_bucket()
        rows = self.views[bucket].selected_rows()
        if bucket not in REMINDABLE or len(rows) != 1:
            return None
        dialog = ReminderDialog(self.session, rows[0].reservation, self, open_url=self.open_url)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    async def _ask_save_path(self, parent: QWidget, suggested: str) -> str | None:
        return await ask_save_csv_path(parent, self.tr("Export the board"), suggested)

    async def export_shown(self) -> str | None:
        """The rows of the bucket in front, as shown (sorted), to CSV off the Qt thread."""
        bucket = self.current_bucket()
        view = self.views[bucket]
        day = self.session.server_now().date().isoformat()
        path = await self._save_path(self, f"today-{bucket.value}-{day}.csv")
        if not path:
            return None
        records = export_records(view.shown_rows(), self.session.location_name,
                                 lambda rid: view.model.results.get(rid, ""))
        try:
            await asyncio.to_thread(write_csv, Path(path), EXPORT_COLUMNS, records,
                                    bom=self.bom_check.isChecked())
        except OSError as error:
            report(self, error, doing=self.tr("exporting the board"))
            return None
        self.status.show_text(self.tr("Exported %n rows to {0}", None, len(records)).format(path))
        return path
