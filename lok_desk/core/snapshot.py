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

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from lok_desk.api import models
from lok_desk.paths import make_private_dir, set_aside

T = TypeVar("T")
log = logging.getLogger(__name__)

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
        self._damage: str | None = None

    def __repr__(self) -> str:
        return f"Snapshot({self.path.name})"

    # ---- writing --------------------------------------------------------------------------------
    def save(self, reservations: Iterable[models.Reservation], locations: Iterable[models.LocationDetail],
             *, saved_at: datetime | None = None, user: models.User | None = None) -> int:
        """Replace the snapshot (written to a new 0600 file, then moved into place). Returns rows kept.

        Something else in the file's place (a directory, a folder that is a file) is set aside first;
        a write that fails removes its temporary file, which holds recipients' data, before raising.
        """
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            self._set_aside(folder, "the snapshots folder was not a folder")
        make_private_dir(folder.parent)  # the cache directory: 0700, not the umask's 0755
        make_private_dir(folder)
        if self.path.is_dir():
            self._set_aside(self.path, "a folder stood where the saved list goes")
        with_tmp = self.path.with_suffix(".tmp")
        if with_tmp.is_dir():
            self._set_aside(with_tmp, "a folder stood where the saved list is written")
        with_tmp.unlink(missing_ok=True)
        try:
            count = self._write(with_tmp, reservations, locations, saved_at, user)
            os.chmod(with_tmp, 0o600)
            os.replace(with_tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                with_tmp.unlink(missing_ok=True)
            raise
        return count

    def _write(self, with_tmp: Path, reservations: Iterable[models.Reservation],
               locations: Iterable[models.LocationDetail], saved_at: datetime | None,
               user: models.User | None = None) -> int:
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
            meta = [("schema", str(SCHEMA_VERSION)), ("saved_at", when)]
            if user is not None:   # who signed in: an offline start opens the window as them
                meta.append(("user", json.dumps(_clean(user.model_dump(mode="json", by_alias=True,
                                                                       exclude_none=True)))))
            connection.executemany("INSERT INTO meta VALUES (?, ?)", meta)
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
        return count

    def delete(self) -> None:
        """Sign-out: the file holds recipients' names and contacts."""
        for path in (self.path, self.path.with_suffix(".tmp")):
            path.unlink(missing_ok=True)

    # ---- damage ---------------------------------------------------------------------------------
    def _set_aside(self, path: Path, why: str) -> None:
        """Move a damaged snapshot (or what squats on its name) aside, owner-only, and remember to say
        so once (`take_damage_notice`): it may hold recipients' data, so it is kept, not deleted."""
        kept = set_aside(path)
        where = f"set aside as {kept}" if kept is not None else "could not be moved"
        log.warning("The saved list %s could not be used (%s); %s. Starting without it.", path, why, where)
        if kept is None and path.is_file():
            with contextlib.suppress(OSError):
                path.unlink()
        self._damage = kept.name if kept is not None else path.name

    def take_damage_notice(self) -> str | None:
        """The name a damaged snapshot was set aside under, once (then None): for the desk to say it."""
        notice, self._damage = self._damage, None
        return notice

    # ---- reading --------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        folder = self.path.parent
        try:
            if folder.exists() and not folder.is_dir():
                self._set_aside(folder, "the snapshots folder is not a folder")
                return None
            if not self.path.exists():
                return None
        except OSError as error:  # the snapshots folder cannot be read
            self._set_aside(folder, f"its folder cannot be read: {type(error).__name__}")
            return None
        if not self.path.is_file():
            self._set_aside(self.path, "it is not a file")
            return None
        try:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.Error as error:
            self._set_aside(self.path, f"not a snapshot database: {error}")
            return None
        if version is None or version[0] != str(SCHEMA_VERSION):
            connection.close()
            self._set_aside(self.path, "written by another version of Lok Desk")
            return None
        return connection

    def _read(self, read: Callable[[sqlite3.Connection], T], empty: T) -> T:
        """`read(connection)`, or `empty` when there is no snapshot or it is damaged (then set aside)."""
        connection = self._connect()
        if connection is None:
            return empty
        try:
            return read(connection)
        except (sqlite3.Error, ValueError, TypeError) as error:
            connection.close()
            connection = None
            self._set_aside(self.path, f"{type(error).__name__}: {error}")
            return empty
        finally:
            if connection is not None:
                connection.close()

    def saved_at(self) -> datetime | None:
        def read(connection: sqlite3.Connection) -> datetime | None:
            row = connection.execute("SELECT value FROM meta WHERE key = 'saved_at'").fetchone()
            if row is None:
                return None
            when = datetime.fromisoformat(row[0])  # ValueError, TypeError: damaged
            if when.tzinfo is None:
                raise ValueError("saved_at without a time zone")
            return when
        return self._read(read, None)

    def read_user(self) -> models.User | None:
        """The person the list was saved for (None when the file predates keeping it, or is damaged)."""
        def read(connection: sqlite3.Connection) -> models.User | None:
            row = connection.execute("SELECT value FROM meta WHERE key = 'user'").fetchone()
            return None if row is None else models.User.model_validate_json(row[0])
        return self._read(read, None)

    def read_rows(self) -> list[SnapshotRow]:
        """The table's values for every kept reservation (no pydantic: the fast path at start)."""
        def read(connection: sqlite3.Connection) -> list[SnapshotRow]:
            found = connection.execute(
                "SELECT id, shipment_id, status, location_id, size, recipient, created, delivery_due,"
                " pickup_due FROM reservations").fetchall()
            for row in found:
                # What this module wrote: six texts, three numbers or NULL. Anything else is damage.
                if not all(isinstance(value, str) for value in row[:6]) or not all(
                        value is None or isinstance(value, int | float) for value in row[6:]):
                    raise ValueError("a row with values of the wrong type")
            return [SnapshotRow(*row) for row in found]
        return self._read(read, [])

    def read_documents(self) -> tuple[list[str], list[str]]:
        """(reservation JSON texts, location JSON texts), for parsing where the caller chooses."""
        def read(connection: sqlite3.Connection) -> tuple[list[str], list[str]]:
            reservations = [row[0] for row in connection.execute("SELECT doc FROM reservations")]
            locations = [row[0] for row in connection.execute("SELECT doc FROM locations")]
            if not all(isinstance(doc, str) for doc in (*reservations, *locations)):
                raise ValueError("a record that is not JSON text")
            return reservations, locations
        nothing: tuple[list[str], list[str]] = ([], [])
        return self._read(read, nothing)

    def read_reservations(self) -> list[models.Reservation]:
        docs, _ = self.read_documents()
        return [models.Reservation.model_validate_json(doc) for doc in docs]

    def read_locations(self) -> list[models.LocationDetail]:
        _, docs = self.read_documents()
        return [models.LocationDetail.model_validate_json(doc) for doc in docs]
