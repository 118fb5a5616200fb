"""The reservations table: compact rows, a Qt table model over them, and the sort/filter proxy."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any, NamedTuple, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap

from lok_desk.api import models
from lok_desk.core.rules import Overdue, overdue_kind
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP
from lok_desk.desk.kit.records import SORT_ROLE

__all__ = ["Column", "LocationLabel", "Overdue", "ReservationFilterProxy", "ReservationRow",
           "ReservationTableModel", "overdue_kind", "row_from_reservation"]

#: The reservation id of the row (any column).
RESERVATION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The raw status string of the row (the status chip delegate paints from it).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SHIPMENT = 0
    STATUS = 1
    LOCATION = 2
    SIZE = 3
    RECIPIENT = 4
    CREATED = 5
    DELIVERY_DUE = 6
    PICKUP_DUE = 7


HEADERS: dict[Column, str] = {
    Column.SHIPMENT: QT_TRANSLATE_NOOP("ReservationTableModel", "Shipment"),
    Column.STATUS: QT_TRANSLATE_NOOP("ReservationTableModel", "Status"),
    Column.LOCATION: QT_TRANSLATE_NOOP("ReservationTableModel", "Location"),
    Column.SIZE: QT_TRANSLATE_NOOP("ReservationTableModel", "Box"),
    Column.RECIPIENT: QT_TRANSLATE_NOOP("ReservationTableModel", "Recipient"),
    Column.CREATED: QT_TRANSLATE_NOOP("ReservationTableModel", "Created"),
    Column.DELIVERY_DUE: QT_TRANSLATE_NOOP("ReservationTableModel", "Delivery due"),
    Column.PICKUP_DUE: QT_TRANSLATE_NOOP("ReservationTableModel", "Pick-up due"),
}

DATE_COLUMNS = frozenset({Column.CREATED, Column.DELIVERY_DUE, Column.PICKUP_DUE})

class ReservationRow(NamedTuple):
    """One reservation as the table needs it. A plain tuple: 100,000 of them must stay cheap, so the
    full reservation is fetched again (#15) when a person selects the row."""

    id: str
    shipment_id: str
    status: str
    location_id: str
    size: str
    recipient: str
    created: float | None  # epoch seconds, UTC
    delivery_due: float | None
    pickup_due: float | None
    overdue: int  # an Overdue value, kept as a plain int so the row stays a GC-untracked tuple


def as_datetime(value: object) -> datetime | None:
    """A date from the API as an aware UTC datetime; tolerant of strings the model left unparsed."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        # Epoch milliseconds are what Lok uses elsewhere (`t`, `from`).
        return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _epoch(value: object) -> float | None:
    dt = as_datetime(value)
    return dt.timestamp() if dt is not None else None


def _intern(text: str) -> str:
    # Statuses, sizes and location ids repeat on every row; one shared string each keeps 100k rows lean.
    return sys.intern(text) if text else ""


def row_from_reservation(reservation: models.Reservation, now: datetime | None = None) -> ReservationRow:
    """Reduce a reservation (any variant A/B/C) to the few values the table shows and sorts on."""
    when = (now or datetime.now(UTC)).timestamp()
    status = str(reservation.current_status or "")
    recipient_info = getattr(reservation, "recipient_info", None)
    recipient = ""
    if recipient_info is not None:
        recipient = (
            getattr(recipient_info, "name", None)
            or getattr(recipient_info, "email", None)
            or getattr(recipient_info, "phone", None)
            or ""
        )
    locker = getattr(reservation, "locker", None)
    size = str(getattr(locker, "size", None) or "") if locker is not None else ""
    delivery_due = _epoch(getattr(reservation, "delivery_due_date", None))
    pickup_due = _epoch(getattr(reservation, "pickup_due_date", None))
    return ReservationRow(
        id=str(reservation.id or ""),
        shipment_id=str(reservation.shipment_id or ""),
        status=_intern(status),
        location_id=_intern(str(reservation.location_id or "")),
        size=_intern(size),
        recipient=str(recipient),
        created=_epoch(getattr(reservation, "created_at", None)),
        delivery_due=delivery_due,
        pickup_due=pickup_due,
        overdue=int(overdue_kind(status, delivery_due, pickup_due, when)),
    )


# Positions of ReservationRow's fields: the model stores plain tuples (see ReservationTableModel) and
# its hot paths (data, sort, filter) index them directly.
(F_ID, F_SHIPMENT_ID, F_STATUS, F_LOCATION_ID, F_SIZE, F_RECIPIENT, F_CREATED, F_DELIVERY_DUE, F_PICKUP_DUE,
 F_OVERDUE) = range(10)
N_COLUMNS = 8


class LocationLabel(NamedTuple):
    name: str
    timezone: str  # IANA name; "UTC" when the location is unknown


def _overdue_icon() -> QIcon:
    """An amber clock-with-exclamation badge, drawn once (no icon theme exists offscreen)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.moveTo(16, 2)
    path.lineTo(30, 28)
    path.lineTo(2, 28)
    path.closeSubpath()
    painter.fillPath(path, QColor("#E69F00"))  # Okabe–Ito orange
    painter.setPen(QColor("#000000"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(18)
    painter.setFont(font)
    painter.drawText(pixmap.rect().adjusted(0, 6, 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


class ReservationTableModel(QAbstractTableModel):
    """Rows of reservations; display text in the location's local time, raw values under SORT_ROLE."""

    def __init__(
        self, describe_location: Callable[[str], LocationLabel], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._describe_location = describe_location
        self._locations: dict[str, LocationLabel] = {}
        # Plain tuples of str/float/int/None, not the NamedTuple: CPython stops tracking such tuples in
        # its garbage collector, so 100,000 rows add nothing to each full collection (a full collection
        # is a pause of the event loop).
        self._rows: list[tuple[Any, ...]] = []
        self._row_of: dict[str, int] = {}
        self._overdue_icon: QIcon | None = None

    # --- data access -------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[ReservationRow]:
        """Every row as a ReservationRow (a copy: for searches and tests, not for hot paths)."""
        return [ReservationRow._make(row) for row in self._rows]

    def raw_row(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

    def row_of(self, reservation_id: str) -> int | None:
        return self._row_of.get(reservation_id)

    def row_at(self, row: int) -> ReservationRow:
        return ReservationRow._make(self._rows[row])

    def location(self, location_id: str) -> LocationLabel:
        label = self._locations.get(location_id)
        if label is None:
            label = self._describe_location(location_id)
            self._locations[location_id] = label
        return label

    def forget_locations(self) -> None:
        """Locations were reloaded: names and time zones are looked up again."""
        self._locations.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, N_COLUMNS - 1))

    # --- changes ------------------------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._row_of = {}
        self.endResetModel()

    def append_rows(self, rows: Iterable[ReservationRow]) -> int:
        """Add a page in one batch. A reservation already present (pages shift while a list is read)
        is updated in place instead of appearing twice. Returns how many rows were added."""
        fresh: list[ReservationRow] = []
        seen: set[str] = set()
        for row in rows:
            existing = self._row_of.get(row.id)
            if existing is not None:
                self._replace(existing, row)
            elif row.id not in seen:
                seen.add(row.id)
                fresh.append(row)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(tuple(row) for row in fresh)
            for offset, row in enumerate(fresh):
                self._row_of[row.id] = first + offset
            self.endInsertRows()
        return len(fresh)

    def ids(self) -> list[str]:
        return [row[F_ID] for row in self._rows]

    def remove_ids(self, reservation_ids: Iterable[str]) -> int:
        """Take rows out (finished in an active list, gone from the server), one contiguous run at a
        time so the view keeps its selection and scroll position (never a reset)."""
        positions = sorted({p for rid in reservation_ids if (p := self._row_of.get(rid)) is not None},
                           reverse=True)
        if not positions:
            return 0
        runs: list[tuple[int, int]] = []
        for position in positions:
            if runs and runs[-1][0] == position + 1:
                runs[-1] = (position, runs[-1][1])
            else:
                runs.append((position, position))
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self._rows[first:last + 1]:
                del self._row_of[row[F_ID]]
            del self._rows[first:last + 1]
            self.endRemoveRows()
        low = positions[-1]
        for offset, row in enumerate(self._rows[low:], start=low):
            self._row_of[row[F_ID]] = offset
        return len(positions)

    def recheck_overdue(self, now: float) -> int:
        """Recompute the overdue marks against `now` (server clock, epoch s); rows that change repaint."""
        changed = 0
        for position, row in enumerate(self._rows):
            mark = int(overdue_kind(row[F_STATUS], row[F_DELIVERY_DUE], row[F_PICKUP_DUE], now))
            if mark != row[F_OVERDUE]:
                self._rows[position] = (*row[:F_OVERDUE], mark)
                self.dataChanged.emit(self.index(position, 0), self.index(position, N_COLUMNS - 1))
                changed += 1
        return changed

    def upsert(self, row: ReservationRow) -> None:
        existing = self._row_of.get(row.id)
        if existing is None:
            self.append_rows([row])
        else:
            self._replace(existing, row)

    def _replace(self, position: int, row: ReservationRow) -> None:
        plain = tuple(row)
        if self._rows[position] == plain:
            return
        self._rows[position] = plain
        self.dataChanged.emit(self.index(position, 0), self.index(position, N_COLUMNS - 1))

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[Column(section)])
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section in DATE_COLUMNS
        ):
            return self.tr("In the local time of the reservation's location")
        return None

    def sort_value(self, row: int, column: int) -> Any:
        """The raw value a column sorts on: epoch seconds for dates, case-folded text otherwise."""
        record = self._rows[row]
        match column:
            case Column.SHIPMENT:
                return record[F_SHIPMENT_ID].casefold()
            case Column.STATUS:
                return formatting.format_status(record[F_STATUS]).casefold() if record[F_STATUS] else ""
            case Column.LOCATION:
                return self.location(record[F_LOCATION_ID]).name.casefold()
            case Column.SIZE:
                return _SIZE_ORDER.get(record[F_SIZE], len(_SIZE_ORDER))
            case Column.RECIPIENT:
                return record[F_RECIPIENT].casefold()
            case Column.CREATED:
                return record[F_CREATED]
            case Column.DELIVERY_DUE:
                return record[F_DELIVERY_DUE]
            case Column.PICKUP_DUE:
                return record[F_PICKUP_DUE]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self.sort_value(index.row(), column)
        if role == RESERVATION_ID_ROLE:
            return record[F_ID]
        if role == STATUS_ROLE:
            return record[F_STATUS]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.SHIPMENT and record[F_OVERDUE]:
            if self._overdue_icon is None:
                self._overdue_icon = _overdue_icon()
            return self._overdue_icon
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # Said with its column's name: a row read aloud was values only (which date is which?).
            text = self._display(record, column) or "—"
            if column == Column.SHIPMENT and record[F_OVERDUE]:
                text = f"{text}, {self._overdue_text(record)}"
            header = self.headerData(column, Qt.Orientation.Horizontal)
            return self.tr("{0}: {1}").format(header, text) if header else text
        return None

    def _display(self, record: tuple[Any, ...], column: int) -> str:
        match column:
            case Column.SHIPMENT:
                return cast(str, record[F_SHIPMENT_ID] or record[F_ID])
            case Column.STATUS:
                return formatting.format_status(record[F_STATUS]) if record[F_STATUS] else self.tr("Unknown")
            case Column.LOCATION:
                return self.location(record[F_LOCATION_ID]).name
            case Column.SIZE:
                return cast(str, record[F_SIZE]).upper()
            case Column.RECIPIENT:
                return cast(str, record[F_RECIPIENT])
            case Column.CREATED | Column.DELIVERY_DUE | Column.PICKUP_DUE:
                value = self._date_of(record, column)
                if value is None:
                    return "—"
                return formatting.format_local_marked(_utc(value),
                                                      self.location(record[F_LOCATION_ID]).timezone)
        return ""

    @staticmethod
    def _date_of(record: tuple[Any, ...], column: int) -> float | None:
        if column == Column.CREATED:
            return cast("float | None", record[F_CREATED])
        if column == Column.DELIVERY_DUE:
            return cast("float | None", record[F_DELIVERY_DUE])
        return cast("float | None", record[F_PICKUP_DUE])

    def _overdue_text(self, record: tuple[Any, ...]) -> str:
        location = self.location(record[F_LOCATION_ID])
        if record[F_OVERDUE] == Overdue.PICKUP and record[F_PICKUP_DUE] is not None:
            since = formatting.format_local(_utc(record[F_PICKUP_DUE]), location.timezone)
            return self.tr("Pick-up overdue since {0}").format(since)
        if record[F_DELIVERY_DUE] is not None:
            since = formatting.format_local(_utc(record[F_DELIVERY_DUE]), location.timezone)
            return self.tr("Delivery overdue since {0}").format(since)
        return ""

    def _tooltip(self, record: tuple[Any, ...], column: int) -> str | None:
        if column in DATE_COLUMNS:
            value = self._date_of(record, column)
            return formatting.format_utc_tooltip(_utc(value)) if value is not None else None
        if column == Column.SHIPMENT:
            lines = [self.tr("Reservation {0}").format(record[F_ID])]
            if record[F_OVERDUE]:
                lines.insert(0, self._overdue_text(record))
            return "\n".join(lines)
        if column == Column.LOCATION:
            return self.tr("Times in this row are local to {0} ({1})").format(
                self.location(record[F_LOCATION_ID]).name, self.location(record[F_LOCATION_ID]).timezone
            )
        if column == Column.STATUS and record[F_OVERDUE]:
            return self._overdue_text(record)
        return None


_SIZE_ORDER = {"s": 0, "m": 1, "l": 2, "xl": 3}


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class ReservationFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values (dates as instants, not as the text shown) and filters client-side by text
    (shipment id, recipient, reservation id) and, when the server list spans locations, by location."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._location_id: str | None = None
        self._only: frozenset[str] | None = None   # the reservations behind an Insights figure
        self.setSortRole(SORT_ROLE)
        # Rows arrive page by page; the proxy must place each page without a full re-sort.
        self.setDynamicSortFilter(True)

    @property
    def text(self) -> str:
        return self._needle

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._refilter(lambda: setattr(self, "_needle", needle))

    def set_location(self, location_id: str | None) -> None:
        if location_id != self._location_id:
            self._refilter(lambda: setattr(self, "_location_id", location_id))

    @property
    def only(self) -> frozenset[str] | None:
        return self._only

    def set_only(self, ids: frozenset[str] | None) -> None:
        """Show only these reservations (None: all the list's rows)."""
        if ids != self._only:
            self._refilter(lambda: setattr(self, "_only", ids))

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with begin/endFilterChange; support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.10
            change()
            self.invalidateRowsFilter()

    def _source(self) -> ReservationTableModel:
        source = self.sourceModel()
        assert isinstance(source, ReservationTableModel)
        return source

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        record = self._source().raw_row(source_row)
        if self._location_id is not None and record[F_LOCATION_ID] != self._location_id:
            return False
        if self._only is not None and record[F_ID] not in self._only:
            return False
        if not self._needle:
            return True
        needle = self._needle
        return (
            needle in record[F_SHIPMENT_ID].casefold()
            or needle in record[F_RECIPIENT].casefold()
            or needle in record[F_ID].casefold()
        )

    def lessThan(self, left: Index, right: Index) -> bool:
        # Compare Python values directly: no QVariant round trip, and "no date" sorts after any date.
        # Called ~5 times per row as pages arrive: date columns (the default sort) read the raw epoch
        # straight from the row tuples, which makes placing 10,000 rows ~30% cheaper.
        source = self._source()
        column = left.column()
        field = _RAW_SORT_FIELDS.get(column)
        if field is not None:
            rows = source._rows
            a = rows[left.row()][field]
            b = rows[right.row()][field]
        else:
            a = source.sort_value(left.row(), column)
            b = source.sort_value(right.row(), column)
        if a is None or b is None:
            return a is not None and b is None
        return bool(a < b)


# Columns whose sort value is the row's raw field as stored (see ReservationTableModel.sort_value).
_RAW_SORT_FIELDS: dict[int, int] = {
    Column.CREATED: F_CREATED,
    Column.DELIVERY_DUE: F_DELIVERY_DUE,
    Column.PICKUP_DUE: F_PICKUP_DUE,
}
