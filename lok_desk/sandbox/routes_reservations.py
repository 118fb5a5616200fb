"""#7, #8, #15–#18, #24–#26, #30: reservation lists, creation, update, cancellation, labels."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query
from starlette.responses import Response

from lok_desk.sandbox.auth import (
    Capability,
    User,
    load_location,
    load_reservation_row,
    may_operate_location,
    needs,
    sha256,
)
from lok_desk.sandbox.clock import MS_PER_DAY, in_range, iso, parse_instant
from lok_desk.sandbox.deps import ListQuery, ListQueryDep, StateDep, UserDep, json_response, page_envelope
from lok_desk.sandbox.errors import LokHTTPError, forbidden_location, invalid
from lok_desk.sandbox.media import b64, label_files
from lok_desk.sandbox.reservations import (
    DIRECT_DELIVERY_WINDOW_MS,
    PRE_RESERVATION_GRACE_MS,
    SIZES,
    Reservation,
    assign_box,
    check_custom_delivery_token,
    check_shipment_unique,
    check_weight,
    clean_additional,
    confirmation_code,
    ensure_cancellable,
    ensure_updatable,
    expire_due,
    free_box,
    issue_tokens,
    move,
    new_document,
    new_id,
    render,
    render_text,
    render_tokens,
)
from lok_desk.sandbox.schemas import PreReservationRequest, PreReservationUpdate, ReservationRequest
from lok_desk.sandbox.state import SandboxState
from lok_desk.sandbox.store import dumps, loads
from lok_desk.sandbox.webhooks import enqueue_event

router = APIRouter(tags=["reservations"])


# -- lists ----------------------------------------------------------------------------------------


def list_sql(
    user: User,
    query: ListQuery,
    *,
    location_id: str | None = None,
    pre_only: bool = False,
    shipping_only: bool = False,
) -> tuple[str, str, list[Any]]:
    """The COUNT and the page SELECT of a reservation list (the page's LIMIT and OFFSET are the last
    two parameters of the page SELECT), and the filter's parameters."""
    where: list[str] = []
    args: list[Any] = []
    if user.scope != "admin":
        where.append("company_id = ?")
        args.append(user.company_id)
    if user.scope == "employee":
        where.append("location_id = ?")
        args.append(user.location_id)
    if location_id is not None:
        where.append("location_id = ?")
        args.append(location_id)
    if pre_only:
        where.append("is_pre = 1")
    if shipping_only:
        where.append("has_shipping = 1")
    if query.status == "finished":
        where.append("active = 0")
    elif query.status == "active" or query.only_active:
        where.append("active = 1")
    if query.shipment_id is not None:
        where.append("shipment_id = ?")
        args.append(query.shipment_id)
    if query.from_iso is not None:
        where.append("created_at >= ?")
        args.append(query.from_iso)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    direction = "DESC" if query.descending else "ASC"
    order = f"ORDER BY {query.sort_column} {direction}, id {direction}"
    # Only fixed column names and the WHERE built above are interpolated; values are bound.
    count = f"SELECT COUNT(*) FROM reservations {clause}"  # noqa: S608
    # The page's rowids come from the index alone (store._LIST_INDEXES: filter, sort, id), so a
    # deep OFFSET skips index entries, not documents; only the page's own rows are read.
    page = (
        "SELECT doc, location_id, shipping FROM reservations WHERE rowid IN ("  # noqa: S608
        f"SELECT rowid FROM reservations {clause} {order} LIMIT ? OFFSET ?) {order}"
    )
    return count, page, args


def query_reservations(
    state: SandboxState,
    user: User,
    query: ListQuery,
    *,
    location_id: str | None = None,
    pre_only: bool = False,
    shipping_only: bool = False,
) -> tuple[list[sqlite3.Row], int]:
    count, page, args = list_sql(
        user, query, location_id=location_id, pre_only=pre_only, shipping_only=shipping_only
    )
    conn = state.store.conn
    total = int(conn.execute(count, args).fetchone()[0])
    offset = (query.page - 1) * query.page_size
    rows = conn.execute(page, [*args, query.page_size, offset]).fetchall()
    return list(rows), total


