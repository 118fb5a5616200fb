"""A create that Lok carried out but whose reply never arrived must not be made twice.

The sandbox's `drop` fault closes the connection before the route runs, so it cannot stage this
case. Here a small loopback relay sits between the real client and the real sandbox: it forwards
the request, lets the sandbox answer in full, then cuts the client's connection without a byte —
what a network failure on the way back looks like. Nothing about Lok is imitated.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from lok_desk.api import models
from lok_desk.sandbox import SandboxServer

from .conftest import FIRST_LOCATION, Clients, reservation_request, shipment_id


def _content_length(head: bytes) -> int:
    match = re.search(rb"\r\ncontent-length:\s*(\d+)", head, re.IGNORECASE)
    return int(match.group(1)) if match else 0


@dataclass
class LosingRelay:
    """HTTP/1.1 relay to the sandbox that swallows the answers to matching requests `times` times."""

    upstream: SandboxServer
    method: str
    path: str  # regex on the request path
    times: int = 1
    forwarded: list[tuple[str, str, int]] = field(default_factory=list)  # method, path, sandbox status
    swallowed: list[tuple[str, str, int]] = field(default_factory=list)
    server: asyncio.Server | None = None
    connections: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def api_url(self) -> str:
        assert self.server is not None
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/api/v2"

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.connections.add(task)
        up_reader, up_writer = await asyncio.open_connection(self.upstream.host, self.upstream.port)
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return  # the client closed its connection
                body = await reader.readexactly(_content_length(head))
                method, target = head.split(b" ", 2)[:2]
                path = target.decode().split("?", 1)[0]
                up_writer.write(head + body)
                await up_writer.drain()
                answer_head = await up_reader.readuntil(b"\r\n\r\n")
                answer = answer_head + await up_reader.readexactly(_content_length(answer_head))
                status = int(answer_head.split(b" ", 2)[1])
                seen = (method.decode(), path, status)
                self.forwarded.append(seen)
                if self.times > 0 and seen[0] == self.method and re.search(self.path, path):
                    self.times -= 1
                    self.swallowed.append(seen)
                    writer.transport.abort()  # the sandbox did the work; the answer is lost
                    return
                writer.write(answer)
                await writer.drain()
        finally:
            up_writer.close()
            with contextlib.suppress(ConnectionError):
                await up_writer.wait_closed()
            writer.close()


@pytest.fixture
async def relay_factory(sandbox: SandboxServer) -> AsyncIterator[list[LosingRelay]]:
    relays: list[LosingRelay] = []
    yield relays
    for relay in relays:
        if relay.server is not None:
            relay.server.close()
            await relay.server.wait_closed()
        # Kept-alive client connections: end them here rather than leave tasks to a closed loop.
        for task in relay.connections:
            task.cancel()
        await asyncio.gather(*relay.connections, return_exceptions=True)


async def start_relay(relays: list[LosingRelay], relay: LosingRelay) -> LosingRelay:
    relay.server = await asyncio.start_server(relay._relay, "127.0.0.1", 0)
    relays.append(relay)
    return relay


async def test_create_whose_reply_was_lost_is_found_not_repeated(
    lok: Clients, sandbox: SandboxServer, relay_factory: list[LosingRelay]
) -> None:
    relay = await start_relay(
        relay_factory, LosingRelay(sandbox, "POST", r"/api/v2/locations/[^/]+/reservations$")
    )
    client = await lok("owner", base_url=relay.api_url)
    request = reservation_request("l")

    created = await client.create_reservation(FIRST_LOCATION, request)

    assert [s for _m, _p, s in relay.swallowed] == [201]  # Lok did create it the first time
    posts = [f for f in relay.forwarded if f[0] == "POST" and f[1].endswith("/reservations")]
    assert len(posts) == 1  # …and the client never posted again
    assert created.reservation.shipment_id == request.shipment_id
    assert created.tokens.token("delivery") and created.confirmation_code

    direct = await lok("owner")  # straight to the sandbox, no relay
    same = await direct.list_reservations(
        models.ReservationFilters(shipment_id=request.shipment_id, only_active=False)
    )
    assert same.total == 1 and [r.id for r in same.reservations] == [created.reservation.id]
    assert created.reservation.id is not None
    fetched = await direct.get_reservation(created.reservation.id)
    assert fetched.tokens.token("pickup") == created.tokens.token("pickup")


async def test_pre_reservation_whose_reply_was_lost_is_found_not_repeated(
    lok: Clients, sandbox: SandboxServer, relay_factory: list[LosingRelay]
) -> None:
    relay = await start_relay(
        relay_factory, LosingRelay(sandbox, "POST", r"/api/v2/locations/[^/]+/pre_reservation$")
    )
    client = await lok("owner", base_url=relay.api_url)
    search = models.AvailabilitySearch(
        coords=models.SearchCoords(longitude=-99.2036, latitude=19.4397), max_distance=1000, limit=1
    )
    grant = (await client.search_available_locations(search)).grant
    assert grant
    request = models.PreReservationRequest(size="s", shipment_id=shipment_id("pre"))

    created = await client.create_pre_reservation(FIRST_LOCATION, grant, request)

    assert [s for _m, _p, s in relay.swallowed] == [201]
    assert len([f for f in relay.forwarded if f[1].endswith("/pre_reservation")]) == 1
    assert created.reservation.current_status == models.EventStatus.PENDING
    listed = await client.list_pre_reservations(
        models.ReservationFilters(shipment_id=request.shipment_id, only_active=False)
    )
    assert [r.id for r in listed.reservations] == [created.reservation.id]
