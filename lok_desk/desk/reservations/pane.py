"""The Reservations tab: the list on the left, the detail on the right. The flows are presenters of
lok_desk/core/reservations; this pane binds them to the widgets, and each action the detail offers
lives in its own module (find_flow, cancel_flow, print_flow, edit_flow, showing)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Collection
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from lok_desk.api import models
from lok_desk.core.reservations.find import ReservationFinder
from lok_desk.core.reservations.listing import ListKind, ListQuery, ListState, ReservationList
from lok_desk.core.store import Origin, StoreChange
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import mute
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.kit.problems import problem_from, sentence
from lok_desk.desk.kit.tokens_view import PrinterChooser, ask_printer
from lok_desk.desk.kit.widgets import focus_table
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.reservations import cancel_flow, edit_flow, find_flow, print_flow, saved_list, showing
from lok_desk.desk.reservations.detail import ReservationDetail
from lok_desk.desk.reservations.list_view import (
    ListStatus,
    ReservationTable,
    empty_text,
    filter_edit,
    kind_items,
    segmented,
    set_up_table,
    state_items,
)
from lok_desk.desk.reservations.only_bar import OnlyBar
from lok_desk.desk.reservations.table_model import (
    LocationLabel,
    ReservationFilterProxy,
    ReservationRow,
    ReservationTableModel,
    row_from_reservation,
)

#: How often overdue marks are checked against the server's clock (a deadline passes with no change).
OVERDUE_CHECK_MS = 30_000


class ReservationsPane(QWidget):
    """Reservations of the signed-in person's locations; created, cancelled and printed from here."""

    first_page_loaded = Signal(int)
    load_finished = Signal(int)
    #: A reservation's detail (#15) was shown (tests and the main window wait on it).
    detail_shown = Signal(str)
    #: A slip went to the printer or a PDF: (the TokensView it came from, its SlipKind value).
    slip_printed = Signal(object, str)

    def __init__(
        self, session: QtSession, parent: QWidget | None = None, *,
        choose_printer: PrinterChooser = ask_printer,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReservationsPane")
        self._quiet_select = False
        self.setAccessibleName(self.tr("Reservations"))
        self._session = session
        self.choose_printer = choose_printer
        caps = session.capabilities
        own = None if caps.sees_all_locations else caps.location_id
        self.listing = ReservationList(session.service, location_id=own, call=session.call,
                                       hold=session.sync.hold)
        self.finder = ReservationFinder(session.service, own_location=own, call=session.call)
        self.detail_task: asyncio.Task[None] | None = None
        #: Ids whose change this pane itself announced (reservation_changed): not read again.
        self.own_changes: set[str] = set()
        #: When the snapshot shown at start was saved (None: no snapshot was shown).
        self.snapshot_as_of: Any = None

        self.model = ReservationTableModel(self.describe_location, self)
        self.proxy = ReservationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_location(own)
        self._build()
        self._bind_listing()
        session.reservation_changed.connect(self._on_reservation_changed)
        session.locations_changed.connect(self.model.forget_locations)
        # The open detail that could not be read (offline) is read again when the connection is back.
        self.detail_refresh_due: str | None = None
        self.detail_wanted: str | None = None
        session.offline_changed.connect(self._refresh_detail_when_back)
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
        self.state_buttons = segmented(self, bar, state_items(), self._set_state)
        bar.addSpacing(12)
        self.kind_buttons = segmented(self, bar, kind_items(), self._set_kind)
        bar.addSpacing(12)
        self.filter_edit = filter_edit(self)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        bar.addWidget(self.filter_edit, 1)
        # Refresh and New reservation live once, in the window's toolbar (F5, Ctrl+N): a second pair
        # here showed two buttons for one thing and squeezed the filter in small windows.
        outer.addLayout(bar)
        self.only_bar = OnlyBar(self)
        self.only_bar.show_all.clicked.connect(self.show_all)
        outer.addWidget(self.only_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self._table_stack = QStackedWidget(left)
        self.table = ReservationTable(self._table_stack)
        self.table.setModel(self.proxy)
        width = set_up_table(self.table, self.model,
                             show_location=self._session.capabilities.sees_all_locations)
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
        self.status = ListStatus(left, progress_row, self.stop_loading)
        self.progress_label, self.progress_bar = self.status.progress_label, self.status.progress_bar
        self.stop_button, self.count_label = self.status.stop_button, self.status.count_label
        left_layout.addLayout(progress_row)

        self.detail = ReservationDetail(self.choose_printer, self.splitter, lookup=self._session.store.get)
        # Creating at any location (None: the role's own rule, whatever the switcher shows).
        self.detail.set_can_create(bool(self._session.capabilities.can_write_reservations(None)))
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
        self.splitter.setSizes([width + 24, 560])
        outer.addWidget(self.splitter, 1)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_counts)
        self.setTabOrder(self.state_buttons[ListState.ACTIVE], self.kind_buttons[ListKind.RESERVATIONS])
        self.setTabOrder(self.kind_buttons[ListKind.RESERVATIONS], self.filter_edit)
        self.setTabOrder(self.filter_edit, self.table)
        self.setTabOrder(self.table, self.detail)
        self._on_progress()

    # --- the list presenter, bound -----------------------------------------------------------
    def _bind_listing(self) -> None:
        listing = self.listing
        # The window may close while a load is out: then there is nothing left to show it on.
        listing.on_clear = self._guard(self._clear_rows)
        listing.on_rows = self._guard(self._put_rows)
        listing.on_remove = self._guard(self._remove_rows)
        listing.on_progress = self._guard(self._on_progress)
        listing.on_first_page = self._guard(self._on_first_page)

    def _guard(self, show: Callable[..., object]) -> Callable[..., None]:
        def guarded(*args: Any) -> None:
            if self._alive():
                show(*args)

        return guarded

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.progress_bar)

    def _clear_rows(self) -> None:
        self.show_all()
        self.model.clear()

    def show_only(self, ids: Collection[str], title: str) -> int:
        """Only these reservations (the ones behind an Insights figure), from the store, with a strip
        saying so; returns how many are shown. The list's own rows come back with `show_all`."""
        known = [r for rid in ids if (r := self._session.store.get(rid)) is not None and r.id]
        self.listing.adopt([r.id for r in known if r.id], self.listing.shown_query)
        self._put_rows(known)
        self.proxy.set_only(frozenset(r.id for r in known if r.id))
        self.only_bar.say(len(known), title)
        self.table.setFocus()
        return len(known)

    def show_all(self) -> None:
        self.proxy.set_only(None)
        self.only_bar.hide()

    def _put_rows(self, reservations: list[models.Reservation]) -> None:
        if self._session.remember_locations(reservations):
            self.model.forget_locations()
        now = self._session.server_now()
        self.model.append_rows([row_from_reservation(r, now) for r in reservations])

    def _remove_rows(self, ids: list[str]) -> None:
        self.model.remove_ids(ids)

    def _on_progress(self) -> None:
        listing = self.listing
        if listing.loading:
            self.status.update_progress(listing)
        self.status.show_progress(listing, listing.loading or listing.stopped)
        self._update_counts()

    def _on_first_page(self) -> None:
        self.first_page_loaded.emit(self.model.rowCount())
        if self.listing.selected_id:
            self.select_row(self.listing.selected_id, show=False)

    def _after_load(self) -> None:
        """A load ran to its end (not replaced, not stopped)."""
        listing = self.listing
        if listing.error is not None:
            # With rows on screen the banner says it; an empty table says it itself (_update_counts):
            # once, where the rows would be.
            if self.model.rowCount():
                report(self, listing.error, doing=self.tr("loading reservations"))
        else:
            # The store now holds every reservation of the list (pydantic objects, tens of thousands of
            # tracked containers for 10,000 rows): without this a later full collection walks them all
            # (hundreds of ms of frozen window). The shell's gc.unfreeze() at sign-out lets them go.
            gc.freeze()
        shown = self.detail.reservation_id
        if shown and self.model.row_of(shown) is not None:
            # The open detail would otherwise keep the state from before F5 (a package delivered at the
            # kiosk still showed "Reserved" with Cancel enabled).
            self.show_detail_soon(shown)
        self.load_finished.emit(self.model.rowCount())

    def describe_location(self, location_id: str) -> LocationLabel:
        timezone = self._session.location_timezone(location_id) or "UTC"
        return LocationLabel(self._session.location_name(location_id) or "—", timezone)

    @property
    def query(self) -> ListQuery:
        return self.listing.query

    @property
    def loading(self) -> bool:
        return self.listing.loading

    @property
    def last_load_failed(self) -> bool:
        """The last load failed (the list is kept; the next load that works clears it)."""
        return self.listing.failed

    def start(self) -> None:
        """Begin the first load (the main window calls this once the window is shown). When an offline
        snapshot exists its rows are shown first, marked with their time, and the load then brings them
        up to date in place."""
        spawn(self._start(), owner=self)

    async def _start(self) -> None:
        await self.show_snapshot()
        await self.refresh()

    async def show_snapshot(self) -> int:
        """Put the saved list on screen at start (see saved_list.py); returns the rows shown."""
        return await saved_list.show_snapshot(self)

    def set_location(self, location_id: str | None) -> None:
        """Show one location (None = every location this person may see)."""
        caps = self._session.capabilities
        if not caps.sees_all_locations:
            location_id = caps.location_id
        if location_id == self.listing.location_id:
            return
        self.listing.location_id = location_id
        self.proxy.set_location(location_id)
        spawn(self.refresh(), owner=self)

    def _set_state(self, state: ListState) -> None:
        if state != self.listing.state:
            self.listing.state = state
            spawn(self.refresh(), owner=self)

    def _set_kind(self, kind: ListKind) -> None:
        if kind != self.listing.kind:
            self.listing.kind = kind
            spawn(self.refresh(), owner=self)

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()

    async def refresh(self) -> None:
        """Load the list again from the first page; a load under way is cancelled first. Returns once
        every page is in (or the load was stopped or replaced)."""
        self.listing.selected_id = self.selected_reservation_id()
        # The sandbox clock may have been moved: read it beside the first page (loopback, cheap).
        clock = self._session.sync_clock if self._session.sandbox is not None else None
        before = self.listing.loads
        await self.listing.refresh(before_rows=clock)
        if self.listing.loads > before and not self.listing.stopped and not self.listing.loading \
                and self._alive():
            self._after_load()

    def stop_loading(self) -> None:
        """Cancel button: keep what is loaded, stop asking for more pages."""
        self.listing.stop()

    def _update_counts(self, *_: object) -> None:
        shown, loaded = self.proxy.rowCount(), self.model.rowCount()
        self.status.update_counts(self.listing, shown, loaded)
        if shown:
            self._table_stack.setCurrentWidget(self.table)
            return
        error = self.listing.error
        where = ""
        if self.listing.location_id is not None:
            where = self.tr(" at {0}").format(self._session.location_name(self.listing.location_id))
        self.empty_label.setText(empty_text(
            self.listing, loaded=loaded, filtered=self.filter_edit.text().strip() if self.proxy.text else "",
            load_error=sentence(problem_from(error, doing=self.tr("loading reservations"))) if error else "",
            where=where, may_create=bool(self._session.capabilities.can_write_reservations(
                self.listing.location_id))))
        self._table_stack.setCurrentWidget(self.empty_label)

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

    def select_row(self, reservation_id: str, *, show: bool = True) -> bool:
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
        # The caller shows the detail itself: the row change must not start a second read. The
        # selection model's signals stay on, so the view repaints and one row looks selected (blocking
        # them left every earlier found row painted as selected, issue 21).
        self._quiet_select = not show
        try:
            self.table.selectionModel().setCurrentIndex(proxy_index, flags)
        finally:
            self._quiet_select = False
        self.listing.selected_id = reservation_id
        self.table.scrollTo(proxy_index)
        return True

    def focus_list(self) -> None:
        """Ctrl+1: the focus in the table, on the current row (the first one if none)."""
        focus_table(self.table)

    def _on_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.listing.selected_id = self.selected_reservation_id()
        if self._quiet_select:
            return
        if previous.isValid():
            # A row kept while the person was on it (it finished meanwhile) leaves once they move on.
            left = self.model.row_at(self.proxy.mapToSource(previous).row()).id
            QTimer.singleShot(0, self, lambda: self.listing.leave_if_left(left))
        if not current.isValid():
            self.detail.clear()
            return
        self.show_detail_soon(self.model.row_at(self.proxy.mapToSource(current).row()).id)

    def _on_open_requested(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if self.detail.reservation_id != row.id:
            self.show_detail_soon(row.id)
        self.detail.setFocus()
        self.detail.focusNextChild()

    def show_detail_soon(self, reservation_id: str, *, quiet: bool = False) -> None:
        if self.detail_task is not None and not self.detail_task.done():
            self.detail_task.cancel()
        self.detail_wanted = reservation_id
        self.detail_task = spawn(showing.show_detail(self, reservation_id, quiet=quiet), owner=self)

    def _refresh_detail_when_back(self, offline: bool) -> None:
        due = self.detail_refresh_due
        if not offline and due is not None and due in (self.detail_wanted, self.detail.reservation_id):
            self.show_detail_soon(due, quiet=self.detail.reservation_id == due)

    def present(self, result: Any) -> None:
        showing.present(self, result)

    def announce(self, reservation_id: str) -> None:
        """Tell the rest of the app this pane changed a reservation (it is not read again here)."""
        self.own_changes.add(reservation_id)
        self._session.reservation_changed.emit(reservation_id)
        self.own_changes.discard(reservation_id)

    # --- the pane's public actions (one module each) ----------------------------------------
    async def open_reservation(self, reservation_id: str) -> None:
        """Select the reservation (adding it to the table if the list does not hold it) and show it."""
        await find_flow.open_reservation(self, reservation_id)

    # QWidget.find(int) is Qt's static look-up of a widget by window id, which nobody calls on a pane;
    # this is the desk's Ctrl+F, and the name is what the window and the tests use.
    async def find(self, text: str) -> bool:  # type: ignore[override]
        """Ctrl+F (typed or scanned): opens what it finds; False when nothing matched."""
        return await find_flow.find(self, text)

    def miss_text(self, needle: str) -> str:
        """What a search that found nothing looked through, in plain words."""
        return find_flow.miss_text(self, needle)

    async def new_reservation(self, location_id: str | None = None, size: str | None = None) -> None:
        """Ctrl+N: the create dialog; `size` preselects the box size (Free boxes' double-click)."""
        await edit_flow.new_reservation(self, location_id, size)

    async def cancel_selected(self) -> None:
        """Delete: cancel the selected reservation after a confirmation naming it."""
        await cancel_flow.cancel_selected(self)

    async def print_selected(self) -> None:
        """Ctrl+P: print the slip that fits the selected reservation (or show its label)."""
        await print_flow.print_selected(self)

    async def print_choice_selected(self) -> None:
        """Ctrl+Shift+P and “Print slip…”: choose the slip and the paper, preview, print or save."""
        await print_flow.print_choice_selected(self)

    async def show_label_selected(self) -> None:
        """Fetch the courier label (#26) and show it."""
        await print_flow.show_label_selected(self)

    async def update_selected(self) -> None:
        """#16: change an unconfirmed pre-reservation."""
        await edit_flow.update_selected(self)

    async def request_shipment_selected(self) -> None:
        """#33 then #32: quote a courier shipment, and on confirmation request it."""
        await edit_flow.request_shipment_selected(self)

    # --- live: the store tells the table and the detail what changed --------------------------
    def _on_store_change(self, change: StoreChange) -> None:
        self.listing.selected_id = self.selected_reservation_id()
        self.listing.follow(change)
        if change.origin is Origin.SYNC:
            showing.follow_sync(self, change)

    def _recheck_overdue(self) -> None:
        """A deadline passes with no change on the server: the marks follow the server's clock."""
        self.model.recheck_overdue(self._session.server_now().timestamp())

    def _on_reservation_changed(self, reservation_id: str) -> None:
        """Someone else in the app changed a reservation: read it again if the table shows it (the
        store passes the fresh record to the row and the detail)."""
        if reservation_id in self.own_changes or self.model.row_of(reservation_id) is None:
            return
        spawn(showing.reread(self, reservation_id), owner=self)

