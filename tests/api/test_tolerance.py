"""Tolerant reading: production-like deviations in a reply are read, noted once, or counted — never fatal.

These are the models' own rules on single bodies; tests/production runs the same variants through a
real HTTP server and the whole client.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from lok_desk.api import models, tolerance

WHEN = datetime(2026, 12, 1, 20, 42, 4, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "form"),
    [
        ("2026-12-01T20:42:04Z", "iso"),
        ("2026-12-01T20:42:04.000+00:00", "iso"),
        ("2026-12-01T14:42:04-06:00", "iso"),
        ("2026-12-01T20:42:04", "iso-naive"),
        ("Tue, 01 Dec 2026 20:42:04 GMT", "rfc1123"),  # RFC 1123 and JavaScript toUTCString()
        ("Tuesday, 01-Dec-26 20:42:04 GMT", "rfc1123"),  # RFC 850, which RFC 9110 still asks to read
        (int(WHEN.timestamp()), "epoch-s"),
        (str(int(WHEN.timestamp())), "epoch-s"),
        (WHEN.timestamp(), "epoch-s"),
        (int(WHEN.timestamp() * 1000), "epoch-ms"),
        (str(int(WHEN.timestamp() * 1000)), "epoch-ms"),
    ],
)
def test_every_date_form_reads_as_the_same_instant(value: Any, form: str) -> None:
    assert models.parse_datetime(value) == WHEN
    assert models.date_format(value) == form


@pytest.mark.parametrize("value", ["next tuesday", "", "2026-13-45", True, [1, 2], {"$date": 1}])
def test_unreadable_dates_are_none(value: Any) -> None:
    assert models.parse_datetime(value) is None


def test_epoch_seconds_and_milliseconds_are_told_apart_by_magnitude() -> None:
    # 1e11 is the threshold: below it seconds (until the year 5138), at or above it milliseconds.
    assert models.parse_datetime(99_999_999_999) == datetime.fromtimestamp(99_999_999_999, UTC)
    assert models.parse_datetime(100_000_000_000) == datetime.fromtimestamp(100_000_000, UTC)


@pytest.mark.parametrize(
    "expiry",
    [
        "2026-12-01T21:42:04Z",
        "Tue, 01 Dec 2026 21:42:04 GMT",
        int((WHEN + timedelta(hours=1)).timestamp()),
        int((WHEN + timedelta(hours=1)).timestamp() * 1000),
        str(int((WHEN + timedelta(hours=1)).timestamp() * 1000)),
    ],
)
def test_token_expiry_in_every_form(expiry: Any) -> None:
    token = models.AccessToken.model_validate({"access_token": "t", "access_token_expires_at": expiry})
    assert token.expires_at == WHEN + timedelta(hours=1)
    assert token.is_valid(WHEN) and not token.is_valid(WHEN + timedelta(minutes=59, seconds=30))


def test_token_expires_in_counts_from_when_it_was_received() -> None:
    body = {"access_token": "t", "expires_in": 3600, "token_type": "Bearer"}
    token = models.AccessToken.model_validate(body)
    assert token.expires_at is None
    resolved = token.with_expiry_from(WHEN)
    assert resolved.expires_at == WHEN + timedelta(hours=1)
    assert resolved.access_token == "t"


def test_token_without_any_expiry_is_read_and_never_reused_from_cache() -> None:
    token = models.AccessToken.model_validate({"access_token": "t"})
    assert token.with_expiry_from(WHEN).expires_at is None
    assert not token.is_valid(WHEN)  # a cached one is not trusted; the live one is used until a 401


def test_numbers_where_text_is_documented_and_text_where_numbers_are() -> None:
    reservation = models.Reservation.model_validate(
        {
            "id": 17,
            "shipment_id": 9001,
            "package_info": {"weight": "1.5", "value": "450"},
            "is_confirmed": "true",
            "shipping": {"fee": 123.5, "tracking_id": 77},
        }
    )
    assert reservation.id == "17" and reservation.shipment_id == "9001"
    assert reservation.package_info is not None and reservation.package_info.weight == 1.5
    assert reservation.is_confirmed is True
    assert reservation.shipping is not None and reservation.shipping.fee == "123.5"
    address = models.LocationAddress.model_validate({"zip_code": 3100, "number": 12})
    assert address.zip_code == "03100" and address.number == "12"


def test_null_in_optional_fields_and_swapped_empty_containers() -> None:
    reservation = models.Reservation.model_validate(
        {
            "id": "R1",
            "additional": [],
            "shipping": [],
            "event_history": {},
            "contact_info": None,
            "locker": None,
        }
    )
    assert reservation.additional == {} and reservation.shipping is None and reservation.event_history == []
    body = {"id": "L1", "boxes": {}, "service_days": {}, "coords": None}
    location = models.LocationDetail.model_validate(body)
    assert location.boxes == [] and location.service_days == [] and location.coords is None


@pytest.mark.parametrize(
    "coords",
    [
        {"latitude": 19.4, "longitude": -99.1},
        {"lat": 19.4, "lng": -99.1},
        {"lat": 19.4, "long": -99.1},
        {"lat": "19.4", "lon": "-99.1"},
    ],
)
def test_coordinate_spellings(coords: dict[str, Any]) -> None:
    location = models.LocationDetail.model_validate({"id": "L1", "coords": coords})
    assert location.coords is not None
    assert (location.coords.latitude, location.coords.longitude) == (19.4, -99.1)


def test_unreadable_coords_leave_the_location_readable() -> None:
    location = models.LocationDetail.model_validate({"id": "L1", "coords": "19.4,-99.1", "timezone": "UTC"})
    assert location.coords is None and location.timezone == "UTC"


@pytest.mark.parametrize(
    ("day", "name", "number"),
    [
        ({"weekday": 1, "string_weekday": "monday"}, "monday", 1),
        ({"weekday": "monday"}, "monday", None),
        ({"weekday": "Monday", "string_weekday": "MONDAY"}, "monday", None),
        ({"string_weekday": 1}, "monday", 1),
        ({"weekday": 1}, "monday", 1),
        ({"weekday": 0}, "sunday", 0),
        ({"weekday": "7"}, "sunday", 7),
    ],
)
def test_weekday_as_number_or_name(day: dict[str, Any], name: str, number: int | None) -> None:
    service_day = models.ServiceDay.model_validate({**day, "opening_time": "09:00", "closing_time": "18:00"})
    assert service_day.string_weekday == name
    assert service_day.weekday == number


def test_enum_values_in_any_letter_case() -> None:
    reservation = models.Reservation.model_validate(
        {"event_history": [{"status": "PENDING"}, {"status": "Picked_Up"}, {"status": "picked-up"}]}
    )
    assert [e.status for e in reservation.event_history] == [models.EventStatus.PENDING] + [
        models.EventStatus.PICKED_UP
    ] * 2
    assert reservation.is_finished
    assert models.User.model_validate({"id": "u", "scope": "OWNER"}).scope is models.Scope.OWNER
    # A value Lok may have added since stays as its text.
    assert models.Reservation.model_validate({"event_history": [{"status": "lost"}]}).current_status == "lost"


def test_contacts_without_gender_or_age() -> None:
    detail = models.DirectoryDetail.model_validate(
        {
            "id": "D1",
            "contacts": [
                {"name": "Ana", "last_name": "García"},
                {"name": "Luis", "last_name": "P", "age": "41"},
            ],
        }
    )
    assert [(c.gender, c.age) for c in detail.contacts] == [(None, None), (None, 41)]


@pytest.mark.parametrize(
    ("payload", "status", "payload_text", "status_value"),
    [
        ('{"a": 1}', 200, '{"a": 1}', 200),
        ({"a": 1}, "200", '{"a": 1}', 200),
        ([1, "x"], "ok", '[1, "x"]', "ok"),
        (7, {"code": 201}, "7", '{"code": 201}'),
        (True, False, "true", "false"),
    ],
)
def test_action_log_payload_and_status_of_any_json_type(
    payload: Any, status: Any, payload_text: str, status_value: Any
) -> None:
    body = {"action_logs": [{"payload": payload, "status": status}]}
    reply = models.ActionLogsResponse.model_validate(body)
    entry = reply.action_logs[0]
    assert entry.payload == payload_text and entry.status == status_value


def test_one_unreadable_record_never_fails_the_page_and_is_counted() -> None:
    page = models.ReservationPage.model_validate(
        {
            "reservations": [{"id": "R1"}, "garbage", None, 42, {"id": "R2", "event_history": "lost"}],
            "total": 5,
        }
    )
    assert [r.id for r in page.reservations] == ["R1", "R2"]
    # `None` in a list is a record too: skipped and counted like the string and the number.
    assert page.unreadable == 3 and page.received == 5
    assert page.reservations[1].event_history == []


def test_an_unreadable_required_field_drops_the_record_not_the_list() -> None:
    body = {"locations": [{"id": "L1"}, {"id": {"$oid": "x"}}, {"name": "no id"}]}
    page = models.LocationPage.model_validate(body)
    assert [location.id for location in page.locations] == ["L1"]
    assert page.unreadable == 2


def test_a_bare_list_is_read_as_the_page() -> None:
    page = models.ReservationPage.model_validate([{"id": "R1"}, {"id": "R2"}])
    assert [r.id for r in page.reservations] == ["R1", "R2"] and page.total is None


def test_notes_name_fields_never_values_and_log_once(caplog: pytest.LogCaptureFixture) -> None:
    secret = "tok-SECRET-VALUE"
    record = {"id": 1, "shipment_id": secret, "created_at": "Tue, 01 Dec 2026 20:42:04 GMT"}
    body = {"reservations": [record] * 30}
    collected = tolerance.OddityLog()
    with (
        caplog.at_level(logging.WARNING, logger="lok_desk.api.tolerance"),
        tolerance.reading_reply(),
        tolerance.collecting(collected),
    ):
        models.ReservationPage.model_validate(body)
        models.ReservationPage.model_validate(body)
    wheres = {oddity.where for oddity in collected.oddities}
    assert {"Reservation.id", "Reservation.created_at"} <= wheres
    counts = {oddity.where: n for oddity, n in collected.counts.items()}
    assert counts["Reservation.created_at"] == 60
    assert secret not in caplog.text and all(secret not in str(o) for o in collected.oddities)
    # Logged once per process, however often it was seen.
    assert sum("Reservation.created_at" in r.getMessage() for r in caplog.records) <= 1


def test_contract_shaped_bodies_note_nothing() -> None:
    collected = tolerance.OddityLog()
    with tolerance.reading_reply(), tolerance.collecting(collected):
        models.ReservationPage.model_validate(
            {
                "reservations": [
                    {
                        "id": "R1",
                        "shipment_id": "S1",
                        "created_at": "2026-12-01T20:42:04.000Z",
                        "event_history": [{"status": "reserved", "date": "2026-12-01T20:42:04.000Z"}],
                        "additional": {},
                        "shipping": {},
                        "package_info": {"weight": 1.5, "value": 450},
                    }
                ],
                "total": 1,
                "page": 1,
                "page_size": 15,
                "total_pages": 1,
            }
        )
    assert not collected, collected.oddities


# --- error bodies and transport headers as production servers send them -----------------------


@pytest.mark.parametrize(
    ("body", "error_type", "message"),
    [
        (
            {"error": "invalid_client", "error_description": "Client authentication failed"},
            "INVALID_CLIENT",
            "Client authentication failed",
        ),
        ({"error": "invalid_grant"}, "INVALID_GRANT", "invalid_grant"),
        (
            {"error": "unsupported_grant_type", "error_description": "use client_credentials"},
            "INVALID_REQUEST",
            "use client_credentials",
        ),
        (
            {"type": "invalid_token", "message": ["token expired", "sign in again"]},
            "INVALID_TOKEN",
            "token expired; sign in again",
        ),
        ({"message": {"page_size": "must be at most 50"}}, "INVALID_REQUEST", "must be at most 50"),
    ],
)
def test_error_bodies_keep_their_text(body: dict[str, Any], error_type: str, message: str) -> None:
    from lok_desk.api.errors import error_from_response

    error = error_from_response(400 if "page_size" in str(body) else 401, body)
    assert error.type == error_type and error.message == message
    assert message in error.user_message


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    from lok_desk.api.transport import retry_after_seconds

    assert retry_after_seconds("120", WHEN) == 120.0
    assert retry_after_seconds(" 1.5 ", WHEN) == 1.5
    assert retry_after_seconds("Tue, 01 Dec 2026 20:42:34 GMT", WHEN) == 30.0
    assert retry_after_seconds("Tue, 01 Dec 2026 20:40:00 GMT", WHEN) == 0.0  # already past
    assert retry_after_seconds("soon", WHEN) is None and retry_after_seconds(None, WHEN) is None
    assert retry_after_seconds("-5", WHEN) == 0.0 and retry_after_seconds("nan", WHEN) is None


def test_origins_compare_scheme_host_and_port() -> None:
    from lok_desk.api.transport import origin_of

    assert origin_of("https://API.clicknbox.com/api/v2") == origin_of("https://api.clicknbox.com:443/x")
    assert origin_of("https://api.clicknbox.com") != origin_of("http://api.clicknbox.com")
    assert origin_of("http://127.0.0.1:8765/a") != origin_of("http://127.0.0.1:8766/a")


def _reply_notes(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "Lok reply tolerated" in r.getMessage()]


def test_the_desks_own_request_models_are_no_lok_reply(caplog: pytest.LogCaptureFixture) -> None:
    # As the create dialog builds #25's body: nested models, not JSON objects. Nothing Lok sent.
    tolerance.forget_logged()
    with caplog.at_level(logging.WARNING, logger="lok_desk.api.tolerance"):
        request = models.ReservationRequest(
            size="m",
            shipment_id="S-1",
            package_info=models.ReservationPackageInfo(weight=1.5),
            contact_info=models.ContactInfo(name="Ana", email="ana@example.test"),
            recipient_info=models.RecipientInfo(name="Beto"),
            recipient_notifications_enabled=True,
        )
        request.to_body()
    assert _reply_notes(caplog) == []


def test_the_local_token_cache_is_no_lok_reply(tmp_path: Any, caplog: pytest.LogCaptureFixture) -> None:
    from lok_desk.api import TokenCache

    cache = TokenCache(tmp_path / "tokens.json")
    # Saved as Lok sent it (epoch seconds, as some servers do): reading it back is no Lok reply.
    token = models.AccessToken.model_validate(
        {"access_token": "t", "access_token_expires_at": 4102444800, "scope": "owner"}
    )
    cache.save("http://127.0.0.1:1/api/v2", "demo-owner", token)
    tolerance.forget_logged()
    with caplog.at_level(logging.WARNING, logger="lok_desk.api.tolerance"):
        assert cache.load("http://127.0.0.1:1/api/v2", "demo-owner") is not None
    assert _reply_notes(caplog) == []


def test_a_reply_read_by_the_client_is_still_noted(caplog: pytest.LogCaptureFixture) -> None:
    tolerance.forget_logged()
    with caplog.at_level(logging.WARNING, logger="lok_desk.api.tolerance"), tolerance.reading_reply():
        models.Reservation.model_validate({"id": 17, "created_at": "Tue, 01 Dec 2026 20:42:04 GMT"})
    assert any("Reservation.created_at" in line for line in _reply_notes(caplog))
