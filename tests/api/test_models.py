"""Model tolerance and the helpers the desk relies on (status, overdue, local time, QR bytes, box sizes)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from lok_desk.api import models
from lok_desk.api.models import BoxSize, EventStatus

PNG = b"\x89PNG\r\n\x1a\nfake-qr"


def history(*steps: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [{"status": status, "date": date} for status, date in steps]


def test_unknown_fields_and_enum_values_survive() -> None:
    reservation = models.Reservation.model_validate(
        {
            "id": "R1",
            "brand_new_field": {"x": 1},
            "event_history": history(
                ("reserved", "2024-05-01T10:00:00Z"), ("teleported", "2024-05-02T10:00:00Z")
            ),
            "locker": {"size": "xxl", "boxes": None},
        }
    )
    assert reservation.model_extra == {"brand_new_field": {"x": 1}}
    assert reservation.current_status == "teleported"
    assert reservation.event_history[0].status is EventStatus.RESERVED
    assert reservation.is_active
    box = models.BoxAvailability.model_validate({"size": "xxl"})
    assert box.size == "xxl" and not isinstance(box.size, BoxSize)
    assert models.BoxAvailability.model_validate({"size": "m"}).size is BoxSize.M
    settings = models.WebhookSettings.model_validate({"enabled": True, "events": ["delivered", "exploded"]})
    assert settings.events == [models.WebhookEvent.DELIVERED, "exploded"]


def test_nulls_and_missing_optional_objects_are_fine() -> None:
    reservation = models.Reservation.model_validate(
        {
            "id": None,
            "location": None,
            "package_info": None,
            "event_history": None,
            "additional": None,
            "shipping": {},
            "locker": None,
        }
    )
    assert reservation.event_history == [] and reservation.additional == {}
    assert reservation.shipping is None
    assert reservation.current_status is None and reservation.location_id is None


def test_null_means_absent_in_nested_objects_and_unknown_fields() -> None:
    reply = {
        "reservations": [
            {
                "id": "r1",
                "event_history": [{"status": "reserved", "date": None, "source": None}],
                "locker": {"size": "m", "boxes": None, "bay": None, "row": 3},
                "contact_info": {"name": "Ana", "email": None},
                "hint": None,
            }
        ],
        "total": None,
        "cursor": None,
    }
    page = models.ReservationPage.model_validate(reply)
    reservation = page.reservations[0]
    assert page.total is None and page.model_extra == {}
    assert reservation.model_extra == {}
    assert reservation.event_history[0].date is None and reservation.event_history[0].model_extra == {}
    assert reservation.locker is not None and reservation.locker.boxes == []
    assert reservation.locker.model_extra == {"row": 3}
    assert reservation.contact_info is not None and reservation.contact_info.email is None
    assert reply["reservations"][0]["locker"]["bay"] is None  # the caller's document is left as it was


def test_dates_parse_to_aware_utc_and_odd_ones_become_none() -> None:
    entry = models.EventHistoryEntry.model_validate(
        {"status": "delivered", "date": "2024-05-01T10:00:00.000Z"}
    )
    assert entry.date == datetime(2024, 5, 1, 10, tzinfo=UTC)
    offset = models.EventHistoryEntry.model_validate({"date": "2024-05-01T12:00:00+02:00"})
    assert offset.date == datetime(2024, 5, 1, 10, tzinfo=UTC)
    epoch = models.EventHistoryEntry.model_validate({"date": 1614202849096})
    assert epoch.date == datetime(2021, 2, 24, 21, 40, 49, 96000, tzinfo=UTC)
    naive = models.EventHistoryEntry.model_validate({"date": "2024-05-01 10:00"})
    assert naive.date == datetime(2024, 5, 1, 10, tzinfo=UTC)
    for odd in ("yesterday", "", "2024-13-45", ["x"], True):
        assert models.EventHistoryEntry.model_validate({"date": odd}).date is None


def test_location_variants_a_b_c() -> None:
    embedded = models.Reservation.model_validate(
        {"location": {"id": "L1", "uuid": "u", "internal_name": "A"}}
    )
    plain = models.Reservation.model_validate({"location": "L2"})
    shipped = models.Reservation.model_validate(
        {"location": "L3", "shipping": {"carrier": "DHL", "fee": "99"}}
    )
    assert (embedded.location_id, plain.location_id, shipped.location_id) == ("L1", "L2", "L3")
    assert shipped.shipping is not None and shipped.shipping.carrier == "DHL"


@pytest.mark.parametrize(
    ("steps", "status", "finished"),
    [
        ([("pending", "2024-05-01T00:00:00Z")], "pending", False),
        ([("reserved", "2024-05-01T00:00:00Z"), ("delivered", "2024-05-02T00:00:00Z")], "delivered", False),
        ([("reserved", "2024-05-01T00:00:00Z"), ("cancelled", "2024-05-02T00:00:00Z")], "cancelled", True),
        ([("delivered", "2024-05-02T00:00:00Z"), ("picked_up", "2024-05-03T00:00:00Z")], "picked_up", True),
        # newest first: the dates win over the order
        ([("picked_up", "2024-05-03T00:00:00Z"), ("reserved", "2024-05-01T00:00:00Z")], "picked_up", True),
        # undated: the last entry wins
        ([("reserved", None), ("reopened", None)], "reopened", False),
    ],
)
def test_current_status_and_finished(
    steps: list[tuple[str, str | None]], status: str, finished: bool
) -> None:
    reservation = models.Reservation.model_validate({"event_history": history(*steps)})
    assert reservation.current_status == status
    assert reservation.is_finished is finished and reservation.is_active is not finished


def test_is_overdue_uses_the_right_deadline() -> None:
    base = {"delivery_due_date": "2024-05-02T00:00:00Z", "pickup_due_date": "2024-05-05T00:00:00Z"}
    waiting = models.Reservation.model_validate({**base, "event_history": history(("reserved", None))})
    inside = models.Reservation.model_validate(
        {**base, "event_history": history(("reserved", None), ("delivered", None))}
    )
    done = models.Reservation.model_validate(
        {**base, "event_history": history(("reserved", None), ("cancelled", None))}
    )
    may_3 = datetime(2024, 5, 3, tzinfo=UTC)
    may_6 = datetime(2024, 5, 6, tzinfo=UTC)
    assert waiting.is_overdue(may_3)
    assert not inside.is_overdue(may_3) and inside.is_overdue(may_6)
    assert not done.is_overdue(may_6)
    assert not waiting.is_overdue(datetime(2024, 5, 1, tzinfo=UTC))
    assert not models.Reservation().is_overdue(may_6)


def test_location_local_time_and_opening_hours() -> None:
    location = models.LocationDetail.model_validate(
        {
            "id": "L1",
            "timezone": "America/Mexico_City",
            "service_days": [
                {"weekday": 1, "string_weekday": "monday", "opening_time": "09:00", "closing_time": "18:00"},
                {
                    "weekday": 6,
                    "string_weekday": "saturday",
                    "opening_time": "22:00",
                    "closing_time": "02:00",
                },
            ],
        }
    )
    # Monday 2024-05-06 15:30 UTC = 09:30 in Mexico City (UTC-6, no DST since 2022)
    monday_morning = datetime(2024, 5, 6, 15, 30, tzinfo=UTC)
    local = location.local_now(monday_morning)
    assert (local.hour, local.minute, local.utcoffset()) == (9, 30, timedelta(hours=-6))
    assert local.tzinfo is not None and str(local.tzinfo) == "America/Mexico_City"
    assert location.is_open_at(monday_morning)
    assert not location.is_open_at(datetime(2024, 5, 6, 14, 59, tzinfo=UTC))  # 08:59 local
    assert not location.is_open_at(datetime(2024, 5, 7, 16, 0, tzinfo=UTC))  # tuesday: no hours
    assert location.is_open_at(datetime(2024, 5, 12, 7, 0, tzinfo=UTC))  # sunday 01:00, saturday's night
    assert not location.is_open_at(datetime(2024, 5, 12, 9, 0, tzinfo=UTC))  # sunday 03:00


def test_unknown_time_zone_falls_back_to_utc() -> None:
    location = models.LocationDetail.model_validate({"id": "L1", "timezone": "Mars/Olympus_Mons"})
    now = datetime(2024, 5, 6, 15, 30, tzinfo=UTC)
    assert location.local_now(now) == now and location.local_now(now).utcoffset().total_seconds() == 0
    assert models.LocationDetail(id="L2").local_now().tzinfo is not None


def test_decode_binary_accepts_base64_and_data_uris() -> None:
    encoded = base64.b64encode(PNG).decode()
    assert models.decode_binary(encoded) == PNG
    assert models.decode_binary(encoded.rstrip("=")) == PNG  # missing padding
    assert models.decode_binary(f"data:image/png;base64,{encoded}") == PNG
    assert models.decode_binary(base64.urlsafe_b64encode(b"\xfb\xff\xfe").decode()) == b"\xfb\xff\xfe"
    assert models.decode_binary("data:text/plain,hello%20world") == b"hello world"
    assert models.decode_binary(encoded[:8] + "\n" + encoded[8:]) == PNG
    for bad in ("not base64 at all!", "data:image/png;base64", "%%%"):
        with pytest.raises(ValueError):
            models.decode_binary(bad)


def test_reservation_tokens_qr_and_secrecy() -> None:
    tokens = models.ReservationTokens.model_validate(
        {
            "pickup_token": "P-123",
            "pickup_token_qr": base64.b64encode(PNG).decode(),
            "delivery_token_qr": "data:image/png;base64," + base64.b64encode(PNG).decode(),
            "cancel_token_qr": "###",
        }
    )
    assert tokens.qr_png("pickup") == PNG and tokens.qr_png("delivery") == PNG
    assert tokens.qr_png("cancel") is None and tokens.qr_png("reopen_1") is None
    assert tokens.token("pickup") == "P-123"
    assert "P-123" not in repr(tokens)
    with pytest.raises(KeyError):
        tokens.qr_png("teleport")
    assert models.TOKEN_NAMES == ("delivery", "pickup", "reopen_1", "reopen_2", "cancel")


def test_label_bytes() -> None:
    label = models.Label(
        jpeg=base64.b64encode(b"\xff\xd8jpeg").decode(), pdf="data:application/pdf;base64,JVBERg=="
    )
    assert label.jpeg_bytes() == b"\xff\xd8jpeg"
    assert label.pdf_bytes() == b"%PDF"


def test_naming_drift_between_requests_and_replies() -> None:
    assert models.DirectorySummary.model_validate({"id": "d", "isActive": False}).is_active is False
    assert models.DirectorySummary(id="d", is_active=True).to_body()["isActive"] is True
    coords = models.SearchCoords(longitude=-99.1, latitude=19.4)
    assert coords.to_body() == {"long": -99.1, "lat": 19.4}
    assert models.SearchCoords.model_validate({"long": 1, "lat": 2}).latitude == 2
    assert models.Coordinates.model_validate({"latitude": 1, "longitude": 2}).longitude == 2
    emails = models.NotificationEmailsResponse.model_validate({"management_emails": {"operator": "o@x"}})
    assert emails.management_emails.operator == "o@x"
    assert models.NotificationEmailsUpdate(operator_email="o@x").to_body() == {"operator_email": "o@x"}
    package = models.LocationShippingPackageInfo(weight=1, request_thermal_label=True)
    assert package.to_body() == {"weight": 1.0, "request_thermal_lable": True}
    assert models.DirectoryCsvImport(directories_ids=["d"], csv="a").to_body() == {
        "directoriesIds": ["d"],
        "csv": "a",
    }


def test_request_bodies_leave_unset_fields_out_and_send_dates_in_utc() -> None:
    body = models.PreReservationRequest(
        delivery_date=datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
        recipient_info=models.RecipientInfo(email="r@x"),
    ).to_body()
    assert body == {"delivery_date": "2024-05-01T12:00:00.000Z", "recipient_info": {"email": "r@x"}}
    assert models.ReservationRequest(size=BoxSize.S).to_body() == {"size": "s"}


def test_reservation_filters_to_params() -> None:
    filters = models.ReservationFilters(
        only_active=False,
        status="finished",
        shipment_id="S1",
        from_=datetime(2024, 5, 1, tzinfo=UTC),
        sort="-created_at",
    )
    assert filters.to_params() == {
        "only_active": "false",
        "status": "finished",
        "shipment_id": "S1",
        "from": "2024-05-01T00:00:00.000Z",
        "sort": "-created_at",
    }
    assert models.ReservationFilters(from_=1614202849096).to_params() == {"from": "1614202849096"}
    assert models.ReservationFilters().to_params() == {}


def test_box_sizes_and_smallest_fit() -> None:
    assert models.BOX_SIZES[BoxSize.XL] == models.BoxDimensions(60, 45, 60)
    assert models.smallest_fitting_size(10, 35, 60, 1) is BoxSize.S
    assert models.smallest_fitting_size(60, 35, 10, 1) is BoxSize.S  # turned on its side
    assert models.smallest_fitting_size(15, 30, 50, 5) is BoxSize.M
    assert models.smallest_fitting_size(36, 30, 50, 5) is BoxSize.L
    assert models.smallest_fitting_size(36, 36, 36, 5) is BoxSize.XL  # 36 cm exceeds the 35 cm side of l
    assert models.smallest_fitting_size(50, 44, 59, 25) is BoxSize.XL
    assert models.smallest_fitting_size(61, 10, 10, 1) is None
    assert models.smallest_fitting_size(5, 5, 5, 25.1) is None


def test_parse_recent_activity_csv() -> None:
    text = (
        '"Id de pedido", "Locker", "Huso horario", "Torre", "Casillero", "Reservación", "Depósito", '
        '"Recolección", "Cancelación"\n'
        '"DFUL", "Antara", "America/Mexico_City", "00010003", "00010003002", "2020-10-10T15:52:30.000Z", '
        '"2020-10-11T09:00:00.000Z", "", ""\n'
        '"ABCD", "Polanco, Norte", "America/Mexico_City", "1", "2", "2020-10-10T16:00:00.000Z", "", "", '
        '"2020-10-10T17:00:00.000Z"\n'
    )
    rows = models.parse_recent_activity(text)
    assert [row.order_id for row in rows] == ["DFUL", "ABCD"]
    assert rows[0].box == "00010003002" and rows[0].tower == "00010003"
    assert rows[0].delivered_at == datetime(2020, 10, 11, 9, tzinfo=UTC) and rows[0].picked_up_at is None
    assert rows[1].locker == "Polanco, Norte"
    assert rows[1].cancelled_at == datetime(2020, 10, 10, 17, tzinfo=UTC)
    assert models.parse_recent_activity("") == []
    assert models.parse_recent_activity('"Id de pedido","Locker"\n') == []


def test_page_end_detection() -> None:
    full = models.ReservationPage(reservations=[models.Reservation()] * 2)
    assert not full.is_last(1, 2) and full.is_last(1, 3)
    assert models.ReservationPage(reservations=[models.Reservation()], total_pages=3).is_last(3, 1)
    assert not models.ReservationPage(reservations=[models.Reservation()], total_pages=3).is_last(2, 1)
    assert models.ReservationPage().is_last(1, 100)
