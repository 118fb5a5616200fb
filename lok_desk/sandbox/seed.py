"""Deterministic seed data: two companies, a public-network locker, clients, boxes, reservations."""
# ruff: noqa: S311 -- a seeded random.Random is the point: the seed must be reproducible, not secret.

from __future__ import annotations

import random
import sqlite3
from typing import Any

from lok_desk.sandbox.auth import sha256
from lok_desk.sandbox.clock import MS_PER_DAY, MS_PER_HOUR, iso
from lok_desk.sandbox.demo import DEMO_CLIENTS, OTHER_CLIENTS
from lok_desk.sandbox.reservations import (
    DIRECT_DELIVERY_WINDOW_MS,
    FINISHED,
    PICKUP_WINDOW_MS,
    PRE_RESERVATION_GRACE_MS,
    SIZES,
    TOKEN_KINDS,
    Reservation,
    free_box,
    new_document,
)
from lok_desk.sandbox.seed_data import DEMO_COMPANY_ID as DEMO_COMPANY_ID
from lok_desk.sandbox.seed_data import FIRST, GOODS, LAST, LOCATIONS
from lok_desk.sandbox.seed_data import NETWORK_COMPANY_ID as NETWORK_COMPANY_ID
from lok_desk.sandbox.seed_data import OTHER_COMPANY_ID as OTHER_COMPANY_ID
from lok_desk.sandbox.store import SCHEMA_VERSION, Store, dumps

SEED = 20_240_917


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

BOXES_PER_SIZE = {"s": 40, "m": 30, "l": 16, "xl": 8}
# Seeded active reservations leave at least this share of every size free, so demos can reserve.
_MIN_FREE_SHARE = 0.4

def location_doc(spec: tuple[Any, ...], seq: int) -> dict[str, Any]:
    (loc_id, _company, _public, name, tz, city, state, country, street, number, town, zip_code, lat, lon) = (
        spec
    )
    days = []
    for index, weekday in enumerate(_WEEKDAYS):
        closing = "14:00" if weekday == "sunday" else ("21:00" if seq % 2 else "18:00")
        days.append(
            {
                "weekday": index + 1,
                "string_weekday": weekday,
                "opening_time": "09:00",
                "closing_time": closing,
            }
        )
    return {
        "id": loc_id,
        "uuid": f"{seq + 1:04d}",
        "internal_name": name,
        "address": {
            "parking": seq % 3 != 2,
            "city": city,
            "state": state,
            "country": country,
            "street": street,
            "number": number,
            "town": town,
            "zip_code": zip_code,
            "references": "Junto a la entrada principal",
            "cross_streets": "",
        },
        "coords": {"latitude": lat, "longitude": lon},
        "phone": f"+52 55 5{seq:03d} 0{seq:03d}",
        "service_days": days,
        "timezone": tz,
        "public_boxes": 0,
    }


def _client(
    conn: sqlite3.Connection,
    client_id: str,
    secret: str,
    scope: str,
    name: str,
    email: str,
    company_id: str,
    location_id: str | None,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO clients (client_id, secret_sha256, user_id, name, email, scope, company_id, "
        "location_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            client_id,
            sha256(secret),
            "usr-" + client_id,
            name,
            email,
            scope,
            company_id,
            location_id,
            now,
            now,
        ),
    )


def _author(conn: sqlite3.Connection, client_id: str) -> dict[str, str]:
    """A directory's author as GET /oauth/user names that user (its name, not its client id)."""
    row = conn.execute("SELECT user_id, name FROM clients WHERE client_id = ?", (client_id,)).fetchone()
    return {"id": str(row[0]), "name": str(row[1])}


