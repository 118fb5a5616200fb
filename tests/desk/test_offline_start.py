"""The desk started while Lok cannot be reached, with a cached token and a saved list: the main window
opens on the saved rows, says it is offline and as of when, `--exit-when-ready` reports ready with the
saved rows and says it is offline, and the desk carries on by itself when the server is back."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from lok_desk.api import RetryPolicy
from tests.desk.conftest import RunningShell


async def _no_wait(_seconds: float) -> None:
    return None


def _save_a_list(start_shell: Callable[..., RunningShell], qtbot: Any) -> int:
    """Sign in once (token cached), let the list load, quit: the saved list is written at the end."""
    running = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: running.window() is not None and running.window().is_ready, timeout=20000)
    window = running.window()
    assert window is not None
    qtbot.waitUntil(lambda: not window.reservations.loading, timeout=20000)
    rows = window.reservations.model.rowCount()
    running.shell.quit_event.set()
    qtbot.waitUntil(running.task.done, timeout=20000)
    return rows


def test_exit_when_ready_while_lok_is_down_reports_the_saved_rows_and_says_offline(
        start_shell: Callable[..., RunningShell], sandbox: Any, qtbot: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    rows = _save_a_list(start_shell, qtbot)
    assert rows > 0
    capsys.readouterr()
    sandbox.stop()
    running = start_shell(demo_role="owner", exit_when_ready=True,
                          client_options={"retry": RetryPolicy(attempts=1, sleep=_no_wait)})
    qtbot.waitUntil(running.task.done, timeout=30000)
    assert running.exit_code() == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["offline"] is True and figures["list_as_of"]
    assert figures["reservations"] == rows and figures["locations"] > 0


def test_an_offline_start_shows_the_saved_list_read_only_and_recovers_by_itself(
        start_shell: Callable[..., RunningShell], sandbox: Any, qtbot: Any) -> None:
    rows = _save_a_list(start_shell, qtbot)
    sandbox.stop()
    running = start_shell(demo_role="owner",
                          client_options={"retry": RetryPolicy(attempts=1, sleep=_no_wait)})
    qtbot.waitUntil(lambda: running.window() is not None and running.window().is_ready, timeout=30000)
    assert running.dialog() is None, "no sign-in dialog while the token is cached"
    window = running.window()
    assert window is not None
    assert window.reservations.model.rowCount() == rows
    assert window.offline_label.isVisible()
    assert "list as of" in window.offline_label.text()
    assert window.location_combo.count() > 1, "the saved locations"
    session = window.session
    session.probe_interval_s = session.probe_interval_max_s = 0.05
    sandbox.start()
    qtbot.waitUntil(lambda: not session.offline and not session.core.started_offline, timeout=30000)
    qtbot.waitUntil(lambda: not window.offline_label.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: not window.reservations.loading and not window.reservations.last_load_failed,
                    timeout=20000)
