"""Courier shipping: quotation (#33), shipment request (#32), location shipping (#31), free order (#27)."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from lok_desk.sandbox.auth import Capability, load_location, load_reservation_row, needs
from lok_desk.sandbox.clock import MS_PER_DAY, MS_PER_HOUR, in_range, iso, parse_instant
from lok_desk.sandbox.deps import StateDep, UserDep, json_response
from lok_desk.sandbox.errors import LokHTTPError, insufficient_scope, invalid
from lok_desk.sandbox.media import b64, label_files
from lok_desk.sandbox.reservations import (
    Reservation,
    assign_box,
    check_shipment_unique,
    check_weight,
    ensure_updatable,
    expire_due,
    issue_tokens,
    move,
    new_document,
    new_id,
    render,
    render_tokens,
    smallest_fitting_size,
)
from lok_desk.sandbox.routes_reservations import label_for
from lok_desk.sandbox.schemas import (
    LocationShippingRequest,
    PickupAddress,
    ShipmentRequest,
    ShippingAddress,
    ShippingOrderRequest,
)
from lok_desk.sandbox.store import dumps, loads
from lok_desk.sandbox.webhooks import enqueue_event

router = APIRouter(tags=["shipping"])

CARRIER = "Lok Express"
#: A pick-up zip code the sandbox's carrier always refuses, to exercise 424 LOGISTIC_ERROR.
REFUSED_ZIP = "00000"
_VEHICLES = {"s": "moto", "m": "moto", "l": "auto", "xl": "camioneta"}


def _tracking_id() -> str:
    """A Lok Express tracking number: `LKX` and ten digits."""
    return "LKX" + "".join(secrets.choice("0123456789") for _ in range(10))


def _location_doc(conn: sqlite3.Connection, location_id: str) -> dict[str, Any]:
    """The stored document of the location a reservation is at (it always exists)."""
    doc: dict[str, Any] = loads(
        conn.execute("SELECT doc FROM locations WHERE id = ?", (location_id,)).fetchone()[0]
    )
    return doc


def _address_text(address: PickupAddress | ShippingAddress | dict[str, Any]) -> str:
    data = address if isinstance(address, dict) else address.model_dump()
    street = f"{data.get('street', '')} {data.get('number', '')}"
    return f"{street}, {data.get('town', '')}, {data.get('zip_code', '')}"


def _fee(origin_zip: str, destination_zip: str, size: str) -> str:
    # Deterministic pseudo-distance from the two zip codes, so the same request quotes the same fee.
    digest = hashlib.sha256(f"{origin_zip}>{destination_zip}".encode()).digest()
    base = {"s": 89, "m": 119, "l": 169, "xl": 229}.get(size, 119)
    return f"{base + digest[0] % 60}.00"


def _refuse(origin: PickupAddress | ShippingAddress) -> None:
    if origin.zip_code.strip() == REFUSED_ZIP:
        raise LokHTTPError(
            424,
            "LOGISTIC_ERROR",
            "The carrier could not create the order for this address",
            {"keys": ["origin.zip_code"]},
        )


def _quote(doc: dict[str, Any], location: dict[str, Any], body: ShipmentRequest, now: int) -> dict[str, Any]:
    size = str(doc.get("locker", {}).get("size") or "m")
    return {
        "origin": _address_text(body.origin),
        "destination": _address_text(location["address"]),
        "carrier": CARRIER,
        "vehicle_type": _VEHICLES.get(size, "moto"),
        "fee": _fee(body.origin.zip_code, str(location["address"].get("zip_code", "")), size),
        "required_pickup_date": iso(now + 2 * MS_PER_HOUR),
        "estimated_delivery_date": doc.get("delivery_due_date") or iso(now + MS_PER_DAY),
    }


@router.post("/reservations/{reservation_id}/shipping/quotation", summary="#33 Quote shipment")
@needs(Capability.WRITE_RESERVATIONS)
async def quote_shipment(
    reservation_id: str, body: ShipmentRequest, state: StateDep, user: UserDep
) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        expire_due(state, now)
        reservation = Reservation.from_row(load_reservation_row(state, user, reservation_id, operate=True))
        ensure_updatable(reservation)
        location = _location_doc(conn, reservation.doc["location"])
        quote = _quote(reservation.doc, location, body, now)
    return json_response({"status_code": 200, "quoting": quote})


@router.post("/reservations/{reservation_id}/shipping", summary="#32 Request shipment", status_code=201)
@needs(Capability.WRITE_RESERVATIONS)
async def request_shipment(
    reservation_id: str, body: ShipmentRequest, state: StateDep, user: UserDep
) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        expire_due(state, now)
        reservation = Reservation.from_row(load_reservation_row(state, user, reservation_id, operate=True))
        ensure_updatable(reservation)
        doc = reservation.doc
        missing = []
        if doc.get("package_info", {}).get("weight") is None:
            missing.append("package_info.weight")
        contact = doc.get("contact_info") or {}
        if not (contact.get("name") or contact.get("email")):
            missing.append("contact_info")
        if missing:
            raise LokHTTPError(
                422,
                "INVALID_RESERVATION",
                "The pre-reservation lacks what the carrier needs: " + ", ".join(missing),
                {"keys": missing, "id": reservation.id},
            )
        _refuse(body.origin)
        location = _location_doc(conn, doc["location"])
        quote = _quote(doc, location, body, now)
        tracking = _tracking_id()
        doc["shipping"] = {
            "tracking_id": tracking,
            "pickup_point": {"address": quote["origin"], "notes": body.origin.references or ""},
            "destination_point": {"address": quote["destination"], "notes": location["internal_name"]},
            "carrier": CARRIER,
            "vehicle_type": quote["vehicle_type"],
            "fee": quote["fee"],
            "required_pickup_date": quote["required_pickup_date"],
            "estimated_delivery_date": quote["estimated_delivery_date"],
        }
        # Logistics data goes into `additional` under Lok's own `lok` prefix (clients cannot write it).
        doc["additional"] = {
            **doc.get("additional", {}),
            "lok_carrier": CARRIER,
            "lok_tracking_id": tracking,
            "lok_fee": quote["fee"],
            "lok_pickup_address": quote["origin"],
            "lok_pickup_phone": body.contact.phone,
            "lok_pickup_contact": body.contact.name or "",
        }
        move(state, reservation, "reserved", now)  # confirms: is_confirmed, webhook `reserved`
        out = {
            "status_code": 201,
            "reservation": render(doc, "C", conn),
            "tokens": render_tokens(user, reservation),
        }
    return json_response(out, 201)


@router.post("/locations/{location_id}/shipping", summary="#31 Create shipping order at location")
@needs(Capability.WRITE_RESERVATIONS)
async def location_shipping(
    location_id: str, body: LocationShippingRequest, state: StateDep, user: UserDep
) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    now = state.clock.now_ms()
    pickup = parse_instant(body.pickup_date)
    # The delivery deadline is a day after the pick-up: it must be a writable date too.
    if pickup is None or not in_range(pickup) or not in_range(max(now, pickup) + MS_PER_DAY):
        raise invalid("pickup_date must be an ISO 8601 date", ["pickup_date"])
    with state.store.transaction() as conn:
        location = load_location(state, user, location_id, operate=True)
        check_shipment_unique(conn, user.company_id, body.shipment_id)
        check_weight(body.package_info.weight)
        size = smallest_fitting_size(body.size.width, body.size.height, body.size.length)
        if size is None:
            raise LokHTTPError(
                422, "BOX_INCOMPATIBLE", "No box holds a package of these dimensions", {"keys": ["size"]}
            )
        _refuse(body.origin)
        box = assign_box(conn, location_id, size)
        loc_doc = loads(location["doc"])
        reservation_id = new_id("rsv-")
        package = {
            k: v
            for k, v in {
                "width": body.size.width,
                "height": body.size.height,
                "length": body.size.length,
                "weight": body.package_info.weight,
                "value": body.package_info.value,
                "description": body.package_info.description,
            }.items()
            if v is not None
        }
        tracking = _tracking_id()
        fee = _fee(body.origin.zip_code, str(loc_doc["address"].get("zip_code", "")), size)
        doc = new_document(
            reservation_id=reservation_id,
            location=location,
            box_uuid=box,
            size=size,
            shipment_id=body.shipment_id,
            package_info=package,
            additional={"lok_carrier": CARRIER, "lok_tracking_id": tracking, "lok_fee": fee},
            contact_info={"name": body.contact.name or "", "phone": body.contact.phone},
            recipient_info={},
            notifications=False,
            first_status="reserved",
            now_ms=now,
            delivery_due_ms=max(now, pickup) + MS_PER_DAY,
        )
        doc["shipping"] = {
            "tracking_id": tracking,
            "pickup_point": {"address": _address_text(body.origin), "notes": body.origin.references or ""},
            "destination_point": {
                "address": _address_text(loc_doc["address"]),
                "notes": loc_doc["internal_name"],
            },
            "carrier": CARRIER,
            "vehicle_type": _VEHICLES[size],
            "fee": fee,
            "required_pickup_date": iso(pickup),
            "estimated_delivery_date": doc["delivery_due_date"],
        }
        reservation = Reservation(
            doc=doc, tokens=issue_tokens(conn, reservation_id), company_id=user.company_id, is_pre=False
        )
        reservation.save(conn, insert=True)
        enqueue_event(state, user.company_id, doc, "reserved", now)
        label = label_for(doc)
    return json_response(
        {
            "status_code": 200,
            "shipment_id": body.shipment_id,
            "tracking_id": tracking,
            "carrier": CARRIER,
            "fee": fee,
            "estimated_delivery_date": doc["delivery_due_date"],
            "label": label["pdf"],
            "reservation_id": reservation_id,
        }
    )


@router.post("/shipping_order", summary="#27 Shipping order → label")
@needs(Capability.WRITE_RESERVATIONS)
async def shipping_order(body: ShippingOrderRequest, state: StateDep, user: UserDep) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    if (body.location_id is None) == (body.destination is None):
        raise invalid("Send exactly one of location_id and destination", ["location_id", "destination"])
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        if body.location_id is not None:
            location = load_location(state, user, body.location_id, operate=True)
            loc_doc = loads(location["doc"])
            check_weight(body.package_info.weight)
            package = body.package_info
            if smallest_fitting_size(package.width, package.height, package.length) is None:
                raise LokHTTPError(
                    422,
                    "BOX_INCOMPATIBLE",
                    "No box holds a package of these dimensions",
                    {"keys": ["package_info"]},
                )
            destination = f"{loc_doc['internal_name']}: {_address_text(loc_doc['address'])}"
        else:
            if user.scope == "employee":
                raise insufficient_scope(user.scope, "ship anywhere but to their own location")
            assert body.destination is not None
            destination = _address_text(body.destination)
        _refuse(body.origin)
        tracking = _tracking_id()
        order: dict[str, Any] = {
            "id": "shp-" + secrets.token_hex(6),
            "tracking_id": tracking,
            "carrier": body.preferred,
            "origin": _address_text(body.origin),
            "destination": destination,
            "package_info": body.package_info.model_dump(exclude_none=True),
            "created_at": iso(now),
        }
        conn.execute(
            "INSERT INTO shipping_orders (id, company_id, created_at, doc) VALUES (?, ?, ?, ?)",
            (order["id"], user.company_id, order["created_at"], dumps(order)),
        )
    jpeg, pdf = label_files(
        [
            f"Guía: {tracking}",
            f"Paquetería: {body.preferred}",
            "Origen:",
            str(order["origin"]),
            "Destino:",
            destination,
            f"Peso: {body.package_info.weight:g} kg",
        ],
        tracking,
    )
    return json_response({"jpeg": b64(jpeg), "pdf": b64(pdf)})
