"""#4, #22, #28: locations, their boxes, and the geographic search that grants pre-reservations."""

from __future__ import annotations

import math
import secrets
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.responses import Response

from lok_desk.sandbox.auth import Capability, User, load_location, may_read_location, needs, sha256
from lok_desk.sandbox.clock import MS_PER_HOUR
from lok_desk.sandbox.deps import PageDep, StateDep, UserDep, json_response
from lok_desk.sandbox.errors import LokHTTPError, invalid
from lok_desk.sandbox.reservations import box_counts, free_box
from lok_desk.sandbox.schemas import AvailabilitySearch
from lok_desk.sandbox.store import dumps, loads

router = APIRouter(tags=["locations"])

GRANT_LIFETIME_MS = MS_PER_HOUR


def location_detail(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    doc: dict[str, Any] = loads(row["doc"])
    boxes = box_counts(conn, str(row["id"]))
    if row["is_public"]:
        # Per-size counts are reported for private lockers only (docs/decisions.md, Locker counts).
        doc["public_boxes"] = sum(b["occupied"] for b in boxes)
        boxes = [{"size": b["size"], "available": b["available"]} for b in boxes]
    doc["boxes"] = boxes
    return doc


def readable_locations(conn: sqlite3.Connection, user: User) -> list[sqlite3.Row]:
    rows = conn.execute("SELECT * FROM locations ORDER BY seq").fetchall()
    return [r for r in rows if may_read_location(user, r)]


@router.get("/company/locations", summary="#4 List locations")
async def list_locations(
    state: StateDep,
    user: UserDep,
    paging: PageDep,
    internal_name: Annotated[str | None, Query(max_length=256)] = None,
) -> Response:
    page, page_size = paging
    conn = state.store.conn
    rows = readable_locations(conn, user)
    if internal_name:
        needle = internal_name.casefold()
        rows = [r for r in rows if needle in str(r["internal_name"]).casefold()]
    total = len(rows)
    chosen = rows[(page - 1) * page_size : page * page_size]
    return json_response(
        {
            "status_code": 200,
            "locations": [location_detail(conn, r) for r in chosen],
            "total": total,
            "page": page,
            "page_size": page_size,
            "total_pages": math.ceil(total / page_size) if total else 0,
        }
    )


@router.get("/company/locations/{location_id}", summary="#22 Get location")
async def get_location(location_id: str, state: StateDep, user: UserDep) -> Response:
    row = load_location(state, user, location_id, operate=False)
    return json_response({"status_code": 200, "location": location_detail(state.store.conn, row)})


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in metres."""
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


@router.post("/locations/available", summary="#28 Locations for pre-reservation (+grant)")
@needs(Capability.PRE_RESERVE)
async def available_locations(body: AvailabilitySearch, state: StateDep, user: UserDep) -> Response:
    Capability.PRE_RESERVE.check(user)
    conn = state.store.conn
    if body.coords is not None:
        lat, lon = body.coords.lat, body.coords.long
    elif body.zip_code is not None:
        hit = conn.execute(
            "SELECT lat, lon FROM locations WHERE zip_code = ? LIMIT 1", (body.zip_code.strip(),)
        ).fetchone()
        if hit is None:
            raise LokHTTPError(
                422, "INVALID_ADDRESS", "The zip code matches no known area", {"keys": ["zip_code"]}
            )
        lat, lon = float(hit["lat"]), float(hit["lon"])
    else:
        raise invalid("Send coords or zip_code", ["coords", "zip_code"])
    # Owners search their company's lockers; sellers also the Lok public network.
    candidates = [
        r
        for r in conn.execute("SELECT * FROM locations ORDER BY seq").fetchall()
        if r["company_id"] == user.company_id or (user.scope == "seller" and r["is_public"])
    ]
    near = sorted(
        ((distance_m(lat, lon, float(r["lat"]), float(r["lon"])), r) for r in candidates),
        key=lambda pair: pair[0],
    )
    near = [(d, r) for d, r in near if d <= body.max_distance]
    if body.size is not None:
        fitting = [(d, r) for d, r in near if free_box(conn, str(r["id"]), body.size.value) is not None]
        if near and not fitting:
            raise LokHTTPError(
                422, "BOX_INCOMPATIBLE", f"No free box of size {body.size.value} nearby", {"keys": ["size"]}
            )
        near = fitting
    chosen = near[: body.limit]
    locations = []
    for distance, row in chosen:
        doc = loads(row["doc"])
        locations.append(
            {
                "distance": round(distance),
                "host": doc["internal_name"],
                "is_24": False,
                "coords": doc["coords"],
                "phone": doc.get("phone"),
                "service_days": doc["service_days"],
                "timezone": doc["timezone"],
                "internal_name": doc["internal_name"],
                "address": doc["address"],
                "id": doc["id"],
                "uuid": doc["uuid"],
            }
        )
    body_out: dict[str, Any] = {"status_code": 200, "locations": locations}
    if locations:
        grant = "grt_" + secrets.token_urlsafe(24)
        with state.store.transaction():
            conn.execute(
                "INSERT INTO grants (grant_sha256, company_id, location_ids, expires_ms) VALUES (?, ?, ?, ?)",
                (
                    sha256(grant),
                    user.company_id,
                    dumps([loc["id"] for loc in locations]),
                    state.clock.now_ms() + GRANT_LIFETIME_MS,
                ),
            )
        body_out["grant"] = grant
    return json_response(body_out)
