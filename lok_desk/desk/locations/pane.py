"""The Locations pane: a sortable list of lockers and, for the one selected, hours and free boxes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, QLocale, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.core.insights.late import late_by_location
from lok_desk.core.store import Origin, StoreChange
from lok_desk.desk.kit.asyncqt import async_slot, spawn
from lok_desk.desk.kit.formatting import format_long_date
from lok_desk.desk.kit.icons import PaletteIcons
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.kit.records import SORT_ROLE
from lok_desk.desk.kit.theme import HIGHLIGHT_ROW, theme_of
from lok_desk.desk.locations.availability import BoxAvailabilityView
from lok_desk.desk.locations.model import LOCATION_ID_ROLE, LocationTableModel
from lok_desk.desk.qt_session import QtSession

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class LocationsPane(QWidget):
    """Shows `session.locations`; asks for a new reservation through `new_reservation_requested`."""

    new_reservation_requested = Signal(str)   # location id

    def __init__(self, session: QtSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = LocationTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        left = self._build_list()
        self._build_details()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self.setTabOrder(self.filter_edit, self.table)
        self.setTabOrder(self.table, self.new_here_button)

        # Local times tick each minute, aligned to the minute so "14:05" changes when it should.
        self.clock = QTimer(self)
        self.clock.setSingleShot(True)
        self.clock.timeout.connect(self._tick)
        self._current: models.LocationDetail | None = None
        self.session.locations_changed.connect(self.show_locations)
        # Free-box counts follow the desk's own creates and cancels and the locker's events: the session
        # reads a location again after a change there and the store tells us (no F5).
        unsubscribe = self.session.store.subscribe(self._on_store_change)
        self.destroyed.connect(lambda *_: unsubscribe())
        # Late counts follow the reservations the desk knows (recounted shortly after changes settle).
        self._late_soon = QTimer(self)
        self._late_soon.setSingleShot(True)
        self._late_soon.setInterval(300)
        self._late_soon.timeout.connect(self.count_late)
        self.show_locations()
        self._schedule_tick()

    def _build_list(self) -> QWidget:
        """The filter box above the locations table (or the words saying why it is empty)."""
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter locations by name, address or time zone"))
        self.filter_edit.setAccessibleName(self.tr("Filter locations"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)   # Tab moves on to the detail; arrows move inside
        self.table.setAccessibleName(self.tr("Locations"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LocationTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LocationTableModel.ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleDescription(self.tr("No locations"))
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.list_stack, 1)
        return left

    def _build_details(self) -> None:
        """The selected location: name, open now, address and hours, boxes, New reservation here."""
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.name_label.setAccessibleDescription(self.tr("Location name"))
        self.open_label = QLabel()
        self.open_label.setAccessibleDescription(self.tr("Open now"))
        self.address_label = _value_label(self.tr("Address"))
        self.phone_label = _value_label(self.tr("Phone"))
        self.coords_label = _value_label(self.tr("Coordinates"))
        self.zone_label = _value_label(self.tr("Time zone"))
        self.local_time_label = _value_label(self.tr("Local time"))
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        facts.addRow(self.tr("Address:"), self.address_label)
        facts.addRow(self.tr("Phone:"), self.phone_label)
        facts.addRow(self.tr("Coordinates:"), self.coords_label)
        facts.addRow(self.tr("Time zone:"), self.zone_label)
        facts.addRow(self.tr("Local time:"), self.local_time_label)

        self.schedule_box = QGroupBox(self.tr("Opening hours (local time)"))
        self.schedule_grid = QGridLayout(self.schedule_box)
        self.schedule_grid.setHorizontalSpacing(24)
        self.schedule_grid.setVerticalSpacing(2)
        self.schedule_labels: list[tuple[QLabel, QLabel]] = []
        for row in range(len(WEEKDAYS)):
            # Day names from the locale (Monday = 1); WEEKDAYS stays English: it matches the API's words.
            day_name = QLocale().dayName(row + 1)
            day_name = day_name[:1].upper() + day_name[1:]
            day_label = QLabel(day_name)
            hours_label = QLabel()
            hours_label.setAccessibleDescription(self.tr("{day} hours").format(day=day_name))
            self.schedule_grid.addWidget(day_label, row, 0)
            self.schedule_grid.addWidget(hours_label, row, 1)
            self.schedule_labels.append((day_label, hours_label))
        self.schedule_grid.setColumnStretch(2, 1)

        self.boxes_box = QGroupBox(self.tr("Boxes right now"))
        self.availability = BoxAvailabilityView()
        boxes_layout = QVBoxLayout(self.boxes_box)
        boxes_layout.addWidget(self.availability)

        self.new_here_button = QPushButton(self.tr("New reservation here…"))
        PaletteIcons(self.new_here_button).bind(self.new_here_button.setIcon, "new-reservation")
        self.new_here_button.setAccessibleName(self.tr("New reservation here"))
        self.new_here_button.clicked.connect(self._ask_new_reservation)
        self.new_here_reason = QLabel()
        self.new_here_reason.setWordWrap(True)
        self.new_here_reason.setAccessibleDescription(self.tr("Why new reservations are not possible"))
        self.new_here_reason.setStyleSheet("color: palette(placeholder-text);")
        action_row = QHBoxLayout()
        action_row.addWidget(self.new_here_button)
        action_row.addWidget(self.new_here_reason, 1)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(16, 4, 16, 16)
        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.open_label, 0, Qt.AlignmentFlag.AlignTop)
        details_layout.addLayout(title_row)
        details_layout.addLayout(facts)
        details_layout.addWidget(self.schedule_box)
        details_layout.addWidget(self.boxes_box)
        details_layout.addLayout(action_row)
        details_layout.addStretch(1)
        self.details_scroll = QScrollArea()
        self.details_scroll.setAccessibleName(self.tr("Location details"))
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setWidget(details)
        self.no_selection_label = QLabel(self.tr("Select a location on the left to see its hours and "
                                                 "free boxes."))
        self.no_selection_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_selection_label.setWordWrap(True)
        self.details_stack = QStackedWidget()
        self.details_stack.addWidget(self.no_selection_label)
        self.details_stack.addWidget(self.details_scroll)

    # ---- list -----------------------------------------------------------------------------------
    def count_late(self) -> None:
        self._late_soon.stop()
        self.model.set_late(late_by_location(self.session.store.active(), self.session.server_now()))

    def show_locations(self) -> None:
        """(Re)fill from the session, keeping the selection when the location is still there."""
        keep = self._current.id if self._current is not None else None
        self.model.set_locations(self.session.locations)
        self.count_late()
        self._update_empty_state()
        if keep and self.select_location(keep):
            return
        if self.proxy.rowCount() == 1 or (self.proxy.rowCount() and keep is None):
            self.table.selectRow(0)
        else:
            self._show_details(None)

    def select_location(self, location_id: str) -> bool:
        row = self.model.row_of(location_id)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self.table.selectRow(proxy_index.row())
        self.table.scrollTo(proxy_index)
        return True

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.proxy.rowCount() > 0:
            self.list_stack.setCurrentWidget(self.table)
            return
        if self.model.rowCount() == 0:
            self.empty_label.setText(self.tr(
                "No locations to show.\nPress F5 to load them again; if the list stays empty, ask your "
                "company's owner to check your access."))
        else:
            self.empty_label.setText(self.tr("No location matches “{text}”.\nClear the filter to see all "
                                             "{count} locations.").format(text=self.filter_edit.text(),
                                                                          count=self.model.rowCount()))
        self.list_stack.setCurrentWidget(self.empty_label)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        location_id = str(indexes[0].data(LOCATION_ID_ROLE))
        location = self.session.location(location_id)
        self._show_details(location)
        if location is not None:
            spawn(self._refresh_availability(location_id), owner=self)

    def _on_store_change(self, change: StoreChange) -> None:
        if change.inserted or change.updated or change.removed:
            self._late_soon.start()
        if change.origin is Origin.LOAD:
            return   # a full reload comes through locations_changed
        for location_id in change.locations:
            fresh = self.session.store.location(location_id)
            if fresh is None:
                continue
            self.model.replace_location(fresh)
            if self._current is not None and self._current.id == location_id:
                self._show_details(fresh)

    async def _refresh_availability(self, location_id: str) -> None:
        """Box counts change all day: fetch the selected location again (cheap) and redraw it."""
        try:
            fresh = await self.session.refresh_location(location_id)
        except LokError:
            return  # the list's copy stays on screen; the status bar already says if we are offline
        self.model.replace_location(fresh)
        if self._current is not None and self._current.id == location_id:
            self._show_details(fresh)

    # ---- details --------------------------------------------------------------------------------
    @property
    def current_location(self) -> models.LocationDetail | None:
        return self._current

    def _show_details(self, location: models.LocationDetail | None) -> None:
        self._current = location
        if location is None:
            self.details_stack.setCurrentWidget(self.no_selection_label)
            return
        self.details_stack.setCurrentWidget(self.details_scroll)
        now = self.model.now
        self.name_label.setText(location.internal_name or location.id)
        is_open = location.is_open_at(now)
        self.open_label.setText(self.tr("● Open now") if is_open else self.tr("○ Closed now"))
        self.open_label.setStyleSheet(
            "QLabel { border-radius: 9px; padding: 2px 10px; font-weight: bold; "
            + ("background: #D7F2E8; color: #00513A; }" if is_open else
               "background: #ECECEC; color: #3D3D3D; }"))
        address = location.address
        lines = []
        if address is not None:
            lines.append(address.one_line())
            region = ", ".join(p for p in (address.state, address.zip_code, address.country) if p)
            if region:
                lines.append(region)
            if address.references:
                lines.append(self.tr("Look for: {refs}").format(refs=address.references))
        self.address_label.setText("\n".join(lines) or "—")
        self.phone_label.setText(location.phone or self.tr("not given"))
        if location.coords is not None:
            self.coords_label.setText(f"{location.coords.latitude:.5f}, {location.coords.longitude:.5f}")
        else:
            self.coords_label.setText(self.tr("not given"))
        self.zone_label.setText(location.timezone or self.tr("UTC (not given)"))
        self._show_clock(location, now)
        self._show_schedule(location, now)
        self.availability.set_location(location)
        self._update_new_here(location)

    def _show_clock(self, location: models.LocationDetail, now: datetime) -> None:
        local = location.local_now(now)
        self.local_time_label.setText(format_long_date(local))

    def _show_schedule(self, location: models.LocationDetail, now: datetime) -> None:
        today = location.local_now(now).strftime("%A").lower()
        hours: dict[str, list[str]] = {}
        for day in location.service_days:
            name = str(day.string_weekday or "").lower()
            hours.setdefault(name, []).append(f"{day.opening_time} – {day.closing_time}")
        for (day_label, hours_label), weekday in zip(self.schedule_labels, WEEKDAYS, strict=True):
            text = ", ".join(hours.get(weekday, [])) or self.tr("closed")
            is_today = weekday == today
            hours_label.setText(text + (self.tr("   (today)") if is_today else ""))
            background, colour = HIGHLIGHT_ROW[theme_of(self.palette())]
            style = (f"font-weight: bold; background: {background}; color: {colour}; padding: 1px 4px;"
                     if is_today else "padding: 1px 4px;")
            day_label.setStyleSheet(style)
            hours_label.setStyleSheet(style)

    def _update_new_here(self, location: models.LocationDetail) -> None:
        permission = self.session.capabilities.can_write_reservations(location.id)
        self.new_here_button.setEnabled(bool(permission))
        self.new_here_button.setToolTip(
            permission.reason if not permission else self.tr("Create a reservation at this location"))
        self.new_here_reason.setText(permission.reason)
        self.new_here_reason.setVisible(not permission)

    def _ask_new_reservation(self) -> None:
        if self._current is not None:
            self.new_reservation_requested.emit(self._current.id)

    # ---- clock and refresh ----------------------------------------------------------------------
    def _schedule_tick(self) -> None:
        now = datetime.now(UTC)
        self.clock.start(max(1000, (60 - now.second) * 1000 - now.microsecond // 1000 + 50))

    def _tick(self) -> None:
        self.model.tick()
        self.count_late()
        if self._current is not None:
            self._show_clock(self._current, self.model.now)
            self._show_schedule(self._current, self.model.now)
            is_open = self._current.is_open_at(self.model.now)
            self.open_label.setText(self.tr("● Open now") if is_open else self.tr("○ Closed now"))
        self._schedule_tick()

    async def refresh(self) -> None:
        """F5: load the locations again (the selection stays)."""
        try:
            await self.session.load_locations()
        except LokError as error:
            report(self, error, doing=self.tr("loading locations"))

    @async_slot()
    async def refresh_slot(self) -> None:
        await self.refresh()


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleDescription(name)
    return label
