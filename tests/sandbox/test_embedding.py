"""The embedding surface the desk and every test rely on: start, URLs, restart on the same port."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.sandbox.conftest import Session

# The qasync test makes a QApplication: no display here, and qasync must pick PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


def test_demo_clients_are_the_documented_five() -> None:
    assert set(DEMO_CLIENTS) == {"owner", "employee", "reporter", "seller", "admin"}
    assert DEMO_CLIENTS["owner"] == ("demo-owner", "demo-owner-secret")


def test_urls_and_openapi(sandbox: SandboxServer) -> None:
    assert sandbox.base_url.startswith("http://127.0.0.1:")
    assert sandbox.api_url == sandbox.base_url + "/api/v2"
    spec = httpx.get(sandbox.base_url + "/openapi.json").json()
    assert "/api/v2/locations/{location_id}/reservations" in spec["paths"]


def test_stop_then_start_reuses_port_and_keeps_data(sandbox: SandboxServer) -> None:
    session = Session(sandbox, *DEMO_CLIENTS["owner"])
    created = session.post("/locations/loc-cdmx-antara/reservations", json={"size": "s"}).json()
    port = sandbox.port
    sandbox.stop()
    try:
        httpx.get(sandbox.base_url + "/sandbox/clock", timeout=2)
        raise AssertionError("server still answering after stop()")
    except httpx.TransportError:
        pass
    sandbox.start()
    assert sandbox.port == port
    again = session.get(f"/reservations/{created['reservation']['id']}")
    assert again.status_code == 200
    session.close()


def test_factory_and_context_manager(sandbox_factory, demo_clients) -> None:  # type: ignore[no-untyped-def]
    first = sandbox_factory(token_lifetime=60)
    with SandboxServer() as second:
        assert first.port != second.port
        for server in (first, second):
            assert httpx.get(server.base_url + "/sandbox/clock").status_code == 200
    assert demo_clients == DEMO_CLIENTS


class _GuiOnlyLoopPolicy(asyncio.DefaultEventLoopPolicy):
    """Stands in for qasync's policy: its loops belong to the GUI thread, never to a server thread."""

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        raise RuntimeError("this policy only makes the GUI thread's loop")


def test_starts_under_a_foreign_event_loop_policy() -> None:
    previous = asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(_GuiOnlyLoopPolicy())
    try:
        with SandboxServer() as server:
            assert httpx.get(server.base_url + "/sandbox/clock").status_code == 200
            session = Session(server, *DEMO_CLIENTS["owner"])
            assert session.get("/oauth/user").status_code == 200
            session.close()
    finally:
        asyncio.set_event_loop_policy(previous)


def test_starts_under_qasyncs_policy(qapp: Any) -> None:
    qasync = pytest.importorskip("qasync")
    previous = asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(qasync.DefaultQEventLoopPolicy())
    try:
        with SandboxServer() as server:
            assert httpx.get(server.base_url + "/sandbox/clock").status_code == 200
    finally:
        asyncio.set_event_loop_policy(previous)
