"""Small helpers for the Reservations pane tests (awaiting conditions, starting dialog flows)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from lok_desk.desk.kit import asyncqt


async def until(condition: Callable[[], object], timeout: float = 20.0, what: str = "") -> None:
    """Await a condition while Qt and asyncio keep running (never a fixed sleep)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.01)


def spawn_in(owner: QWidget, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    """Start a pane flow that waits on a dialog, so the test can act in the dialog meanwhile."""
    return asyncqt.spawn(coro, owner=owner)


def top_level(kind: type[QWidget]) -> list[QWidget]:
    """Visible top-level widgets of a type (dialogs and message boxes opened with open())."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
