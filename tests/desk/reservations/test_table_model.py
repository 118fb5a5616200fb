"""The table model and proxy on their own: raw-value sorting, text filter, overdue marks, dedupe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from lok_desk.api import models
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.records import SORT_ROLE
from lok_desk.desk.reservations.table_model import (
    Column,
    LocationLabel,
    Overdue,
    ReservationFilterProxy,
    ReservationTableModel,
    row_from_reservation,
)

NOW = datetime(2026, 11, 28, 18, 0, tzinfo=UTC)
ZONES = {
    "loc-cdmx": ("Antara", "America/Mexico_City"),
    "loc-bog": ("Andino", "America/Bogota"),
    "loc-tij": ("Plaza Río", "America/Tijuana"),
}


def describe(location_id: str) -> LocationLabel:
    name, tz = ZONES.get(location_id, (location_id, "UTC"))
    return LocationLabel(name, tz)


def reservation(
    index: int,
    *,
    location: str,
    created: datetime,
    status: str = "reserved",
    delivery_due: datetime | None = None,
    recipient: str = "Ana López",
) -> models.Reservation:
    history = [{"status": "reserved", "date": created.isoformat()}]
    if status != "reserved":
        history.append({"status": status, "date": (created + timedelta(minutes=5)).isoformat()})
    return models.Reservation.model_validate(
        {
            "id": f"rsv-{index}",
            "shipment_id": f"SHP-{index}",
            "location": location,
            "event_history": history,
            "created_at": created.isoformat(),
            "delivery_due_date": (delivery_due or created + timedelta(days=1)).isoformat(),
            "pickup_due_date": (created + timedelta(days=4)).isoformat(),
            "locker": {"size": "m"},
            "recipient_info": {"name": recipient},
        }
    )


def build(rows: list[models.Reservation]) -> tuple[ReservationTableModel, ReservationFilterProxy]:
    model = ReservationTableModel(describe)
    model.append_rows(row_from_reservation(r, NOW) for r in rows)
    proxy = ReservationFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def shown(proxy: ReservationFilterProxy, column: Column = Column.SHIPMENT) -> list[str]:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_proxy_sorts_dates_by_instant_not_by_the_local_text(qapp: object) -> None:
    # 12:00 in Tijuana (UTC-8) is later than 13:00 in Mexico City (UTC-6): the text says otherwise.
    early = reservation(1, location="loc-cdmx", created=datetime(2026, 11, 28, 19, 0, tzinfo=UTC))  # 13:00
    late = reservation(2, location="loc-tij", created=datetime(2026, 11, 28, 20, 0, tzinfo=UTC))  # 12:00
    _model, proxy = build([late, early])
    texts = {proxy.index(r, Column.SHIPMENT).data(): proxy.index(r, Column.CREATED).data() for r in range(2)}
    assert texts == {"SHP-1": "28 Nov 2026 13:00", "SHP-2": "28 Nov 2026 12:00"}

    proxy.sort(Column.CREATED, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["SHP-1", "SHP-2"]
    proxy.sort(Column.CREATED, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == ["SHP-2", "SHP-1"]
    # The raw value is the instant (epoch seconds), not the text.
    assert (
        proxy.index(0, Column.CREATED).data(SORT_ROLE)
        == datetime(2026, 11, 28, 20, 0, tzinfo=UTC).timestamp()
    )


def test_new_pages_land_in_sorted_position(qapp: object) -> None:
    base = datetime(2026, 11, 1, tzinfo=UTC)
    model, proxy = build(
        [reservation(i, location="loc-cdmx", created=base + timedelta(hours=i)) for i in (1, 5)]
    )
    proxy.sort(Column.CREATED, Qt.SortOrder.DescendingOrder)
    model.append_rows(
        [row_from_reservation(reservation(3, location="loc-bog", created=base + timedelta(hours=3)), NOW)]
    )
    assert shown(proxy) == ["SHP-5", "SHP-3", "SHP-1"]


def test_a_reservation_seen_twice_while_pages_shift_is_one_row(qapp: object) -> None:
    first = reservation(1, location="loc-cdmx", created=NOW - timedelta(hours=2))
    model, proxy = build([first])
    cancelled = reservation(1, location="loc-cdmx", created=NOW - timedelta(hours=2), status="cancelled")
    added = model.append_rows([row_from_reservation(cancelled, NOW)])
    assert added == 0
    assert model.rowCount() == 1
    assert proxy.index(0, Column.STATUS).data() == formatting.format_status("cancelled")


def test_text_filter_matches_shipment_recipient_and_id(qapp: object) -> None:
    rows = [
        reservation(1, location="loc-cdmx", created=NOW, recipient="Ana López"),
        reservation(22, location="loc-cdmx", created=NOW, recipient="Luis Pérez"),
    ]
    _model, proxy = build(rows)
    proxy.set_text("pérez")
    assert shown(proxy) == ["SHP-22"]
    proxy.set_text("rsv-1")
    assert shown(proxy) == ["SHP-1"]
    proxy.set_text("shp-2")
    assert shown(proxy) == ["SHP-22"]
    proxy.set_text("")
    assert proxy.rowCount() == 2


def test_overdue_rows_carry_an_icon_and_say_since_when(qapp: object) -> None:
    due = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)
    late = reservation(1, location="loc-cdmx", created=due - timedelta(days=1), delivery_due=due)
    on_time = reservation(2, location="loc-cdmx", created=NOW, delivery_due=NOW + timedelta(days=1))
    model, _proxy = build([late, on_time])
    assert model.row_at(0).overdue == Overdue.DELIVERY
    assert model.row_at(1).overdue == Overdue.NO
    index = model.index(0, Column.SHIPMENT)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(1, Column.SHIPMENT), Qt.ItemDataRole.DecorationRole) is None
    # 15:30 UTC is 09:30 in Mexico City.
    assert "Delivery overdue since 27 Nov 2026 09:30" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_dates_show_local_time_with_utc_in_the_tooltip(qapp: object) -> None:
    created = datetime(2026, 11, 28, 20, 5, tzinfo=UTC)
    model, _proxy = build([reservation(1, location="loc-bog", created=created)])
    index = model.index(0, Column.CREATED)
    assert index.data() == "28 Nov 2026 15:05"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "2026-11-28 20:05:00 UTC"
    assert model.index(0, Column.LOCATION).data() == "Andino"
