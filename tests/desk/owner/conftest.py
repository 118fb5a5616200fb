"""Fixtures for the owner-workspace tests: panes built on a real QtSession against the real sandbox.

Uses tests/desk/conftest.py (`qloop`, `arun`, `desk_session`) and tests/conftest.py (`sandbox`).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QWidget

from lok_desk.api import Credentials, LokClient
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer

T = TypeVar("T")


@pytest.fixture
def show_pane(qtbot: Any) -> Callable[[QWidget], QWidget]:
    """Show a pane as a person would see it (sized like the main window's tab area) and start it."""

    def show(pane: QWidget) -> QWidget:
        qtbot.addWidget(pane)
        pane.resize(1180, 760)
        pane.show()
        qtbot.waitExposed(pane)
        pane.start()  # type: ignore[attr-defined]
        return pane

    return show


@pytest.fixture
def fresh_client(sandbox: SandboxServer, arun: Callable[..., Any]) -> Callable[..., Any]:
    """`fresh_client(role, lambda client: client.method(...))`: one call on a brand-new client, so
    the answer is what the server has, not what the desk remembers."""

    def call(role: str, use: Callable[[LokClient], Coroutine[Any, Any, T]]) -> T:
        async def go() -> T:
            async with LokClient(sandbox.api_url, credentials=Credentials(*DEMO_CLIENTS[role]),
                                 token_cache=None) as client:
                return await use(client)

        result: T = arun(go())
        return result

    return call
