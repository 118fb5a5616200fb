"""The Reservations tab: the table of reservations, its filters and loading, and the detail panel."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Awaitable
from enum import Enum
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.core import rules
from lok_desk.core.codes import tokens_hidden_reason
from lok_desk.core.store import Origin, StatusChange, StoreChange
from lok_desk.desk.kit.asyncqt import confirm, run_dialog, spawn
from lok_desk.desk.kit.formatting import STATUS_STYLE
from lok_desk.desk.kit.forms import mute
from lok_desk.desk.kit.problems import problem_from, sentence, what_happened
from lok_desk.desk.kit.slips import slip_names
from lok_desk.desk.kit.tokens_view import PrinterChooser, ask_printer, hidden_text
from lok_desk.desk.reservations.detail import ReservationDetail
from lok_desk.desk.reservations.status_chip import StatusChipDelegate, chip_text
from lok_desk.desk.reservations.table_model import (
    Column,
    LocationLabel,
    Overdue,
    ReservationFilterProxy,
    ReservationRow,
    ReservationTableModel,
    row_from_reservation,
)
from lok_desk.desk.roles import Permission, reason_text
from lok_desk.desk.session import Session

PAGE_SIZE = 100
#: Longest time loaded rows wait before they are shown (a batch is one insert and one repaint).
FLUSH_INTERVAL_S = 0.25
#: Most rows put into the table in one event-loop turn. Placing a row in the sorted, filtered proxy
#: costs ~40 µs of Python (lessThan, filterAcceptsRow), so a 1,000-row batch blocked the loop for
#: 50–110 ms; 200 rows keep each turn near 10 ms and cost nothing in total time.
INSERT_CHUNK_ROWS = 200
#: How often overdue marks are checked against the server's clock (a deadline passes with no change).
OVERDUE_CHECK_MS = 30_000

# Cancel is allowed while pending or reserved (DESIGN §3); anything else answers 409.
CANCELLABLE = rules.CANCELLABLE


class ListState(Enum):
    ACTIVE = "active"
    FINISHED = "finished"
    ALL = "all"


class ListKind(Enum):
    RESERVATIONS = "reservations"
    PRE_RESERVATIONS = "pre_reservations"  # #7
    WITH_SHIPMENT = "with_shipment"  # #18


class ListQuery(NamedTuple):
    state: ListState
    kind: ListKind
    location_id: str | None


def refused_cancel_text(status: str) -> str:
    """Why Lok refuses to cancel a reservation in `status`, in words for the front desk."""
    return reason_text(rules.cancel_refusal(status) or rules.Reason.NOT_CANCELLABLE)


class _Table(QTableView):
    """Enter on a row opens its detail (Return/Enter would otherwise only move the cursor)."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab and Shift+Tab move on to the detail and the filter; arrows move between rows and cells.
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ReservationsPane(QWidget):
    """Reservations of the signed-in person's locations; created, cancelled and printed from here."""

    first_page_loaded = Signal(int)
    load_finished = Signal(int)
    #: A reservation's detail (#15) was shown (tests and the main window wait on it).
    detail_shown = Signal(str)
    #: A slip went to the printer or a PDF: (the TokensView it came from, its SlipKind value).
    slip_printed = Signal(object, str)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, choose_printer: PrinterChooser = ask_printer
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReservationsPane")
        self.setAccessibleName(self.tr("Reservations"))
        self._session = session
        self.choose_printer = choose_printer
        caps = session.capabilities
        self._location_id: str | None = None if caps.sees_all_locations else caps.location_id
        self._state = ListState.ACTIVE
        self._kind = ListKind.RESERVATIONS
        self._load_task: asyncio.Task[None] | None = None
        self._detail_task: asyncio.Task[None] | None = None
        self._loading = False
        self._loaded_total: int | None = None
        self._read_now = 0
        # Records Lok sent that could not be read (the client skips and counts them): shown beside the
        # row count, never dropped silently (issue 11).
        self._unreadable = 0
        self._load_error = ""
        self._stopped = False
        self._own_changes: set[str] = set()
        #: The query whose rows the table shows (a refresh of the same query updates them in place).
        self._shown_query: ListQuery | None = None
        #: What the last failed load said (the list is kept; the next load that works clears it).
        self.last_load_failed = False
        #: When the snapshot shown at start was saved (None: no snapshot was shown).
        self.snapshot_as_of: Any = None

        self.model = ReservationTableModel(self._describe_location, self)
        self.proxy = ReservationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_location(self._location_id)

        self._build()
        session.reservation_changed.connect(self._on_reservation_changed)
        session.locations_changed.connect(self.model.forget_locations)
        # The table adapts the store: a sync's changes arrive here as ids (lok_desk.core.store).
        unsubscribe = session.store.subscribe(self._on_store_change)
        self.destroyed.connect(lambda *_: unsubscribe())
        self._overdue_timer = QTimer(self)
        self._overdue_timer.setInterval(OVERDUE_CHECK_MS)
        self._overdue_timer.timeout.connect(self._recheck_overdue)
        self._overdue_timer.start()

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        self.state_buttons = self._segmented(
            bar,
            [
                (ListState.ACTIVE, self.tr("Active"), self.tr("Reservations still in progress")),
                (ListState.FINISHED, self.tr("Finished"), self.tr("Picked up or cancelled")),
                (ListState.ALL, self.tr("All"), self.tr("Active and finished")),
            ],
            self._set_state,
        )
        bar.addSpacing(12)
        self.kind_buttons = self._segmented(
            bar,
            [
                (ListKind.RESERVATIONS, self.tr("Reservations"), self.tr("Every reservation")),
                (
                    ListKind.PRE_RESERVATIONS,
                    self.tr("Pre-reservations"),
                    self.tr("Only pre-reservations (made ahead for a courier or customer)"),
                ),
                (
                    ListKind.WITH_SHIPMENT,
                    self.tr("With shipment"),
                    self.tr("Only reservations with a courier shipment"),
                ),
            ],
            self._set_kind,
        )
        bar.addSpacing(12)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by shipment id, recipient or reservation id"))
        self.filter_edit.setAccessibleName(self.tr("Filter reservations"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(260)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        bar.addWidget(self.filter_edit, 1)
        # Refresh and New reservation live once, in the window's toolbar (F5, Ctrl+N): a second pair
        # here showed two buttons for one thing and squeezed the filter in small windows.
        outer.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self._table_stack = QStackedWidget(left)
        self.table = _Table(self._table_stack)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Reservations table"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view must not measure 10,000 rows while pages arrive.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(Column.STATUS, StatusChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        date_width = metrics.horizontalAdvance("28 Nov 2026 14:05") + 24
        # Wide enough for the longest chip ("↻↻ Reopened twice"), so no status is ever cut off.
        chip_width = max(metrics.horizontalAdvance(chip_text(status)) for status in STATUS_STYLE) + 36
        widths = {
            Column.SHIPMENT: metrics.horizontalAdvance("LOK-000000-AAAAAA") + 44,
            Column.STATUS: chip_width,
            Column.LOCATION: metrics.horizontalAdvance("Tijuana Centro") + 24,
            # The header is the widest thing in this column ("Box", "Compartimento"): measure it.
            Column.SIZE: metrics.horizontalAdvance(str(self.model.headerData(
                Column.SIZE, Qt.Orientation.Horizontal) or "Box")) + 24,
            Column.RECIPIENT: metrics.horizontalAdvance("María José García") + 24,
            Column.CREATED: date_width,
            Column.DELIVERY_DUE: date_width,
            Column.PICKUP_DUE: date_width,
        }
        for column, width in widths.items():
            # Never narrower than the header itself plus the sort arrow ("Depósito a más tardar" was
            # cut to "Depósito a más" in Spanish).
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            widths[column] = max(width, metrics.horizontalAdvance(title) + 30)
            header.resizeSection(column, widths[column])
        header.setStretchLastSection(True)
        if not self._session.capabilities.sees_all_locations:
            self.table.hideColumn(Column.LOCATION)
        self.table.open_requested.connect(self._on_open_requested)
        self.table.doubleClicked.connect(self._on_open_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._table_stack.addWidget(self.table)
        self.empty_label = QLabel(self._table_stack)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleDescription(self.tr("Reservations list status"))
        self.empty_label.setStyleSheet("font-size: 11pt; padding: 32px;")
        mute(self.empty_label)
        self._table_stack.addWidget(self.empty_label)
        left_layout.addWidget(self._table_stack, 1)

        progress_row = QHBoxLayout()
        self.progress_label = QLabel(left)
        self.progress_label.setAccessibleDescription(self.tr("Loading progress"))
        progress_row.addWidget(self.progress_label)
        self.progress_bar = QProgressBar(left)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setAccessibleName(self.tr("Loading progress bar"))
        progress_row.addWidget(self.progress_bar)
        self.stop_button = QToolButton(left)
        self.stop_button.setText(self.tr("Cancel"))
        self.stop_button.setAccessibleName(self.tr("Cancel loading"))
        self.stop_button.setToolTip(self.tr("Stop loading more pages (the rows loaded so far stay)"))
        self.stop_button.clicked.connect(self.stop_loading)
        progress_row.addWidget(self.stop_button)
        progress_row.addStretch(1)
        self.count_label = QLabel(left)
        self.count_label.setAccessibleDescription(self.tr("Rows shown"))
        progress_row.addWidget(self.count_label)
        left_layout.addLayout(progress_row)

        self.detail = ReservationDetail(self.choose_printer, self.splitter)
        self.detail.cancel_requested.connect(lambda: spawn(self.cancel_selected(), owner=self))
        self.detail.update_requested.connect(lambda: spawn(self.update_selected(), owner=self))
        self.detail.shipment_requested.connect(lambda: spawn(self.request_shipment_selected(), owner=self))
        self.detail.print_requested.connect(lambda: spawn(self.print_choice_selected(), owner=self))
        self.detail.label_requested.connect(lambda: spawn(self.show_label_selected(), owner=self))
        self.detail.tokens.printed.connect(lambda kind: self.slip_printed.emit(self.detail.tokens, kind))
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([sum(widths.values()) + 24, 560])
        outer.addWidget(self.splitter, 1)

        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)

        self.setTabOrder(self.state_buttons[ListState.ACTIVE], self.kind_buttons[ListKind.RESERVATIONS])
        self.setTabOrder(self.kind_buttons[ListKind.RESERVATIONS], self.filter_edit)
        self.setTabOrder(self.filter_edit, self.table)
        self.setTabOrder(self.table, self.detail)
        self._set_progress_visible(False)
        self._update_counts()

    def _segmented(
        self, bar: QHBoxLayout, items: list[tuple[Any, str, str]], on_pick: Any
    ) -> dict[Any, QToolButton]:
        group = QButtonGroup(self)
        group.setExclusive(True)
        buttons: dict[Any, QToolButton] = {}
        box = QHBoxLayout()
        box.setSpacing(0)
        for position, (value, text, tooltip) in enumerate(items):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tooltip)
            button.setAccessibleName(text)
            button.setCheckable(True)
            button.setChecked(position == 0)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(26)
            group.addButton(button)
            button.toggled.connect(lambda checked, v=value: checked and on_pick(v))
            box.addWidget(button)
            buttons[value] = button
        bar.addLayout(box)
        return buttons

    # --- the list --------------------------------------------------------------------------
    def _describe_location(self, location_id: str) -> LocationLabel:
        timezone = self._session.location_timezone(location_id) or "UTC"
        return LocationLabel(self._session.location_name(location_id) or "—", timezone)

    @property
    def query(self) -> ListQuery:
        return ListQuery(self._state, self._kind, self._location_id)

    @property
    def loading(self) -> bool:
        return self._loading

    def start(self) -> None:
        """Begin the first load (the main window calls this once the window is shown). When an offline
        snapshot exists its rows are shown first, marked with their time, and the load then brings them
        up to date in place."""
        spawn(self._start(), owner=self)

    async def _start(self) -> None:
        await self.show_snapshot()
        await self.refresh()

    async def show_snapshot(self) -> int:
        """Put the saved list on screen (no pydantic on this path: it must be instant); the store gets
        the full records a chunk at a time afterwards. Returns the rows shown."""
        snapshot = self._session.snapshot
        query = self.query
        if snapshot is None or query.state is not ListState.ACTIVE or query.kind is not ListKind.RESERVATIONS:
            return 0
        saved = await asyncio.to_thread(lambda: (snapshot.saved_at(), snapshot.read_rows()))
        saved_at, kept = saved
        if not kept or self.model.rowCount() or self._loading:
            return 0
        now = self._session.server_now().timestamp()
        rows = [ReservationRow(r.id, r.shipment_id, sys.intern(r.status), sys.intern(r.location_id),
                               sys.intern(r.size), r.recipient, r.created, r.delivery_due, r.pickup_due,
                               int(rules.overdue_kind(r.status, r.delivery_due, r.pickup_due, now)))
                for r in kept if query.location_id is None or r.location_id == query.location_id]
        for start in range(0, len(rows), INSERT_CHUNK_ROWS * 5):
            self.model.append_rows(rows[start:start + INSERT_CHUNK_ROWS * 5])
            await asyncio.sleep(0)
        self._shown_query = query
        if saved_at is not None:
            self.snapshot_as_of = saved_at
            self.progress_label.setText(self.tr("Saved list as of {0}; bringing it up to date…").format(
                saved_at.astimezone().strftime("%H:%M")))
            self.progress_label.setVisible(True)
        self._update_counts()
        self.first_page_loaded.emit(self.model.rowCount())
        spawn(self._snapshot_into_store(), owner=self)
        return len(rows)

    async def _snapshot_into_store(self) -> None:
        snapshot = self._session.snapshot
        if snapshot is None:
            return
        docs, _ = await asyncio.to_thread(snapshot.read_documents)
        store = self._session.store
        for start in range(0, len(docs), INSERT_CHUNK_ROWS):
            chunk = docs[start:start + INSERT_CHUNK_ROWS]
            store.merge([models.Reservation.model_validate_json(doc) for doc in chunk], Origin.SNAPSHOT)
            await asyncio.sleep(0)

    def set_location(self, location_id: str | None) -> None:
        """Show one location (None = every location this person may see)."""
        caps = self._session.capabilities
        if not caps.sees_all_locations:
            location_id = caps.location_id
        if location_id == self._location_id:
            return
        self._location_id = location_id
        self.proxy.set_location(location_id)
        spawn(self.refresh(), owner=self)

    def _set_state(self, state: ListState) -> None:
        if state != self._state:
            self._state = state
            spawn(self.refresh(), owner=self)

    def _set_kind(self, kind: ListKind) -> None:
        if kind != self._kind:
            self._kind = kind
            spawn(self.refresh(), owner=self)

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()

    def _filters(self) -> models.ReservationFilters:
        if self._state is ListState.ACTIVE:
            return models.ReservationFilters(status="active")
        if self._state is ListState.FINISHED:
            return models.ReservationFilters(status="finished")
        return models.ReservationFilters(only_active=False)

    def _fetch_page(
        self, query: ListQuery, page: int, filters: models.ReservationFilters
    ) -> Awaitable[models.ReservationPage]:
        service = self._session.service
        if query.kind is ListKind.PRE_RESERVATIONS:
            return service.list_pre_reservations(filters, page=page, page_size=PAGE_SIZE)
        if query.kind is ListKind.WITH_SHIPMENT:
            return service.list_shipping_reservations(filters, page=page, page_size=PAGE_SIZE)
        if query.location_id is not None:
            # #24: the employee's list, and an owner's one-location view (the server filters).
            return service.list_location_reservations(
                query.location_id, filters, page=page, page_size=PAGE_SIZE
            )
        return service.list_reservations(filters, page=page, page_size=PAGE_SIZE)

    async def refresh(self) -> None:
        """Load the list again from the first page; a refresh under way is cancelled first.
        Returns once every page is in (or the load was stopped or replaced)."""
        previous = self._load_task
        if previous is not None and not previous.done():
            previous.cancel()
            try:
                await previous
            except asyncio.CancelledError:
                if _cancelling():
                    raise
        task = asyncio.ensure_future(self._load(self.query))
        self._load_task = task
        try:
            await task
        except asyncio.CancelledError:
            # Replaced by a newer refresh or stopped with Cancel: not an error for whoever awaited us.
            if _cancelling():
                raise

    def stop_loading(self) -> None:
        """Cancel button: keep what is loaded, stop asking for more pages."""
        task = self._load_task
        if task is not None and not task.done():
            self._stopped = True
            task.cancel()

    async def _load(self, query: ListQuery) -> None:
        selected = self.selected_reservation_id()
        # The same list again (F5, the start after the saved list was shown, recovery): rows stay and are
        # updated in place, and rows gone from the list leave only once every page is in. A server that
        # cannot be reached then leaves the list as it was instead of empty (issue 9).
        in_place = query == self._shown_query and self.model.rowCount() > 0
        if not in_place:
            self.model.clear()
        self._shown_query = query
        seen: set[str] = set()
        server_page_size = PAGE_SIZE   # what the server really sends a page (see the first page below)
        self._loaded_total = None
        self._read_now = 0     # rows this load has read (the table may hold more: in-place refresh)
        self._unreadable = 0
        self._load_error = ""
        self._stopped = False
        self._loading = True
        self._set_progress_visible(True)
        self._update_counts()
        filters = self._filters()
        # The sandbox clock may have been moved: read it beside the first page (loopback, cheap).
        clock = spawn(self._session.sync_clock(), owner=self) if page_one_syncs_clock(self._session) else None
        hold = self._session.sync.hold()   # the live sync waits while the person's load runs
        hold.__enter__()
        page = 1
        loop = asyncio.get_running_loop()
        # Pages that arrive close together go into the table as one batch (one insert, one repaint):
        # the view then repaints a few times a second instead of after every page.
        batch: list[ReservationRow] = []
        last_flush = loop.time()
        # The next page is requested while this one is put into the table, so the network and the
        # table work overlap instead of adding up.
        pending: asyncio.Future[models.ReservationPage] | None = asyncio.ensure_future(
            self._session.call(self._fetch_page(query, page, filters))
        )
        try:
            while pending is not None:
                result = await pending
                pending = None
                if clock is not None:
                    await clock
                    clock = None
                now = self._session.server_now()
                # A page of nothing new (a server that ignores `page` sends the first one again) ends
                # the list instead of repeating its rows.
                repeated = page > 1 and bool(result.reservations) and all(
                    r.id in seen for r in result.reservations if r.id)
                if repeated:
                    result = result.model_copy(update={"reservations": []})
                self._session.store.merge(result.reservations, Origin.LOAD)
                seen.update(r.id for r in result.reservations if r.id)
                self._read_now += len(result.reservations)
                self._unreadable += result.unreadable
                if self._session.remember_locations(result.reservations):
                    self.model.forget_locations()
                if result.total is not None:
                    self._loaded_total = result.total
                if page == 1 and result.total is None and result.total_pages is None \
                        and result.page_size is None and 0 < result.received < PAGE_SIZE:
                    # A short first page and no envelope: the end of the list, or a server that caps
                    # its page size without saying so. Page 2 tells (as the client's PageWalk does);
                    # from then on a page as long as the first one is a full page.
                    server_page_size = result.received
                    more = True
                else:
                    more = not repeated and not result.is_last(page, server_page_size)
                if more:
                    pending = asyncio.ensure_future(
                        self._session.call(self._fetch_page(query, page + 1, filters))
                    )
                batch.extend(row_from_reservation(r, now) for r in result.reservations)
                if page == 1 or pending is None or loop.time() - last_flush >= FLUSH_INTERVAL_S:
                    # In chunks, with a turn for Qt between them; `batch` keeps what is not in yet, so
                    # a Cancel in between still puts the rest into the table.
                    while batch:
                        chunk, batch = batch[:INSERT_CHUNK_ROWS], batch[INSERT_CHUNK_ROWS:]
                        self.model.append_rows(chunk)
                        if batch:
                            await asyncio.sleep(0)
                    last_flush = loop.time()
                    self._update_progress()
                if page == 1:
                    self.first_page_loaded.emit(self.model.rowCount())
                    if selected:
                        self._select_row(selected, show=False)
                page += 1
                # Give Qt a turn to paint and take input between pages.
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            if pending is not None:
                pending.cancel()
            if self._stopped:  # Cancel button: what arrived stays in the table
                self.model.append_rows(batch)
            raise
        except LokError as error:
            if pending is not None:
                pending.cancel()
            self.model.append_rows(batch)
            self._load_error = what_happened(error, self.tr("loading reservations"))
            self.last_load_failed = True
            self._session.notify_error(error, doing=self.tr("loading reservations"), parent=self)
        else:
            self.last_load_failed = False
            # The store now holds every reservation of the list (pydantic objects, tens of thousands of
            # tracked containers for 10,000 rows): without this a later full collection walks them all
            # (hundreds of ms of frozen window). Same reasoning as shell.freeze_start_up_heap; the
            # shell's gc.unfreeze() at the end of the session lets them go.
            gc.freeze()
            if in_place:
                self.model.remove_ids([rid for rid in self.model.ids() if rid not in seen
                                       and rid != self.selected_reservation_id()])
        finally:
            hold.__exit__(None, None, None)
            self._loading = False
            # The window may have closed while the load was out: then there is nothing to update.
            if shiboken6.isValid(self.progress_bar):
                self._set_progress_visible(self._stopped)
                self._update_counts()
        shown = self.detail.reservation
        if shown is not None and shown.id and self.model.row_of(shown.id) is not None:
            # The open detail would otherwise keep the state from before F5 (a package delivered at the
            # kiosk still showed "Reserved" with Cancel enabled).
            self._show_detail_soon(shown.id)
        self.load_finished.emit(self.model.rowCount())

    def _set_progress_visible(self, visible: bool) -> None:
        self.progress_bar.setVisible(visible and self._loading)
        self.stop_button.setVisible(visible and self._loading)
        self.progress_label.setVisible(visible or self._loading)

    def _update_progress(self) -> None:
        loaded = self._read_now
        total = self._loaded_total
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(loaded, total))
            self.progress_label.setText(self.tr("Loaded {0} of {1}").format(f"{loaded:,}", f"{total:,}"))
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(self.tr("Loaded {0}").format(f"{loaded:,}"))

    def _update_counts(self, *_: object) -> None:
        shown = self.proxy.rowCount()
        loaded = self.model.rowCount()
        if self._stopped and not self._loading:
            total = self._loaded_total or loaded
            self.progress_label.setText(
                self.tr("Stopped after {0} of {1} — press F5 to load everything").format(
                    f"{self._read_now:,}", f"{total:,}"
                )
            )
        if shown == loaded:
            self.count_label.setText(
                self.tr("{0} reservations").format(f"{loaded:,}") if loaded != 1 else self.tr("1 reservation")
            )
        else:
            self.count_label.setText(self.tr("{0} of {1} shown").format(f"{shown:,}", f"{loaded:,}"))
        if self._unreadable:
            unreadable = self.tr("{0} more that Lok sent could not be read (details in the log)")
            self.count_label.setText(
                self.count_label.text() + " · " + unreadable.format(f"{self._unreadable:,}"))
        if shown:
            self._table_stack.setCurrentWidget(self.table)
            return
        self.empty_label.setText(self._empty_text(loaded))
        self._table_stack.setCurrentWidget(self.empty_label)

    def _empty_text(self, loaded: int) -> str:
        if self._loading:
            return self.tr("Loading reservations…")
        if self._load_error:
            return self.tr("The reservations could not be loaded.\n{0}\n\nPress F5 to try again.").format(
                self._load_error
            )
        if loaded and self.proxy.text:
            return self.tr("No loaded reservation matches “{0}”.\nClear the filter to see all {1}.").format(
                self.filter_edit.text().strip(), f"{loaded:,}"
            )
        where = ""
        if self._location_id is not None:
            where = self.tr(" at {0}").format(self._session.location_name(self._location_id))
        kind = {
            ListKind.RESERVATIONS: self.tr("reservations"),
            ListKind.PRE_RESERVATIONS: self.tr("pre-reservations"),
            ListKind.WITH_SHIPMENT: self.tr("reservations with a courier shipment"),
        }[self._kind]
        state = {
            ListState.ACTIVE: self.tr("active "),
            ListState.FINISHED: self.tr("finished "),
            ListState.ALL: "",
        }[self._state]
        text = self.tr("No {0}{1}{2}.").format(state, kind, where)
        if (
            self._session.capabilities.can_write_reservations(self._location_id)
            and self._kind is ListKind.RESERVATIONS
            and self._state is not ListState.FINISHED
        ):
            text += "\n\n" + self.tr("Press Ctrl+N or “New reservation…” to create one.")
        elif self._state is ListState.ACTIVE:
            text += "\n\n" + self.tr("Choose “All” to include finished ones.")
        return text

    # --- selection and detail --------------------------------------------------------------
    def selected_reservation_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).id

    def selected_row(self) -> ReservationRow | None:
        reservation_id = self.selected_reservation_id()
        if reservation_id is None:
            return None
        position = self.model.row_of(reservation_id)
        return self.model.row_at(position) if position is not None else None

    def _select_row(self, reservation_id: str, *, show: bool = True) -> bool:
        position = self.model.row_of(reservation_id)
        if position is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not proxy_index.isValid():
            # Hidden by the text filter: clear it rather than open something the person cannot see.
            self.filter_edit.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(position, 0))
            if not proxy_index.isValid():
                return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        if not show:
            self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(proxy_index, flags)
        if not show:
            self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(proxy_index)
        return True

    def _on_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid():
            # A row kept while the person was on it (it finished meanwhile) leaves once they move on.
            left = self.model.row_at(self.proxy.mapToSource(previous).row()).id
            QTimer.singleShot(0, self, lambda: self._drop_if_left(left))
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        self._show_detail_soon(row.id)

    def _drop_if_left(self, reservation_id: str) -> None:
        reservation = self._session.store.get(reservation_id)
        if (reservation is not None and reservation_id != self.selected_reservation_id()
                and self.model.row_of(reservation_id) is not None
                and not self._belongs(reservation, new=False)):
            self.model.remove_ids([reservation_id])

    def _on_open_requested(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if self.detail.reservation is None or self.detail.reservation.id != row.id:
            self._show_detail_soon(row.id)
        self.detail.setFocus()
        self.detail.focusNextChild()

    def _show_detail_soon(self, reservation_id: str) -> None:
        if self._detail_task is not None and not self._detail_task.done():
            self._detail_task.cancel()
        self._detail_task = spawn(self._show_detail(reservation_id), owner=self)

    async def _show_detail(self, reservation_id: str, *, quiet: bool = False) -> None:
        """Read the reservation (#15, with tokens and QR images) and show it; `quiet` when it is
        already on screen from the store, so the panel does not blink to "Loading…"."""
        position = self.model.row_of(reservation_id)
        label = self.model.row_at(position).shipment_id if position is not None else reservation_id
        if not quiet:
            self.detail.show_loading(label or reservation_id)
        try:
            result = await self._session.call(
                self._session.service.get_reservation(reservation_id, include_tokens=True)
            )
        except LokError as error:
            self.detail.show_message(
                self.tr("This reservation could not be loaded.\n{0}").format(
                    sentence(problem_from(error, doing=self.tr("loading the reservation"))))
            )
            if isinstance(
                error,
                api_errors.NotFoundError
                | api_errors.InsufficientScopeError
                | api_errors.ForbiddenLocationError
                | api_errors.LokTransportError,
            ):
                self._session.notify_error(error, doing=self.tr("opening a reservation"), parent=self)
            return
        self.model.upsert(row_from_reservation(result.reservation, self._session.server_now()))
        self._present(result)

    def _tokens_hidden_text(self, reservation: models.Reservation) -> str:
        """Why this person sees no token of `reservation` (issue 10), in words; "" when they may."""
        caps = self._session.capabilities
        reason = tokens_hidden_reason(str(caps.role), caps.location_id, reservation)
        return hidden_text(reason) if reason is not None else ""

    def _present(self, result: Any) -> None:
        reservation = result.reservation
        location_id = reservation.location_id
        if self._session.remember_locations([reservation]):
            self.model.forget_locations()
        label = self._describe_location(location_id or "")
        self.detail.show_reservation(result, label.name, label.timezone,
                                     location=self._session.location(location_id),
                                     tokens_hidden=self._tokens_hidden_text(reservation))
        status = str(reservation.current_status or "")
        now = self._session.server_now()
        if reservation.is_overdue(now):
            row = row_from_reservation(reservation, now)
            self.detail.set_banner(self.model._overdue_text(row) if row.overdue != Overdue.NO else "")
        caps = self._session.capabilities.rules
        cancel = Permission.of(rules.can_cancel(caps, reservation, status))
        self.detail.set_action(self.detail.cancel_button, cancel, self.tr("Cancel this reservation (Delete)"))
        pre = Permission.of(rules.can_update(caps, reservation, status))
        self.detail.set_action(
            self.detail.update_button, pre, self.tr("Change the delivery date, package or people")
        )
        self.detail.set_action(
            self.detail.shipment_button, pre, self.tr("Ask a courier to bring this package (quotation first)")
        )
        tokens_view = self.detail.tokens
        printable = Permission(True) if tokens_view.printable else Permission(
            False, tokens_view.notice or self.tr("No tokens to print."))
        self.detail.set_action(
            self.detail.print_button,
            printable,
            self.tr("Print a slip: courier, recipient or staff sheet (Ctrl+P prints the one that fits)"),
        )
        self.detail.set_action(
            self.detail.label_button,
            Permission(True),
            self.tr("Show, save or print the courier's shipping label"),
        )
        self.detail_shown.emit(reservation.id or "")

    # --- the pane's public actions ---------------------------------------------------------
    async def open_reservation(self, reservation_id: str) -> None:
        """Select the reservation (adding it to the table if the list does not hold it) and show it.

        When the store knows it (and its tokens, for someone who may see them), the detail is shown
        from memory at once — history, people, tokens as text — and the read from Lok (#15) that
        follows adds the QR images and anything that changed (Ctrl+F by token, issue 9: ≤ 50 ms)."""
        known = self._session.store.get(reservation_id)
        index = self._session.store.tokens
        if known is not None and (index.knows(reservation_id)
                                  or not self._session.service.may_see_tokens(known)):
            if self.model.row_of(reservation_id) is None:
                self.model.upsert(row_from_reservation(known, self._session.server_now()))
            if self._select_row(reservation_id, show=False):
                if self._detail_task is not None and not self._detail_task.done():
                    self._detail_task.cancel()
                issued = index.tokens_of(reservation_id)
                tokens, code = issued if issued is not None else (models.ReservationTokens(), None)
                self._present(models.ReservationWithTokens(reservation=known, tokens=tokens,
                                                           confirmation_code=code))
                self._detail_task = spawn(self._show_detail(reservation_id, quiet=True), owner=self)
                return
        if self._select_row(reservation_id, show=False):
            if self._detail_task is not None and not self._detail_task.done():
                self._detail_task.cancel()
            await self._show_detail(reservation_id)
            return
        try:
            result = await self._session.call(
                self._session.service.get_reservation(reservation_id, include_tokens=True)
            )
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("opening a reservation"), parent=self)
            return
        self.model.upsert(row_from_reservation(result.reservation, self._session.server_now()))
        self._select_row(reservation_id, show=False)
        self._present(result)

    # QWidget.find(int) is Qt's static look-up of a widget by window id, which nobody calls on a pane;
    # this is the desk's Ctrl+F, and the name is what the window and the tests use.
    async def find(self, text: str) -> bool:  # type: ignore[override]
        """Global search (Ctrl+F, typed or scanned): a box-opening token, confirmation code, shipment id
        or reservation id. What the desk knows is searched first (the store: every token it has read,
        including the background fill of lok_desk.core.token_fill), then Lok by shipment id and by
        reservation id. Opens what it finds; False when nothing matched (`miss_text` says what was
        searched)."""
        needle = text.strip()
        if not needle:
            return False
        hit = self._session.store.find(needle)
        if hit is not None and hit[0].id:
            await self.open_reservation(hit[0].id)
            return True
        # Not loaded: ask the server by shipment id (every state), then as a reservation id.
        filters = models.ReservationFilters(only_active=False, shipment_id=needle)
        caps = self._session.capabilities
        try:
            if caps.sees_all_locations:
                page = await self._session.call(self._session.service.list_reservations(filters, page_size=1))
            else:
                page = await self._session.call(
                    self._session.service.list_location_reservations(
                        caps.location_id or "", filters, page_size=1
                    )
                )
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("searching reservations"), parent=self)
            return False
        if page.reservations and page.reservations[0].id:
            await self.open_reservation(page.reservations[0].id)
            return True
        try:
            result = await self._session.call(
                self._session.service.get_reservation(needle, include_tokens=True)
            )
        except (api_errors.NotFoundError, api_errors.InvalidRequestError):
            return False
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("searching reservations"), parent=self)
            return False
        self.model.upsert(row_from_reservation(result.reservation, self._session.server_now()))
        self._select_row(result.reservation.id or "", show=False)
        self._present(result)
        return True

    def miss_text(self, needle: str) -> str:
        """What a search that found nothing looked through, in plain words."""
        store = self._session.store
        searched = self.tr("Searched the tokens and confirmation codes of {0} reservations, the shipment "
                           "and reservation ids of {1} known to this desk, and asked Lok by shipment id "
                           "and reservation id.").format(f"{len(store.tokens):,}", f"{len(store):,}")
        if not self._session.service.may_see_tokens_at_all:
            searched = self.tr("Searched the shipment and reservation ids of {0} reservations known to this "
                               "desk and asked Lok by both (your role does not see box-opening tokens, so "
                               "they cannot be searched).").format(f"{len(store):,}")
        return self.tr("No reservation found for “{0}”.").format(needle) + " " + searched

    async def new_reservation(self, location_id: str | None = None, size: str | None = None) -> None:
        """Open the create dialog (Ctrl+N); the new reservation is added to the table and selected.
        `size` preselects the box size (a double-click in the free-boxes matrix)."""
        from lok_desk.desk.reservations.create_dialog import CreateReservationDialog

        caps = self._session.capabilities
        if not caps.sees_all_locations:
            location_id = caps.location_id
        permission = caps.can_write_reservations(location_id)
        if not permission:
            self._session.notify(permission.reason)
            return
        dialog = CreateReservationDialog(
            self._session, location_id or self._location_id, choose_printer=self.choose_printer, parent=self
        )
        dialog.created.connect(self._on_created)
        dialog.result_tokens.printed.connect(lambda kind: self.slip_printed.emit(dialog.result_tokens, kind))
        if size is not None:
            dialog.size_combo.setCurrentIndex(dialog.size_combo.findData(size))
        await run_dialog(dialog)
        dialog.deleteLater()

    def _on_created(self, result: object) -> None:
        assert isinstance(result, models.ReservationCreated | models.ReservationWithTokens)
        reservation_id = result.reservation.id or ""
        self.model.upsert(row_from_reservation(result.reservation, self._session.server_now()))
        self._select_row(reservation_id, show=False)
        self._present(result)
        self._announce(reservation_id)
        self._session.notify(
            self.tr("Reservation {0} created.").format(result.reservation.shipment_id or reservation_id)
        )

    def _announce(self, reservation_id: str) -> None:
        self._own_changes.add(reservation_id)
        self._session.reservation_changed.emit(reservation_id)
        self._own_changes.discard(reservation_id)

    async def cancel_selected(self) -> None:
        """Delete: cancel the selected reservation after a confirmation naming it."""
        row = self.selected_row()
        if row is None:
            self._session.notify(self.tr("Select a reservation to cancel."))
            return
        permission = self._session.capabilities.can_write_reservations(row.location_id)
        if not permission:
            self._session.notify(permission.reason)
            return
        shipment = row.shipment_id or row.id
        if row.status and row.status not in CANCELLABLE:
            if self.detail.reservation is None or self.detail.reservation.id != row.id or str(
                self.detail.reservation.current_status or ""
            ) != row.status:
                await self._show_detail(row.id)
            self._explain_refusal(refused_cancel_text(row.status))
            return
        location = self._session.location_name(row.location_id)
        question = self.tr(
            "Cancel reservation {0} at {1}? The box is released and the tokens stop working."
        ).format(shipment, location)
        if not await confirm(
            self,
            self.tr("Cancel reservation"),
            question,
            ok_text=self.tr("Cancel reservation"),
            keep_text=self.tr("Keep reservation"),
            destructive=True,
        ):
            return
        try:
            cancelled = await self._session.call(self._session.service.cancel_reservation(row.id))
        except api_errors.InvalidReservationError as error:
            # 409: the server knows better than our row (the package may have arrived meanwhile).
            status = await self._current_status(row.id)
            if self.selected_reservation_id() == row.id:
                await self._show_detail(row.id)
            self._explain_refusal(refused_cancel_text(status or ""), error)
            return
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("cancelling {0}").format(shipment), parent=self)
            return
        self.model.upsert(row_from_reservation(cancelled))
        self._announce(row.id)
        self._session.notify(self.tr("Reservation {0} cancelled.").format(shipment))
        if self.selected_reservation_id() == row.id:
            await self._show_detail(row.id)

    async def _current_status(self, reservation_id: str) -> str | None:
        try:
            fresh = await self._session.call(
                self._session.service.get_reservation(reservation_id, include_tokens=False)
            )
        except LokError:
            return None
        self.model.upsert(row_from_reservation(fresh.reservation))
        return str(fresh.reservation.current_status or "")

    def _explain_refusal(self, text: str, error: LokError | None = None) -> None:
        self.detail.set_banner(text)
        self._session.notify(text, timeout_ms=10000)

    async def print_selected(self) -> None:
        """Ctrl+P: print the tokens and QR codes of the selected reservation (or its label)."""
        reservation_id = self.selected_reservation_id()
        if reservation_id is None:
            self._session.notify(self.tr("Select a reservation to print."))
            return
        if self.detail.reservation is None or self.detail.reservation.id != reservation_id:
            await self._show_detail(reservation_id)
        tokens_view = self.detail.tokens
        if tokens_view.printable:
            kind = tokens_view.fitting()
            if await tokens_view.print_sheet() and kind is not None:
                self._session.notify(self.tr("{0} sent to the printer.").format(slip_names()[kind]))
            return
        if (tokens_view.notice and tokens_view.tokens) or tokens_view.hidden_reason:
            # Void or hidden tokens: say why nothing is printed rather than falling through to a label.
            self._session.notify(tokens_view.notice)
            return
        await self.show_label_selected()

    async def print_choice_selected(self) -> None:
        """Ctrl+Shift+P and “Print slip…”: choose the slip and the paper, preview, print or save."""
        reservation_id = self.selected_reservation_id()
        if reservation_id is None:
            self._session.notify(self.tr("Select a reservation to print."))
            return
        if self.detail.reservation is None or self.detail.reservation.id != reservation_id:
            await self._show_detail(reservation_id)
        tokens_view = self.detail.tokens
        if not tokens_view.printable:
            self._session.notify(tokens_view.notice or self.tr("No tokens to print."))
            return
        await tokens_view.choose_and_print()

    async def show_label_selected(self) -> None:
        """Fetch the courier label (#26) and show it; a 422 means the reservation has none."""
        from lok_desk.desk.reservations.label_dialog import LabelDialog

        reservation = self.detail.reservation
        if reservation is None or not reservation.id:
            return
        try:
            label = await self._session.call(self._session.service.get_label(reservation.id))
        except LokError as error:
            if error.status_code == 422:
                text = self.tr("This reservation has no shipping label (labels exist for courier shipments)")
                self.detail.set_label_message(text)
                self._session.notify(text)
                return
            self._session.notify_error(error, doing=self.tr("fetching the shipping label"), parent=self)
            return
        dialog = LabelDialog(
            label,
            reservation.shipment_id or reservation.id,
            self.choose_printer,
            self,
            save_path=self._ask_save_path,
        )
        self.detail.set_label_message(self.tr("Label available: “Shipping label…” shows it."))
        await run_dialog(dialog)
        dialog.deleteLater()

    async def _ask_save_path(self, parent: QWidget, suggested: str) -> str | None:
        dialog = QFileDialog(parent, self.tr("Save shipping label"), suggested, self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        accepted = await run_dialog(dialog)
        files = dialog.selectedFiles()
        dialog.deleteLater()
        return files[0] if accepted and files else None

    async def update_selected(self) -> None:
        """#16: change an unconfirmed pre-reservation (delivery date, package, contact, recipient)."""
        from lok_desk.desk.reservations.update_dialog import UpdatePreReservationDialog

        reservation = self.detail.reservation
        if reservation is None:
            return
        dialog = UpdatePreReservationDialog(self._session, reservation, self)
        await run_dialog(dialog)
        if dialog.result_value is not None:
            self._after_change(dialog.result_value)
        dialog.deleteLater()

    async def request_shipment_selected(self) -> None:
        """#33 then #32: quote a courier shipment, and on confirmation request it."""
        from lok_desk.desk.reservations.shipment_dialog import RequestShipmentDialog

        reservation = self.detail.reservation
        if reservation is None:
            return
        dialog = RequestShipmentDialog(self._session, reservation, self)
        await run_dialog(dialog)
        if dialog.result_value is not None:
            self._after_change(dialog.result_value)
        dialog.deleteLater()

    def _after_change(self, result: Any) -> None:
        reservation_id = result.reservation.id or ""
        self.model.upsert(row_from_reservation(result.reservation, self._session.server_now()))
        self._present(result)
        self._announce(reservation_id)

    # --- live: the store tells the table and the detail what changed --------------------------
    def _belongs(self, reservation: models.Reservation, *, new: bool) -> bool:
        """Whether a reservation belongs in the list as queried (a new one only when that can be told
        from the record: a pre-reservation list is the server's to decide)."""
        query = self._shown_query or self.query
        status = str(reservation.current_status or "")
        if query.state is ListState.ACTIVE and rules.is_finished(status):
            return False
        if query.state is ListState.FINISHED and not rules.is_finished(status):
            return False
        if query.location_id is not None and reservation.location_id != query.location_id:
            return False
        if not new:
            return True
        if query.kind is ListKind.PRE_RESERVATIONS:
            return False
        if query.kind is ListKind.WITH_SHIPMENT:
            return reservation.shipping is not None
        return True

    def _on_store_change(self, change: StoreChange) -> None:
        if change.origin in (Origin.LOAD, Origin.SNAPSHOT):
            return   # the pane's own loads put their rows in themselves
        store = self._session.store
        now = self._session.server_now()
        if change.removed:
            self.model.remove_ids([rid for rid in change.removed if rid != self.selected_reservation_id()])
        selected = self.selected_reservation_id()
        leaving: list[str] = []
        fresh: list[ReservationRow] = []
        for reservation_id in (*change.inserted, *change.updated):
            reservation = store.get(reservation_id)
            if reservation is None:
                continue
            if self.model.row_of(reservation_id) is not None:
                if self._belongs(reservation, new=False) or reservation_id == selected:
                    # The row the person is on stays (showing its new state) until they move on.
                    self.model.upsert(row_from_reservation(reservation, now))
                else:
                    leaving.append(reservation_id)
            elif change.origin in (Origin.SYNC, Origin.OWN) and self._shown_query is not None \
                    and self._belongs(reservation, new=True):
                fresh.append(row_from_reservation(reservation, now))
        if leaving:
            self.model.remove_ids(leaving)
        if fresh:
            self.model.append_rows(fresh)
        if change.origin is Origin.SYNC:
            self._refresh_shown(change)

    def _refresh_shown(self, change: StoreChange) -> None:
        """The open detail follows a sync at once (no request: the tokens shown do not change), and
        says so when the reservation finished or moved on meanwhile."""
        result = self.detail.result
        shown = self.detail.reservation
        if result is None or shown is None or not shown.id:
            return
        if shown.id not in change.updated and shown.id not in change.inserted:
            return
        fresh = self._session.store.get(shown.id)
        if fresh is None:
            return
        self._present(result.model_copy(update={"reservation": fresh}))
        moved = next((s for s in change.statuses if s.reservation_id == shown.id), None)
        if moved is not None and moved.before is not None:
            self.detail.set_banner(self._meanwhile_text(moved))

    def _meanwhile_text(self, moved: StatusChange) -> str:
        match moved.after:
            case "cancelled":
                return self.tr("Cancelled meanwhile (at the locker, on another desk or by another program). "
                               "Its tokens no longer open a box.")
            case "picked_up":
                return self.tr("Picked up meanwhile: the recipient has the package.")
            case "delivered":
                return self.tr("Delivered meanwhile: the package is in the locker.")
            case "reopened" | "reopened2":
                return self.tr("Reopened meanwhile at the locker.")
        return self.tr("Changed meanwhile: this is its current state.")

    def _recheck_overdue(self) -> None:
        """A deadline passes with no change on the server: the marks follow the server's clock."""
        self.model.recheck_overdue(self._session.server_now().timestamp())

    def _on_reservation_changed(self, reservation_id: str) -> None:
        """Someone else in the app changed a reservation: refresh its row if we show it."""
        if reservation_id in self._own_changes or self.model.row_of(reservation_id) is None:
            return
        spawn(self._refresh_row(reservation_id), owner=self)

    async def _refresh_row(self, reservation_id: str) -> None:
        try:
            fresh = await self._session.call(
                self._session.service.get_reservation(reservation_id, include_tokens=True)
            )
        except LokError:
            return
        self.model.upsert(row_from_reservation(fresh.reservation, self._session.server_now()))
        if self.detail.reservation is not None and self.detail.reservation.id == reservation_id:
            self._present(fresh)


def page_one_syncs_clock(session: Session) -> bool:
    """Only the embedded sandbox has a clock worth reading (production runs on real time)."""
    return session.sandbox is not None


def _cancelling() -> bool:
    """Whether the running task itself is being cancelled (not just something it awaited)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0
