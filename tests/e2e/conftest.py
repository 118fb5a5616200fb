"""Shared pieces of the end-to-end tests: signed-in LokClients per role, a log of the calls they
made (from the client's own on_request hook), and the sandbox-only routes (clock, kiosk, faults)."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from lok_desk.api import (
    ENDPOINTS,
    Credentials,
    LokClient,
    RequestEvent,
    RetryPolicy,
    TokenCache,
    models,
)
from lok_desk.sandbox import DEMO_CLIENTS, OTHER_CLIENTS, SandboxServer

#: Seeded locations (lok_desk/sandbox/seed.py): the employee works at the first one.
FIRST_LOCATION = "loc-cdmx-antara"
SECOND_LOCATION = "loc-tij-plaza-rio"
PUBLIC_LOCATION = "loc-net-coyoacan"
OTHER_COMPANY_LOCATION = "loc-gdl-galerias"

ALL_CLIENTS: dict[str, tuple[str, str]] = {**DEMO_CLIENTS, "other-owner": OTHER_CLIENTS["owner"]}


def _template_pattern(path: str) -> re.Pattern[str]:
    parts = re.split(r"\{[^}]+\}", path)
    return re.compile("[^/]+".join(re.escape(part) for part in parts) + r"\Z")


_ROUTES: list[tuple[int, str, re.Pattern[str]]] = [
    (number, method, _template_pattern(path)) for number, (method, path, _name) in ENDPOINTS.items()
]


def endpoint_of(method: str, path: str) -> int | None:
    """The number of the endpoint a request (method + path below /api/v2) belongs to
    (docs/decisions.md, Endpoint numbers)."""
    for number, route_method, pattern in _ROUTES:
        if route_method == method and pattern.match(path):
            return number
    return None


@dataclass
class CallLog:
    """Every request one LokClient announced through its `on_request` hook."""

    shared: set[int] = field(default_factory=set)
    events: list[RequestEvent] = field(default_factory=list)

    def __call__(self, event: RequestEvent) -> None:
        self.events.append(event)
        if event.phase == "start":
            number = endpoint_of(event.method, event.path)
            if number is not None:
                self.shared.add(number)

    def starts(self, method: str | None = None, path: str | None = None) -> list[RequestEvent]:
        """Requests sent, optionally only those with this method and a path matching `path` (regex)."""
        return [
            e
            for e in self.events
            if e.phase == "start"
            and (method is None or e.method == method)
            and (path is None or re.fullmatch(path, e.path) is not None)
        ]

    def ends(self) -> list[RequestEvent]:
        return [e for e in self.events if e.phase == "end"]

    @property
    def endpoints(self) -> set[int]:
        return {n for e in self.starts() if (n := endpoint_of(e.method, e.path)) is not None}

    def token_requests(self) -> int:
        return len(self.starts("POST", "/oauth/token"))

    def clear(self) -> None:
        self.events.clear()


@dataclass
class Waits:
    """A RetryPolicy sleep that records the delays asked for and only yields to the loop."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


class Clients:
    """Opens signed-in LokClients per demo role against the test's sandbox; closes them at teardown."""

    def __init__(self, server: SandboxServer, covered: set[int]) -> None:
        self.server = server
        self.covered = covered
        self.waits = Waits()
        self._open: list[LokClient] = []
        self._logs: dict[int, CallLog] = {}

    async def __call__(
        self,
        role: str = "owner",
        *,
        server: SandboxServer | None = None,
        base_url: str | None = None,
        secret: str | None = None,
        token_cache: TokenCache | None = None,
        retry: RetryPolicy | None = None,
    ) -> LokClient:
        client_id, real_secret = ALL_CLIENTS[role]
        log = CallLog(shared=self.covered)
        client = LokClient(
            base_url or (server or self.server).api_url,
            credentials=Credentials(client_id, real_secret if secret is None else secret),
            token_cache=token_cache,
            retry=retry or RetryPolicy(attempts=3, sleep=self.waits),
            on_request=log,
        )
        await client.open()
        self._open.append(client)
        self._logs[id(client)] = log
        return client

    def log(self, client: LokClient) -> CallLog:
        return self._logs[id(client)]

    async def close(self) -> None:
        for client in self._open:
            await client.aclose()


@pytest.fixture
def covered() -> set[int]:
    """Endpoint numbers any LokClient of this test actually called."""
    return set()


@pytest.fixture
async def lok(sandbox: SandboxServer, covered: set[int]) -> AsyncIterator[Clients]:
    clients = Clients(sandbox, covered)
    try:
        yield clients
    finally:
        await clients.close()


class SandboxControl:
    """The sandbox-only routes (docs/decisions.md), over plain httpx (they are not part of Lok)."""

    def __init__(self, server: SandboxServer) -> None:
        self.http = httpx.AsyncClient(base_url=server.base_url, timeout=20.0)

    async def now(self) -> datetime:
        response = await self.http.get("/sandbox/clock")
        response.raise_for_status()
        parsed = models.parse_datetime(response.json()["now"])
        assert parsed is not None
        return parsed

    async def advance(self, seconds: float) -> datetime:
        response = await self.http.post("/sandbox/clock", json={"advance_seconds": seconds})
        response.raise_for_status()
        parsed = models.parse_datetime(response.json()["now"])
        assert parsed is not None
        return parsed

    async def kiosk(self, token: str) -> httpx.Response:
        return await self.http.post("/sandbox/kiosk", json={"token": token})

    async def faults(self, *rules: dict[str, Any]) -> None:
        response = await self.http.post("/sandbox/faults", json={"rules": list(rules)})
        response.raise_for_status()

    async def clear_faults(self) -> None:
        (await self.http.delete("/sandbox/faults")).raise_for_status()

    async def deliveries(self) -> list[dict[str, Any]]:
        response = await self.http.get("/sandbox/webhook/deliveries")
        response.raise_for_status()
        return list(response.json()["deliveries"])


@pytest.fixture
async def control(sandbox: SandboxServer) -> AsyncIterator[SandboxControl]:
    ctl = SandboxControl(sandbox)
    try:
        yield ctl
    finally:
        await ctl.http.aclose()


# --- request bodies --------------------------------------------------------------------------


def shipment_id(label: str = "e2e") -> str:
    return f"{label}-{uuid.uuid4().hex[:12]}"


def reservation_request(size: str = "m", **changes: Any) -> models.ReservationRequest:
    body: dict[str, Any] = {
        "size": size,
        "shipment_id": shipment_id(),
        "package_info": {"value": 450.0, "weight": 1.5, "description": "Libros"},
        "additional": {"pedido": "A-1001", "lok_internal": "must be dropped"},
        "contact_info": {"name": "Ana García", "email": "ana@example.test", "phone": "+52 55 1234 5678"},
        "recipient_info": {"name": "Luis Pérez", "email": "luis@example.test"},
        "recipient_notifications_enabled": False,
    }
    body.update(changes)
    return models.ReservationRequest.model_validate(body)


def pickup_origin(zip_code: str = "03100") -> models.PickupAddress:
    return models.PickupAddress(
        street="Insurgentes Sur", number="1602", town="Crédito Constructor", zip_code=zip_code
    )


def pickup_contact() -> models.PickupContact:
    return models.PickupContact(phone="+52 55 9876 5432", name="Bodega Sur")


def soon(days: float = 2) -> datetime:
    return (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0)


def ids_of(reservations: Iterable[models.Reservation]) -> list[str]:
    return [r.id for r in reservations if r.id]


@pytest.fixture
def token_cache(tmp_path: Path) -> TokenCache:
    return TokenCache(tmp_path / "tokens" / "tokens.json")
