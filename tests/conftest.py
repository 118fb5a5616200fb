"""Shared fixtures: a real Lok sandbox on loopback for every test that needs a server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A fresh in-memory sandbox, started; stopped after the test."""
    server = SandboxServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def sandbox_factory() -> Iterator[Callable[..., SandboxServer]]:
    """`make(**kwargs) -> SandboxServer`, started; every server made is stopped at teardown."""
    made: list[SandboxServer] = []

    def make(**kwargs: Any) -> SandboxServer:
        server = SandboxServer(**kwargs)
        made.append(server)
        server.start()
        return server

    try:
        yield make
    finally:
        for server in reversed(made):
            server.close()


@pytest.fixture
def demo_clients() -> dict[str, tuple[str, str]]:
    return dict(DEMO_CLIENTS)
