"""Fixtures for the Reservations pane tests, on top of tests/desk/conftest.py (`arun`, `desk_session`).

- `run(coro)`     `arun` with a roomier timeout: a scenario here is several round trips.
- `make_pane`     `make_pane(role) -> ReservationsPane` shown, on a fresh signed-in session; printing
                  goes to PDF files listed in `printed` (no print dialog in tests).
- `api`           `api(role) -> LokClient`, opened, to arrange server state the way another desk would.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from lok_desk.api import Credentials, LokClient
from lok_desk.desk.kit.printing import pdf_printer
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer

T = TypeVar("T")


@pytest.fixture
def run(arun: Callable[..., Any]) -> Callable[[Coroutine[Any, Any, T]], T]:
    def run_scenario(coro: Coroutine[Any, Any, T]) -> T:
        result: T = arun(coro, timeout=90.0)
        return result

    return run_scenario


@pytest.fixture
def printed() -> list[Path]:
    """PDF files the pane "printed", in order."""
    return []


@pytest.fixture
def make_pane(
    qtbot: Any, desk_session: Callable[..., QtSession], tmp_path: Path, printed: list[Path]
) -> Callable[[str], ReservationsPane]:
    async def choose_printer(_parent: QWidget) -> QPrinter | None:
        path = tmp_path / f"printout-{len(printed) + 1}.pdf"
        printed.append(path)
        return pdf_printer(str(path))

    def make(role: str) -> ReservationsPane:
        session = desk_session(role)
        session.has_window = True  # errors go to the error_raised signal, not to message boxes
        pane = ReservationsPane(session, choose_printer=choose_printer)
        qtbot.addWidget(pane)
        pane.resize(1400, 800)
        pane.show()
        return pane

    return make


@pytest.fixture
def api(sandbox: SandboxServer, arun: Callable[..., Any]) -> Iterator[Callable[[str], LokClient]]:
    clients: list[LokClient] = []

    def make(role: str = "owner") -> LokClient:
        client_id, secret = DEMO_CLIENTS[role]
        credentials = Credentials(client_id=client_id, client_secret=secret)
        client = LokClient(sandbox.api_url, credentials=credentials)
        arun(client.__aenter__())
        clients.append(client)
        return client

    yield make
    for client in clients:
        arun(client.__aexit__(None, None, None))
