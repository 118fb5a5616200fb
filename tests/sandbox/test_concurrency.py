"""The one SQLite connection: used only by the server's event-loop thread, and requests stay isolated."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.sandbox.conftest import FIRST_LOCATION, Session


@pytest.fixture
def traced(sandbox: SandboxServer) -> Iterator[set[str]]:
    """Names of the threads that ran any SQL on the sandbox's connection."""
    threads: set[str] = set()
    sandbox.state.store.conn.set_trace_callback(lambda _sql: threads.add(threading.current_thread().name))
    try:
        yield threads
    finally:
        sandbox.state.store.conn.set_trace_callback(None)


def test_only_the_server_thread_touches_the_connection(sandbox: SandboxServer, traced: set[str]) -> None:
    # FastAPI runs plain `def` dependencies in a worker thread pool: a token lookup there would read
    # the connection while the loop thread sits inside another request's transaction.
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    created = owner.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s"})
    assert created.status_code == 201
    assert owner.get("/oauth/user").status_code == 200
    assert owner.get("/company/reservations", params={"page_size": 5}).status_code == 200
    assert owner.get("/company/locations").status_code == 200
    assert owner.get("/company/directories").status_code == 200
    assert owner.get(f"/reservations/{created.json()['reservation']['id']}").status_code == 200
    owner.close()
    assert traced == {f"lok-sandbox-{sandbox.port}"}


async def test_concurrent_creates_never_share_a_box(sandbox: SandboxServer) -> None:
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    headers = {"Authorization": f"Bearer {owner.token}"}
    location = owner.get(f"/company/locations/{FIRST_LOCATION}").json()["location"]
    free_xl = next(b["total"] - b["occupied"] for b in location["boxes"] if b["size"] == "xl")
    owner.close()
    attempts = free_xl + 6
    async with httpx.AsyncClient(base_url=sandbox.api_url, headers=headers, timeout=20.0) as client:
        answers = await asyncio.gather(
            *(
                client.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "xl"})
                for _ in range(attempts)
            )
        )
    created = [a for a in answers if a.status_code == 201]
    refused = [a for a in answers if a.status_code != 201]
    assert len(created) == free_xl
    assert all(a.status_code == 422 and a.json()["type"] == "NO_CAPACITY" for a in refused)
    boxes = [a.json()["reservation"]["locker"]["uuid"] for a in created]
    assert len(set(boxes)) == len(boxes)
