"""The embedded sandbox child dies while the desk runs: the desk starts it again on the same port (a
few times at most, said in the status bar) and carries on; past the limit it says plainly that the
practice server stopped and how to start it again."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lok_desk.api import Credentials, LokError, RetryPolicy, TokenCache
from lok_desk.desk.qt_session import SANDBOX, QtSession, open_session
from lok_desk.desk.sandbox_process import SandboxProcess
from lok_desk.desk.sandbox_watch import MAX_RESTARTS, SandboxWatch
from lok_desk.paths import AppPaths
from lok_desk.sandbox import DEMO_CLIENTS


async def _no_wait(_seconds: float) -> None:
    return None


@pytest.fixture
def child(desk_paths: AppPaths) -> Iterator[SandboxProcess]:
    process = SandboxProcess.start(reset=False)   # LOK_DESK_HOME (desk_paths) is the child's too
    try:
        process.ready.result(timeout=120)
        yield process
    finally:
        process.close()


def _kill_and_go_offline(process: SandboxProcess, session: QtSession, arun: Callable[..., Any]) -> None:
    os.kill(process.process.pid, signal.SIGKILL)
    process.process.wait()
    with pytest.raises(LokError):
        arun(session.load_locations(), timeout=60)
    assert session.offline


def test_a_dead_sandbox_child_is_started_again_and_the_desk_carries_on(
        child: SandboxProcess, desk_paths: AppPaths, arun: Callable[..., Any], qtbot: Any) -> None:
    client_id, secret = DEMO_CLIENTS["owner"]
    session: QtSession = arun(open_session(
        base_url=child.api_url, credentials=Credentials(client_id, secret),
        token_cache=TokenCache(desk_paths.token_cache_file), environment=SANDBOX, sandbox=child,
        retry=RetryPolicy(attempts=1, sleep=_no_wait)))
    try:
        session.probe_interval_s = session.probe_interval_max_s = 0.2
        watch = SandboxWatch(session, child)
        port, pid = child.port, child.process.pid
        _kill_and_go_offline(child, session, arun)
        qtbot.waitUntil(lambda: "started again" in watch.said, timeout=120000)
        assert child.port == port and child.process.pid != pid and child.restarts == 1
        qtbot.waitUntil(lambda: not session.offline, timeout=30000)   # the probe finds it by itself
        assert arun(session.load_locations())

        child.restarts = MAX_RESTARTS   # it keeps dying: no endless restarts, a plain sentence
        _kill_and_go_offline(child, session, arun)
        qtbot.waitUntil(lambda: "could not be kept running" in watch.said, timeout=30000)
        assert "--sandbox" in watch.said and child.stopped
    finally:
        arun(session.aclose())
        arun(asyncio.sleep(0))
