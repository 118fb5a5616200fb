"""The offline snapshot: the last synced reservations and locations of one server + client id, kept in
the user cache directory so the window shows them the moment it opens (stdlib sqlite3, no Qt).

What is kept: the active reservations as Lok sent them and the locations. What is never kept: tokens,
confirmation codes, QR images, secrets; any key naming one is dropped before writing, whatever model
it came from. The file holds recipients' names and contacts, so it is created 0600 and removed on
sign-out (`delete`). One file per server + client id (a hash of both names it), so two companies or
two servers on one computer never see each other's lists.

Fast start: besides each reservation's JSON, the few values the reservations table shows are stored
as columns; `read_rows` returns them without building a single pydantic model (a few milliseconds for
10,000 rows), and `read_reservations` parses the JSON when the store wants the full records.
Every method is blocking file I/O: the desk calls them through ``asyncio.to_thread``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lok_desk.api import models

SCHEMA_VERSION = 1

#: Keys never written, at any depth (tokens, their QR images, confirmation codes, secrets).
_SECRET_WORDS = ("token", "secret", "confirmation_code", "password", "_qr")


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()
                if not any(word in str(key).lower() for word in _SECRET_WORDS)}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _epoch(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


@dataclass(frozen=True)
class SnapshotRow:
    """What the table shows of one reservation (mirrors desk.reservations.table_model.ReservationRow)."""

    id: str
    shipment_id: str
    status: str
    location_id: str
    size: str
    recipient: str
    created: float | None
    delivery_due: float | None
    pickup_due: float | None


def _row_values(reservation: models.Reservation) -> tuple[Any, ...]:
    recipient_info = reservation.recipient_info
    recipient = ""
    if recipient_info is not None:
        recipient = recipient_info.name or recipient_info.email or recipient_info.phone or ""
    size = str(reservation.locker.size or "") if reservation.locker is not None else ""
    return (reservation.id, reservation.shipment_id or "", str(reservation.current_status or ""),
            str(reservation.location_id or ""), size, recipient, _epoch(reservation.created_at),
            _epoch(reservation.delivery_due_date), _epoch(reservation.pickup_due_date))


class Snapshot:
    """The snapshot file of one server + client id under `directory` (the user cache directory)."""

    def __init__(self, directory: Path, server: str, client_id: str) -> None:
        digest = hashlib.sha256(f"{server}\0{client_id}".encode()).hexdigest()[:32]
        self.path = directory / "snapshots" / f"{digest}.sqlite3"

    def __repr__(self) -> str:
        return f"Snapshot({self.path.name})"

    # ---- writing --------------------------------------------------------------------------------
    def save(self, reservations: Iterable[models.Reservation], locations: Iterable[models.LocationDetail],
             *, saved_at: datetime | None = None) -> int:
        """Replace the snapshot (written to a new 0600 file, then moved into place). Returns rows kept."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with_tmp = self.path.with_suffix(".tmp")
        with_tmp.unlink(missing_ok=True)
        # Created 0600 before sqlite opens it; SQLite gives its journal the same mode.
        os.close(os.open(with_tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
        count = 0
        connection = sqlite3.connect(with_tmp)
        try:
            connection.executescript(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE reservations (id TEXT PRIMARY KEY, shipment_id TEXT, status TEXT,"
                " location_id TEXT, size TEXT, recipient TEXT, created REAL, delivery_due REAL,"
                " pickup_due REAL, doc TEXT NOT NULL);"
                "CREATE TABLE locations (id TEXT PRIMARY KEY, doc TEXT NOT NULL);")
            when = (saved_at or datetime.now(UTC)).astimezone(UTC).isoformat()
            connection.executemany("INSERT INTO meta VALUES (?, ?)",
                                   [("schema", str(SCHEMA_VERSION)), ("saved_at", when)])
            rows = []
            for reservation in reservations:
                if not reservation.id:
                    continue
                dump = reservation.model_dump(mode="json", by_alias=True, exclude_none=True)
                doc = json.dumps(_clean(dump))
                rows.append((*_row_values(reservation), doc))
            connection.executemany("INSERT OR REPLACE INTO reservations VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
            count = len(rows)
            connection.executemany(
                "INSERT OR REPLACE INTO locations VALUES (?, ?)",
                [(location.id, json.dumps(_clean(location.model_dump(mode="json", by_alias=True,
                                                                     exclude_none=True))))
                 for location in locations])
            connection.commit()
        finally:
            connection.close()
        os.chmod(with_tmp, 0o600)
        os.replace(with_tmp, self.path)
        return count

    def delete(self) -> None:
        """Sign-out: the file holds recipients' names and contacts."""
        for path in (self.path, self.path.with_suffix(".tmp")):
            path.unlink(missing_ok=True)

    # ---- reading --------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if not self.path.exists():
            return None
        try:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.Error:
            return None
        if version is None or version[0] != str(SCHEMA_VERSION):
            connection.close()
            return None
        return connection

    def saved_at(self) -> datetime | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'saved_at'").fetchone()
        finally:
            connection.close()
        return datetime.fromisoformat(row[0]) if row else None

    def read_rows(self) -> list[SnapshotRow]:
        """The table's values for every kept reservation (no pydantic: the fast path at start)."""
        connection = self._connect()
        if connection is None:
            return []
        try:
            found = connection.execute(
                "SELECT id, shipment_id, status, location_id, size, recipient, created, delivery_due,"
                " pickup_due FROM reservations").fetchall()
        except sqlite3.Error:
            return []
        finally:
            connection.close()
        return [SnapshotRow(*row) for row in found]

    def read_documents(self) -> tuple[list[str], list[str]]:
        """(reservation JSON texts, location JSON texts), for parsing where the caller chooses."""
        connection = self._connect()
        if connection is None:
            return [], []
        try:
            reservations = [row[0] for row in connection.execute("SELECT doc FROM reservations")]
            locations = [row[0] for row in connection.execute("SELECT doc FROM locations")]
        except sqlite3.Error:
            return [], []
        finally:
            connection.close()
        return reservations, locations

    def read_reservations(self) -> list[models.Reservation]:
        docs, _ = self.read_documents()
        return [models.Reservation.model_validate_json(doc) for doc in docs]

    def read_locations(self) -> list[models.LocationDetail]:
        _, docs = self.read_documents()
        return [models.LocationDetail.model_validate_json(doc) for doc in docs]
