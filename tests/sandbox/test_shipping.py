"""#27 free shipping order and #31 shipping order at a location: labels are real JPEG and PDF files."""

from __future__ import annotations

import base64
import io
from typing import Any

from PIL import Image

from tests.sandbox.conftest import FIRST_LOCATION, OTHER_LOCATION, Session, assert_error

PICKUP = {"street": "Calle Durango", "number": "12", "town": "Roma Norte", "zip_code": "06700"}
ADDRESS: dict[str, Any] = {**PICKUP, "contact": {"phone": "+52 55 1111 2222", "email": "bodega@example.com"}}
ITEMS = [{"units_weight": "KGM", "product_service": "53102700", "is_dangerous": False}]


def location_order(**overrides: Any) -> dict[str, Any]:
    return {
        "size": {"width": 15, "height": 30, "length": 50},
        "shipment_id": "LS-1",
        "package_info": {"weight": 3, "value": 900, "description": "Ropa"},
        "pickup_date": "2030-01-02T15:00:00Z",
        "origin": PICKUP,
        "contact": {"phone": "+52 55 3333 4444"},
        **overrides,
    }


def test_location_shipping_creates_a_reservation_with_label(owner: Session) -> None:
    response = owner.post(f"/locations/{FIRST_LOCATION}/shipping", json=location_order())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["shipment_id"] == "LS-1" and body["carrier"] and float(body["fee"]) > 0
    assert base64.b64decode(body["label"]).startswith(b"%PDF")
    reservation = owner.get(f"/reservations/{body['reservation_id']}").json()["reservation"]
    assert reservation["locker"]["size"] == "m"  # 15×30×50 fits m, not s
    assert reservation["event_history"][-1]["status"] == "reserved"
    shipped = owner.get("/shipping/reservations", params={"shipment_id": "LS-1"}).json()["reservations"]
    assert shipped[0]["shipping"]["tracking_id"] == body["tracking_id"]
    assert_error(
        owner.post(f"/locations/{FIRST_LOCATION}/shipping", json=location_order()), 409, "UNIQUE_SHIPMENT"
    )


def test_location_shipping_errors(owner: Session) -> None:
    path = f"/locations/{FIRST_LOCATION}/shipping"
    too_big = location_order(shipment_id="LS-2", size={"width": 70, "height": 10, "length": 10})
    assert_error(owner.post(path, json=too_big), 422, "BOX_INCOMPATIBLE")
    heavy = location_order(shipment_id="LS-3", package_info={"weight": 30})
    assert_error(owner.post(path, json=heavy), 422, "BOX_INCOMPATIBLE")
    error = assert_error(owner.post(path, json=location_order(pickup_date="someday")), 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["pickup_date"]
    error = assert_error(owner.post(path, json={"shipment_id": "x"}), 400, "INVALID_REQUEST")
    assert {"size", "package_info", "pickup_date", "origin", "contact"} <= set(error["data"]["keys"])
    assert_error(
        owner.post(f"/locations/{OTHER_LOCATION}/shipping", json=location_order()), 403, "FORBIDDEN_LOCATION"
    )


def test_shipping_order_labels(owner: Session) -> None:
    body = {"preferred": "Lok Express", "package_info": {"weight": 2, "items": ITEMS}, "origin": ADDRESS}
    response = owner.post("/shipping_order", json={**body, "destination": ADDRESS})
    assert response.status_code == 200, response.text
    label = response.json()
    jpeg = Image.open(io.BytesIO(base64.b64decode(label["jpeg"])))
    assert jpeg.format == "JPEG" and jpeg.size == (400, 600)
    assert base64.b64decode(label["pdf"]).startswith(b"%PDF")
    assert owner.post("/shipping_order", json={**body, "location_id": FIRST_LOCATION}).status_code == 200
    both = owner.post("/shipping_order", json={**body, "destination": ADDRESS, "location_id": FIRST_LOCATION})
    assert assert_error(both, 400, "INVALID_REQUEST")["data"]["keys"] == ["location_id", "destination"]
    assert_error(owner.post("/shipping_order", json=body), 400, "INVALID_REQUEST")
    heavy = {**body, "package_info": {"weight": 26, "items": ITEMS}, "location_id": FIRST_LOCATION}
    assert_error(owner.post("/shipping_order", json=heavy), 422, "BOX_INCOMPATIBLE")
    missing = {**body, "package_info": {"weight": 2}, "destination": ADDRESS}
    assert assert_error(owner.post("/shipping_order", json=missing), 400, "INVALID_REQUEST")["data"][
        "keys"
    ] == ["package_info.items"]