def _list(state: SandboxState, user: User, query: ListQuery, variant: str, **kwargs: Any) -> Response:
    with state.store.transaction() as conn:
        expire_due(state, state.clock.now_ms())
        rows, total = query_reservations(state, user, query, **kwargs)
        items = ",".join(render_text(row, variant, conn) for row in rows)
    envelope = dumps(page_envelope("reservations", [], total, query))
    # Splice the pre-serialised reservations into the envelope's empty list.
    body = envelope.replace('"reservations":[]', '"reservations":[' + items + "]", 1)
    return Response(body.encode(), media_type="application/json")


@router.get("/company/reservations", summary="#8 List company reservations")
async def company_reservations(state: StateDep, user: UserDep, query: ListQueryDep) -> Response:
    return _list(state, user, query, "A")


@router.get("/company/pre_reservations", summary="#7 List company pre-reservations")
async def company_pre_reservations(state: StateDep, user: UserDep, query: ListQueryDep) -> Response:
    return _list(state, user, query, "A", pre_only=True)


@router.get("/shipping/reservations", summary="#18 List reservations with shipment")
async def shipping_reservations(state: StateDep, user: UserDep, query: ListQueryDep) -> Response:
    return _list(state, user, query, "C", shipping_only=True)


@router.get("/locations/{location_id}/reservations", summary="#24 List location reservations")
async def location_reservations(
    location_id: str, state: StateDep, user: UserDep, query: ListQueryDep
) -> Response:
    load_location(state, user, location_id, operate=False)
    return _list(state, user, query, "B", location_id=location_id)


# -- single reservation ---------------------------------------------------------------------------


def _created_body(
    user: User, reservation: Reservation, conn: sqlite3.Connection, status_code: int
) -> dict[str, Any]:
    body = {
        "status_code": status_code,
        "reservation": render(reservation.doc, "B", conn),
        "tokens": render_tokens(user, reservation),
    }
    code = confirmation_code(user, reservation)
    if code is not None:
        body["confirmation_code"] = code
    return body


@router.get("/reservations/{reservation_id}", summary="#15 Get reservation (+tokens)")
async def get_reservation(
    reservation_id: str,
    state: StateDep,
    user: UserDep,
    include_tokens: Annotated[bool, Query()] = True,
) -> Response:
    with state.store.transaction() as conn:
        expire_due(state, state.clock.now_ms())
        reservation = Reservation.from_row(load_reservation_row(state, user, reservation_id, operate=False))
        body: dict[str, Any] = {"status_code": 200, "reservation": render(reservation.doc, "A", conn)}
        # Reporter and admin never get the codes, whatever include_tokens says (render_tokens): a
        # cancel token typed at the locker cancels the reservation.
        body["tokens"] = render_tokens(user, reservation) if include_tokens else {}
        code = confirmation_code(user, reservation) if include_tokens else None
        if code is not None:
            body["confirmation_code"] = code
    return json_response(body)


def _package_info(body: ReservationRequest | PreReservationRequest | PreReservationUpdate) -> dict[str, Any]:
    if body.package_info is None:
        return {}
    return body.package_info.model_dump(exclude_none=True)


def _people(
    body: ReservationRequest | PreReservationRequest | PreReservationUpdate,
) -> tuple[dict[str, Any], dict[str, Any]]:
    contact = body.contact_info.model_dump(exclude_none=True) if body.contact_info else {}
    recipient = body.recipient_info.model_dump(exclude_none=True) if body.recipient_info else {}
    return contact, recipient


def _insert_reservation(
    conn: sqlite3.Connection,
    user: User,
    location: sqlite3.Row,
    body: ReservationRequest | PreReservationRequest,
    *,
    size: str | None,
    first_status: str,
    now: int,
    delivery_due_ms: int,
    expires_ms: int | None = None,
) -> Reservation:
    """Check and store a new #25 reservation, or a #30 pre-reservation: the one given `expires_ms`."""
    check_shipment_unique(conn, user.company_id, body.shipment_id)
    check_custom_delivery_token(conn, body.delivery_token)
    additional = clean_additional(body.additional)
    package = _package_info(body)
    check_weight(package.get("weight"))
    if size is None:
        # No size asked: the smallest box that is free right now.
        size = next((s for s in SIZES if free_box(conn, location["id"], s) is not None), "s")
    box = assign_box(conn, location["id"], size)
    reservation_id = new_id("rsv-")
    contact, recipient = _people(body)
    doc = new_document(
        reservation_id=reservation_id,
        location=location,
        box_uuid=box,
        size=size,
        shipment_id=body.shipment_id,
        package_info=package,
        additional=additional,
        contact_info=contact,
        recipient_info=recipient,
        notifications=bool(body.recipient_notifications_enabled),
        first_status=first_status,
        now_ms=now,
        delivery_due_ms=delivery_due_ms,
    )
    reservation = Reservation(
        doc=doc,
        tokens=issue_tokens(conn, reservation_id, body.delivery_token),
        company_id=user.company_id,
        is_pre=expires_ms is not None,
        expires_ms=expires_ms,
    )
    reservation.save(conn, insert=True)
    return reservation


