"""Fixtures for the Reservations pane tests: a qasync loop, signed-in sessions on the sandbox, panes."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported (it prefers PyQt otherwise)

import qasync
import shiboken6
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from lok_desk.api import Credentials, LokClient
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.desk.reservations.printing import pdf_printer
from lok_desk.desk.session import Session, open_session
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer

T = TypeVar("T")
Run = Callable[[Coroutine[Any, Any, T]], T]


@pytest.fixture
def run(qapp: QApplication) -> Iterator[Run[Any]]:
    """`run(coro)`: drive `coro` on a qasync loop (Qt events flow while it awaits).

    A loop factory, not a global policy: the sandbox's own thread must keep getting plain asyncio loops.
    """
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    def run_coro(coro: Coroutine[Any, Any, T]) -> T:
        return loop.run_until_complete(asyncio.wait_for(coro, 120))

    try:
        yield run_coro
    finally:
        # Let spawned tasks (detail fetches, reloads) finish or cancel before the loop closes.
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
        asyncio.set_event_loop(None)
        # qasync's timer object may still own Qt timers (e.g. a cancelled wait_for deadline). If the
        # garbage collector deleted it later, from inside another timer's dispatch, Qt would deliver to a
        # dead object and crash; delete it now, between events, where that is safe.
        timer = getattr(loop, "_timer", None)
        if timer is not None and shiboken6.isValid(timer):
            shiboken6.delete(timer)


@pytest.fixture
def make_session(sandbox: SandboxServer, run: Run[Any]) -> Iterator[Callable[[str], Session]]:
    """`make_session(role)`: a Session signed in as the demo client of that role."""
    sessions: list[Session] = []

    def make(role: str) -> Session:
        client_id, secret = DEMO_CLIENTS[role]
        session = run(
            open_session(
                base_url=sandbox.api_url,
                credentials=Credentials(client_id=client_id, client_secret=secret),
                token_cache=None,
                environment="SANDBOX",
                sandbox=sandbox,
            )
        )
        session.has_window = True  # errors go to the error_raised signal, not to message boxes
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        run(session.aclose())


@pytest.fixture
def printed(tmp_path: Path) -> list[Path]:
    """PDF files the pane "printed" (the printer chooser writes PDFs instead of asking)."""
    return []


@pytest.fixture
def make_pane(
    qtbot: Any, make_session: Callable[[str], Session], tmp_path: Path, printed: list[Path]
) -> Callable[[str], ReservationsPane]:
    """`make_pane(role)`: a shown ReservationsPane on a fresh session; printing goes to PDF files."""

    async def choose_printer(_parent: QWidget) -> QPrinter | None:
        path = tmp_path / f"printout-{len(printed) + 1}.pdf"
        printed.append(path)
        return pdf_printer(str(path))

    def make(role: str) -> ReservationsPane:
        pane = ReservationsPane(make_session(role), choose_printer=choose_printer)
        qtbot.addWidget(pane)
        pane.resize(1400, 800)
        pane.show()
        return pane

    return make


@pytest.fixture
def api(sandbox: SandboxServer, run: Run[Any]) -> Iterator[Callable[[str], LokClient]]:
    """`api(role)`: a plain LokClient (opened) to arrange server state the way another desk would."""
    clients: list[LokClient] = []

    def make(role: str = "owner") -> LokClient:
        client_id, secret = DEMO_CLIENTS[role]
        client = LokClient(
            sandbox.api_url, credentials=Credentials(client_id=client_id, client_secret=secret)
        )
        run(client.__aenter__())
        clients.append(client)
        return client

    yield make
    for client in clients:
        run(client.__aexit__(None, None, None))
