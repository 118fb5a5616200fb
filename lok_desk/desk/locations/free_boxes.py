"""Free boxes at a glance (owners): locations × box sizes, free / total, coloured by how full.

"Which location has a free L now" is one look: sort the L column. Double-click a cell to start a new
reservation at that location with that size. Live: a reservation that changes in the store (the
sync engine, this desk's own create or cancel) reads its location's boxes again, a few at a time.
"""

from __future__ import annotations

from collections.abc import Callable
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
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.core.insights.late import LateCount, late_by_location
from lok_desk.core.store import StoreChange
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.problem_views import ProblemLine, accept_problems, report
from lok_desk.desk.kit.records import SORT_ROLE
from lok_desk.desk.qt_session import QtSession

SIZES: tuple[str, ...] = tuple(size.value for size in models.BoxSize)
ModelIndex = QModelIndex | QPersistentModelIndex
#: Fullness colours (background, text) readable in light and dark themes alike.
NONE_FREE = ("#F8D7DA", "#611A15")
FEW_FREE = ("#FFF1CC", "#5A3A00")
FREE = ("#D7F0DD", "#0B4F1E")
NO_BOXES = ("#E6E6E6", "#444444")


def fullness(free: int, total: int) -> tuple[str, str]:
    """The cell's colours: none of that size, none free, a quarter or less free, or room."""
    if total <= 0:
        return NO_BOXES
    if free <= 0:
        return NONE_FREE
    return FEW_FREE if free * 4 <= total else FREE


class FreeBoxesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locations: list[models.LocationDetail] = []
        self.late: dict[str, LateCount] = {}

    #: The column after the sizes and "All sizes": late now, beside free (issue 23).
    LATE = 2 + len(SIZES)

    def set_late(self, late: dict[str, LateCount]) -> None:
        if late == self.late:
            return
        self.late = dict(late)
        if self.locations:
            self.dataChanged.emit(self.index(0, self.LATE), self.index(len(self.locations) - 1, self.LATE))

    def set_locations(self, locations: list[models.LocationDetail]) -> None:
        self.beginResetModel()
        self.locations = sorted(locations, key=lambda loc: (loc.internal_name or loc.id).casefold())
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.locations)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3 + len(SIZES)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # The first click on a count column puts the most free (or most late) first: the question
            # is "where is there room", not "where is it full".
            return None if section == 0 else Qt.SortOrder.DescendingOrder
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Location")
        if section == 1 + len(SIZES):
            return self.tr("All sizes")
        if section == self.LATE:
            return self.tr("Late now")
        return self.tr("{0} free / total").format(SIZES[section - 1].upper())

    def counts(self, location: models.LocationDetail, size: str | None) -> tuple[int, int]:
        """(free, total) of one size, or of every size when `size` is None."""
        free = total = 0
        for box in location.boxes:
            if size is not None and str(box.size or "").lower() != size:
                continue
            total += box.total or 0
            free += box.free or 0
        return free, total

    def size_of(self, column: int) -> str | None:
        return SIZES[column - 1] if 1 <= column <= len(SIZES) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        location = self.locations[index.row()]
        column = index.column()
        if column == 0:
            name = location.internal_name or location.id
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return name
            return None
        if column == self.LATE:
            return self._late_data(location, role)
        free, total = self.counts(location, self.size_of(column))
        if role == SORT_ROLE:
            return free
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{free} / {total}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(fullness(free, total)[0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(fullness(free, total)[1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            size = self.size_of(column)
            if size is None:
                return self.tr("{0} of %n boxes free", None, total).format(free)
            return self.tr("{0} of %n {1} boxes free; double-click to reserve one", None, total).format(
                free, size.upper())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{0} free of {1}").format(free, total)
        return None


    def _late_data(self, location: models.LocationDetail, role: int) -> Any:
        late = self.late.get(location.id, LateCount())
        if role == SORT_ROLE:
            return late.total
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{0} · {1}").format(late.delivery, late.pickup)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{0} waiting past the delivery deadline · {1} in the locker past the pick-up "
                           "deadline").format(late.delivery, late.pickup)
        return None


class FreeBoxesPane(QWidget):
    """The matrix, a Refresh, and a line saying what the colours mean."""

    #: (location id, box size) to reserve there.
    new_reservation_requested = Signal(str, str)

    def __init__(self, session: QtSession, parent: QWidget | None = None, *,
                 on_new_reservation: Callable[[str, str], None] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.tr("Free boxes"))
        if on_new_reservation is not None:
            self.new_reservation_requested.connect(on_new_reservation)
        layout = QVBoxLayout(self)
        self.legend = QLabel(self.tr("Free / total boxes of each size. Red: none free · yellow: a quarter "
                                     "or less free · green: room · grey: no boxes of that size. Sort a "
                                     "column to find the location with the most free; double-click a "
                                     "cell to reserve that size there. Late now: waiting past the "
                                     "delivery deadline · in the locker past the pick-up deadline."), self)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.model = FreeBoxesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Free boxes by location and size"))
        # `activated` alone: it fires for Enter and for a double-click (or a single click where the
        # platform activates on one); connecting `doubleClicked` too opened two dialogs per double-click.
        self.table.activated.connect(self._on_activated)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(lambda: spawn(self.refresh(), owner=self))
        self.status = ProblemLine(self, name=self.tr("Free boxes status"))
        accept_problems(self, self.status.show_problem)
        row.addWidget(self.refresh_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self._stale: set[str] = set()
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(500)
        self._refresh_soon.timeout.connect(lambda: spawn(self._refresh_stale(), owner=self))
        self._late_soon = QTimer(self)
        self._late_soon.setSingleShot(True)
        self._late_soon.setInterval(300)
        self._late_soon.timeout.connect(self.count_late)
        self._unsubscribe = session.store.subscribe(self._on_store_change)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.show_locations()

    def show_locations(self) -> None:
        self.model.set_locations(self.session.store.locations() or list(self.session.locations))
        self.count_late()

    def count_late(self) -> None:
        self._late_soon.stop()
        self.model.set_late(late_by_location(self.session.store.active(), self.session.server_now()))

    def _on_store_change(self, change: StoreChange) -> None:
        if change.locations:
            self.show_locations()
        if change.inserted or change.updated or change.removed:
            self._late_soon.start()
        moved = set(change.inserted) | {status.reservation_id for status in change.statuses}
        for reservation_id in moved:
            reservation = self.session.store.get(reservation_id)
            if reservation is not None and reservation.location_id:
                self._stale.add(reservation.location_id)
        if self._stale:
            self._refresh_soon.start()

    async def _refresh_stale(self) -> None:
        """Read again the locations whose reservations moved (their free counts changed)."""
        stale, self._stale = self._stale, set()
        for location_id in sorted(stale):
            try:
                await self.session.refresh_location(location_id)
            except LokError:
                continue

    async def refresh(self) -> None:
        try:
            await self.session.load_locations()
        except LokError as error:
            report(self, error, doing=self.tr("reading the locations"))
            return
        self.status.clear()
        self.show_locations()

    def _on_activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        size = self.model.size_of(source.column())
        if size is None:
            return
        location = self.model.locations[source.row()]
        self.new_reservation_requested.emit(location.id, size)

    def best_for(self, size: str) -> models.LocationDetail | None:
        """The location with the most free boxes of `size` (what sorting the column shows first)."""
        ranked = sorted(self.model.locations, key=lambda loc: self.model.counts(loc, size)[0], reverse=True)
        return ranked[0] if ranked and self.model.counts(ranked[0], size)[0] > 0 else None

