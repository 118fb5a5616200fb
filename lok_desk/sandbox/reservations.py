"""Reservation documents and their lifecycle: boxes, tokens, state changes, expiry and reminders."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from lok_desk.sandbox.auth import User, may_see_codes
from lok_desk.sandbox.clock import MS_PER_DAY, MS_PER_HOUR, iso
from lok_desk.sandbox.errors import LokHTTPError
from lok_desk.sandbox.media import qr_png_base64
from lok_desk.sandbox.state import SandboxState
from lok_desk.sandbox.store import dumps, loads
from lok_desk.sandbox.webhooks import enqueue_event

FINISHED = frozenset({"picked_up", "cancelled"})
IN_LOCKER = frozenset({"delivered", "reopened", "reopened2"})
SIZES = ("s", "m", "l", "xl")
# Inner box dimensions (width, height, length) in cm; every box carries at most 25 kg
# (docs/decisions.md, Box sizes).
BOX_DIMENSIONS: dict[str, tuple[float, float, float]] = {
    "s": (10, 35, 60),
    "m": (20, 35, 60),
    "l": (40, 35, 60),
    "xl": (60, 45, 60),
}
MAX_WEIGHT_KG = 25.0
DIRECT_DELIVERY_WINDOW_MS = 3 * MS_PER_DAY
PICKUP_WINDOW_MS = 3 * MS_PER_DAY
PRE_RESERVATION_GRACE_MS = 24 * MS_PER_HOUR
TOKEN_KINDS = ("delivery", "reopen_1", "reopen_2", "pickup", "cancel")
# No 0/O or 1/I: people type these tokens at a kiosk.
_TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105 -- an alphabet, not a password


@dataclass
class Reservation:
    """One stored reservation: its variant-B document, its tokens, and bookkeeping columns."""

    doc: dict[str, Any]
    tokens: dict[str, str]
    company_id: str
    is_pre: bool
    expires_ms: int | None = None
    reminded_ms: int | None = None

    @property
    def id(self) -> str:
        return str(self.doc["id"])

    @property
    def status(self) -> str:
        history = self.doc["event_history"]
        return str(history[-1]["status"]) if history else "pending"

    @property
    def active(self) -> bool:
        return self.status not in FINISHED

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Reservation:
        doc = loads(row["doc"])
        doc["location"] = str(row["location_id"])
        doc["shipping"] = loads(row["shipping"])
        return cls(
            doc=doc,
            tokens=loads(row["tokens"]),
            company_id=str(row["company_id"]),
            is_pre=bool(row["is_pre"]),
            expires_ms=row["expires_ms"],
            reminded_ms=row["reminded_ms"],
        )

    def save(self, conn: sqlite3.Connection, *, insert: bool = False) -> None:
        doc = self.doc
        locker = doc.get("locker") or {}
        values = (
            self.company_id,
            doc["location"],
            doc.get("shipment_id"),
            self.status,
            int(self.active),
            int(self.is_pre),
            int(bool(doc.get("is_confirmed"))),
            int(bool(doc.get("shipping"))),
            locker.get("uuid"),
            doc["created_at"],
            doc["updated_at"],
            doc.get("delivery_due_date"),
            doc.get("pickup_due_date"),
            self.expires_ms,
            self.reminded_ms,
            # Stored without location and shipping, which differ by variant: lists splice the
            # text (see render_text) instead of parsing every document.
            dumps({k: v for k, v in doc.items() if k not in ("location", "shipping")}),
            dumps(doc.get("shipping") or {}),
            dumps(self.tokens),
            self.id,
        )
        if insert:
            conn.execute(
                "INSERT INTO reservations (company_id, location_id, shipment_id, status, active, is_pre, "
                "is_confirmed, has_shipping, box_uuid, created_at, updated_at, delivery_due_date, "
                "pickup_due_date, expires_ms, reminded_ms, doc, shipping, tokens, id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        else:
            conn.execute(
                "UPDATE reservations SET company_id = ?, location_id = ?, shipment_id = ?, status = ?, "
                "active = ?, is_pre = ?, is_confirmed = ?, has_shipping = ?, box_uuid = ?, created_at = ?, "
                "updated_at = ?, delivery_due_date = ?, pickup_due_date = ?, expires_ms = ?, "
                "reminded_ms = ?, doc = ?, shipping = ?, tokens = ? WHERE id = ?",
                values,
            )


# -- rendering ------------------------------------------------------------------------------------


def location_summary(row: sqlite3.Row) -> dict[str, Any]:
    doc = loads(row["doc"])
    return {
        "id": doc["id"],
        "uuid": doc["uuid"],
        "internal_name": doc["internal_name"],
        "address": doc["address"],
    }


class SummaryCache:
    """Location summaries for variant A; locations never change while the sandbox runs."""

    def __init__(self) -> None:
        self._by_id: dict[str, tuple[dict[str, Any], str]] = {}

    def _load(self, conn: sqlite3.Connection, location_id: str) -> tuple[dict[str, Any], str]:
        cached = self._by_id.get(location_id)
        if cached is None:
            row = conn.execute("SELECT doc FROM locations WHERE id = ?", (location_id,)).fetchone()
            summary = location_summary(row) if row is not None else {"id": location_id}
            cached = (summary, dumps(summary))
            self._by_id[location_id] = cached
        return cached

    def get(self, conn: sqlite3.Connection, location_id: str) -> dict[str, Any]:
        return self._load(conn, location_id)[0]

    def text(self, conn: sqlite3.Connection, location_id: str) -> str:
        return self._load(conn, location_id)[1]


SUMMARIES = SummaryCache()


def render(doc: dict[str, Any], variant: str, conn: sqlite3.Connection) -> dict[str, Any]:
    """A embeds the location summary, B and C carry its id; only C fills `shipping`
    (docs/decisions.md, Reservation shapes)."""
    out = dict(doc)
    if variant == "A":
        out["location"] = SUMMARIES.get(conn, str(doc["location"]))
    if variant != "C":
        out["shipping"] = {}
    return out


def render_text(row: sqlite3.Row, variant: str, conn: sqlite3.Connection) -> str:
    """The same JSON as render(), spliced from the stored text (no parsing: lists stay fast)."""
    core = str(row["doc"])
    location_id = str(row["location_id"])
    location = SUMMARIES.text(conn, location_id) if variant == "A" else dumps(location_id)
    shipping = str(row["shipping"]) if variant == "C" else "{}"
    return f'{core[:-1]},"location":{location},"shipping":{shipping}}}'


def confirmation_code(user: User, reservation: Reservation) -> str | None:
    if not may_see_codes(user, reservation.company_id, str(reservation.doc["location"])):
        return None
    return reservation.tokens.get("confirmation_code")


def render_tokens(user: User, reservation: Reservation) -> dict[str, str]:
    """The tokens and their QR images, or nothing at all for a user who may not act on it."""
    out: dict[str, str] = {}
    if not may_see_codes(user, reservation.company_id, str(reservation.doc["location"])):
        return out
    tokens = reservation.tokens
    for kind in TOKEN_KINDS:
        value = tokens.get(f"{kind}_token")
        if value:
            out[f"{kind}_token"] = value
            out[f"{kind}_token_qr"] = qr_png_base64(value)
    return out


# -- creation -------------------------------------------------------------------------------------


def new_id(prefix: str) -> str:
    return prefix + secrets.token_hex(8)


def free_box(conn: sqlite3.Connection, location_id: str, size: str) -> str | None:
    row = conn.execute(
        "SELECT uuid FROM boxes b WHERE location_id = ? AND size = ? AND NOT EXISTS "
        "(SELECT 1 FROM reservations r WHERE r.box_uuid = b.uuid AND r.active = 1) ORDER BY uuid LIMIT 1",
        (location_id, size),
    ).fetchone()
    return None if row is None else str(row[0])


def box_counts(conn: sqlite3.Connection, location_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT size, COUNT(*) AS total, SUM(EXISTS (SELECT 1 FROM reservations r "
        "WHERE r.box_uuid = b.uuid AND r.active = 1)) AS occupied FROM boxes b "
        "WHERE location_id = ? GROUP BY size",
        (location_id,),
    ).fetchall()
    by_size = {str(r["size"]): (int(r["total"]), int(r["occupied"] or 0)) for r in rows}
    out = []
    for size in SIZES:
        total, occupied = by_size.get(size, (0, 0))
        out.append({"size": size, "total": total, "occupied": occupied, "available": occupied < total})
    return out


def check_weight(weight: float | None) -> None:
    if weight is not None and weight > MAX_WEIGHT_KG:
        raise LokHTTPError(
            422,
            "BOX_INCOMPATIBLE",
            f"No box carries {weight:g} kg (the limit is {MAX_WEIGHT_KG:g} kg)",
            {"keys": ["package_info.weight"]},
        )


def smallest_fitting_size(width: float | None, height: float | None, length: float | None) -> str | None:
    """The smallest size whose box holds the package in some orientation; None if none does."""
    dims = sorted(float(d or 0) for d in (width, height, length))
    for size in SIZES:
        if all(p <= b for p, b in zip(dims, sorted(BOX_DIMENSIONS[size]), strict=True)):
            return size
    return None


def assign_box(conn: sqlite3.Connection, location_id: str, size: str) -> str:
    box = free_box(conn, location_id, size)
    if box is None:
        raise LokHTTPError(
            422,
            "NO_CAPACITY",
            f"No free box of size {size} at this location right now",
            {"location_id": location_id, "size": size},
        )
    return box


def new_token(conn: sqlite3.Connection, length: int = 8) -> str:
    while True:
        token = "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(length))
        if conn.execute("SELECT 1 FROM kiosk_tokens WHERE token = ?", (token,)).fetchone() is None:
            return token


def issue_tokens(
    conn: sqlite3.Connection, reservation_id: str, custom_delivery: str | None = None
) -> dict[str, str]:
    tokens: dict[str, str] = {}
    for kind in TOKEN_KINDS:
        token = custom_delivery if kind == "delivery" and custom_delivery else new_token(conn)
        conn.execute(
            "INSERT INTO kiosk_tokens (token, reservation_id, kind) VALUES (?, ?, ?)",
            (token, reservation_id, kind),
        )
        tokens[f"{kind}_token"] = token
    tokens["confirmation_code"] = "".join(secrets.choice("0123456789") for _ in range(6))
    return tokens


def check_custom_delivery_token(conn: sqlite3.Connection, token: str | None) -> None:
    if token is None:
        return
    if not (4 <= len(token) <= 32) or not token.isascii() or not token.isalnum():
        raise LokHTTPError(
            400,
            "INVALID_REQUEST",
            "delivery_token must be 4 to 32 letters or digits",
            {"keys": ["delivery_token"], "source": "payload"},
        )
    if conn.execute("SELECT 1 FROM kiosk_tokens WHERE token = ?", (token,)).fetchone() is not None:
        raise LokHTTPError(
            400,
            "INVALID_REQUEST",
            "This delivery_token is already in use",
            {"keys": ["delivery_token"], "source": "payload"},
        )


def check_shipment_unique(
    conn: sqlite3.Connection, company_id: str, shipment_id: str | None, own_id: str | None = None
) -> None:
    if shipment_id is None:
        return
    row = conn.execute(
        "SELECT id FROM reservations WHERE company_id = ? AND shipment_id = ?", (company_id, shipment_id)
    ).fetchone()
    if row is not None and row[0] != own_id:
        raise LokHTTPError(
            409,
            "UNIQUE_SHIPMENT",
            "This shipment_id is already used by another reservation of your company",
            {"shipment_id": shipment_id, "id": str(row[0])},
        )


def clean_additional(additional: dict[str, str] | None) -> dict[str, str]:
    """≤ 30 keys; keys starting with `lok` belong to Lok and are dropped."""
    if not additional:
        return {}
    if len(additional) > 30:
        raise LokHTTPError(
            400,
            "INVALID_REQUEST",
            "additional holds at most 30 keys",
            {"keys": ["additional"], "source": "payload"},
        )
    return {k: v for k, v in additional.items() if not k.lower().startswith("lok")}


def new_document(
    *,
    reservation_id: str,
    location: sqlite3.Row,
    box_uuid: str,
    size: str,
    shipment_id: str | None,
    package_info: dict[str, Any],
    additional: dict[str, str],
    contact_info: dict[str, Any],
    recipient_info: dict[str, Any],
    notifications: bool,
    first_status: str,
    now_ms: int,
    delivery_due_ms: int,
) -> dict[str, Any]:
    now = iso(now_ms)
    return {
        "id": reservation_id,
        "shipment_id": shipment_id,
        "is_confirmed": first_status == "reserved",
        "is_local": False,
        "location": str(location["id"]),
        "package_info": package_info,
        "delivery_due_date": iso(delivery_due_ms),
        "pickup_due_date": None,
        "event_history": [{"status": first_status, "date": now}],
        "additional": additional,
        "shipping": {},
        "created_at": now,
        "updated_at": now,
        "locker": {"size": size, "uuid": box_uuid, "is_public": bool(location["is_public"]), "boxes": []},
        "contact_info": contact_info,
        "recipient_info": recipient_info,
        "recipient_notifications_enabled": notifications,
    }


# -- state changes --------------------------------------------------------------------------------

_KIOSK_MOVES: dict[str, tuple[frozenset[str], str]] = {
    "delivery": (frozenset({"reserved"}), "delivered"),
    "reopen_1": (frozenset({"delivered"}), "reopened"),
    "reopen_2": (frozenset({"reopened"}), "reopened2"),
    "pickup": (IN_LOCKER, "picked_up"),
    "cancel": (frozenset({"pending", "reserved"}), "cancelled"),
}


def move(state: SandboxState, reservation: Reservation, new_status: str, now_ms: int) -> None:
    """Append `new_status` to the history, update deadlines, save, and fire the webhook event."""
    doc = reservation.doc
    now = iso(now_ms)
    doc["event_history"].append({"status": new_status, "date": now})
    doc["updated_at"] = now
    if new_status == "reserved":
        doc["is_confirmed"] = True
        reservation.expires_ms = None
    elif new_status == "delivered":
        doc["pickup_due_date"] = iso(now_ms + PICKUP_WINDOW_MS)
        reservation.reminded_ms = None
    elif new_status in FINISHED:
        reservation.expires_ms = None
    reservation.save(state.store.conn)
    enqueue_event(state, reservation.company_id, doc, new_status, now_ms)


def kiosk(state: SandboxState, token: str, now_ms: int) -> Reservation:
    """A person types a token at the locker; 409 when the token is unknown or the state is wrong."""
    conn = state.store.conn
    hit = conn.execute("SELECT reservation_id, kind FROM kiosk_tokens WHERE token = ?", (token,)).fetchone()
    if hit is None:
        raise LokHTTPError(409, "INVALID_RESERVATION", "The locker does not know this token", {})
    row = conn.execute("SELECT * FROM reservations WHERE id = ?", (hit["reservation_id"],)).fetchone()
    reservation = Reservation.from_row(row)
    kind = str(hit["kind"])
    allowed, target = _KIOSK_MOVES[kind]
    if reservation.status not in allowed:
        raise LokHTTPError(
            409,
            "INVALID_RESERVATION",
            f"A {kind} token cannot be used while the reservation is {reservation.status}",
            {"id": reservation.id, "status": reservation.status},
        )
    move(state, reservation, target, now_ms)
    return reservation


def expire_due(state: SandboxState, now_ms: int) -> int:
    """Unconfirmed pre-reservations are cancelled 24 h after their delivery date."""
    conn = state.store.conn
    rows = conn.execute(
        "SELECT * FROM reservations WHERE expires_ms IS NOT NULL AND expires_ms <= ?", (now_ms,)
    ).fetchall()
    for row in rows:
        reservation = Reservation.from_row(row)
        if reservation.active and not reservation.doc.get("is_confirmed"):
            move(state, reservation, "cancelled", now_ms)
        else:
            reservation.expires_ms = None
            reservation.save(conn)
    return len(rows)


def daily_reminders(state: SandboxState, now_ms: int) -> int:
    """`undelivered` / `unpicked` once per sandbox day while a reservation is past its deadline."""
    conn = state.store.conn
    now = iso(now_ms)
    cutoff = now_ms - MS_PER_DAY
    rows = conn.execute(
        "SELECT * FROM reservations WHERE active = 1 AND ("
        "(status = 'reserved' AND delivery_due_date < ?) OR "
        "(status IN ('delivered', 'reopened', 'reopened2') AND pickup_due_date < ?)) "
        "AND (reminded_ms IS NULL OR reminded_ms <= ?)",
        (now, now, cutoff),
    ).fetchall()
    for row in rows:
        reservation = Reservation.from_row(row)
        event = "undelivered" if reservation.status == "reserved" else "unpicked"
        reservation.reminded_ms = now_ms
        conn.execute("UPDATE reservations SET reminded_ms = ? WHERE id = ?", (now_ms, reservation.id))
        enqueue_event(state, reservation.company_id, reservation.doc, event, now_ms)
    return len(rows)


def ensure_cancellable(reservation: Reservation) -> None:
    if reservation.status not in ("pending", "reserved"):
        raise LokHTTPError(
            409,
            "INVALID_RESERVATION",
            f"A reservation that is {reservation.status} can no longer be cancelled",
            {"id": reservation.id, "status": reservation.status},
        )


def ensure_updatable(reservation: Reservation) -> None:
    """#16/#32/#33 apply to unconfirmed, active pre-reservations only; anything else is gone (410)."""
    if not reservation.is_pre or reservation.doc.get("is_confirmed") or not reservation.active:
        raise LokHTTPError(
            410,
            "INVALID_RESERVATION",
            "This reservation can no longer be updated",
            {"id": reservation.id, "status": reservation.status},
        )
