"""Desk test fixtures: a qasync loop on the test QApplication, and the desk signed in to a real sandbox.

Usable from tests/desk/reservations/ too (pytest conftest inheritance). Fixtures:

- `qloop`          the qasync event loop, marked running on `qapp`, so tasks advance whenever Qt
                   processes events (inside `qtbot.waitUntil`, `qtbot.waitSignal`...). Tests stay
                   plain `def` functions (not `async def`).
- `arun`           `arun(coro, timeout=20.0) -> result`: run a coroutine to completion on `qloop`,
                   waiting with `qtbot.waitUntil` (no sleeps); re-raises its exception.
- `desk_paths`     an `AppPaths` in a temp dir (LOK_DESK_HOME is set to it for the test).
- `memory_secrets` a `SecretStore` on an in-memory keyring (tests never touch the real keyring).
- `desk_session`   `desk_session(role="owner") -> QtSession` signed in to the `sandbox` fixture, closed
                   at teardown.
- `start_shell`    `start_shell(**ShellOptions fields) -> RunningShell`: the real start-up flow
                   (`DeskShell.run()`) as a task on `sandbox`; `.shell`, `.task`, `.dialog()`,
                   `.window()`, `.exit_code()`; quit at teardown.
- `signed_in_window` `signed_in_window(role="owner") -> MainWindow`: through `start_shell` with
                   `demo_role`, shown and with its first reservation page loaded.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtCore import QCoreApplication, QEvent

from lok_desk.api import SecretStore
from lok_desk.desk.qt_session import SANDBOX, QtSession, open_session
from lok_desk.desk.window.main_window import MainWindow
from lok_desk.desk.window.shell import DeskShell, ShellOptions
from lok_desk.desk.window.signin import SignInDialog
from lok_desk.paths import AppPaths

T = TypeVar("T")


class MemoryKeyring:
    """A keyring backend in a dict."""

    def __init__(self) -> None:
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(scope="session")
def _session_qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    # One qasync loop for the whole session: a loop made and dropped per test leaves Qt timers aimed
    # at its deleted timer object, and a later test crashes in QTimerInfoList::activateTimers.
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)   # marked running only inside desk tests (see qloop)
    yield loop
    # asyncio.to_thread runs on qasync's QThreadExecutor; its threads must end before the QApplication
    # does, or Qt aborts the process at exit ("QThread: Destroyed while thread is still running").
    # The loop is marked as already running, so close() refuses; shut the executor down directly.
    executor = getattr(loop, "_QEventLoop__default_executor", None)
    if executor is not None:
        executor.shutdown(wait=True)


@pytest.fixture
def qloop(_session_qloop: asyncio.AbstractEventLoop, qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    loop = _session_qloop
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        # Let what the test left running unwind before the next test (and before widgets go away).
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        deadline = loop.time() + 5
        while any(not task.done() for task in pending) and loop.time() < deadline:
            qapp.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()
        # Other test folders use pytest-asyncio's own loops: this one must not look "running" to them.
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)


@pytest.fixture
def arun(qloop: asyncio.AbstractEventLoop, qtbot: Any) -> Callable[..., Any]:
    def run(coro: Coroutine[Any, Any, T], timeout: float = 20.0) -> T:
        task = asyncio.ensure_future(coro, loop=qloop)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return run


@pytest.fixture
def desk_paths(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("LOK_DESK_HOME", str(tmp_path / "home"))
    return AppPaths.default()


@pytest.fixture
def memory_secrets() -> SecretStore:
    return SecretStore(backend=MemoryKeyring())


@pytest.fixture
def desk_session(sandbox: Any, demo_clients: dict[str, tuple[str, str]], desk_paths: AppPaths,
                 arun: Callable[..., Any]) -> Iterator[Callable[..., QtSession]]:
    from lok_desk.api import Credentials, TokenCache

    opened: list[QtSession] = []

    def make(role: str = "owner") -> QtSession:
        client_id, secret = demo_clients[role]
        session: QtSession = arun(open_session(
            base_url=sandbox.api_url,
            credentials=Credentials(client_id, secret),
            token_cache=TokenCache(desk_paths.token_cache_file),
            environment=SANDBOX,
            sandbox=sandbox,
        ))
        opened.append(session)
        return session

    yield make
    for session in opened:
        arun(session.aclose())


@dataclass
class RunningShell:
    """The desk's start-up flow running as a task on the test loop."""

    shell: DeskShell
    task: asyncio.Task[int]

    def dialog(self) -> SignInDialog | None:
        dialog = self.shell.dialog
        return dialog if dialog is not None and dialog.isVisible() else None

    def window(self) -> MainWindow | None:
        window = self.shell.window
        return window if window is not None and window.isVisible() else None

    def exit_code(self) -> int:
        return self.task.result()


@pytest.fixture
def start_shell(sandbox: Any, desk_paths: AppPaths, memory_secrets: SecretStore, qloop: Any,
                qtbot: Any) -> Iterator[Callable[..., RunningShell]]:
    running: list[RunningShell] = []

    def start(**options: Any) -> RunningShell:
        shell = DeskShell(paths=desk_paths, options=ShellOptions(**options), secret_store=memory_secrets,
                          sandbox=sandbox)
        task = asyncio.ensure_future(shell.run(), loop=qloop)
        started = RunningShell(shell, task)
        running.append(started)
        return started

    yield start
    for started in running:
        if not started.task.done():
            started.shell.quit_event.set()
            qtbot.waitUntil(started.task.done, timeout=10000)


@pytest.fixture
def signed_in_window(start_shell: Callable[..., RunningShell],
                     qtbot: Any) -> Callable[..., MainWindow]:
    def open_window(role: str = "owner") -> MainWindow:
        running = start_shell(demo_role=role)
        qtbot.waitUntil(lambda: running.window() is not None and running.window().is_ready, timeout=20000)
        window = running.window()
        assert window is not None
        return window

    return open_window
