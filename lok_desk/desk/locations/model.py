"""Table model of locations: name, address, time zone, local time (ticking) and open-now."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lok_desk.api import models
from lok_desk.core.insights.late import LateCount
from lok_desk.desk.kit.formatting import format_weekday_time
from lok_desk.desk.kit.records import SORT_ROLE
from lok_desk.desk.kit.theme import semantic_colour

LOCATION_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def free_boxes(location: models.LocationDetail) -> tuple[int, int] | None:
    """(free, total) over the sizes that report counts; None when the locker reports none."""
    counted = [box for box in location.boxes if box.total is not None and box.occupied is not None]
    if not counted:
        return None
    return sum(box.free or 0 for box in counted), sum(box.total or 0 for box in counted)


class LocationTableModel(QAbstractTableModel):
    """Rows are `models.LocationDetail`s; the clock columns change when `tick()` is called."""

    NAME, ADDRESS, TIMEZONE, LOCAL_TIME, OPEN_NOW, FREE, LATE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locations: list[models.LocationDetail] = []
        self._now = datetime.now(UTC)
        self._headers = [self.tr("Name"), self.tr("Address"), self.tr("Time zone"), self.tr("Local time"),
                         self.tr("Open now"), self.tr("Free boxes"), self.tr("Late now")]
        self._late: dict[str, LateCount] = {}

    # ---- data in ----------------------------------------------------------------------------------
    def set_locations(self, locations: list[models.LocationDetail]) -> None:
        self.beginResetModel()
        self._locations = list(locations)
        self.endResetModel()

    def replace_location(self, fresh: models.LocationDetail) -> None:
        for row, location in enumerate(self._locations):
            if location.id == fresh.id:
                self._locations[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_late(self, late: dict[str, LateCount]) -> None:
        """Per location, the reservations late now (lok_desk.core.insights.late)."""
        if late == self._late:
            return
        self._late = dict(late)
        if self._locations:
            self.dataChanged.emit(self.index(0, self.LATE), self.index(len(self._locations) - 1, self.LATE))

    def tick(self, now: datetime | None = None) -> None:
        """Move the clock (every minute): local times and open/closed change, nothing else does."""
        self._now = now or datetime.now(UTC)
        if self._locations:
            self.dataChanged.emit(self.index(0, self.LOCAL_TIME),
                                  self.index(len(self._locations) - 1, self.OPEN_NOW))

    @property
    def now(self) -> datetime:
        return self._now

    def location_at(self, row: int) -> models.LocationDetail | None:
        return self._locations[row] if 0 <= row < len(self._locations) else None

    def row_of(self, location_id: str) -> int:
        for row, location in enumerate(self._locations):
            if location.id == location_id:
                return row
        return -1

    # ---- Qt -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._locations)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        location = self.location_at(index.row()) if index.isValid() else None
        if location is None:
            return None
        column = index.column()
        if role == LOCATION_ID_ROLE:
            return location.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(location, column)
        if role == SORT_ROLE:
            return self._sort_value(location, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(location, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.LATE:
            return self._tooltip(location, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OPEN_NOW:
            return semantic_colour("good" if location.is_open_at(self._now) else "muted")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.LOCAL_TIME, self.FREE, self.LATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, location: models.LocationDetail, column: int) -> str:
        if column == self.NAME:
            return location.internal_name or location.id
        if column == self.ADDRESS:
            return location.address.one_line() if location.address else "—"
        if column == self.TIMEZONE:
            return location.timezone or self.tr("UTC (not given)")
        if column == self.LOCAL_TIME:
            return format_weekday_time(location.local_now(self._now))
        if column == self.OPEN_NOW:
            return self.tr("● Open") if location.is_open_at(self._now) else self.tr("○ Closed")
        if column == self.FREE:
            counts = free_boxes(location)
            if counts is None:
                return "—"
            return self.tr("{free} of {total}").format(free=counts[0], total=counts[1])
        if column == self.LATE:
            late = self._late.get(location.id, LateCount())
            return self.tr("{0} · {1}").format(late.delivery, late.pickup)
        return ""

    def _sort_value(self, location: models.LocationDetail, column: int) -> Any:
        if column == self.LOCAL_TIME:
            offset = location.local_now(self._now).utcoffset()
            return offset.total_seconds() if offset is not None else 0.0
        if column == self.OPEN_NOW:
            return int(location.is_open_at(self._now))
        if column == self.FREE:
            counts = free_boxes(location)
            return -1 if counts is None else counts[0]
        if column == self.LATE:
            return self._late.get(location.id, LateCount()).total
        return self._display(location, column).casefold()

    def _tooltip(self, location: models.LocationDetail, column: int) -> str | None:
        if column in (self.NAME, self.ADDRESS):
            return self._display(location, column)   # columns may be narrow: the whole text on hover
        if column == self.LOCAL_TIME:
            return self.tr("Now at this locker ({zone})").format(zone=location.timezone or "UTC")
        if column == self.FREE:
            return self.tr("Free boxes of every size, out of all boxes the locker reports")
        if column == self.LATE:
            late = self._late.get(location.id, LateCount())
            return self.tr("{0} waiting past the delivery deadline · {1} in the locker past the pick-up "
                           "deadline").format(late.delivery, late.pickup)
        return None
