"""QtSession edge cases a person only meets by accident: signing out or quitting mid-call."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
import shiboken6

from lok_desk.api import LokError
from lok_desk.core.problems import Kind, Problem
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


def test_the_error_signal_carries_the_problem_and_the_core_holds_the_flow(
    desk_session: Callable[..., QtSession], arun: Callable[..., Any], qtbot: Any
) -> None:
    session = desk_session("reporter")
    session.has_window = True
    heard: list[Any] = []
    session.error_raised.connect(heard.append)
    with pytest.raises(LokError) as caught:
        arun(session.call(session.service.get_reservation("no-such-reservation")))
    # A failure the core reports (e.g. a clean-up at sign-out) reaches the window as the Problem itself.
    shown = session.core.report(caught.value, doing="opening a reservation")
    assert heard == [shown] and isinstance(shown, Problem) and shown.kind is Kind.NOT_FOUND
    assert shown.server == session.server_label
    # One copy of the state: the locations are the store's, and the session keeps no client of its own.
    assert session.locations == session.store.locations() == session.core.locations
    assert not hasattr(session, "client") and not hasattr(session, "last_problem")
    # A listener call after the QObject is gone does nothing (no "Signal source has been deleted").
    relay = session.core.listener
    shiboken6.delete(session)
    relay.problem_raised(shown)
    relay.busy_changed(0)
