"""All 35 endpoints: each client method sends the documented method, path and body and reads the reply."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from lok_desk.api import ENDPOINTS, LokClient, models

from .conftest import ScriptedLok, body_of

RES = {
    "id": "R1",
    "location": "L1",
    "event_history": [{"status": "reserved", "date": "2024-05-01T00:00:00Z"}],
}
LOC = {"id": "L1", "uuid": "u1", "internal_name": "Antara", "timezone": "America/Mexico_City"}
DIRECTORY = {"id": "D1", "name": "Vecinos", "isActive": True, "contacts": [], "locations": []}
CONTACT = {"name": "Ana", "last_name": "Ruiz", "gender": "female", "age": 30}
ADDRESS = models.PickupAddress(street="Reforma", number="1", town="Centro", zip_code="06000")
SHIPMENT = models.ShipmentRequest(origin=ADDRESS, contact=models.PickupContact(phone="555"))
PAGE = {"total": 1, "page": 1, "page_size": 15, "total_pages": 1}

Call = Callable[[LokClient], Awaitable[Any]]

# number → (path as sent, reply status, reply body, call, check of the result, expected JSON body or None)
CASES: dict[int, tuple[str, int, Any, Call, Callable[[Any], bool], Any]] = {
    1: (
        "/company/action_logs",
        200,
        {"action_logs": [{"resource": "/x", "status": 200}]},
        lambda c: c.get_action_logs(),
        lambda r: r[0].status == 200,
        None,
    ),
    2: (
        "/company/directories",
        200,
        {"directories": [DIRECTORY], **PAGE},
        lambda c: c.list_directories(),
        lambda r: r.items[0].id == "D1",
        None,
    ),
    3: (
        "/company/directories",
        200,
        {"directory": DIRECTORY},
        lambda c: c.create_directory("Vecinos"),
        lambda r: r.name == "Vecinos",
        {"directory": {"name": "Vecinos"}},
    ),
    4: (
        "/company/locations",
        200,
        {"locations": [LOC], **PAGE},
        lambda c: c.list_locations(internal_name="Ant"),
        lambda r: r.locations[0].id == "L1",
        None,
    ),
    5: (
        "/company/notification_emails",
        200,
        {"management_emails": {"operator": "o@x", "administrator": "a@x"}},
        lambda c: c.get_notification_emails(),
        lambda r: r.administrator == "a@x",
        None,
    ),
    6: (
        "/company/notification_emails",
        200,
        {"management_emails": {"operator": "n@x"}},
        lambda c: c.update_notification_emails(operator="n@x"),
        lambda r: r.operator == "n@x",
        {"operator_email": "n@x"},
    ),
    7: (
        "/company/pre_reservations",
        200,
        {"reservations": [RES], **PAGE},
        lambda c: c.list_pre_reservations(),
        lambda r: r.reservations[0].id == "R1",
        None,
    ),
    8: (
        "/company/reservations",
        200,
        {"reservations": [RES], **PAGE},
        lambda c: c.list_reservations(),
        lambda r: r.total == 1,
        None,
    ),
    9: (
        "/company/webhook",
        200,
        {"webhook": {"enabled": False, "secret": "s", "url": "https://h"}},
        lambda c: c.get_webhook(),
        lambda r: r.url == "https://h",
        None,
    ),
    10: (
        "/company/webhook",
        200,
        {"webhook": {"enabled": True, "secret": "s", "url": "https://h"}},
        lambda c: c.update_webhook("https://h", [models.WebhookEvent.DELIVERED]),
        lambda r: r.enabled,
        {"url": "https://h", "events": ["delivered"]},
    ),
    11: (
        "/oauth/token",
        200,
        {"access_token": "tok-1", "access_token_expires_at": "2099-01-01T00:00:00Z", "scope": "owner"},
        lambda c: c.validate_token(),
        lambda r: r.scope == "owner",
        None,
    ),
    12: (
        "/oauth/token",
        200,
        {"access_token": "tok-9", "access_token_expires_at": "2099-01-01T00:00:00Z", "scope": "seller"},
        lambda c: c.authenticate(),
        lambda r: r.access_token == "tok-9",
        None,
    ),
    13: ("/oauth/token", 200, {"message": "revoked"}, lambda c: c.sign_out(), lambda r: r is None, None),
    14: (
        "/oauth/user",
        200,
        {"user": {"id": "u1", "location": "L1", "scope": "employee"}},
        lambda c: c.get_user(),
        lambda r: r.location == "L1",
        None,
    ),
    15: (
        "/reservations/R1",
        200,
        {"reservation": RES, "tokens": {"pickup_token": "P"}, "confirmation_code": "C"},
        lambda c: c.get_reservation("R1", include_tokens=False),
        lambda r: r.confirmation_code == "C",
        None,
    ),
    16: (
        "/reservations/R1",
        200,
        {"reservation": RES, "tokens": {}},
        lambda c: c.update_pre_reservation("R1", models.PreReservationUpdate(size="l")),
        lambda r: r.reservation.id == "R1",
        {"size": "l"},
    ),
    17: (
        "/reservations/R1",
        200,
        {"reservation": {**RES, "event_history": [{"status": "cancelled"}]}},
        lambda c: c.cancel_reservation("R1"),
        lambda r: r.is_finished,
        None,
    ),
    18: (
        "/shipping/reservations",
        200,
        {"reservations": [{**RES, "shipping": {"carrier": "X", "fee": "1"}}]},
        lambda c: c.list_shipping_reservations(),
        lambda r: r.reservations[0].shipping.carrier == "X",
        None,
    ),
    19: (
        "/company/action_logs/csv",
        200,
        {"message": "queued"},
        lambda c: c.request_action_log_report(from_=1653342119905),
        lambda r: r.message == "queued",
        None,
    ),
    20: (
        "/company/directories/D1",
        200,
        {"directory": {**DIRECTORY, "contacts": [CONTACT]}},
        lambda c: c.get_directory("D1"),
        lambda r: r.contacts[0].gender == models.Gender.FEMALE,
        None,
    ),
    21: (
        "/company/directories/D1",
        200,
        {"directory": {**DIRECTORY, "isActive": False}},
        lambda c: c.update_directory("D1", name="Vecinos", is_active=False, locations=["L1"]),
        lambda r: r.is_active is False,
        {"directory": {"name": "Vecinos", "is_active": False, "locations": ["L1"]}},
    ),
    22: (
        "/company/locations/L1",
        200,
        {"location": LOC},
        lambda c: c.get_location("L1"),
        lambda r: r.timezone == "America/Mexico_City",
        None,
    ),
    23: (
        "/company/reports/recent_activity",
        200,
        '"Id de pedido", "Locker"\n"DFUL", "Antara"\n',
        lambda c: c.get_recent_activity_csv(),
        lambda r: r.startswith('"Id de pedido"'),
        None,
    ),
    24: (
        "/locations/L1/reservations",
        200,
        {"reservations": [RES], **PAGE},
        lambda c: c.list_location_reservations("L1", models.ReservationFilters(status="finished")),
        lambda r: r.page == 1,
        None,
    ),
    25: (
        "/locations/L1/reservations",
        201,
        {"reservation": RES, "tokens": {}},
        lambda c: c.create_reservation("L1", models.ReservationRequest(size="s", shipment_id="S1")),
        lambda r: r.reservation.id == "R1",
        {"size": "s", "shipment_id": "S1"},
    ),
    26: (
        "/reservations/R1/label",
        200,
        {"jpeg": "AAAA", "pdf": "JVBERg=="},
        lambda c: c.get_label("R1"),
        lambda r: r.pdf_bytes() == b"%PDF",
        None,
    ),
    27: (
        "/shipping_order",
        200,
        {"jpeg": "AAAA", "pdf": "JVBERg=="},
        lambda c: c.create_shipping_order(
            models.ShippingOrderRequest(
                preferred="any", package_info=models.ShippingOrderPackageInfo(weight=2), location_id="L1"
            )
        ),
        lambda r: r.jpeg_bytes() == b"\x00\x00\x00",
        {"preferred": "any", "package_info": {"weight": 2.0, "items": []}, "location_id": "L1"},
    ),
    28: (
        "/locations/available",
        200,
        {"locations": [{**LOC, "distance": 120.5, "is_24": True}], "grant": "G"},
        lambda c: c.search_available_locations(
            models.AvailabilitySearch(
                coords=models.SearchCoords(longitude=-99.1, latitude=19.4), limit=5, size="m"
            )
        ),
        lambda r: r.grant == "G" and r.locations[0].distance == 120.5,
        {"coords": {"long": -99.1, "lat": 19.4}, "limit": 5, "size": "m"},
    ),
    29: (
        "/company/directories/csv",
        204,
        None,
        lambda c: c.import_directory_csv("name,last_name\n", ["D1"]),
        lambda r: r is None,
        {"directoriesIds": ["D1"], "csv": "name,last_name\n"},
    ),
    30: (
        "/locations/L1/pre_reservation",
        201,
        {"reservation": RES, "tokens": {}},
        lambda c: c.create_pre_reservation("L1", "GRANT", models.PreReservationRequest(shipment_id="P1")),
        lambda r: r.reservation.id == "R1",
        {"shipment_id": "P1"},
    ),
    31: (
        "/locations/L1/shipping",
        200,
        {"carrier": "X", "fee": "10", "label": "JVBERg==", "reservation_id": "R9"},
        lambda c: c.create_location_shipping(
            "L1",
            models.LocationShippingRequest(
                size=models.PackageDimensions(width=10),
                shipment_id="S1",
                package_info=models.LocationShippingPackageInfo(weight=1),
                pickup_date="2024-05-01",
                origin=ADDRESS,
                contact=models.PickupContact(phone="555"),
            ),
        ),
        lambda r: r.label_bytes() == b"%PDF" and r.reservation_id == "R9",
        None,
    ),
    32: (
        "/reservations/R1/shipping",
        201,
        {"reservation": {**RES, "is_confirmed": True}, "tokens": {}},
        lambda c: c.request_shipment("R1", SHIPMENT),
        lambda r: r.reservation.is_confirmed,
        {
            "origin": {"street": "Reforma", "number": "1", "town": "Centro", "zip_code": "06000"},
            "contact": {"phone": "555"},
        },
    ),
    33: (
        "/reservations/R1/shipping/quotation",
        200,
        {"quoting": {"carrier": "X", "fee": "99.5"}},
        lambda c: c.quote_shipment("R1", SHIPMENT),
        lambda r: r.fee == "99.5",
        None,
    ),
    34: (
        "/company/webhook/status",
        200,
        {"message": "ok"},
        lambda c: c.set_webhook_enabled(False),
        lambda r: r.message == "ok",
        {"enabled": False},
    ),
    35: (
        "/company/directories/D1/contacts",
        200,
        {"contacts": [{**CONTACT, "created_at": "2024-05-01T00:00:00Z"}]},
        lambda c: c.replace_directory_contacts("D1", [models.DirectoryContact.model_validate(CONTACT)]),
        lambda r: r[0].created_at is not None,
        {"contacts": [CONTACT]},
    ),
}


def test_the_table_covers_all_35_endpoints() -> None:
    assert sorted(ENDPOINTS) == list(range(1, 36)) == sorted(CASES)
    for method_name in (entry[2] for entry in ENDPOINTS.values()):
        assert callable(getattr(LokClient, method_name))


@pytest.mark.parametrize("number", sorted(CASES))
async def test_endpoint(number: int, lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    method, _template, method_name = ENDPOINTS[number]
    path, status, reply, call, check, expected_body = CASES[number]

    def answer(request: httpx.Request) -> httpx.Response:
        if isinstance(reply, str):
            return httpx.Response(status, text=reply, headers={"content-type": "text/csv"})
        if reply is None:
            return httpx.Response(status)
        return httpx.Response(status, json=reply)

    lok.on(method, path, answer)
    async with make_client() as client:
        if number == 13:
            await client.sign_in()
        result = await call(client)
    assert check(result)
    (request,) = lok.calls(method, path)[-1:]
    assert request.method == method
    assert method_name in call.__code__.co_names  # the case really exercises the tabled method
    if number not in (12,):
        assert request.headers["Authorization"].startswith("Bearer tok-")
    if expected_body is not None:
        assert body_of(request) == expected_body


async def test_query_parameters(lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    for path in (
        "/company/locations",
        "/reservations/R1",
        "/company/action_logs/csv",
        "/locations/L1/reservations",
    ):
        lok.on("GET", path, lambda r: httpx.Response(200, json={"reservation": RES, "message": "m"}))
    async with make_client() as client:
        await client.list_locations(internal_name="Ant", page=2, page_size=50)
        await client.get_reservation("R1", include_tokens=False)
        from datetime import UTC, datetime

        await client.request_action_log_report(from_=datetime(2022, 5, 23, 21, 41, 59, 905000, tzinfo=UTC))
        await client.list_location_reservations("L1", models.ReservationFilters(status="finished"), page=3)
    params = [dict(r.url.params) for r in lok.requests if r.method == "GET"]
    assert params == [
        {"internal_name": "Ant", "page": "2", "page_size": "50"},
        {"include_tokens": "false"},
        {"from": "1653342119905"},
        {"status": "finished", "page": "3", "page_size": "15"},
    ]


async def test_pre_reservation_sends_the_grant_header(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("POST", "/locations/L1/pre_reservation", lambda r: httpx.Response(201, json={"reservation": RES}))
    async with make_client() as client:
        created = await client.create_pre_reservation("L1", "GRANT-XYZ", models.PreReservationRequest())
    (request,) = lok.calls("POST", "/locations/L1/pre_reservation")
    assert request.headers["lok-grant-token"] == "GRANT-XYZ"
    assert body_of(request)["shipment_id"].startswith("lokdesk-")  # generated, for reconciliation
    assert created.tokens.token("pickup") is None


async def test_import_csv_with_a_body_returns_the_message(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("POST", "/company/directories/csv", lambda r: httpx.Response(200, json={"message": "imported"}))
    async with make_client() as client:
        result = await client.import_directory_csv("a,b\n")
    assert result is not None and result.message == "imported"
    assert body_of(lok.calls("POST", "/company/directories/csv")[0]) == {"csv": "a,b\n"}