@router.post("/locations/{location_id}/reservations", summary="#25 Create reservation", status_code=201)
@needs(Capability.WRITE_RESERVATIONS)
async def create_reservation(
    location_id: str, body: ReservationRequest, state: StateDep, user: UserDep
) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        location = load_location(state, user, location_id, operate=True)
        reservation = _insert_reservation(
            conn,
            user,
            location,
            body,
            size=body.size.value,
            first_status="reserved",
            now=now,
            delivery_due_ms=now + DIRECT_DELIVERY_WINDOW_MS,
        )
        enqueue_event(state, user.company_id, reservation.doc, "reserved", now)
        out = _created_body(user, reservation, conn, 201)
    return json_response(out, 201)


def _delivery_date(value: str | None, now: int) -> int:
    if value is None:
        return now + MS_PER_DAY
    instant = parse_instant(value)
    if instant is None or not in_range(instant):
        raise invalid("delivery_date must be an ISO 8601 date", ["delivery_date"])
    if instant < now:
        raise LokHTTPError(
            400,
            "INVALID_DUE_DATE",
            "delivery_date is in the past",
            {"keys": ["delivery_date"], "source": "payload"},
        )
    return instant


def _check_grant(state: SandboxState, user: User, grant: str | None, location_id: str) -> None:
    if not grant:
        raise LokHTTPError(
            403,
            "GRANT_TOKEN",
            "Send the grant of POST /locations/available in lok-grant-token",
            {"source": "headers", "keys": ["lok-grant-token"]},
        )
    row = state.store.conn.execute("SELECT * FROM grants WHERE grant_sha256 = ?", (sha256(grant),)).fetchone()
    if (
        row is None
        or row["company_id"] != user.company_id
        or int(row["expires_ms"]) <= state.clock.now_ms()
        or location_id not in loads(row["location_ids"])
    ):
        raise LokHTTPError(
            403,
            "GRANT_TOKEN",
            "The grant for this operation is invalid or expired",
            {"source": "headers", "keys": ["lok-grant-token"]},
        )


@router.post(
    "/locations/{location_id}/pre_reservation", summary="#30 Create pre-reservation", status_code=201
)
@needs(Capability.PRE_RESERVE)
async def create_pre_reservation(
    location_id: str,
    body: PreReservationRequest,
    state: StateDep,
    user: UserDep,
    lok_grant_token: Annotated[str | None, Header(max_length=512)] = None,
) -> Response:
    Capability.PRE_RESERVE.check(user)
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        row = conn.execute("SELECT * FROM locations WHERE id = ?", (location_id,)).fetchone()
        if row is None:
            raise LokHTTPError(404, "ENTITY_NOT_FOUND", "Location not found", {"id": location_id})
        # The grant is the company's; whether this user may use the locker is the scope's call
        # (an owner holding a seller's grant still cannot pre-reserve in the public network).
        if not may_operate_location(user, row):
            raise forbidden_location(location_id)
        _check_grant(state, user, lok_grant_token, location_id)
        delivery = _delivery_date(body.delivery_date, now)
        reservation = _insert_reservation(
            conn,
            user,
            row,
            body,
            size=body.size.value if body.size is not None else None,
            first_status="pending",
            now=now,
            delivery_due_ms=delivery,
            expires_ms=delivery + PRE_RESERVATION_GRACE_MS,
        )
        out = _created_body(user, reservation, conn, 201)
    return json_response(out, 201)


