"""Clients, access tokens and the scope matrix (docs/decisions.md, Who may do what)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from fastapi import Request

from lok_desk.sandbox.clock import iso
from lok_desk.sandbox.errors import (
    LokHTTPError,
    forbidden_location,
    insufficient_scope,
    invalid_token,
    not_found,
)
from lok_desk.sandbox.state import SandboxState


@dataclass(frozen=True)
class User:
    """The user behind an access token (one Lok client = one user)."""

    id: str
    client_id: str
    name: str
    email: str
    scope: str
    company_id: str
    company_name: str
    location_id: str | None
    created_at: str
    updated_at: str

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "email": self.email,
            "company": {"id": self.company_id, "name": self.company_name},
            "scope": self.scope,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
        if self.location_id is not None:
            body["location"] = self.location_id
        return body


class Capability(Enum):
    """Rows of the scope matrix (docs/decisions.md, Who may do what); the value is (scopes allowed,
    what a refusal says)."""

    WRITE_RESERVATIONS = (frozenset({"owner", "seller", "employee"}), "create, change or cancel reservations")
    PRE_RESERVE = (frozenset({"owner", "seller"}), "search lockers or make pre-reservations")
    SETTINGS_READ = (frozenset({"admin", "owner", "seller", "reporter"}), "read company settings")
    SETTINGS_WRITE = (frozenset({"owner", "seller"}), "change company settings")
    DIRECTORY_WRITE = (frozenset({"owner", "seller"}), "change directories")
    LOGS = (frozenset({"admin", "owner", "seller", "reporter"}), "read action logs or reports")

    def check(self, user: User) -> None:
        scopes, action = self.value
        if user.scope not in scopes:
            raise insufficient_scope(user.scope, action)


_Handler = TypeVar("_Handler", bound=Callable[..., Any])


def needs(capability: Capability) -> Callable[[_Handler], _Handler]:
    """Marks a route handler with the capability it checks, so a request with an invalid body is
    refused for its scope (or token) first, like a valid one: see app._on_validation_error."""

    def mark(handler: _Handler) -> _Handler:
        handler.lok_capability = capability  # type: ignore[attr-defined]
        return handler

    return mark


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def client_row(conn: sqlite3.Connection, client_id: str, client_secret: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM clients WHERE client_id = ?", (client_id,)
    ).fetchone()
    if row is None:
        # Compare anyway so an unknown id and a wrong secret take the same time.
        hmac.compare_digest(sha256(client_secret), sha256("unknown"))
        return None
    if not hmac.compare_digest(sha256(client_secret), str(row["secret_sha256"])):
        return None
    return row


def issue_token(state: SandboxState, client_id: str) -> tuple[str, int]:
    token = secrets.token_urlsafe(32)
    now = state.clock.now_ms()
    expires = now + state.settings.token_lifetime * 1000
    state.store.conn.execute(
        "INSERT INTO access_tokens (token_sha256, client_id, issued_ms, expires_ms) VALUES (?, ?, ?, ?)",
        (sha256(token), client_id, now, expires),
    )
    return token, expires


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise LokHTTPError(
            401, "INVALID_TOKEN", "Send an access token: Authorization: Bearer <token>", {"source": "headers"}
        )
    return token.strip()


def user_for_token(state: SandboxState, token: str) -> tuple[User, int]:
    """The user and token expiry (ms); 401 INVALID_TOKEN if expired, revoked or unknown."""
    row = state.store.conn.execute(
        "SELECT t.expires_ms, t.revoked, c.*, co.name AS company_name FROM access_tokens t "
        "JOIN clients c ON c.client_id = t.client_id JOIN companies co ON co.id = c.company_id "
        "WHERE t.token_sha256 = ?",
        (sha256(token),),
    ).fetchone()
    if row is None or row["revoked"]:
        raise invalid_token()
    if int(row["expires_ms"]) <= state.clock.now_ms():
        raise invalid_token("The access token has expired")
    return user_from_row(row), int(row["expires_ms"])


def user_from_row(row: sqlite3.Row) -> User:
    return User(
        id=str(row["user_id"]),
        client_id=str(row["client_id"]),
        name=str(row["name"]),
        email=str(row["email"]),
        scope=str(row["scope"]),
        company_id=str(row["company_id"]),
        company_name=str(row["company_name"]),
        location_id=None if row["location_id"] is None else str(row["location_id"]),
        created_at=str(row["created_at"]),
        updated_at=str(row["updated_at"]),
    )


def access_token_body(token: str, expires_ms: int, scope: str) -> dict[str, object]:
    return {
        "status_code": 200,
        "access_token": token,
        "access_token_expires_at": iso(expires_ms),
        "scope": scope,
    }


# -- location and reservation reach ---------------------------------------------------------------


def may_read_location(user: User, location: sqlite3.Row) -> bool:
    if user.scope == "admin":
        return True
    if location["company_id"] == user.company_id:
        return user.scope != "employee" or location["id"] == user.location_id
    return user.scope == "seller" and bool(location["is_public"])


def may_operate_location(user: User, location: sqlite3.Row) -> bool:
    """Create/cancel/update at this location (the capability itself is checked separately)."""
    if user.scope == "admin" or user.scope == "reporter":
        return False
    return may_read_location(user, location)


def may_see_codes(user: User, company_id: str, location_id: str) -> bool:
    """Box-opening codes (tokens, their QR images, the confirmation code) only for who may act on
    the reservation: owner and seller of its company, the employee of its location."""
    if company_id != user.company_id:
        return False
    if user.scope in ("owner", "seller"):
        return True
    return user.scope == "employee" and location_id == user.location_id


def may_see_webhook_secret(user: User) -> bool:
    """The webhook secret signs the company's events: only owner and seller, who set the webhook."""
    return user.scope in ("owner", "seller")


def load_location(state: SandboxState, user: User, location_id: str, *, operate: bool) -> sqlite3.Row:
    """The location row, or 404 when unknown, 403 FORBIDDEN_LOCATION when out of the user's reach."""
    row: sqlite3.Row | None = state.store.conn.execute(
        "SELECT * FROM locations WHERE id = ?", (location_id,)
    ).fetchone()
    if row is None:
        raise not_found("Location", location_id)
    allowed = may_operate_location(user, row) if operate else may_read_location(user, row)
    if not allowed:
        raise forbidden_location(location_id)
    return row


def load_reservation_row(
    state: SandboxState, user: User, reservation_id: str, *, operate: bool
) -> sqlite3.Row:
    """Another company's reservation answers 404 (its existence is not revealed); an employee's
    reservation at another location of the same company answers 403 FORBIDDEN_LOCATION."""
    row: sqlite3.Row | None = state.store.conn.execute(
        "SELECT * FROM reservations WHERE id = ?", (reservation_id,)
    ).fetchone()
    if row is None:
        raise not_found("Reservation", reservation_id)
    if user.scope == "admin" and not operate:
        return row
    if row["company_id"] != user.company_id:
        raise not_found("Reservation", reservation_id)
    if user.scope == "employee" and row["location_id"] != user.location_id:
        raise forbidden_location(str(row["location_id"]))
    return row
