"""Fixtures for the production-variant tests: a `ProductionServer` per test and clients signed in to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from lok_desk.api import Credentials, LokClient, RetryPolicy, tolerance

from .server import CLIENTS, ProductionLok, ProductionServer, Variant


@dataclass
class Waits:
    """A RetryPolicy sleep that records the delays asked for and only yields to the loop."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture
def production() -> Iterator[ProductionServer]:
    """A production-variant Lok following the contract until the test changes `server.lok.variant`."""
    server = ProductionServer(ProductionLok()).start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def second_production() -> Iterator[ProductionServer]:
    """Another server on another port: another origin, for cross-origin redirects."""
    server = ProductionServer(ProductionLok()).start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def waits() -> Waits:
    return Waits()


class Clients:
    def __init__(self, server: ProductionServer, waits: Waits) -> None:
        self.server = server
        self.waits = waits
        self._open: list[LokClient] = []

    async def __call__(
        self, client_id: str = "prod-owner", *, secret: str | None = None, **options: Any
    ) -> LokClient:
        options.setdefault("retry", RetryPolicy(attempts=3, sleep=self.waits))
        options.setdefault("oddities", tolerance.OddityLog())
        client = LokClient(
            self.server.api_url,
            credentials=Credentials(client_id, CLIENTS[client_id][0] if secret is None else secret),
            **options,
        )
        await client.open()
        self._open.append(client)
        return client

    async def close(self) -> None:
        for client in self._open:
            await client.aclose()


@pytest.fixture
async def connect(production: ProductionServer, waits: Waits) -> AsyncIterator[Clients]:
    clients = Clients(production, waits)
    try:
        yield clients
    finally:
        await clients.close()


def use(server: ProductionServer, **changes: Any) -> Variant:
    """Switch the server to a variant (fields of `Variant`) for the rest of the test."""
    server.lok.variant = Variant(**changes)
    return server.lok.variant