@router.put("/reservations/{reservation_id}", summary="#16 Update a pre-reservation")
@needs(Capability.WRITE_RESERVATIONS)
async def update_pre_reservation(
    reservation_id: str, body: PreReservationUpdate, state: StateDep, user: UserDep
) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    sent = {k for k in body.model_fields_set if getattr(body, k) is not None}
    if not sent:
        raise invalid("Send at least one field to change", [])
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        expire_due(state, now)
        reservation = Reservation.from_row(load_reservation_row(state, user, reservation_id, operate=True))
        ensure_updatable(reservation)
        doc = reservation.doc
        if body.delivery_date is not None:
            delivery = _delivery_date(body.delivery_date, now)
            doc["delivery_due_date"] = iso(delivery)
            reservation.expires_ms = delivery + PRE_RESERVATION_GRACE_MS
        if body.package_info is not None:
            package = {**doc.get("package_info", {}), **_package_info(body)}
            check_weight(package.get("weight"))
            doc["package_info"] = package
        if body.shipment_id is not None:
            check_shipment_unique(conn, user.company_id, body.shipment_id, own_id=reservation.id)
            doc["shipment_id"] = body.shipment_id
        if body.delivery_token is not None and body.delivery_token != reservation.tokens.get(
            "delivery_token"
        ):
            check_custom_delivery_token(conn, body.delivery_token)
            conn.execute(
                "UPDATE kiosk_tokens SET token = ? WHERE reservation_id = ? AND kind = 'delivery'",
                (body.delivery_token, reservation.id),
            )
            reservation.tokens["delivery_token"] = body.delivery_token
        if body.additional is not None:
            kept = {k: v for k, v in doc.get("additional", {}).items() if k.lower().startswith("lok")}
            doc["additional"] = {**clean_additional(body.additional), **kept}
        if body.contact_info is not None or body.recipient_info is not None:
            contact, recipient = _people(body)
            if body.contact_info is not None:
                doc["contact_info"] = contact
            if body.recipient_info is not None:
                doc["recipient_info"] = recipient
        if body.recipient_notifications_enabled is not None:
            doc["recipient_notifications_enabled"] = body.recipient_notifications_enabled
        if body.size is not None and body.size.value != doc["locker"].get("size"):
            # Free the current box first so a same-location swap can reuse capacity correctly.
            conn.execute("UPDATE reservations SET box_uuid = NULL WHERE id = ?", (reservation.id,))
            box = assign_box(conn, str(doc["location"]), body.size.value)
            doc["locker"] = {**doc["locker"], "size": body.size.value, "uuid": box}
        doc["updated_at"] = iso(now)
        reservation.save(conn)
        out = _created_body(user, reservation, conn, 200)
    return json_response(out)


@router.delete("/reservations/{reservation_id}", summary="#17 Cancel reservation")
@needs(Capability.WRITE_RESERVATIONS)
async def cancel_reservation(reservation_id: str, state: StateDep, user: UserDep) -> Response:
    Capability.WRITE_RESERVATIONS.check(user)
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        expire_due(state, now)
        reservation = Reservation.from_row(load_reservation_row(state, user, reservation_id, operate=True))
        ensure_cancellable(reservation)
        move(state, reservation, "cancelled", now)
        out = {"status_code": 200, "reservation": render(reservation.doc, "B", conn)}
    return json_response(out)


def label_for(doc: dict[str, Any]) -> dict[str, str]:
    shipping = doc.get("shipping") or {}
    lines = [
        f"Guía: {shipping.get('tracking_id', '')}",
        f"Paquetería: {shipping.get('carrier', '')}",
        f"Pedido: {doc.get('shipment_id') or doc['id']}",
        "Recoger en:",
        str(shipping.get("pickup_point", {}).get("address", "")),
        "Entregar en locker:",
        str(shipping.get("destination_point", {}).get("address", "")),
        f"Casillero: {doc.get('locker', {}).get('uuid', '')} ({doc.get('locker', {}).get('size', '')})",
    ]
    jpeg, pdf = label_files(lines, str(shipping.get("tracking_id") or doc["id"]))
    return {"jpeg": b64(jpeg), "pdf": b64(pdf)}


@router.get("/reservations/{reservation_id}/label", summary="#26 Shipping label")
async def reservation_label(reservation_id: str, state: StateDep, user: UserDep) -> Response:
    reservation = Reservation.from_row(load_reservation_row(state, user, reservation_id, operate=False))
    if not reservation.doc.get("shipping"):
        raise LokHTTPError(
            422,
            "INVALID_RESERVATION",
            "This reservation has no shipping order, so no label",
            {"id": reservation.id},
        )
    return json_response(label_for(reservation.doc))
