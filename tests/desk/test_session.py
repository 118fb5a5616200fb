"""QtSession edge cases a person only meets by accident: signing out or quitting mid-call."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import shiboken6

from lok_desk.desk.qt_session import QtSession


def test_a_call_still_running_when_the_session_goes_unwinds_quietly(
    desk_session: Callable[..., QtSession], arun: Callable[..., Any], qtbot: Any
) -> None:
    # A refresh still retrying a dead server when the person signs out: its task is cancelled after
    # the session's Qt object is deleted. It must end as cancelled, not raise "Signal source has been
    # deleted" into the app's error banner.
    session = desk_session("owner")
    started = asyncio.Event()

    async def slow_call() -> None:
        started.set()
        await asyncio.Event().wait()

    task = asyncio.ensure_future(session.call(slow_call()))
    arun(started.wait())
    assert session.busy == 1
    shiboken6.delete(session)
    task.cancel()
    qtbot.waitUntil(task.done)
    assert task.cancelled()
