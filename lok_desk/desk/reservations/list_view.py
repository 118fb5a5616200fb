"""The reservations list on screen: the filter bar, the table and the line under it (progress, counts,
the empty list's sentence). It shows what the list presenter (lok_desk/core/reservations/listing.py)
holds; the pane binds the two."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QToolButton,
    QWidget,
)

from lok_desk.core.reservations.listing import ListKind, ListState, ReservationList
from lok_desk.desk.kit.formatting import STATUS_STYLE
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.reservations.status_chip import StatusChipDelegate, chip_text
from lok_desk.desk.reservations.table_model import Column, ReservationTableModel


class ReservationTable(QTableView):
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


def segmented(
    parent: QWidget, bar: QHBoxLayout, items: list[tuple[Any, str, str]], on_pick: Callable[[Any], None]
) -> dict[Any, QToolButton]:
    """A row of exclusive toggle buttons (the first checked); `on_pick(value)` when one is chosen."""
    group = QButtonGroup(parent)
    group.setExclusive(True)
    buttons: dict[Any, QToolButton] = {}
    box = QHBoxLayout()
    box.setSpacing(0)
    for position, (value, text, tooltip) in enumerate(items):
        button = QToolButton(parent)
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setChecked(position == 0)
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumHeight(26)
        group.addButton(button)
        button.toggled.connect(lambda checked, v=value: on_pick(v) if checked else None)
        box.addWidget(button)
        buttons[value] = button
    bar.addLayout(box)
    return buttons


def state_items() -> list[tuple[Any, str, str]]:
    return [
        (
            ListState.ACTIVE,
            translate("ReservationsPane", "Active"),
            translate("ReservationsPane", "Reservations still in progress"),
        ),
        (
            ListState.FINISHED,
            translate("ReservationsPane", "Finished"),
            translate("ReservationsPane", "Picked up or cancelled"),
        ),
        (
            ListState.ALL,
            translate("ReservationsPane", "All"),
            translate("ReservationsPane", "Active and finished"),
        ),
    ]


def kind_items() -> list[tuple[Any, str, str]]:
    return [
        (
            ListKind.RESERVATIONS,
            translate("ReservationsPane", "Reservations"),
            translate("ReservationsPane", "Every reservation"),
        ),
        (
            ListKind.PRE_RESERVATIONS,
            translate("ReservationsPane", "Pre-reservations"),
            translate("ReservationsPane", "Only pre-reservations (made ahead for a courier or customer)"),
        ),
        (
            ListKind.WITH_SHIPMENT,
            translate("ReservationsPane", "With shipment"),
            translate("ReservationsPane", "Only reservations with a courier shipment"),
        ),
    ]


def filter_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(
        translate("ReservationsPane", "Filter by shipment id, recipient or reservation id")
    )
    edit.setAccessibleName(translate("ReservationsPane", "Filter reservations"))
    edit.setClearButtonEnabled(True)
    edit.setMinimumWidth(260)
    return edit


def set_up_table(table: QTableView, model: ReservationTableModel, *, show_location: bool) -> int:
    """Columns wide enough for what they hold and their header; returns the table's width."""
    table.setAccessibleName(translate("ReservationsPane", "Reservations table"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    # Fixed row heights: the view must not measure 10,000 rows while pages arrive.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.setItemDelegateForColumn(Column.STATUS, StatusChipDelegate(table))
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    metrics = table.fontMetrics()
    date_width = metrics.horizontalAdvance("28 Nov 2026 14:05") + 24
    # Wide enough for the longest chip ("↻↻ Reopened twice"), so no status is ever cut off.
    chip_width = max(metrics.horizontalAdvance(chip_text(status)) for status in STATUS_STYLE) + 36
    widths = {
        Column.SHIPMENT: metrics.horizontalAdvance("LOK-000000-AAAAAA") + 44,
        Column.STATUS: chip_width,
        Column.LOCATION: metrics.horizontalAdvance("Tijuana Centro") + 24,
        # The header is the widest thing in this column ("Box", "Compartimento"): measure it.
        Column.SIZE: metrics.horizontalAdvance(
            str(model.headerData(Column.SIZE, Qt.Orientation.Horizontal) or "Box")
        )
        + 24,
        Column.RECIPIENT: metrics.horizontalAdvance("María José García") + 24,
        Column.CREATED: date_width,
        Column.DELIVERY_DUE: date_width,
        Column.PICKUP_DUE: date_width,
    }
    for column, width in widths.items():
        # Never narrower than the header itself plus the sort arrow ("Depósito a más tardar" was cut to
        # "Depósito a más" in Spanish).
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widths[column] = max(width, metrics.horizontalAdvance(title) + 30)
        header.resizeSection(column, widths[column])
    header.setStretchLastSection(True)
    if not show_location:
        table.hideColumn(Column.LOCATION)
    return sum(widths.values())


class ListStatus:
    """The line under the table: progress while pages arrive, Stop, and the row counts."""

    def __init__(self, parent: QWidget, layout: QHBoxLayout, on_stop: Callable[[], None]) -> None:
        self.progress_label = QLabel(parent)
        self.progress_label.setAccessibleDescription(translate("ReservationsPane", "Loading progress"))
        layout.addWidget(self.progress_label)
        self.progress_bar = QProgressBar(parent)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setAccessibleName(translate("ReservationsPane", "Loading progress bar"))
        layout.addWidget(self.progress_bar)
        self.stop_button = QToolButton(parent)
        self.stop_button.setText(translate("ReservationsPane", "Cancel"))
        self.stop_button.setAccessibleName(translate("ReservationsPane", "Cancel loading"))
        self.stop_button.setToolTip(
            translate("ReservationsPane", "Stop loading more pages (the rows loaded so far stay)")
        )
        self.stop_button.clicked.connect(on_stop)
        layout.addWidget(self.stop_button)
        layout.addStretch(1)
        self.count_label = QLabel(parent)
        self.count_label.setAccessibleDescription(translate("ReservationsPane", "Rows shown"))
        layout.addWidget(self.count_label)

    def show_progress(self, listing: ReservationList, visible: bool) -> None:
        self.progress_bar.setVisible(visible and listing.loading)
        self.stop_button.setVisible(visible and listing.loading)
        self.progress_label.setVisible(visible or listing.loading)

    def update_progress(self, listing: ReservationList) -> None:
        loaded, total = listing.read, listing.total
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(loaded, total))
            self.progress_label.setText(
                translate("ReservationsPane", "Loaded {0} of {1}").format(f"{loaded:,}", f"{total:,}")
            )
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(translate("ReservationsPane", "Loaded {0}").format(f"{loaded:,}"))

    def update_counts(self, listing: ReservationList, shown: int, loaded: int) -> None:
        if listing.stopped and not listing.loading:
            total = listing.total or loaded
            self.progress_label.setText(
                translate(
                    "ReservationsPane", "Stopped after {0} of {1} — press F5 to load everything"
                ).format(f"{listing.read:,}", f"{total:,}")
            )
        if shown == loaded:
            text = (
                translate("ReservationsPane", "{0} reservations").format(f"{loaded:,}")
                if loaded != 1
                else translate("ReservationsPane", "1 reservation")
            )
        else:
            text = translate("ReservationsPane", "{0} of {1} shown").format(f"{shown:,}", f"{loaded:,}")
        if listing.unreadable:
            unreadable = translate(
                "ReservationsPane", "{0} more that Lok sent could not be read (details in the log)"
            )
            text += " · " + unreadable.format(f"{listing.unreadable:,}")
        self.count_label.setText(text)


def empty_text(
    listing: ReservationList, *, loaded: int, filtered: str, load_error: str, where: str, may_create: bool
) -> str:
    """What the empty table says: loading, why the load failed, the filter hiding every row, or that
    the list is empty (and what to do next)."""
    if listing.loading:
        return translate("ReservationsPane", "Loading reservations…")
    if load_error:
        return translate(
            "ReservationsPane", "The reservations could not be loaded.\n{0}"
        ).format(load_error)
    if loaded and filtered:
        return translate(
            "ReservationsPane", "No loaded reservation matches “{0}”.\nClear the filter to see all {1}."
        ).format(filtered, f"{loaded:,}")
    kind = {
        ListKind.RESERVATIONS: translate("ReservationsPane", "reservations"),
        ListKind.PRE_RESERVATIONS: translate("ReservationsPane", "pre-reservations"),
        ListKind.WITH_SHIPMENT: translate("ReservationsPane", "reservations with a courier shipment"),
    }[listing.kind]
    state = {
        ListState.ACTIVE: translate("ReservationsPane", "active "),
        ListState.FINISHED: translate("ReservationsPane", "finished "),
        ListState.ALL: "",
    }[listing.state]
    text = translate("ReservationsPane", "No {0}{1}{2}.").format(state, kind, where)
    if may_create and listing.kind is ListKind.RESERVATIONS and listing.state is not ListState.FINISHED:
        text += "\n\n" + translate("ReservationsPane", "Press Ctrl+N or “New reservation…” to create one.")
    elif listing.state is ListState.ACTIVE:
        text += "\n\n" + translate("ReservationsPane", "Choose “All” to include finished ones.")
    return text
