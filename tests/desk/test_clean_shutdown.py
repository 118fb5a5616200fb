"""Quitting the desk mid-sync, as a person or a logout does, under the app's own asyncio.Runner: no
task outlives the loop, nothing prints a traceback (the live-sync benchmark once ended with
"Background task failed … no running event loop" from the detail and free-box refreshes)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lok_desk.sandbox import SandboxServer
from tests.packaging.conftest import isolated_env

# The real entry point (lok_desk.app.main: the embedded sandbox, qasync under asyncio.Runner) with
# quick sync rounds; SIGTERM arrives while a sync request is in flight, with a detail shown and the
# free boxes on screen. Afterwards Qt keeps processing events for a while, as a QApplication that
# outlives its loop does (a test runner, a benchmark): a leftover task or timer would run then.
QUIT_MID_SYNC = textwrap.dedent("""
    import os, signal, sys, time
    from PySide6.QtWidgets import QApplication

    from lok_desk import app
    from lok_desk.core.session import DeskSession
    from lok_desk.core.sync import SyncEngine, SyncSettings
    from lok_desk.desk.locations.free_boxes import FreeBoxesPane
    from lok_desk.desk.window.main_window import MainWindow

    DeskSession.sync_settings = SyncSettings(active_interval_s=0.2, idle_interval_s=0.2,
                                             max_backoff_s=1.0, full_check_interval_s=0.4)
    asked = 0
    ask = SyncEngine._ask

    def window():
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

    async def asking(self, awaitable):
        global asked
        asked += 1
        if asked == 3:   # a detail being re-read and the free boxes refreshing
            desk = window()
            model = desk.reservations.model
            desk.reservations.select_row(model.row_at(0).id)
            free = desk.pane_of(FreeBoxesPane)
            desk.tabs.setCurrentWidget(free)
            free.refresh_button.click()
        if asked == 8:
            print("quitting mid-sync", flush=True)
            os.kill(os.getpid(), signal.SIGTERM)
        return await ask(self, awaitable)

    SyncEngine._ask = asking
    code = app.main(["--sandbox", "--demo-role", "owner"])
    qt = QApplication.instance()
    until = time.monotonic() + 2
    while time.monotonic() < until:
        qt.processEvents()
        time.sleep(0.01)
    print("exit", code, flush=True)
""")


# A window and session without the shell, as the live-sync benchmark drives them: the teardown ends
# them with close_desk while a sync round, a detail re-read and a free-box refresh are in flight.
CLOSE_MID_SYNC = textwrap.dedent("""
    import asyncio, sys, time
    import qasync
    from PySide6.QtWidgets import QApplication

    from lok_desk.api import Credentials
    from lok_desk.core.session import DeskSession
    from lok_desk.core.sync import SyncEngine, SyncSettings
    from lok_desk.desk.locations.free_boxes import FreeBoxesPane
    from lok_desk.desk.qt_session import SANDBOX, open_session
    from lok_desk.desk.window.main_window import MainWindow
    from lok_desk.desk.window.shell import close_desk
    from lok_desk.sandbox import DEMO_CLIENTS

    DeskSession.sync_settings = SyncSettings(active_interval_s=0.2, idle_interval_s=0.2,
                                             max_backoff_s=1.0, full_check_interval_s=0.4)
    in_flight = asyncio.Event()
    ask = SyncEngine._ask

    async def asking(self, awaitable):
        in_flight.set()
        return await ask(self, awaitable)

    SyncEngine._ask = asking

    async def until(condition):
        while not condition():
            await asyncio.sleep(0.02)

    async def live():
        session = await open_session(base_url=sys.argv[1], token_cache=None, environment=SANDBOX,
                                     credentials=Credentials(*DEMO_CLIENTS["owner"]))
        window = MainWindow(session)
        window.show()
        try:
            await until(lambda: window.is_ready and not window.reservations.loading)
            window.reservations.select_row(window.reservations.model.row_at(0).id)
            free = window.pane_of(FreeBoxesPane)
            window.tabs.setCurrentWidget(free)
            free.refresh_button.click()
            in_flight.clear()
            await in_flight.wait()
            print("closing mid-sync", flush=True)
        finally:
            await close_desk(window, session)

    app = QApplication.instance() or QApplication([])
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(live())
    until = time.monotonic() + 2
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)
    print("exit 0", flush=True)
""")


def _env(home: Path) -> dict[str, str]:
    env = isolated_env(home)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])   # this checkout's code, not the installed
    return env


@pytest.mark.slow
def test_closing_a_window_mid_sync_leaves_no_task_and_no_traceback(tmp_path: Path,
                                                                    sandbox: SandboxServer) -> None:
    done = subprocess.run([sys.executable, "-c", CLOSE_MID_SYNC, sandbox.api_url],
                          env=_env(tmp_path / "home"), cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, check=False)

    assert "closing mid-sync" in done.stdout, done.stdout + done.stderr
    assert "exit 0" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "was destroyed but it is pending" not in done.stderr, done.stderr


@pytest.mark.slow
def test_quitting_mid_sync_leaves_no_task_and_no_traceback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = subprocess.run([sys.executable, "-c", QUIT_MID_SYNC], env=_env(home), cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, check=False)
    log_file = home / "lok-desk" / "log" / "lok-desk.log"
    log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""

    assert "quitting mid-sync" in done.stdout, done.stdout + done.stderr
    assert "exit 0" in done.stdout, done.stdout + done.stderr
    assert "Lok Desk stopped" in log, log
    for said in (done.stderr, log):
        assert "Traceback" not in said, said
        assert "Background task failed" not in said, said
        assert "was destroyed but it is pending" not in said, said
        assert " ERROR " not in said, said
