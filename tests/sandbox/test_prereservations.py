"""#28 search + grant, #30 pre-reservation, #16 update, #33 quotation, #32 shipment request, expiry."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.sandbox.conftest import FIRST_LOCATION, PUBLIC_LOCATION, SECOND_LOCATION, Session, assert_error

SEARCH = {"coords": {"lat": 19.4326, "long": -99.1332}, "limit": 5}
ORIGIN = {
    "street": "Av. Insurgentes Sur",
    "number": "1602",
    "town": "Crédito Constructor",
    "zip_code": "03940",
}
SHIPMENT = {"origin": ORIGIN, "contact": {"phone": "+52 55 5555 0000", "name": "Bodega"}}


def grant(session: Session, **search: Any) -> tuple[str, list[dict[str, Any]]]:
    response = session.post("/locations/available", json={**SEARCH, **search})
    assert response.status_code == 200, response.text
    body = response.json()
    return body["grant"], body["locations"]


def pre_reserve(session: Session, location: str = FIRST_LOCATION, **fields: Any) -> dict[str, Any]:
    token, _ = grant(session)
    body = {"contact_info": {"name": "Ana"}, "package_info": {"weight": 2}, **fields}
    response = session.post(
        f"/locations/{location}/pre_reservation", json=body, headers={"lok-grant-token": token}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_search_by_coords_and_zip_sorted_by_distance(owner: Session) -> None:
    _, by_coords = grant(owner)
    assert by_coords and by_coords[0]["id"] == FIRST_LOCATION
    distances = [loc["distance"] for loc in by_coords]
    assert distances == sorted(distances)
    assert {
        "distance",
        "timezone",
        "internal_name",
        "id",
        "uuid",
        "coords",
        "service_days",
        "address",
    } <= set(by_coords[0])
    response = owner.post("/locations/available", json={"zip_code": "22010", "limit": 1})
    assert [loc["id"] for loc in response.json()["locations"]] == [SECOND_LOCATION]
    far = owner.post("/locations/available", json={"coords": {"lat": 0, "long": 0}, "limit": 5}).json()
    assert far["locations"] == [] and "grant" not in far


def test_search_errors(owner: Session) -> None:
    error = assert_error(owner.post("/locations/available", json={"limit": 3}), 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["coords", "zip_code"]
    error = assert_error(
        owner.post("/locations/available", json={"zip_code": "11520"}), 400, "INVALID_REQUEST"
    )
    assert error["data"]["keys"] == ["limit"]
    assert_error(
        owner.post("/locations/available", json={"zip_code": "99999", "limit": 3}), 422, "INVALID_ADDRESS"
    )
    error = assert_error(
        owner.post("/locations/available", json={**SEARCH, "coords": {"lat": 91, "long": 0}}),
        400,
        "INVALID_REQUEST",
    )
    assert error["data"]["keys"] == ["coords.lat"]


def test_search_for_a_full_size_is_box_incompatible(owner: Session) -> None:
    # Fill every xl box of the only location in range.
    tijuana = owner.get(f"/company/locations/{SECOND_LOCATION}").json()["location"]
    xl = next(b for b in tijuana["boxes"] if b["size"] == "xl")
    for _ in range(xl["total"] - xl["occupied"]):
        assert (
            owner.post(f"/locations/{SECOND_LOCATION}/reservations", json={"size": "xl"}).status_code == 201
        )
    response = owner.post("/locations/available", json={"zip_code": "22010", "limit": 3, "size": "xl"})
    assert_error(response, 422, "BOX_INCOMPATIBLE")
    assert (
        owner.post("/locations/available", json={"zip_code": "22010", "limit": 3, "size": "s"}).status_code
        == 200
    )


def test_pre_reservation_starts_pending_with_a_box(owner: Session) -> None:
    delivery = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    body = pre_reserve(owner, size="m", delivery_date=delivery, shipment_id="PRE-1")
    reservation = body["reservation"]
    assert reservation["is_confirmed"] is False
    assert [e["status"] for e in reservation["event_history"]] == ["pending"]
    assert reservation["locker"]["size"] == "m" and reservation["locker"]["uuid"]
    assert reservation["delivery_due_date"][:16] == delivery[:16]
    assert body["tokens"]["delivery_token"]
    listed = owner.get("/company/pre_reservations", params={"shipment_id": "PRE-1"}).json()["reservations"]
    assert [r["id"] for r in listed] == [reservation["id"]]


def test_pre_reservation_grant_failures(owner: Session, sessions: dict[str, Session]) -> None:
    path = f"/locations/{FIRST_LOCATION}/pre_reservation"
    assert_error(owner.post(path, json={}), 403, "GRANT_TOKEN")
    assert_error(owner.post(path, json={}, headers={"lok-grant-token": "grt_forged"}), 403, "GRANT_TOKEN")
    # A grant covers only the locations it returned.
    tijuana_grant, locations = grant(owner, coords={"lat": 32.52, "long": -117.02}, limit=1)
    assert [loc["id"] for loc in locations] == [SECOND_LOCATION]
    assert_error(owner.post(path, json={}, headers={"lok-grant-token": tijuana_grant}), 403, "GRANT_TOKEN")
    # ...and only the company it was given to.
    other_grant, _ = grant(sessions["other"], coords={"lat": 20.68, "long": -103.43})
    assert_error(owner.post(path, json={}, headers={"lok-grant-token": other_grant}), 403, "GRANT_TOKEN")
    good, _ = grant(owner)
    assert_error(
        owner.post("/locations/loc-nowhere/pre_reservation", json={}, headers={"lok-grant-token": good}),
        404,
        "ENTITY_NOT_FOUND",
    )
    assert_error(
        owner.post(path, json={"package_info": {"weight": 40}}, headers={"lok-grant-token": good}),
        422,
        "BOX_INCOMPATIBLE",
    )
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    error = assert_error(
        owner.post(path, json={"delivery_date": past}, headers={"lok-grant-token": good}),
        400,
        "INVALID_DUE_DATE",
    )
    assert error["data"]["keys"] == ["delivery_date"]
    # Grants expire after an hour of sandbox time.
    owner.advance(3700)
    assert_error(owner.post(path, json={}, headers={"lok-grant-token": good}), 403, "GRANT_TOKEN")


def test_employee_and_reporter_cannot_pre_reserve(sessions: dict[str, Session]) -> None:
    token, _ = grant(sessions["owner"])
    for role in ("employee", "reporter", "admin"):
        response = sessions[role].post(
            f"/locations/{FIRST_LOCATION}/pre_reservation", json={}, headers={"lok-grant-token": token}
        )
        assert_error(response, 403, "INSUFFICIENT_SCOPE")


def test_update_while_pending_then_gone(owner: Session) -> None:
    body = pre_reserve(owner)
    rid = body["reservation"]["id"]
    later = (datetime.now(UTC) + timedelta(days=5)).replace(microsecond=0)
    updated = owner.put(
        f"/reservations/{rid}",
        json={
            "delivery_date": later.isoformat(),
            "shipment_id": "PRE-UPD",
            "size": "l",
            "package_info": {"description": "Zapatos"},
            "additional": {"color": "rojo", "lokfoo": "x"},
            "recipient_info": {"name": "Bea"},
        },
    )
    assert updated.status_code == 200, updated.text
    reservation = updated.json()["reservation"]
    assert reservation["delivery_due_date"].startswith(later.strftime("%Y-%m-%dT%H:%M:%S"))
    assert reservation["shipment_id"] == "PRE-UPD"
    assert reservation["locker"]["size"] == "l"
    assert reservation["package_info"] == {"weight": 2, "description": "Zapatos"}
    assert reservation["additional"] == {"color": "rojo"}
    assert reservation["recipient_info"] == {"name": "Bea"}
    assert updated.json()["tokens"]["pickup_token"] == body["tokens"]["pickup_token"]
    error = assert_error(owner.put(f"/reservations/{rid}", json={}), 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == []
    assert_error(
        owner.put(f"/reservations/{rid}", json={"package_info": {"weight": 26}}), 422, "BOX_INCOMPATIBLE"
    )
    assert owner.post(f"/reservations/{rid}/shipping", json=SHIPMENT).status_code == 201
    assert_error(owner.put(f"/reservations/{rid}", json={"shipment_id": "AGAIN"}), 410, "INVALID_RESERVATION")


def test_quote_then_request_shipment_confirms(owner: Session) -> None:
    rid = pre_reserve(owner, shipment_id="SHIP-1")["reservation"]["id"]
    quote = owner.post(f"/reservations/{rid}/shipping/quotation", json=SHIPMENT)
    assert quote.status_code == 200, quote.text
    quoting = quote.json()["quoting"]
    assert {"origin", "destination", "carrier", "fee"} <= set(quoting)
    assert quoting["origin"].startswith("Av. Insurgentes Sur 1602")
    assert float(quoting["fee"]) > 0
    again = owner.post(f"/reservations/{rid}/shipping/quotation", json=SHIPMENT).json()["quoting"]
    assert again["fee"] == quoting["fee"]
    response = owner.post(f"/reservations/{rid}/shipping", json=SHIPMENT)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status_code"] == 201 and "confirmation_code" not in body
    reservation = body["reservation"]
    assert reservation["is_confirmed"] is True
    assert [e["status"] for e in reservation["event_history"]] == ["pending", "reserved"]
    assert reservation["shipping"]["carrier"] and reservation["shipping"]["fee"] == quoting["fee"]
    assert reservation["additional"]["lok_tracking_id"] == reservation["shipping"]["tracking_id"]
    assert body["tokens"]["delivery_token_qr"]
    shipped = owner.get("/shipping/reservations", params={"shipment_id": "SHIP-1"}).json()["reservations"]
    assert shipped[0]["shipping"]["tracking_id"] == reservation["shipping"]["tracking_id"]
    label = owner.get(f"/reservations/{rid}/label").json()
    assert base64.b64decode(label["pdf"]).startswith(b"%PDF")
    assert base64.b64decode(label["jpeg"]).startswith(b"\xff\xd8\xff")
    assert_error(owner.post(f"/reservations/{rid}/shipping", json=SHIPMENT), 410, "INVALID_RESERVATION")
    assert_error(
        owner.post(f"/reservations/{rid}/shipping/quotation", json=SHIPMENT), 410, "INVALID_RESERVATION"
    )


def test_shipment_request_failures(owner: Session) -> None:
    incomplete = pre_reserve(owner, contact_info={}, package_info={})["reservation"]["id"]
    error = assert_error(
        owner.post(f"/reservations/{incomplete}/shipping", json=SHIPMENT), 422, "INVALID_RESERVATION"
    )
    assert error["data"]["keys"] == ["package_info.weight", "contact_info"]
    rid = pre_reserve(owner)["reservation"]["id"]
    refused = {**SHIPMENT, "origin": {**ORIGIN, "zip_code": "00000"}}
    assert_error(owner.post(f"/reservations/{rid}/shipping", json=refused), 424, "LOGISTIC_ERROR")
    error = assert_error(
        owner.post(f"/reservations/{rid}/shipping", json={"origin": {}}), 400, "INVALID_REQUEST"
    )
    assert set(error["data"]["keys"]) >= {"origin.street", "contact"}
    assert_error(owner.post("/reservations/rsv-missing/shipping", json=SHIPMENT), 404, "ENTITY_NOT_FOUND")


def test_label_without_shipping_is_unprocessable(owner: Session) -> None:
    created = owner.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s"}).json()
    assert_error(owner.get(f"/reservations/{created['reservation']['id']}/label"), 422, "INVALID_RESERVATION")


@pytest.mark.parametrize("hours_after_delivery", [23, 25])
def test_unconfirmed_pre_reservation_expires_24h_after_delivery_date(
    owner: Session, hours_after_delivery: int
) -> None:
    body = pre_reserve(owner)  # delivery date defaults to now + 24 h
    rid = body["reservation"]["id"]
    owner.advance((24 + hours_after_delivery) * 3600)
    history = owner.get(f"/reservations/{rid}").json()["reservation"]["event_history"]
    expired = hours_after_delivery > 24
    assert (history[-1]["status"] == "cancelled") == expired
    if expired:
        assert_error(
            owner.put(f"/reservations/{rid}", json={"shipment_id": "late"}), 410, "INVALID_RESERVATION"
        )


def test_a_sellers_grant_does_not_open_the_public_network_to_the_owner(sessions: dict[str, Session]) -> None:
    # Grants are per company; the public network is the seller's reach, not the owner's.
    seller_grant, locations = grant(sessions["seller"], coords={"lat": 19.40, "long": -99.18}, limit=10)
    assert PUBLIC_LOCATION in {loc["id"] for loc in locations}
    path = f"/locations/{PUBLIC_LOCATION}/pre_reservation"
    headers = {"lok-grant-token": seller_grant}
    assert_error(sessions["owner"].post(path, json={}, headers=headers), 403, "FORBIDDEN_LOCATION")
    assert sessions["seller"].post(path, json={}, headers=headers).status_code == 201
