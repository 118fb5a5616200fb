"""SQLite storage of the sandbox: one connection, WAL, one transaction per request."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "2"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS companies (
    id TEXT PRIMARY KEY, name TEXT NOT NULL,
    operator_email TEXT, administrator_email TEXT
);
CREATE TABLE IF NOT EXISTS clients (
    client_id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, user_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, email TEXT NOT NULL, scope TEXT NOT NULL, company_id TEXT NOT NULL,
    location_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS access_tokens (
    token_sha256 TEXT PRIMARY KEY, client_id TEXT NOT NULL,
    issued_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS locations (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, company_id TEXT NOT NULL, is_public INTEGER NOT NULL,
    internal_name TEXT NOT NULL, zip_code TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS locations_company ON locations (company_id, seq);
CREATE TABLE IF NOT EXISTS boxes (
    uuid TEXT PRIMARY KEY, location_id TEXT NOT NULL, size TEXT NOT NULL, tower TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS boxes_location ON boxes (location_id, size, uuid);
CREATE TABLE IF NOT EXISTS reservations (
    id TEXT PRIMARY KEY, company_id TEXT NOT NULL, location_id TEXT NOT NULL, shipment_id TEXT,
    status TEXT NOT NULL, active INTEGER NOT NULL, is_pre INTEGER NOT NULL, is_confirmed INTEGER NOT NULL,
    has_shipping INTEGER NOT NULL, box_uuid TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, delivery_due_date TEXT, pickup_due_date TEXT,
    expires_ms INTEGER, reminded_ms INTEGER,
    doc TEXT NOT NULL, shipping TEXT NOT NULL, tokens TEXT NOT NULL
);
DROP INDEX IF EXISTS res_company_created;
DROP INDEX IF EXISTS res_company_active_created;
DROP INDEX IF EXISTS res_location_active_created;
DROP INDEX IF EXISTS res_active_created;
CREATE UNIQUE INDEX IF NOT EXISTS res_company_shipment ON reservations (company_id, shipment_id)
    WHERE shipment_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS res_expiry ON reservations (expires_ms) WHERE expires_ms IS NOT NULL;
CREATE INDEX IF NOT EXISTS res_box ON reservations (box_uuid) WHERE active = 1 AND box_uuid IS NOT NULL;
CREATE INDEX IF NOT EXISTS res_waiting ON reservations (status, active) WHERE active = 1;
CREATE TABLE IF NOT EXISTS kiosk_tokens (
    token TEXT PRIMARY KEY, reservation_id TEXT NOT NULL, kind TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS grants (
    grant_sha256 TEXT PRIMARY KEY, company_id TEXT NOT NULL, location_ids TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS directories (
    id TEXT PRIMARY KEY, company_id TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS directories_company ON directories (company_id, created_at);
CREATE TABLE IF NOT EXISTS webhooks (
    company_id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL,
    enabled INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, event TEXT NOT NULL,
    url TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    last_status_code INTEGER, last_error TEXT, next_attempt_ms INTEGER, delivered_ms INTEGER,
    created_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_ms) WHERE status IN ('pending', 'failed');
CREATE TABLE IF NOT EXISTS action_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT, resource TEXT NOT NULL,
    status INTEGER NOT NULL, user_email TEXT, referer TEXT, origin TEXT, timestamp TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS action_logs_company ON action_logs (company_id, id);
CREATE TABLE IF NOT EXISTS shipping_orders (
    id TEXT PRIMARY KEY, company_id TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL
);
"""


def _chmod_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, 0o600)


def make_private(path: Path) -> None:
    """The database holds practice tokens: a directory made for it is 0700 (an existing one is left
    alone), the file 0600 before SQLite opens
    it (the WAL and shared-memory files SQLite makes next to it copy the file's mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(path, 0o600)


# The reservation lists (#7, #8, #18, #24) filter by company, maybe location, maybe `active`, and sort
# by one of four columns with `id` as tie-break: one index per filter shape and sort, ending in
# that tie-break, lets SQLite walk the index in order and skip a deep page's OFFSET in the index
# alone (no temporary B-tree of every matching row). The same index serves both directions.
LIST_SORT_COLUMNS = ("created_at", "updated_at", "delivery_due_date", "pickup_due_date")
_LIST_SHAPES = {
    "company": "company_id",
    "company_active": "company_id, active",
    "location": "company_id, location_id",
    "location_active": "company_id, location_id, active",
    "all": "",
    "all_active": "active",
}
_LIST_INDEXES = "".join(
    f"CREATE INDEX IF NOT EXISTS res_{shape}_{column} ON reservations "
    f"({prefix + ', ' if prefix else ''}{column}, id);\n"
    for shape, prefix in _LIST_SHAPES.items()
    for column in LIST_SORT_COLUMNS
)


class Store:
    """Owns the sandbox's one SQLite connection; the server's event loop is its only user."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            make_private(path)
        target = ":memory:" if path is None else str(path)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per request.
        # check_same_thread=False: SandboxServer may restart its uvicorn thread on the same store.
        self.conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        if path is not None:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # SQLite gives -wal and -shm the database file's mode; an older sandbox's may be wider.
            for suffix in ("-wal", "-shm"):
                _chmod_private(path.with_name(path.name + suffix))
        self.conn.execute("PRAGMA foreign_keys=OFF")
        if self._stored_version() not in (None, SCHEMA_VERSION):
            # A database written by an older sandbox: start over rather than misread it.
            self._drop_all()
        self.conn.executescript(_SCHEMA + _LIST_INDEXES)
        self._depth = 0

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error); nested use joins the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    # -- small helpers -------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def is_seeded(self) -> bool:
        return self.get_meta("seeded") == SCHEMA_VERSION

    def _stored_version(self) -> str | None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else str(row[0])

    def wipe(self) -> None:
        """Drop every table (for --reset), then recreate the empty schema."""
        self._drop_all()
        self.conn.executescript(_SCHEMA + _LIST_INDEXES)

    def _drop_all(self) -> None:
        tables = [
            str(r[0])
            for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for name in tables:
            self.conn.execute(f'DROP TABLE IF EXISTS "{name}"')


def dumps(value: Any) -> str:
    """Compact JSON as stored in documents and sent in bodies."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(text: str) -> Any:
    return json.loads(text)