class _TokenSource:
    """Deterministic unique kiosk tokens for seeded reservations."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def take(self) -> str:
        while True:
            token = "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
            if token not in self.used:
                self.used.add(token)
                return token


def seed(store: Store, now_ms: int, reservations: int = 320, other_reservations: int = 40) -> None:
    """Fill an empty store. Everything but the base instant (`now_ms`, the sandbox clock) is fixed."""
    rng = random.Random(SEED)
    tokens = _TokenSource(random.Random(SEED + 1))
    now = iso(now_ms)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO companies (id, name, operator_email, administrator_email) VALUES (?, ?, ?, ?)",
            (
                DEMO_COMPANY_ID,
                "Paquetería Demo S.A. de C.V.",
                "operaciones@demo.lok.test",
                "admin@demo.lok.test",
            ),
        )
        conn.execute("INSERT INTO companies (id, name) VALUES (?, ?)", (OTHER_COMPANY_ID, "Envíos del Norte"))
        conn.execute(
            "INSERT INTO companies (id, name) VALUES (?, ?)", (NETWORK_COMPANY_ID, "Red pública Lok")
        )
        names = {
            "owner": "Olivia Dueña",
            "employee": "Ernesto Mostrador",
            "reporter": "Regina Reportes",
            "seller": "Sergio Ventas",
            "admin": "Adriana Lok",
        }
        for role, (client_id, secret) in DEMO_CLIENTS.items():
            _client(
                conn,
                client_id,
                secret,
                role,
                names[role],
                f"{role}@demo.lok.test",
                DEMO_COMPANY_ID,
                LOCATIONS[0][0] if role == "employee" else None,
                now,
            )
        _client(
            conn,
            *OTHER_CLIENTS["owner"],
            "owner",
            "Nora Norte",
            "owner@norte.lok.test",
            OTHER_COMPANY_ID,
            None,
            now,
        )
        _client(
            conn,
            *OTHER_CLIENTS["employee"],
            "employee",
            "Elías Norte",
            "employee@norte.lok.test",
            OTHER_COMPANY_ID,
            LOCATIONS[6][0],
            now,
        )
        for seq, spec in enumerate(LOCATIONS):
            conn.execute(
                "INSERT INTO locations (id, seq, company_id, is_public, internal_name, zip_code, lat, lon, "
                "doc) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    spec[0],
                    seq,
                    spec[1],
                    int(spec[2]),
                    spec[3],
                    spec[11],
                    spec[12],
                    spec[13],
                    dumps(location_doc(spec, seq)),
                ),
            )
            for tower in (1, 2):
                tower_id = f"{seq + 1:04d}{tower:04d}"
                number = 0
                for size in SIZES:
                    for _ in range(BOXES_PER_SIZE[size] // 2):
                        number += 1
                        conn.execute(
                            "INSERT INTO boxes (uuid, location_id, size, tower) VALUES (?, ?, ?, ?)",
                            (f"{tower_id}{number:03d}", spec[0], size, tower_id),
                        )
        demo_locations = [s for s in LOCATIONS if s[1] == DEMO_COMPANY_ID]
        other_locations = [s for s in LOCATIONS if s[1] == OTHER_COMPANY_ID]
        network = [s for s in LOCATIONS if s[2]]
        for index in range(reservations):
            spec = rng.choice(demo_locations + network)
            _seed_reservation(conn, rng, tokens, DEMO_COMPANY_ID, spec, index, now_ms)
        for index in range(other_reservations):
            _seed_reservation(conn, rng, tokens, OTHER_COMPANY_ID, rng.choice(other_locations), index, now_ms)
        _seed_directories(conn, rng, now_ms)
        store.set_meta("seeded", SCHEMA_VERSION)
        store.set_meta("seeded_at_ms", str(now_ms))


_STATUS_WEIGHTS = (
    ("pending", 6),
    ("reserved", 14),
    ("reserved_shipping", 4),
    ("delivered", 14),
    ("reopened", 3),
    ("reopened2", 2),
    ("picked_up", 40),
    ("cancelled", 12),
)


def _person(rng: random.Random) -> dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    handle = f"{first}.{last}".lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    return {
        "name": f"{first} {last}",
        "email": f"{handle}@correo.test",
        "phone": f"+52 55 {rng.randrange(10**7, 10**8)}",
    }


def _free_count(conn: sqlite3.Connection, location_id: str, size: str) -> int:
    row = conn.execute(
        "SELECT COUNT(*) FROM boxes b WHERE location_id = ? AND size = ? AND NOT EXISTS "
        "(SELECT 1 FROM reservations r WHERE r.box_uuid = b.uuid AND r.active = 1)",
        (location_id, size),
    ).fetchone()
    return int(row[0])


def _seed_box(conn: sqlite3.Connection, rng: random.Random, location_id: str, size: str,
              kind: str) -> tuple[str, str]:
    """The box a seeded reservation holds, and its kind: an active one takes a free box while enough
    stay free (else it becomes a picked-up one); a finished one names any box of the size."""
    box = None
    if kind not in FINISHED:
        box = free_box(conn, location_id, size)
        if box is not None and _free_count(conn, location_id, size) <= BOXES_PER_SIZE[size] * _MIN_FREE_SHARE:
            box = None
        if box is None:
            kind = "picked_up"
    if box is None:
        row = conn.execute(
            "SELECT uuid FROM boxes WHERE location_id = ? AND size = ? ORDER BY uuid LIMIT 1 OFFSET ?",
            (location_id, size, rng.randrange(BOXES_PER_SIZE[size])),
        ).fetchone()
        box = str(row[0])
    return box, kind


def _seed_shipping(rng: random.Random, spec: tuple[Any, ...], confirmed_ms: int,
                   delivery_due_ms: int) -> dict[str, Any]:
    """The courier shipping a seeded pre-reservation was confirmed with (#32's answer)."""
    return {
        "tracking_id": f"LKX{rng.randrange(10**9, 10**10)}",
        "pickup_point": {"address": "Av. Insurgentes Sur 1602, Crédito Constructor, 03940", "notes": ""},
        "destination_point": {"address": f"{spec[8]} {spec[9]}, {spec[10]}, {spec[11]}", "notes": ""},
        "carrier": "Lok Express",
        "vehicle_type": "moto",
        "fee": "129.00",
        "required_pickup_date": iso(confirmed_ms + 2 * MS_PER_HOUR),
        "estimated_delivery_date": iso(delivery_due_ms),
    }


def _seed_reservation(
    conn: sqlite3.Connection,
    rng: random.Random,
    tokens: _TokenSource,
    company_id: str,
    spec: tuple[Any, ...],
    index: int,
    now_ms: int,
) -> None:
    kinds, weights = zip(*_STATUS_WEIGHTS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    size = rng.choices(SIZES, (5, 4, 2, 1))[0]
    location_id = str(spec[0])
    is_public = bool(spec[2])
    box, kind = _seed_box(conn, rng, location_id, size, kind)
    is_pre = kind in ("pending", "reserved_shipping") or (kind == "cancelled" and rng.random() < 0.3)
    if kind == "pending":
        created = now_ms - rng.randrange(1, 20) * MS_PER_HOUR
    elif kind in ("reserved", "reserved_shipping"):
        created = now_ms - rng.randrange(1, 6 * 24) * MS_PER_HOUR
    else:
        created = now_ms - rng.randrange(2 * 24, 30 * 24) * MS_PER_HOUR
    created -= rng.randrange(3_600_000)
    weight = round(rng.uniform(0.2, 12.0), 2)
    prefix = "PED" if company_id == DEMO_COMPANY_ID else "NTE"
    shipment_id = None if rng.random() < 0.1 else f"{prefix}-{10_000 + index}"
    reservation_id = "rsv-" + "".join(rng.choice("0123456789abcdef") for _ in range(16))
    additional = {"canal": rng.choice(("web", "app", "tienda"))} if rng.random() < 0.5 else {}
    delivery_due = created + (MS_PER_DAY if is_pre else DIRECT_DELIVERY_WINDOW_MS)
    location_row = {"id": location_id, "is_public": int(is_public)}
    doc = new_document(
        reservation_id=reservation_id,
        location=location_row,  # type: ignore[arg-type]
        box_uuid=box,
        size=size,
        shipment_id=shipment_id,
        package_info={
            "weight": weight,
            "value": round(rng.uniform(100, 5000), 2),
            "description": rng.choice(GOODS),
        },
        additional=additional,
        contact_info=_person(rng),
        recipient_info=_person(rng),
        notifications=rng.random() < 0.5,
        first_status="pending" if is_pre else "reserved",
        now_ms=created,
        delivery_due_ms=delivery_due,
    )
    history = doc["event_history"]
    t = created
    expires: int | None = None

    def step(status: str, min_h: int, max_h: int) -> None:
        nonlocal t
        t = min(t + rng.randrange(min_h * 60, max_h * 60) * 60_000, now_ms - 60_000)
        history.append({"status": status, "date": iso(t)})

    if kind == "pending":
        expires = delivery_due + PRE_RESERVATION_GRACE_MS
    elif kind == "reserved_shipping":
        step("reserved", 0, 2)
        doc["is_confirmed"] = True
        doc["shipping"] = _seed_shipping(rng, spec, t, delivery_due)
        doc["additional"].update(
            {"lok_carrier": "Lok Express", "lok_tracking_id": doc["shipping"]["tracking_id"]}
        )
    elif kind in ("delivered", "reopened", "reopened2", "picked_up"):
        if is_pre:
            step("reserved", 0, 2)
            doc["is_confirmed"] = True
        step("delivered", 1, 60)
        delivered = t
        doc["pickup_due_date"] = iso(delivered + PICKUP_WINDOW_MS)
        if kind in ("reopened", "reopened2") or (kind == "picked_up" and rng.random() < 0.2):
            step("reopened", 1, 12)
            if kind == "reopened2":
                step("reopened2", 1, 12)
        if kind == "picked_up":
            step("picked_up", 1, 80)
    elif kind == "cancelled":
        step("cancelled", 1, 30)
    if kind == "reserved_shipping":
        kind = "reserved"
    doc["updated_at"] = history[-1]["date"]
    reservation_tokens = {f"{k}_token": tokens.take() for k in TOKEN_KINDS}
    reservation_tokens["confirmation_code"] = f"{rng.randrange(10**6):06d}"
    reservation = Reservation(
        doc=doc, tokens=reservation_tokens, company_id=company_id, is_pre=is_pre, expires_ms=expires
    )
    reservation.save(conn, insert=True)
    conn.executemany(
        "INSERT INTO kiosk_tokens (token, reservation_id, kind) VALUES (?, ?, ?)",
        [(reservation_tokens[f"{k}_token"], reservation_id, k) for k in TOKEN_KINDS],
    )


def _contact(rng: random.Random) -> dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    handle = f"{first}.{last}".lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    return {
        "name": first,
        "last_name": last,
        "email": f"{handle}@correo.test",
        "gender": rng.choice(("male", "female", "unspecified")),
        "age": rng.randrange(18, 80),
        "phones": [f"+52 55 {rng.randrange(10**7, 10**8)}"],
        "address": {
            "city": "Ciudad de México",
            "state": "CDMX",
            "country": "Mexico",
            "street": rng.choice(("Av. Reforma", "Calle Durango", "Av. Universidad", "Calle Puebla")),
            "number": str(rng.randrange(1, 999)),
            "town": rng.choice(("Roma Norte", "Condesa", "Del Valle")),
            "zip_code": f"0{rng.randrange(1000, 9999)}",
            "references": "",
            "cross_streets": "",
            "delivery_info": "",
        },
    }


def _seed_directories(conn: sqlite3.Connection, rng: random.Random, now_ms: int) -> None:
    specs = [
        (
            "dir-demo-frecuentes",
            DEMO_COMPANY_ID,
            "Clientes frecuentes",
            8,
            ["loc-cdmx-antara", "loc-tij-plaza-rio"],
        ),
        ("dir-demo-proveedores", DEMO_COMPANY_ID, "Proveedores", 3, []),
        ("dir-norte-clientes", OTHER_COMPANY_ID, "Clientes Norte", 5, ["loc-gdl-galerias"]),
    ]
    for offset, (dir_id, company_id, name, count, locations) in enumerate(specs):
        created = iso(now_ms - (30 - offset) * MS_PER_DAY)
        owner = DEMO_CLIENTS["owner"][0] if company_id == DEMO_COMPANY_ID else OTHER_CLIENTS["owner"][0]
        contacts = []
        for _ in range(count):
            contact = _contact(rng)
            contact.update({"directory": dir_id, "created_at": created, "updated_at": created})
            contacts.append(contact)
        doc = {
            "id": dir_id,
            "name": name,
            "isActive": True,
            "created_at": created,
            "updated_at": created,
            "author": _author(conn, owner),
            "contacts": contacts,
            "locations": locations,
        }
        conn.execute(
            "INSERT INTO directories (id, company_id, name, created_at, doc) VALUES (?, ?, ?, ?, ?)",
            (dir_id, company_id, name, created, dumps(doc)),
        )


def add_bulk_reservations(store: Store, now_ms: int, count: int, company_id: str = DEMO_COMPANY_ID) -> None:
    """Many finished (picked-up) reservations, for benchmarks: they hold no box."""
    rng = random.Random(SEED + 2)
    tokens = _TokenSource(random.Random(SEED + 3))
    locations = [s for s in LOCATIONS if s[1] == company_id]
    with store.transaction() as conn:
        for index in range(count):
            spec = rng.choice(locations)
            created = now_ms - rng.randrange(60 * 24 * 60) * 60_000
            reservation_id = "rsv-bulk-" + "".join(rng.choice("0123456789abcdef") for _ in range(12))
            doc = new_document(
                reservation_id=reservation_id,
                location={"id": spec[0], "is_public": 0},  # type: ignore[arg-type]
                box_uuid=f"{LOCATIONS.index(spec) + 1:04d}0001001",
                size="s",
                shipment_id=f"BULK-{index}",
                package_info={"weight": 1.5, "value": 300.0, "description": rng.choice(GOODS)},
                additional={},
                contact_info=_person(rng),
                recipient_info=_person(rng),
                notifications=False,
                first_status="reserved",
                now_ms=created,
                delivery_due_ms=created + DIRECT_DELIVERY_WINDOW_MS,
            )
            doc["event_history"] += [
                {"status": "delivered", "date": iso(created + MS_PER_HOUR)},
                {"status": "picked_up", "date": iso(created + 5 * MS_PER_HOUR)},
            ]
            doc["updated_at"] = iso(created + 5 * MS_PER_HOUR)
            reservation_tokens = {f"{k}_token": tokens.take() for k in TOKEN_KINDS}
            reservation_tokens["confirmation_code"] = "000000"
            Reservation(doc=doc, tokens=reservation_tokens, company_id=company_id, is_pre=False).save(
                conn, insert=True
            )
